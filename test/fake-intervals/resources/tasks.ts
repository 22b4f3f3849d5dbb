// /task/: everyone reads the tasks of projects they can access; administrators, managers and
// resources create and edit them; administrators and managers delete them.
import { forbidden, validation } from '../apiErrors';
import { canAccessProject, projectAccessFilter } from '../access';
import type { TaskRow } from '../store';
import { fullName, wireId, wireNumber } from '../values';
import type { OutObject } from '../xml';
import { readFields, type FieldSpec, type FieldValues } from './fields';
import { containsText, inDateRange, matchesAnyIds, matchesIds, type Filters } from './filters';
import { nextLocalId, type RequestContext, type ResourceHandler, type WriteBody } from './resource';

const TASK_FIELDS: Readonly<Record<string, FieldSpec>> = {
  projectid: { kind: 'id', required: true },
  moduleid: { kind: 'id', nullable: true },
  statusid: { kind: 'id', required: true },
  priorityid: { kind: 'id', required: true },
  title: { kind: 'string', required: true, max: 255 },
  description: { kind: 'string', nullable: true },
  dateopen: { kind: 'date', required: true },
  datedue: { kind: 'date', nullable: true },
  ownerid: { kind: 'id', required: true },
  assigneeid: { kind: 'ids' },
  followerid: { kind: 'ids' },
  estimate: { kind: 'number', nullable: true },
};

const TASK_RESPONSE_ONLY = [
  'localid',
  'project',
  'clientid',
  'client',
  'module',
  'status',
  'priority',
  'owner',
  'assignees',
  'milestoneid',
  'milestone',
  'dateclosed',
  'datecreated',
  'datemodified',
  'timerid',
  'starttime',
];

export function isClosedTask(ctx: RequestContext, task: TaskRow): boolean {
  return ctx.byId('taskstatus', task.statusid)?.isclosed ?? false;
}

export function isFrozenTask(ctx: RequestContext, task: TaskRow): boolean {
  return ctx.byId('taskstatus', task.statusid)?.frozen ?? false;
}

function names(ctx: RequestContext, ids: readonly number[]): string | null {
  if (ids.length === 0) {
    return null;
  }
  return ids.map((id) => {
    const person = ctx.byId('person', id);
    return person ? fullName(person) : `#${id}`;
  }).join(', ');
}

/** Whose timers `includetimerid` asks for: a person id, or t = the `personid` filter / the caller. */
function timerPersonId(ctx: RequestContext, f: Filters | undefined): number | undefined {
  const value = f?.raw('includetimerid');
  if (value === undefined || value === false) {
    return undefined;
  }
  return typeof value === 'number' ? value : (f?.id('personid') ?? ctx.caller.id);
}

function presentTask(ctx: RequestContext, t: TaskRow, f?: Filters): OutObject {
  const project = ctx.byId('project', t.projectid);
  const owner = ctx.byId('person', t.ownerid);
  const out: OutObject = {
    id: String(t.id),
    localid: String(t.localid),
    title: t.title,
    description: t.description,
    projectid: String(t.projectid),
    project: project?.name ?? null,
    clientid: wireId(project?.clientid),
    client: ctx.byId('client', project?.clientid)?.name ?? null,
    moduleid: wireId(t.moduleid),
    module: ctx.byId('module', t.moduleid)?.name ?? null,
    statusid: String(t.statusid),
    status: ctx.byId('taskstatus', t.statusid)?.name ?? null,
    priorityid: String(t.priorityid),
    priority: ctx.byId('taskpriority', t.priorityid)?.name ?? null,
    ownerid: String(t.ownerid),
    owner: owner ? fullName(owner) : null,
    assigneeid: t.assigneeids.length > 0 ? t.assigneeids.join(',') : null,
    assignees: names(ctx, t.assigneeids),
    followerid: t.followerids.length > 0 ? t.followerids.join(',') : null,
    milestoneid: wireId(t.milestoneid),
    milestone: null,
    dateopen: t.dateopen,
    datedue: t.datedue,
    dateclosed: t.dateclosed,
    datecreated: t.datecreated,
    datemodified: t.datemodified,
    estimate: wireNumber(t.estimate),
  };
  const personid = timerPersonId(ctx, f);
  if (personid !== undefined) {
    const timer = ctx.store.timer.find((r) => r.personid === personid && r.taskid === t.id);
    out.timerid = wireId(timer?.id);
    out.starttime = timer?.starttime ?? null;
  }
  return out;
}

function fromBody(values: FieldValues): Partial<TaskRow> {
  const { assigneeid, followerid, ...rest } = values;
  const result = { ...rest } as Partial<TaskRow>;
  if (assigneeid !== undefined) {
    result.assigneeids = (assigneeid as number[] | null) ?? [];
  }
  if (followerid !== undefined) {
    result.followerids = (followerid as number[] | null) ?? [];
  }
  return result;
}

