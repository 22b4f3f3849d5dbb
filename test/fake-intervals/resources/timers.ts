// /timer/: `time` holds recorded seconds, `starttime` (UTC) is set while running. The server
// never ticks a timer; clients start, pause and resume by editing those two fields.
import { forbidden, validation } from '../apiErrors';
import { canAccessProject } from '../access';
import type { TimerRow } from '../store';
import { fullName, parseDateTime, wireId } from '../values';
import type { OutObject } from '../xml';
import { readFields, type FieldSpec } from './fields';
import { matchesIds, type Filters } from './filters';
import type { RequestContext, ResourceHandler } from './resource';
import { isFrozenTask } from './tasks';

const TIMER_FIELDS: Readonly<Record<string, FieldSpec>> = {
  personid: { kind: 'id' },
  taskid: { kind: 'id', nullable: true },
  name: { kind: 'string', nullable: true, max: 255 },
  time: { kind: 'number' },
  starttime: { kind: 'datetime', nullable: true },
};

const TIMER_RESPONSE_ONLY = ['lastupdate', 'person', 'task', 'tasklocalid', 'projectid', 'project', 'clientid', 'client'];

/** How far in the future a start time may lie (client clock skew). */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

function presentTimer(ctx: RequestContext, t: TimerRow, f?: Filters): OutObject {
  const out: OutObject = {
    id: String(t.id),
    personid: String(t.personid),
    taskid: wireId(t.taskid),
    name: t.name,
    time: String(t.time),
    starttime: t.starttime,
    lastupdate: t.lastupdate,
  };
  // Lists carry task details only with gettimerinfo=t; a member always does.
  if (f === undefined || f.bool('gettimerinfo') === true) {
    const person = ctx.byId('person', t.personid);
    const task = ctx.byId('task', t.taskid);
    const project = ctx.byId('project', task?.projectid);
    Object.assign(out, {
      person: person ? fullName(person) : null,
      task: task?.title ?? null,
      tasklocalid: wireId(task?.localid),
      projectid: wireId(project?.id),
      project: project?.name ?? null,
      clientid: wireId(project?.clientid),
      client: ctx.byId('client', project?.clientid)?.name ?? null,
    });
  }
  return out;
}

function checkTimer(ctx: RequestContext, row: TimerRow): void {
  if (!ctx.actsForOthers() && row.personid !== ctx.caller.id) {
    throw forbidden('Resource users can only use their own timers');
  }
  const problems: string[] = [];
  const person = ctx.byId('person', row.personid);
  if (!person || !person.active) {
    problems.push(`personid: person ${row.personid} does not exist or is inactive`);
  }
  if (row.taskid != null) {
    const task = ctx.byId('task', row.taskid);
    if (!task) {
      problems.push(`taskid: task ${row.taskid} does not exist`);
    } else {
      if (person && !canAccessProject(ctx.store, person, task.projectid)) {
        problems.push(`taskid: person ${row.personid} has no access to the project of task ${task.id}`);
      }
      if (isFrozenTask(ctx, task)) {
        problems.push(`taskid: task ${task.id} is in a frozen status; time cannot be tracked on it`);
      }
      const other = ctx.store.timer.find((t) => t.id !== row.id && t.personid === row.personid && t.taskid === row.taskid);
      if (other) {
        problems.push(`taskid: person ${row.personid} already has timer ${other.id} on task ${row.taskid}`);
      }
    }
  }
  if (row.time < 0) {
    problems.push('time: must not be negative (seconds)');
  }
  if (row.starttime != null && parseDateTime(row.starttime).getTime() > ctx.now.getTime() + FUTURE_TOLERANCE_MS) {
    problems.push('starttime: must not be in the future (UTC)');
  }
  if (problems.length > 0) {
    throw validation(problems);
  }
}

export const timerResource: ResourceHandler<TimerRow> = {
  name: 'timer',
  shape: 'table',
  filters: {
    generaltimers: 'bool',
    gettimerinfo: 'bool',
    taskid: 'ids',
    personid: 'ids',
    projectid: 'ids',
    clientid: 'idsOrNone',
  },
  sortFieldNames: ['id', 'lastupdate'],
  authorize(ctx) {
    ctx.require(['Administrator', 'Manager', 'Resource'], 'use timers');
  },
  list(ctx, f) {
    const both = f.bool('gettimerinfo') === true;
    const general = f.bool('generaltimers') === true;
    return ctx.store.timer.filter((t) => {
      if (ctx.group === 'Resource' && t.personid !== ctx.caller.id) {
        return false;
      }
      if (!both && (t.taskid == null) !== general) {
        return false;
      }
      const task = ctx.byId('task', t.taskid);
      const project = ctx.byId('project', task?.projectid);
      return (
        matchesIds(f.ids('taskid'), t.taskid) &&
        matchesIds(f.ids('personid'), t.personid) &&
        (f.ids('projectid') === undefined || (project !== undefined && matchesIds(f.ids('projectid'), project.id))) &&
        (f.ids('clientid') === undefined || (project !== undefined && matchesIds(f.ids('clientid'), project.clientid)))
      );
    });
  },
  get(ctx, id) {
    const row = ctx.byId('timer', id);
    if (row && ctx.group === 'Resource' && row.personid !== ctx.caller.id) {
      throw forbidden(`timer ${id} belongs to someone else`);
    }
    return row;
  },
  present: presentTimer,
  sortValue: (field, row) => (field === 'lastupdate' ? row.lastupdate : row.id),
  create(ctx, body) {
    const values = readFields(body, TIMER_FIELDS, TIMER_RESPONSE_ONLY, undefined);
    const row = {
      id: ctx.store.nextId('timer'),
      personid: ctx.caller.id,
      taskid: null,
      name: null,
      time: 0,
      starttime: null,
      ...values,
      lastupdate: ctx.stamp,
    } as TimerRow;
    row.time = Math.round(row.time);
    checkTimer(ctx, row);
    return ctx.store.insert('timer', row);
  },
  update(ctx, row, body) {
    const values = readFields(body, TIMER_FIELDS, TIMER_RESPONSE_ONLY, row as unknown as Record<string, unknown>);
    const next = { ...row, ...values, lastupdate: ctx.stamp } as TimerRow;
    next.time = Math.round(next.time);
    checkTimer(ctx, next);
    return Object.assign(row, next);
  },
  remove(ctx, row) {
    ctx.store.remove('timer', row.id);
  },
};
