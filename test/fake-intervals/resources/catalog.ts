// Work types and modules: the account defaults (/worktype/, /module/, administrators only) and
// their attachment to projects (/projectworktype/, /projectmodule/). Time entries and tasks
// reference the default ids (`worktypeid`, `moduleid`), never the attachment row ids.
import { forbidden, validation } from '../apiErrors';
import { canAccessProject, projectAccessFilter } from '../access';
import type { ModuleRow, ProjectModuleRow, ProjectWorkTypeRow, WorkTypeRow } from '../store';
import { wireBool, wireNumber } from '../values';
import { readFields, type FieldSpec } from './fields';
import { matchesIds, type Filters } from './filters';
import type { Operation, RequestContext, ResourceHandler } from './resource';

function adminOnly(ctx: RequestContext, op: Operation, what: string): void {
  ctx.require(['Administrator'], `${op === 'read' ? 'read' : op} ${what}`);
}

function checkUniqueName(rows: readonly { id: number; name: string }[], row: { id: number; name: string }, what: string): void {
  const lower = row.name.trim().toLowerCase();
  if (rows.some((r) => r.id !== row.id && r.name.trim().toLowerCase() === lower)) {
    throw validation([`name: a ${what} named '${row.name}' already exists`]);
  }
}

const WORKTYPE_FIELDS: Readonly<Record<string, FieldSpec>> = {
  name: { kind: 'string', required: true, max: 155 },
  defaulthourlyrate: { kind: 'number', required: true },
  active: { kind: 'bool', required: true },
};

export const worktypeResource: ResourceHandler<WorkTypeRow> = {
  name: 'worktype',
  shape: 'table',
  filters: { active: 'bool' },
  sortFieldNames: ['id', 'name'],
  authorize: (ctx, op) => adminOnly(ctx, op, 'work types'),
  list: (ctx, f) => ctx.store.worktype.filter((w) => f.bool('active') === undefined || w.active === f.bool('active')),
  get: (ctx, id) => ctx.byId('worktype', id),
  present: (_ctx, w) => ({
    id: String(w.id),
    name: w.name,
    defaulthourlyrate: wireNumber(w.defaulthourlyrate),
    active: wireBool(w.active),
  }),
  sortValue: (field, row) => (field === 'name' ? row.name.toLowerCase() : row.id),
  create(ctx, body) {
    const values = readFields(body, WORKTYPE_FIELDS, [], undefined);
    const row = { id: ctx.store.nextId('worktype'), ...values } as WorkTypeRow;
    checkRate(row.defaulthourlyrate, 'defaulthourlyrate');
    checkUniqueName(ctx.store.worktype, row, 'work type');
    return ctx.store.insert('worktype', row);
  },
  update(ctx, row, body) {
    const next = { ...row, ...readFields(body, WORKTYPE_FIELDS, [], row as unknown as Record<string, unknown>) } as WorkTypeRow;
    checkRate(next.defaulthourlyrate, 'defaulthourlyrate');
    checkUniqueName(ctx.store.worktype, next, 'work type');
    return Object.assign(row, next);
  },
  remove(ctx, row) {
    if (ctx.store.projectworktype.some((p) => p.worktypeid === row.id) || ctx.store.time.some((t) => t.worktypeid === row.id)) {
      throw validation([`work type ${row.id} is used by projects or time entries; deactivate it instead`]);
    }
    ctx.store.remove('worktype', row.id);
  },
};

function checkRate(value: number | null, field: string): void {
  if (value != null && value < 0) {
    throw validation([`${field}: must not be negative`]);
  }
}

const MODULE_FIELDS: Readonly<Record<string, FieldSpec>> = {
  name: { kind: 'string', required: true, max: 155 },
  description: { kind: 'string', nullable: true, max: 155 },
  active: { kind: 'bool', required: true },
};

