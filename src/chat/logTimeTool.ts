import * as l10n from '@vscode/l10n';
import type { Task } from '../api/types';
import { checkHours } from '../timeLog/timeEntryDraft';
import { logTimeConfirmation, type TimeEntryPlan } from './chatConfirmations';
import { matchNamed, resolveDay, type Resolved } from './chatResolution';
import { findTask } from './chatTasks';
import type { ChatToolDependencies, ChatToolSpec, ToolContext } from './chatTool';
import { taskNumber } from './chatText';

/** What `intervals.logTime` returns (its result, as the command documents it). */
type LogTimeResult = { status: 'logged'; entry: { id: number } } | { status: 'queued'; reason: string } | { status: 'cancelled' } | { status: 'invalid' | 'failed'; message: string };

export interface LogTimeInput {
  readonly task?: unknown;
  readonly date?: unknown;
  readonly duration?: unknown;
  readonly workType?: unknown;
  readonly billable?: unknown;
  readonly description?: unknown;
}

/** The entry as Log Time's argument object takes it, with what the confirmation says of it. */
export interface EntryPlan extends TimeEntryPlan {
  readonly task: Task;
  readonly taskId: number;
  readonly workTypeId: number;
}

/** What an entry on `task` needs besides its day and time: the work type and billable, checked. */
export async function entryFields(
  deps: Pick<ChatToolDependencies, 'lookups'>,
  task: Task,
  input: Pick<LogTimeInput, 'workType' | 'billable' | 'description'>,
): Promise<Resolved<{ workTypeId: number; workType: string; billable: boolean; description: string | null }>> {
  if (task.projectId === null) {
    return { ok: false, message: l10n.t('Task id {0} {1} belongs to no project, so time cannot be logged on it.', task.id, taskNumber(task)) };
  }
  const types = (await deps.lookups.projectWorkTypes(task.projectId)).filter((type) => type.active);
  if (types.length === 0) {
    return { ok: false, message: l10n.t('The project of task id {0} {1} has no active work types, so time cannot be logged on it.', task.id, taskNumber(task)) };
  }
  return workFields(deps, task.projectId, input);
}

/** The work type (needed by name when the project has several), billable (else the project's) and description of an entry on a project. */
export async function workFields(
  deps: Pick<ChatToolDependencies, 'lookups'>,
  projectId: number,
  input: Pick<LogTimeInput, 'workType' | 'billable' | 'description'>,
): Promise<Resolved<{ workTypeId: number; workType: string; billable: boolean; description: string | null }>> {
  const types = (await deps.lookups.projectWorkTypes(projectId)).filter((type) => type.active);
  if (types.length === 0) {
    return { ok: false, message: l10n.t('The project has no active work types, so time cannot be logged on it.') };
  }
  let workType = types[0];
  if (typeof input.workType === 'string' && input.workType.trim() !== '') {
    const named = matchNamed(input.workType, types, (type) => type.name, (type) => type.workTypeId, 'workType');
    if (!named.ok) {
      return named;
    }
    workType = named.value;
  } else if (types.length > 1) {
    const names = types.map((type) => `"${type.name}"`).join(', ');
    return { ok: false, message: l10n.t('workType is needed: the project has several work types ({0}). Ask the user which one.', names) };
  }
  if (input.billable !== undefined && typeof input.billable !== 'boolean') {
    return { ok: false, message: l10n.t('billable must be true or false.') };
  }
  const project = (await deps.lookups.activeProjects()).find((each) => each.id === projectId);
  const billable = typeof input.billable === 'boolean' ? input.billable : (project?.billable ?? true);
  const description = typeof input.description === 'string' && input.description.trim() !== '' ? input.description.trim() : null;
  return { ok: true, value: { workTypeId: workType.workTypeId, workType: workType.name, billable, description } };
}

async function planEntry(deps: ChatToolDependencies, input: LogTimeInput, context: ToolContext): Promise<Resolved<EntryPlan>> {
  const date = input.date === undefined || input.date === '' ? { ok: true as const, value: undefined } : resolveDay(input.date, context.today, 'date');
  if (!date.ok) {
    return date;
  }
  const hours = checkHours(input.duration, deps.rounding());
  if (!hours.ok) {
    return { ok: false, message: l10n.t('duration: {0}', hours.message) };
  }
  const found = await findTask(deps, context, input.task);
  if (!found.ok) {
    return found;
  }
  const fields = await entryFields(deps, found.task, input);
  if (!fields.ok) {
    return fields;
  }
  const today = resolveDay('today', context.today, 'date');
  const day = date.value ?? (today.ok ? today.value : '');
  return { ok: true, value: { task: found.task, taskId: found.task.id, date: day, seconds: hours.seconds, ...fields.value } };
}

/** Log Time's argument object for a plan: nothing is asked, the entry goes through the outbox. */
export function logTimeArgument(plan: EntryPlan): Record<string, unknown> {
  return {
    taskId: plan.taskId,
    date: plan.date,
    hours: plan.seconds / 3600,
    worktypeId: plan.workTypeId,
    billable: plan.billable,
    ...(plan.description ? { description: plan.description } : {}),
  };
}

/** What became of an entry, in words for the model. */
export function loggedText(result: LogTimeResult | undefined, plan: EntryPlan): string {
  switch (result?.status) {
    case 'logged':
      return l10n.t('Logged: time entry {0}, {1} h on task id {2} {3}, {4}.', result.entry.id, (plan.seconds / 3600).toFixed(2), plan.taskId, taskNumber(plan.task), plan.date);
    case 'queued':
      return l10n.t('Intervals could not be reached ({0}): the entry is kept on this computer and sent automatically later. Nothing else to do.', result.reason);
    case 'invalid':
    case 'failed':
      return l10n.t('Intervals did not log the entry: {0}', result.message);
    default:
      return l10n.t('Nothing was logged.');
  }
}

export function logTimeTool(deps: ChatToolDependencies): ChatToolSpec<LogTimeInput, EntryPlan> {
  return {
    kind: 'write',
    async plan(input, context) {
      const planned = await planEntry(deps, input, context);
      return planned.ok ? { ok: true, plan: planned.value, confirmation: logTimeConfirmation(planned.value) } : planned;
    },
    async carryOut(plan) {
      return loggedText(await deps.run<LogTimeResult>('intervals.logTime', logTimeArgument(plan)), plan);
    },
  };
}
