// /taskstatus/ and /taskpriority/: readable by everyone, written by administrators.
import { validation } from '../apiErrors';
import type { TaskPriorityRow, TaskStatusRow } from '../store';
import { wireBool } from '../values';
import { readFields, type FieldSpec } from './fields';
import type { RequestContext, ResourceHandler } from './resource';

function adminWrites(ctx: RequestContext, op: string, what: string): void {
  if (op !== 'read') {
    ctx.require(['Administrator'], `${op} ${what}`);
  }
}

const STATUS_FIELDS: Readonly<Record<string, FieldSpec>> = {
  name: { kind: 'string', required: true, max: 55 },
  active: { kind: 'bool', required: true },
  priority: { kind: 'integer' },
  frozen: { kind: 'bool' },
};

export const taskstatusResource: ResourceHandler<TaskStatusRow> = {
  name: 'taskstatus',
  shape: 'table',
  filters: { active: 'bool' },
  sortFieldNames: ['id', 'name', 'priority'],
  authorize: (ctx, op) => adminWrites(ctx, op, 'task statuses'),
  list: (ctx, f) => ctx.store.taskstatus.filter((s) => f.bool('active') === undefined || s.active === f.bool('active')),
  get: (ctx, id) => ctx.byId('taskstatus', id),
  present: (_ctx, s) => ({
    id: String(s.id),
    name: s.name,
    priority: String(s.priority),
    frozen: wireBool(s.frozen),
    active: wireBool(s.active),
  }),
  sortValue(field, row) {
    if (field === 'name') {
      return row.name.toLowerCase();
    }
    return field === 'priority' ? row.priority : row.id;
  },
  create(ctx, body) {
    const values = readFields(body, STATUS_FIELDS, [], undefined);
    const row = {
      id: ctx.store.nextId('taskstatus'),
      priority: Math.max(0, ...ctx.store.taskstatus.map((s) => s.priority)) + 1,
      frozen: false,
      isclosed: false,
      ...values,
    } as TaskStatusRow;
    return ctx.store.insert('taskstatus', row);
  },
  update(_ctx, row, body) {
    return Object.assign(row, readFields(body, STATUS_FIELDS, [], row as unknown as Record<string, unknown>));
  },
  remove(ctx, row) {
    if (ctx.store.task.some((t) => t.statusid === row.id)) {
      throw validation([`task status ${row.id} is used by tasks; deactivate it instead`]);
    }
    ctx.store.remove('taskstatus', row.id);
  },
};

const PRIORITY_FIELDS: Readonly<Record<string, FieldSpec>> = {
  name: { kind: 'string', required: true, max: 255 },
  color: { kind: 'color', required: true },
  priority: { kind: 'integer', required: true },
  isdefault: { kind: 'bool' },
  active: { kind: 'bool' },
};

/** Exactly one default priority: setting one clears the others. */
function settleDefault(ctx: RequestContext, row: TaskPriorityRow): void {
  if (row.isdefault) {
    for (const other of ctx.store.taskpriority) {
      if (other.id !== row.id) {
        other.isdefault = false;
      }
    }
  }
}

export const taskpriorityResource: ResourceHandler<TaskPriorityRow> = {
  name: 'taskpriority',
  shape: 'table',
  filters: { active: 'bool' },
  sortFieldNames: ['id', 'name', 'priority'],
  authorize: (ctx, op) => adminWrites(ctx, op, 'task priorities'),
  list: (ctx, f) => ctx.store.taskpriority.filter((p) => f.bool('active') === undefined || p.active === f.bool('active')),
  get: (ctx, id) => ctx.byId('taskpriority', id),
  present: (_ctx, p) => ({
    id: String(p.id),
    name: p.name,
    color: p.color,
    priority: String(p.priority),
    isdefault: wireBool(p.isdefault),
    active: wireBool(p.active),
  }),
  sortValue(field, row) {
    if (field === 'name') {
      return row.name.toLowerCase();
    }
    return field === 'priority' ? row.priority : row.id;
  },
  create(ctx, body) {
    const values = readFields(body, PRIORITY_FIELDS, [], undefined);
    const row = { id: ctx.store.nextId('taskpriority'), isdefault: false, active: true, ...values } as TaskPriorityRow;
    ctx.store.insert('taskpriority', row);
    settleDefault(ctx, row);
    return row;
  },
  update(ctx, row, body) {
    const values = readFields(body, PRIORITY_FIELDS, [], row as unknown as Record<string, unknown>);
    if (row.isdefault && values.isdefault === false) {
      throw validation(['isdefault: make another priority the default instead']);
    }
    Object.assign(row, values);
    settleDefault(ctx, row);
    return row;
  },
  remove(ctx, row) {
    if (row.isdefault) {
      throw validation([`task priority ${row.id} is the default; make another priority the default first`]);
    }
    if (ctx.store.task.some((t) => t.priorityid === row.id)) {
      throw validation([`task priority ${row.id} is used by tasks; deactivate it instead`]);
    }
    ctx.store.remove('taskpriority', row.id);
  },
};
