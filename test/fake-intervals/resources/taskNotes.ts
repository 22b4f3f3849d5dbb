// /tasknote/: notes on a task, public (seen by clients) or private. Without a `taskid` filter only
// the notes of the last 7 days are listed, like the real service.
import { forbidden, validation } from '../apiErrors';
import { canAccessProject } from '../access';
import type { TaskNoteRow } from '../store';
import { addDays, fullName, wireBool } from '../values';
import type { OutObject } from '../xml';
import { readFields, type FieldSpec } from './fields';
import { containsText, matchesIds } from './filters';
import type { RequestContext, ResourceHandler } from './resource';

const TASKNOTE_FIELDS: Readonly<Record<string, FieldSpec>> = {
  taskid: { kind: 'id', required: true, immutable: true },
  note: { kind: 'string', required: true },
  title: { kind: 'string', nullable: true, max: 255 },
  public: { kind: 'bool' },
};

const TASKNOTE_RESPONSE_ONLY = ['localid', 'authorid', 'author', 'date', 'datemodified', 'tasklocalid'];

function presentNote(ctx: RequestContext, n: TaskNoteRow): OutObject {
  const author = ctx.byId('person', n.authorid);
  return {
    id: String(n.id),
    taskid: String(n.taskid),
    tasklocalid: String(ctx.byId('task', n.taskid)?.localid ?? ''),
    title: n.title,
    note: n.note,
    public: wireBool(n.public),
    authorid: String(n.authorid),
    author: author ? fullName(author) : null,
    date: n.date,
    datemodified: n.datemodified,
  };
}

function visibleNote(ctx: RequestContext, n: TaskNoteRow): boolean {
  const task = ctx.byId('task', n.taskid);
  return task !== undefined && canAccessProject(ctx.store, ctx.caller, task.projectid);
}

function checkNote(ctx: RequestContext, row: TaskNoteRow): void {
  const task = ctx.byId('task', row.taskid);
  if (!task) {
    throw validation([`taskid: task ${row.taskid} does not exist`]);
  }
  if (!canAccessProject(ctx.store, ctx.caller, task.projectid)) {
    throw forbidden(`you do not have access to project ${task.projectid}`);
  }
  if (row.note.trim() === '') {
    throw validation(['note: must not be empty']);
  }
}

export const taskNoteResource: ResourceHandler<TaskNoteRow> = {
  name: 'tasknote',
  shape: 'table',
  filters: { taskid: 'ids', authorid: 'ids', public: 'bool', title: 'text', datebegin: 'datetime', dateend: 'datetime' },
  sortFieldNames: ['id', 'taskid', 'authorid', 'date'],
  authorize(ctx, op) {
    if (op !== 'read') {
      ctx.require(['Administrator', 'Manager', 'Resource'], `${op} task notes`);
    }
  },
  list(ctx, f) {
    const taskIds = f.ids('taskid');
    const weekAgo = `${addDays(ctx.today, -7)} ${ctx.stamp.slice(11)}`;
    const title = f.text('title');
    const begin = f.text('datebegin');
    const end = f.text('dateend');
    return ctx.store.tasknote.filter(
      (n) =>
        visibleNote(ctx, n) &&
        (taskIds !== undefined ? matchesIds(taskIds, n.taskid) : n.date >= weekAgo) &&
        matchesIds(f.ids('authorid'), n.authorid) &&
        (f.bool('public') === undefined || n.public === f.bool('public')) &&
        (title === undefined || containsText(n.title, title)) &&
        (begin === undefined || n.date >= begin) &&
        (end === undefined || n.date <= end),
    );
  },
  get(ctx, id) {
    const row = ctx.byId('tasknote', id);
    if (row && !visibleNote(ctx, row)) {
      throw forbidden(`you do not have access to the task of note ${id}`);
    }
    return row;
  },
  present: presentNote,
  sortValue(field, row) {
    switch (field) {
      case 'taskid':
        return row.taskid;
      case 'authorid':
        return row.authorid;
      case 'date':
        return row.date;
      default:
        return row.id;
    }
  },
  create(ctx, body) {
    const values = readFields(body, TASKNOTE_FIELDS, TASKNOTE_RESPONSE_ONLY, undefined);
    const row = {
      id: ctx.store.nextId('tasknote'),
      title: null,
      public: false,
      ...values,
      authorid: ctx.caller.id,
      date: ctx.stamp,
      datemodified: ctx.stamp,
    } as TaskNoteRow;
    checkNote(ctx, row);
    return ctx.store.insert('tasknote', row);
  },
  update(ctx, row, body) {
    if (!ctx.actsForOthers() && row.authorid !== ctx.caller.id) {
      throw forbidden(`note ${row.id} was written by someone else`);
    }
    const values = readFields(body, TASKNOTE_FIELDS, TASKNOTE_RESPONSE_ONLY, row as unknown as Record<string, unknown>);
    const next = { ...row, ...values, datemodified: ctx.stamp } as TaskNoteRow;
    checkNote(ctx, next);
    return Object.assign(row, next);
  },
  remove(ctx, row) {
    if (!ctx.actsForOthers() && row.authorid !== ctx.caller.id) {
      throw forbidden(`note ${row.id} was written by someone else`);
    }
    ctx.store.remove('tasknote', row.id);
  },
};
