// /time/ (time entries, decimal hours). Resources see and write only their own entries;
// executives only read.
import { forbidden, validation } from '../apiErrors';
import { canAccessProject, projectAccessFilter } from '../access';
import type { TimeRow, TimeStorage } from '../store';
import { fullName, wireBool, wireId, wireNumber } from '../values';
import type { OutObject } from '../xml';
import { readFields, type FieldSpec, type FieldValues } from './fields';
import { inDateRange, matchesIds } from './filters';
import type { RequestContext, ResourceHandler } from './resource';
import { isFrozenTask } from './tasks';

const TIME_FIELDS: Readonly<Record<string, FieldSpec>> = {
  personid: { kind: 'id', required: true },
  projectid: { kind: 'id', nullable: true },
  taskid: { kind: 'id', nullable: true },
  moduleid: { kind: 'id', nullable: true },
  worktypeid: { kind: 'id', required: true },
  date: { kind: 'date', required: true },
  time: { kind: 'number', required: true },
  billable: { kind: 'bool' },
  description: { kind: 'string', nullable: true },
};

const TIME_RESPONSE_ONLY = [
  'project',
  'clientid',
  'client',
  'module',
  'task',
  'tasklocalid',
  'worktype',
  'person',
  'dateiso',
  'approved',
  'datemodified',
  'milestoneid',
];

export const MAX_HOURS_PER_ENTRY = 24;

function presentTime(ctx: RequestContext, t: TimeRow): OutObject {
  const project = ctx.byId('project', t.projectid);
  const task = ctx.byId('task', t.taskid);
  const person = ctx.byId('person', t.personid);
  return {
    id: String(t.id),
    projectid: String(t.projectid),
    project: project?.name ?? null,
    clientid: wireId(project?.clientid),
    client: ctx.byId('client', project?.clientid)?.name ?? null,
    moduleid: wireId(t.moduleid),
    module: ctx.byId('module', t.moduleid)?.name ?? null,
    taskid: wireId(t.taskid),
    task: task?.title ?? null,
    tasklocalid: wireId(task?.localid),
    worktypeid: String(t.worktypeid),
    worktype: ctx.byId('worktype', t.worktypeid)?.name ?? null,
    personid: String(t.personid),
    person: person ? fullName(person) : null,
    date: t.date,
    dateiso: t.date,
    time: wireNumber(t.time),
    billable: wireBool(t.billable),
    description: t.description,
    approved: wireBool(t.approved),
    milestoneid: null,
    datemodified: t.datemodified,
  };
}

/**
 * Resolves the project from the task when one is given, fills defaults (module from the task,
 * billable from the project) and checks every reference the way the service would.
 */
function resolveTime(ctx: RequestContext, base: TimeRow | undefined, values: FieldValues): TimeRow {
  const problems: string[] = [];
  const merged = { ...(base ?? {}), ...values } as Partial<TimeRow>;
  const taskChanged = values.taskid !== undefined && values.taskid !== base?.taskid;
  const task = ctx.byId('task', merged.taskid ?? undefined);
  if (merged.taskid != null && !task) {
    problems.push(`taskid: task ${merged.taskid} does not exist`);
  }
  if (task) {
    if (values.projectid != null && values.projectid !== task.projectid) {
      problems.push(`projectid: project ${values.projectid} is not the project of task ${task.id} (${task.projectid})`);
    } else if (merged.projectid != null && merged.projectid !== task.projectid && !taskChanged) {
      problems.push(`projectid: project ${merged.projectid} is not the project of task ${task.id} (${task.projectid})`);
    }
    merged.projectid = task.projectid;
    if (values.moduleid === undefined && (taskChanged || !base)) {
      merged.moduleid = task.moduleid;
    }
    if (isFrozenTask(ctx, task)) {
      problems.push(`taskid: task ${task.id} is in a frozen status; time cannot be logged on it`);
    }
  }
  if (merged.projectid == null) {
    if (merged.taskid == null) {
      problems.push('taskid: either taskid or projectid is required');
    }
    throw validation(problems);
  }
  const project = ctx.byId('project', merged.projectid);
  if (!project) {
    problems.push(`projectid: project ${merged.projectid} does not exist`);
    throw validation(problems);
  }
  if (!project.active) {
    problems.push(`projectid: project ${project.id} is inactive`);
  }
  const person = ctx.byId('person', merged.personid);
  if (!person || !person.active) {
    problems.push(`personid: person ${merged.personid} does not exist or is inactive`);
  } else if (!canAccessProject(ctx.store, person, project.id)) {
    problems.push(`personid: person ${person.id} has no access to project ${project.id}`);
  }
  const attached = ctx.store.projectworktype.find((p) => p.projectid === project.id && p.worktypeid === merged.worktypeid);
  if (!attached || !attached.active) {
    const isRowId = ctx.store.projectworktype.some((p) => p.id === merged.worktypeid && p.projectid === project.id);
    problems.push(
      `worktypeid: work type ${merged.worktypeid} is not an active work type of project ${project.id}` +
        (isRowId ? ' (that is a projectworktype row id; send its worktypeid)' : ''),
    );
  }
  if (merged.taskid == null && merged.moduleid == null && ctx.store.projectmodule.some((m) => m.projectid === project.id && m.active)) {
    problems.push(`moduleid: required without a taskid (project ${project.id} has modules)`);
  }
  if (
    merged.moduleid != null &&
    !ctx.store.projectmodule.some((m) => m.projectid === project.id && m.moduleid === merged.moduleid && m.active)
  ) {
    problems.push(`moduleid: module ${merged.moduleid} is not an active module of project ${project.id}`);
  }
  if (merged.time !== undefined && (merged.time <= 0 || merged.time > MAX_HOURS_PER_ENTRY)) {
    problems.push(`time: must be more than 0 and at most ${MAX_HOURS_PER_ENTRY} hours`);
  }
  if (problems.length > 0) {
    throw validation(problems);
  }
  return {
    id: 0,
    approved: false,
    description: null,
    taskid: null,
    moduleid: null,
    ...merged,
    billable: merged.billable ?? project.billable,
    datemodified: ctx.stamp,
  } as TimeRow;
}