export const moduleResource: ResourceHandler<ModuleRow> = {
  name: 'module',
  shape: 'table',
  filters: { active: 'bool' },
  sortFieldNames: ['id', 'name'],
  authorize: (ctx, op) => adminOnly(ctx, op, 'modules'),
  list: (ctx, f) => ctx.store.module.filter((m) => f.bool('active') === undefined || m.active === f.bool('active')),
  get: (ctx, id) => ctx.byId('module', id),
  present: (_ctx, m) => ({ id: String(m.id), name: m.name, description: m.description, active: wireBool(m.active) }),
  sortValue: (field, row) => (field === 'name' ? row.name.toLowerCase() : row.id),
  create(ctx, body) {
    const values = readFields(body, MODULE_FIELDS, [], undefined);
    const row = { id: ctx.store.nextId('module'), description: null, ...values } as ModuleRow;
    checkUniqueName(ctx.store.module, row, 'module');
    return ctx.store.insert('module', row);
  },
  update(ctx, row, body) {
    const next = { ...row, ...readFields(body, MODULE_FIELDS, [], row as unknown as Record<string, unknown>) } as ModuleRow;
    checkUniqueName(ctx.store.module, next, 'module');
    return Object.assign(row, next);
  },
  remove(ctx, row) {
    const used =
      ctx.store.projectmodule.some((p) => p.moduleid === row.id) ||
      ctx.store.time.some((t) => t.moduleid === row.id) ||
      ctx.store.task.some((t) => t.moduleid === row.id);
    if (used) {
      throw validation([`module ${row.id} is used by projects, tasks or time entries; deactivate it instead`]);
    }
    ctx.store.remove('module', row.id);
  },
};

/** Shared rules of the two project attachment resources. */
function projectLinkRows<Row extends { projectid: number; active: boolean }>(ctx: RequestContext, rows: readonly Row[], f: Filters): Row[] {
  const visible = projectAccessFilter(ctx.store, ctx.caller);
  const personid = f.id('personid');
  const person = personid === undefined ? undefined : ctx.byId('person', personid);
  const forPerson = person ? projectAccessFilter(ctx.store, person) : () => personid === undefined;
  // Resource users only ever see active attachments, whatever `active` says.
  const active = ctx.group === 'Resource' ? true : f.bool('active');
  return rows.filter(
    (r) =>
      visible(r.projectid) &&
      forPerson(r.projectid) &&
      matchesIds(f.ids('projectid'), r.projectid) &&
      (active === undefined || r.active === active),
  );
}

function projectLinkGet<Row extends { projectid: number; active: boolean }>(ctx: RequestContext, row: Row | undefined): Row | undefined {
  if (!row || (ctx.group === 'Resource' && !row.active)) {
    return undefined;
  }
  if (!canAccessProject(ctx.store, ctx.caller, row.projectid)) {
    throw forbidden(`you do not have access to project ${row.projectid}`);
  }
  return row;
}

function linkAuthorize(ctx: RequestContext, op: Operation, what: string): void {
  if (op !== 'read') {
    ctx.require(['Administrator'], `${op} ${what}`);
  }
}

const PROJECT_WORKTYPE_FIELDS: Readonly<Record<string, FieldSpec>> = {
  projectid: { kind: 'id', required: true, immutable: true },
  worktypeid: { kind: 'id', required: true, immutable: true },
  hourlyrate: { kind: 'number' },
  esttime: { kind: 'number', nullable: true },
  active: { kind: 'bool', required: true },
};

function checkProjectWorkType(ctx: RequestContext, row: ProjectWorkTypeRow): void {
  const problems: string[] = [];
  if (!ctx.byId('project', row.projectid)) {
    problems.push(`projectid: project ${row.projectid} does not exist`);
  }
  if (!ctx.byId('worktype', row.worktypeid)) {
    problems.push(`worktypeid: work type ${row.worktypeid} does not exist (custom project work types are not supported)`);
  }
  if (ctx.store.projectworktype.some((p) => p.id !== row.id && p.projectid === row.projectid && p.worktypeid === row.worktypeid)) {
    problems.push(`worktypeid: work type ${row.worktypeid} is already attached to project ${row.projectid}`);
  }
  if (row.hourlyrate < 0) {
    problems.push('hourlyrate: must not be negative');
  }
  if (problems.length > 0) {
    throw validation(problems);
  }
}

