import type { Task } from '../api/types';

/** What other parts of the extension need to name a task without fetching it again. */
export type TaskSummary = Pick<Task, 'id' | 'localId' | 'title' | 'projectId' | 'project' | 'clientId' | 'client'>;

export function summarizeTask(task: TaskSummary): TaskSummary {
  const { id, localId, title, projectId, project, clientId, client } = task;
  return { id, localId, title, projectId, project, clientId, client };
}

/** Whether a stored or passed value has what a task summary needs (an id and a title). */
export function isTaskSummary(value: unknown): value is TaskSummary {
  if (value === null || typeof value !== 'object') {
    return false;
  }
  const item = value as Record<string, unknown>;
  return typeof item.id === 'number' && typeof item.title === 'string';
}

/** `#12 Fix login` or `Fix login` when the task has no local id. */
export function taskLabel(task: Pick<Task, 'localId' | 'title'>): string {
  return task.localId === null ? task.title : `#${task.localId} ${task.title}`;
}

/**
 * The task id a command was given: a number, a numeric string, `{ taskId }`, a tree node or any
 * object carrying `{ task: { id } }`. Undefined when the argument names no task, so the command
 * asks instead.
 */
export function taskIdFrom(arg: unknown): number | undefined {
  if (typeof arg === 'number' || typeof arg === 'string') {
    return positiveId(arg);
  }
  if (arg === null || typeof arg !== 'object') {
    return undefined;
  }
  const record = arg as Record<string, unknown>;
  if (record.taskId !== undefined) {
    return positiveId(record.taskId);
  }
  const task = record.task;
  if (task !== null && typeof task === 'object') {
    return positiveId((task as Record<string, unknown>).id);
  }
  return undefined;
}

/** A positive integer id from a number or a string of digits; anything else is undefined. */
export function positiveId(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) && number > 0 ? number : undefined;
}

/** Whether a value is a whole task as the service returns it (a tree node holds one), not just a summary. */
export function isTask(value: unknown): value is Task {
  if (value === null || typeof value !== 'object') {
    return false;
  }
  const task = value as Record<string, unknown>;
  return typeof task.id === 'number' && typeof task.title === 'string' && Array.isArray(task.assigneeIds);
}