/** The description and hours as this account stores them (see `TimeStorage`). */
export function storedTime(storage: TimeStorage | undefined, row: TimeRow): TimeRow {
  if (!storage) {
    return row;
  }
  let description = row.description;
  if (description !== null && storage.descriptions === 'escaped') {
    description = description.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  } else if (description !== null && storage.descriptions === 'stripped') {
    description = description.replace(/<[^>]*>/g, '');
  }
  const scale = storage.hoursDecimals === undefined ? undefined : 10 ** storage.hoursDecimals;
  const time = scale === undefined ? row.time : Math.round(row.time * scale) / scale;
  return { ...row, description, time };
}

function checkOwnEntry(ctx: RequestContext, personid: number): void {
  if (!ctx.actsForOthers() && personid !== ctx.caller.id) {
    throw forbidden('Resource users can only log time for themselves');
  }
}

function checkApproved(row: TimeRow): void {
  if (row.approved) {
    throw validation([`time entry ${row.id} is approved and can no longer be changed`]);
  }
}

function visibleTime(ctx: RequestContext): (row: TimeRow) => boolean {
  if (ctx.group === 'Resource') {
    return (row) => row.personid === ctx.caller.id;
  }
  const projects = projectAccessFilter(ctx.store, ctx.caller);
  return (row) => projects(row.projectid);
}

export const timeResource: ResourceHandler<TimeRow> = {
  name: 'time',
  shape: 'table',
  filters: {
    activeonly: 'bool',
    moduleid: 'ids',
    taskid: 'ids',
    worktypeid: 'ids',
    personid: 'ids',
    clientid: 'idsOrNone',
    projectid: 'ids',
    milestoneid: 'idsOrNone',
    date: 'date',
    datebegin: 'date',
    dateend: 'date',
    datemodifiedbegin: 'datetime',
    datemodifiedend: 'datetime',
    billable: 'bool',
    approved: 'bool',
  },
  sortFieldNames: ['id', 't.date', 'date', 'datemodified'],
  authorize(ctx, op) {
    if (op !== 'read') {
      ctx.require(['Administrator', 'Manager', 'Resource'], `${op} time entries`);
    }
  },
  list(ctx, f) {
    const visible = visibleTime(ctx);
    const clientids = f.ids('clientid');
    const activeonly = f.bool('activeonly') === true;
    return ctx.store.time.filter((t) => {
      if (!visible(t)) {
        return false;
      }
      const project = ctx.byId('project', t.projectid);
      if (activeonly && !(project?.active && ctx.byId('person', t.personid)?.active)) {
        return false;
      }
      return (
        matchesIds(f.ids('moduleid'), t.moduleid) &&
        matchesIds(f.ids('taskid'), t.taskid) &&
        matchesIds(f.ids('worktypeid'), t.worktypeid) &&
        matchesIds(f.ids('personid'), t.personid) &&
        (clientids === undefined || matchesIds(clientids, project?.clientid ?? null)) &&
        matchesIds(f.ids('projectid'), t.projectid) &&
        matchesIds(f.ids('milestoneid'), null) &&
        inDateRange(t.date, f.text('date'), f.text('datebegin'), f.text('dateend')) &&
        inDateRange(t.datemodified, undefined, f.text('datemodifiedbegin'), f.text('datemodifiedend')) &&
        (f.bool('billable') === undefined || t.billable === f.bool('billable')) &&
        (f.bool('approved') === undefined || t.approved === f.bool('approved'))
      );
    });
  },
  get(ctx, id) {
    const row = ctx.byId('time', id);
    if (row && !visibleTime(ctx)(row)) {
      throw forbidden(`time entry ${id} belongs to someone else`);
    }
    return row;
  },
  present: presentTime,
  sortValue(field, row) {
    switch (field) {
      case 't.date':
      case 'date':
        return row.date;
      case 'datemodified':
        return row.datemodified;
      default:
        return row.id;
    }
  },
  create(ctx, body) {
    const values = readFields(body, TIME_FIELDS, TIME_RESPONSE_ONLY, undefined);
    checkOwnEntry(ctx, values.personid as number);
    const row = storedTime(ctx.store.account.timeStorage, resolveTime(ctx, undefined, values));
    row.id = ctx.store.nextId('time');
    return ctx.store.insert('time', row);
  },
  update(ctx, row, body) {
    const values = readFields(body, TIME_FIELDS, TIME_RESPONSE_ONLY, row as unknown as Record<string, unknown>);
    checkApproved(row);
    if (values.personid !== undefined) {
      checkOwnEntry(ctx, values.personid as number);
    }
    const next = storedTime(ctx.store.account.timeStorage, resolveTime(ctx, row, values));
    return Object.assign(row, next, { id: row.id });
  },
  remove(ctx, row) {
    checkApproved(row);
    ctx.store.remove('time', row.id);
  },
};