function checkTask(ctx: RequestContext, row: TaskRow): void {
  const problems: string[] = [];
  const project = ctx.byId('project', row.projectid);
  if (!project) {
    problems.push(`projectid: project ${row.projectid} does not exist`);
  } else if (!canAccessProject(ctx.store, ctx.caller, row.projectid)) {
    throw forbidden(`you do not have access to project ${row.projectid}`);
  }
  if (
    row.moduleid != null &&
    project &&
    !ctx.store.projectmodule.some((m) => m.projectid === row.projectid && m.moduleid === row.moduleid && m.active)
  ) {
    problems.push(`moduleid: module ${row.moduleid} is not an active module of project ${row.projectid}`);
  }
  const status = ctx.byId('taskstatus', row.statusid);
  if (!status || !status.active) {
    problems.push(`statusid: task status ${row.statusid} does not exist or is inactive`);
  }
  const priority = ctx.byId('taskpriority', row.priorityid);
  if (!priority || !priority.active) {
    problems.push(`priorityid: task priority ${row.priorityid} does not exist or is inactive`);
  }
  const owner = ctx.byId('person', row.ownerid);
  if (!owner || !owner.active) {
    problems.push(`ownerid: person ${row.ownerid} does not exist or is inactive`);
  }
  for (const [field, ids] of [['assigneeid', row.assigneeids], ['followerid', row.followerids]] as const) {
    for (const id of ids) {
      const person = ctx.byId('person', id);
      if (!person || !person.active) {
        problems.push(`${field}: person ${id} does not exist or is inactive`);
      }
    }
  }
  if (row.title.trim() === '') {
    problems.push('title: must not be blank');
  }
  if (row.datedue != null && row.datedue < row.dateopen) {
    problems.push('datedue: must not be before dateopen');
  }
  if (row.estimate != null && row.estimate < 0) {
    problems.push('estimate: must not be negative');
  }
  if (problems.length > 0) {
    throw validation(problems);
  }
}

/** Keeps `dateclosed` in step with the status: set on closing, cleared on reopening. */
function settleClosed(ctx: RequestContext, row: TaskRow): void {
  if (isClosedTask(ctx, row)) {
    row.dateclosed ??= ctx.today;
  } else {
    row.dateclosed = null;
  }
}

function taskList(ctx: RequestContext, f: Filters): TaskRow[] {
  const timerPerson = timerPersonId(ctx, f);
  if (timerPerson !== undefined) {
    ctx.require(['Administrator', 'Manager', 'Resource'], 'see timers');
    if (ctx.group === 'Resource' && timerPerson !== ctx.caller.id) {
      throw forbidden('Resource users can only include their own timers');
    }
  }
  const visible = projectAccessFilter(ctx.store, ctx.caller);
  const restricted = ctx.caller.restricttasks;
  const personid = f.id('personid');
  const person = personid === undefined ? undefined : ctx.byId('person', personid);
  const forPerson = person ? projectAccessFilter(ctx.store, person) : () => personid === undefined;
  const clientids = f.ids('clientid');
  const title = f.text('title');
  if (f.id('tasklistfilterid') !== undefined) {
    throw validation([`tasklistfilterid: saved task list filter ${f.id('tasklistfilterid')} does not exist`]);
  }
  return ctx.store.task.filter((t) => {
    if (!visible(t.projectid) || !forPerson(t.projectid)) {
      return false;
    }
    if (restricted && t.ownerid !== ctx.caller.id && !t.assigneeids.includes(ctx.caller.id)) {
      return false;
    }
    const closed = isClosedTask(ctx, t);
    const overdue = t.datedue != null && t.datedue < ctx.today && !closed;
    return (
      matchesIds(f.ids('localid'), t.localid) &&
      matchesAnyIds(f.ids('assigneeid'), t.assigneeids) &&
      matchesAnyIds(f.ids('followerid'), t.followerids) &&
      matchesIds(f.ids('statusid'), t.statusid) &&
      (clientids === undefined || matchesIds(clientids, ctx.byId('project', t.projectid)?.clientid ?? null)) &&
      matchesIds(f.ids('projectid'), t.projectid) &&
      matchesIds(f.ids('moduleid'), t.moduleid) &&
      matchesIds(f.ids('milestoneid'), t.milestoneid) &&
      matchesIds(f.ids('ownerid'), t.ownerid) &&
      matchesIds(f.ids('priorityid'), t.priorityid) &&
      containsText(t.title, title) &&
      inDateRange(t.datecreated, f.text('datecreated'), f.text('datecreatedbegin'), f.text('datecreatedend')) &&
      inDateRange(t.dateopen, f.text('dateopen'), f.text('dateopenbegin'), f.text('dateopenend')) &&
      inDateRange(t.datedue, f.text('datedue'), f.text('dateduebegin'), f.text('datedueend')) &&
      inDateRange(t.dateclosed, f.text('dateclosed'), f.text('dateclosedbegin'), f.text('dateclosedend')) &&
      (f.bool('hasduedate') === undefined || (t.datedue != null) === f.bool('hasduedate')) &&
      (f.bool('overdue') === undefined || overdue === f.bool('overdue')) &&
      (f.bool('excludeclosed') !== true || !closed)
    );
  });
}

