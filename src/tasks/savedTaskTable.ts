import type { Task } from '../api/types';

/**
 * The saved open tasks as a table: the field names once, then one row of values per task, in
 * this order. Half the size of a list of objects; a row is turned back into a task by a literal
 * object (below), which is many times faster than setting fields by name. A change of `Task`
 * fails the type check until both lists follow it; a change of order needs a new cache version.
 */
export const TASK_FIELDS = [
  'id', 'localId', 'title', 'description', 'projectId', 'project', 'clientId', 'client', 'moduleId', 'module',
  'statusId', 'status', 'priorityId', 'priority', 'ownerId', 'owner', 'assigneeIds', 'assignees', 'followerIds',
  'milestoneId', 'milestone', 'dateCreated', 'dateOpen', 'dateDue', 'dateClosed', 'dateModified', 'estimate',
  'timerId', 'timerStartTime',
] as const satisfies readonly (keyof Task)[];

/** Compiles only while TASK_FIELDS names every field of Task. */
const everyField: Exclude<keyof Task, (typeof TASK_FIELDS)[number]> extends never ? true : never = true;
void everyField;

export interface TaskTable {
  fields: string[];
  rows: unknown[][];
}

export function taskTable(tasks: readonly Task[]): TaskTable {
  return { fields: [...TASK_FIELDS], rows: tasks.map((task) => TASK_FIELDS.map((field) => task[field] ?? null)) };
}

/** The tasks of a table of this field order; undefined for anything else (another order, a damaged file). */
export function tasksOf(table: unknown): Task[] | undefined {
  const { fields, rows } = (table ?? {}) as Partial<TaskTable>;
  if (!Array.isArray(fields) || fields.length !== TASK_FIELDS.length || fields.some((field, index) => field !== TASK_FIELDS[index]) || !Array.isArray(rows)) {
    return undefined;
  }
  const tasks: Task[] = [];
  for (const row of rows) {
    if (!Array.isArray(row) || row.length !== TASK_FIELDS.length || typeof row[0] !== 'number') {
      return undefined;
    }
    tasks.push(taskOf(row));
  }
  return tasks;
}

function taskOf(r: unknown[]): Task {
  return {
    id: r[0] as number,
    localId: r[1] as Task['localId'],
    title: r[2] as string,
    description: r[3] as Task['description'],
    projectId: r[4] as Task['projectId'],
    project: r[5] as Task['project'],
    clientId: r[6] as Task['clientId'],
    client: r[7] as Task['client'],
    moduleId: r[8] as Task['moduleId'],
    module: r[9] as Task['module'],
    statusId: r[10] as Task['statusId'],
    status: r[11] as Task['status'],
    priorityId: r[12] as Task['priorityId'],
    priority: r[13] as Task['priority'],
    ownerId: r[14] as Task['ownerId'],
    owner: r[15] as Task['owner'],
    assigneeIds: (r[16] ?? []) as number[],
    assignees: r[17] as Task['assignees'],
    followerIds: (r[18] ?? []) as number[],
    milestoneId: r[19] as Task['milestoneId'],
    milestone: r[20] as Task['milestone'],
    dateCreated: r[21] as Task['dateCreated'],
    dateOpen: r[22] as Task['dateOpen'],
    dateDue: r[23] as Task['dateDue'],
    dateClosed: r[24] as Task['dateClosed'],
    dateModified: r[25] as Task['dateModified'],
    estimate: r[26] as Task['estimate'],
    timerId: r[27] as Task['timerId'],
    timerStartTime: r[28] as Task['timerStartTime'],
  };
}