export const projectworktypeResource: ResourceHandler<ProjectWorkTypeRow> = {
  name: 'projectworktype',
  shape: 'table',
  filters: { projectid: 'ids', active: 'bool', personid: 'id' },
  sortFieldNames: ['id', 'projectid', 'worktype'],
  authorize: (ctx, op) => linkAuthorize(ctx, op, 'project work types'),
  list: (ctx, f) => projectLinkRows(ctx, ctx.store.projectworktype, f),
  get: (ctx, id) => projectLinkGet(ctx, ctx.byId('projectworktype', id)),
  present: (ctx, p) => ({
    id: String(p.id),
    projectid: String(p.projectid),
    project: ctx.byId('project', p.projectid)?.name ?? null,
    worktypeid: String(p.worktypeid),
    worktype: ctx.byId('worktype', p.worktypeid)?.name ?? null,
    hourlyrate: wireNumber(p.hourlyrate),
    esttime: wireNumber(p.esttime),
    active: wireBool(p.active),
  }),
  sortValue(field, row, ctx) {
    if (field === 'projectid') {
      return row.projectid;
    }
    return field === 'worktype' ? (ctx.byId('worktype', row.worktypeid)?.name.toLowerCase() ?? '') : row.id;
  },
  create(ctx, body) {
    const values = readFields(body, PROJECT_WORKTYPE_FIELDS, ['project', 'worktype'], undefined);
    const worktype = ctx.byId('worktype', values.worktypeid as number);
    const row = {
      id: ctx.store.nextId('projectworktype'),
      hourlyrate: worktype?.defaulthourlyrate ?? 0,
      esttime: null,
      ...values,
    } as ProjectWorkTypeRow;
    checkProjectWorkType(ctx, row);
    return ctx.store.insert('projectworktype', row);
  },
  update(ctx, row, body) {
    const values = readFields(body, PROJECT_WORKTYPE_FIELDS, ['project', 'worktype'], row as unknown as Record<string, unknown>);
    const next = { ...row, ...values } as ProjectWorkTypeRow;
    checkProjectWorkType(ctx, next);
    return Object.assign(row, next);
  },
  remove(ctx, row) {
    if (ctx.store.time.some((t) => t.projectid === row.projectid && t.worktypeid === row.worktypeid)) {
      throw validation([`time entries on project ${row.projectid} use work type ${row.worktypeid}; deactivate it instead`]);
    }
    ctx.store.remove('projectworktype', row.id);
  },
};

const PROJECT_MODULE_FIELDS: Readonly<Record<string, FieldSpec>> = {
  projectid: { kind: 'id', required: true, immutable: true },
  moduleid: { kind: 'id', required: true, immutable: true },
  description: { kind: 'string', nullable: true },
  active: { kind: 'bool', required: true },
};

function checkProjectModule(ctx: RequestContext, row: ProjectModuleRow): void {
  const problems: string[] = [];
  if (!ctx.byId('project', row.projectid)) {
    problems.push(`projectid: project ${row.projectid} does not exist`);
  }
  if (!ctx.byId('module', row.moduleid)) {
    problems.push(`moduleid: module ${row.moduleid} does not exist (custom project modules are not supported)`);
  }
  if (ctx.store.projectmodule.some((p) => p.id !== row.id && p.projectid === row.projectid && p.moduleid === row.moduleid)) {
    problems.push(`moduleid: module ${row.moduleid} is already attached to project ${row.projectid}`);
  }
  if (problems.length > 0) {
    throw validation(problems);
  }
}

export const projectmoduleResource: ResourceHandler<ProjectModuleRow> = {
  name: 'projectmodule',
  shape: 'table',
  filters: { projectid: 'ids', active: 'bool', personid: 'id' },
  sortFieldNames: ['id', 'projectid', 'module'],
  authorize: (ctx, op) => linkAuthorize(ctx, op, 'project modules'),
  list: (ctx, f) => projectLinkRows(ctx, ctx.store.projectmodule, f),
  get: (ctx, id) => projectLinkGet(ctx, ctx.byId('projectmodule', id)),
  present: (ctx, p) => ({
    id: String(p.id),
    projectid: String(p.projectid),
    project: ctx.byId('project', p.projectid)?.name ?? null,
    moduleid: String(p.moduleid),
    module: ctx.byId('module', p.moduleid)?.name ?? null,
    description: p.description,
    active: wireBool(p.active),
  }),
  sortValue(field, row, ctx) {
    if (field === 'projectid') {
      return row.projectid;
    }
    return field === 'module' ? (ctx.byId('module', row.moduleid)?.name.toLowerCase() ?? '') : row.id;
  },
  create(ctx, body) {
    const values = readFields(body, PROJECT_MODULE_FIELDS, ['project', 'module'], undefined);
    const row = { id: ctx.store.nextId('projectmodule'), description: null, ...values } as ProjectModuleRow;
    checkProjectModule(ctx, row);
    return ctx.store.insert('projectmodule', row);
  },
  update(ctx, row, body) {
    const values = readFields(body, PROJECT_MODULE_FIELDS, ['project', 'module'], row as unknown as Record<string, unknown>);
    const next = { ...row, ...values } as ProjectModuleRow;
    checkProjectModule(ctx, next);
    return Object.assign(row, next);
  },
  remove(ctx, row) {
    const used =
      ctx.store.time.some((t) => t.projectid === row.projectid && t.moduleid === row.moduleid) ||
      ctx.store.task.some((t) => t.projectid === row.projectid && t.moduleid === row.moduleid);
    if (used) {
      throw validation([`tasks or time entries on project ${row.projectid} use module ${row.moduleid}; deactivate it instead`]);
    }
    ctx.store.remove('projectmodule', row.id);
  },
};