export const taskResource: ResourceHandler<TaskRow> = {
  name: 'task',
  shape: 'table',
  filters: {
    localid: 'ids',
    personid: 'id',
    includetimerid: 'idOrBool',
    assigneeid: 'idsOrNone',
    followerid: 'idsOrNone',
    statusid: 'ids',
    clientid: 'idsOrNone',
    projectid: 'ids',
    moduleid: 'ids',
    milestoneid: 'idsOrNone',
    title: 'text',
    datecreated: 'date',
    datecreatedbegin: 'date',
    datecreatedend: 'date',
    dateopen: 'date',
    dateopenbegin: 'date',
    dateopenend: 'date',
    datedue: 'date',
    dateduebegin: 'date',
    datedueend: 'date',
    dateclosed: 'date',
    dateclosedbegin: 'date',
    dateclosedend: 'date',
    hasduedate: 'bool',
    ownerid: 'ids',
    priorityid: 'ids',
    tasklistfilterid: 'id',
    overdue: 'bool',
    excludeclosed: 'bool',
  },
  sortFieldNames: ['id', 'localid', 'title', 'projectid', 'statusid', 'priorityid', 'dateopen', 'datedue', 'datecreated', 'datemodified'],
  authorize(ctx, op) {
    if (op === 'create' || op === 'update') {
      ctx.require(['Administrator', 'Manager', 'Resource'], `${op} tasks`);
    } else if (op === 'delete') {
      ctx.require(['Administrator', 'Manager'], 'delete tasks');
    }
  },
  list: taskList,
  get(ctx, id) {
    const row = ctx.byId('task', id);
    if (row && !canAccessProject(ctx.store, ctx.caller, row.projectid)) {
      throw forbidden(`you do not have access to project ${row.projectid}`);
    }
    return row;
  },
  present: presentTask,
  sortValue(field, row) {
    switch (field) {
      case 'localid':
        return row.localid;
      case 'title':
        return row.title.toLowerCase();
      case 'projectid':
        return row.projectid;
      case 'statusid':
        return row.statusid;
      case 'priorityid':
        return row.priorityid;
      case 'dateopen':
        return row.dateopen;
      case 'datedue':
        return row.datedue;
      case 'datecreated':
        return row.datecreated;
      case 'datemodified':
        return row.datemodified;
      default:
        return row.id;
    }
  },
  create(ctx, body: WriteBody) {
    const values = fromBody(readFields(body, TASK_FIELDS, TASK_RESPONSE_ONLY, undefined));
    const row: TaskRow = {
      id: ctx.store.nextId('task'),
      localid: nextLocalId(ctx.store.task),
      title: '',
      description: null,
      projectid: 0,
      moduleid: null,
      statusid: 0,
      priorityid: 0,
      ownerid: 0,
      assigneeids: [],
      followerids: [],
      milestoneid: null,
      dateopen: ctx.today,
      datedue: null,
      dateclosed: null,
      datecreated: ctx.stamp,
      datemodified: ctx.stamp,
      estimate: null,
      ...values,
    };
    checkTask(ctx, row);
    settleClosed(ctx, row);
    return ctx.store.insert('task', row);
  },
  update(ctx, row, body) {
    const values = fromBody(readFields(body, TASK_FIELDS, TASK_RESPONSE_ONLY, row as unknown as Record<string, unknown>));
    const next: TaskRow = { ...row, ...values, datemodified: ctx.stamp };
    if (next.projectid !== row.projectid && ctx.store.time.some((t) => t.taskid === row.id)) {
      throw validation([`projectid: task ${row.id} has time entries and cannot move to another project`]);
    }
    checkTask(ctx, next);
    settleClosed(ctx, next);
    return Object.assign(row, next);
  },
  remove(ctx, row) {
    if (ctx.store.time.some((t) => t.taskid === row.id)) {
      throw validation([`task ${row.id} has time entries; close it instead`]);
    }
    ctx.store.remove('task', row.id);
    for (const timer of ctx.store.timer.filter((t) => t.taskid === row.id)) {
      ctx.store.remove('timer', timer.id);
    }
  },
};
