import * as l10n from '@vscode/l10n';
import type { Task, TaskInput } from '../../api/types';
import type { LookupCache } from '../../lookups/lookupCache';
import { laterDateProblem, isoOrNull, nameProblem } from '../../prompts/formRules';
import { defaultPriority, defaultStatus } from '../../tasks/taskDefaults';
import { positiveId } from '../../tasks/taskReference';
import { parseDate } from '../../time/dates';
import { load, type LoadContext } from '../writes';

/** What a task made from an argument object needs: the account's statuses and priorities, for the defaults. */
export interface TaskInputContext extends LoadContext {
  readonly lookups: Pick<LookupCache, 'taskStatuses' | 'taskPriorities'>;
}

/** The argument object of `intervals.createTask` that makes `input` without asking. */
export function taskArgument(input: TaskInput): Record<string, unknown> {
  return {
    projectId: input.projectId,
    ...(input.moduleId != null ? { moduleId: input.moduleId } : {}),
    title: input.title,
    statusId: input.statusId,
    priorityId: input.priorityId,
    ownerId: input.ownerId,
    dateOpen: input.dateOpen,
    ...(input.assigneeIds && input.assigneeIds.length > 0 ? { assigneeIds: [...input.assigneeIds] } : {}),
    ...(input.dateDue ? { dateDue: input.dateDue } : {}),
    ...(input.description ? { description: input.description } : {}),
  };
}

/** The input an argument object describes (defaults filled in), or what is wrong with it. */
export async function taskInputFromArgument(
  context: TaskInputContext,
  options: Record<string, unknown>,
  projectId: number | undefined,
  personId: number,
  today: Date,
): Promise<TaskInput | string | undefined> {
  if (projectId === undefined) {
    return l10n.t('Say which project the task belongs to (projectId).');
  }
  const title = String(options.title);
  const titleProblem = nameProblem(title, 'task title'); // l10n-ignore: which sentence of the form rules
  if (titleProblem) {
    return titleProblem;
  }
  const open = parseDate(typeof options.dateOpen === 'string' ? options.dateOpen : 'today', today);
  if (!open.ok) {
    return open.message;
  }
  const dueText = typeof options.dateDue === 'string' ? options.dateDue : '';
  const ids = laterDateProblem(dueText, today, open.iso, 'open date') ?? givenIds(options); // l10n-ignore: which sentence of the form rules
  if (typeof ids === 'string') {
    return ids;
  }
  let defaults: { statusId: number; priorityId: number } | string | undefined;
  if (ids.statusId === undefined || ids.priorityId === undefined) {
    defaults = await load(context, l10n.t('Could not load task statuses and priorities'), () => taskDefaults(context.lookups));
    if (defaults === undefined || typeof defaults === 'string') {
      return defaults;
    }
  }
  const description = typeof options.description === 'string' && options.description.trim() !== '' ? options.description : undefined;
  return {
    projectId,
    ...(ids.moduleId !== undefined ? { moduleId: ids.moduleId } : {}),
    title: title.trim(),
    statusId: ids.statusId ?? (defaults as { statusId: number }).statusId,
    priorityId: ids.priorityId ?? (defaults as { priorityId: number }).priorityId,
    ownerId: ids.ownerId ?? personId,
    dateOpen: open.iso,
    ...(ids.assigneeIds.length > 0 ? { assigneeIds: ids.assigneeIds } : {}),
    ...(dueText.trim() ? { dateDue: isoOrNull(dueText, today) } : {}),
    ...(description ? { description } : {}),
  };
}

/** Tells the views about a task just created. */
export function announceTask(context: { log: { info(message: string): void }; changes: { fire(change: { resource: 'task'; id: number; projectId: number; item: Task }): void } }, task: Task, projectId: number): void {
  context.log.info(`Created task ${task.id} in project ${projectId}`);
  context.changes.fire({ resource: 'task', id: task.id, projectId, item: task });
}

interface GivenIds {
  moduleId?: number;
  statusId?: number;
  priorityId?: number;
  ownerId?: number;
  assigneeIds: number[];
}

/** The ids an argument gives, or what is wrong with one of them. */
function givenIds(options: Record<string, unknown>): GivenIds | string {
  const ids: Record<string, number | undefined> = {};
  for (const key of ['moduleId', 'statusId', 'priorityId', 'ownerId'] as const) {
    if (options[key] !== undefined && options[key] !== null) {
      ids[key] = positiveId(options[key]);
      if (ids[key] === undefined) {
        return l10n.t('"{0}" is not a valid {1}.', String(options[key]), key);
      }
    }
  }
  const assigneeIds = options.assigneeIds === undefined ? [] : idList(options.assigneeIds);
  if (!assigneeIds) {
    return l10n.t('"{0}" is not a list of person ids.', String(options.assigneeIds));
  }
  return { ...ids, assigneeIds };
}

function idList(value: unknown): number[] | undefined {
  const items = Array.isArray(value) ? value : typeof value === 'string' || typeof value === 'number' ? String(value).split(',') : [];
  const ids = items.map((item) => positiveId(typeof item === 'string' ? item.trim() : item));
  return ids.every((id): id is number => id !== undefined) ? ids : undefined;
}

async function taskDefaults(lookups: TaskInputContext['lookups']): Promise<{ statusId: number; priorityId: number } | string> {
  const [statuses, priorities] = await Promise.all([lookups.taskStatuses(), lookups.taskPriorities()]);
  const status = defaultStatus(statuses);
  const priority = defaultPriority(priorities);
  if (!status || !priority) {
    return l10n.t('Intervals has no active task status or priority; an administrator must add one first.');
  }
  return { statusId: status.id, priorityId: priority.id };
}
