import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { IntervalsClient } from '../../api/client';
import type { TimeEntry } from '../../api/types';
import type { AccountGuard } from '../../auth/accountGuard';
import type { SessionState } from '../../auth/accountSession';
import type { Clock } from '../../common/clock';
import type { Notifier } from '../../common/notifier';
import { escapeIcons } from '../../common/untrustedText';
import { runSteps } from '../../prompts/asker';
import { isTask, isTaskSummary, positiveId, summarizeTask, taskIdFrom, type TaskSummary } from '../../tasks/taskReference';
import { toIsoDate } from '../../time/dates';
import { formatDuration } from '../../time/duration';
import { entryLabel, entryProject, retryArguments, waitingMessage, type LogTimeAnswers, type ProjectTime } from '../../timeLog/logTimeOutcome';
import { checkHours, checkIsoDate, type QueuedTimeEntry } from '../../timeLog/timeEntryDraft';
import type { TimeLogSync, WaitReason } from '../../timeLog/timeLogSync';
import { argumentObject, resolveTask } from '../args';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';
import { hoursText } from './logTimeFields';
import { givenProjectTime } from './logTimeProject';
import { logTimeSteps, logTimeTitle, rememberWorkType, type LogTimeForm, type LogTimeStepsContext } from './logTimeSteps';

export type LogTimeResult =
  | { status: 'logged'; entry: TimeEntry }
  | { status: 'queued'; id: string; reason: WaitReason }
  | { status: 'cancelled' }
  | { status: 'invalid' | 'failed'; message: string };

type Refused = { status: 'invalid' | 'failed'; message: string };

/** The button on a refusal that opens Log Time again with every answer filled in. */
export function editAndRetry(): string {
  return l10n.t('Edit and Try Again');
}

/** The same for an entry from a timer: Stop Timer and Log again, with the timer's time read anew. */
function stopAndRetry(): string {
  return l10n.t('Log the Timer Again');
}

export interface LogTimeDependencies extends LogTimeStepsContext {
  readonly guard: Pick<AccountGuard, 'clientAsking'>;
  readonly session: { readonly state: SessionState };
  readonly recentTasks: LogTimeStepsContext['recentTasks'] & { remember(task: TaskSummary): Promise<void> };
  readonly sync: Pick<TimeLogSync, 'submit'>;
  readonly notifier: Notifier;
  readonly clock: Clock;
}

/**
 * Log Time: asks for (or takes from the argument) task, day, duration, work type, billable and
 * description, checks them, and sends the entry through the outbox.
 */
export class LogTime {
  constructor(private readonly deps: LogTimeDependencies) {}

  async run(arg?: unknown): Promise<LogTimeResult> {
    const api = await this.deps.guard.clientAsking(l10n.t('Sign in to Intervals to log time.'));
    const state = this.deps.session.state;
    if (!api || !state.signedIn) {
      return { status: 'cancelled' };
    }
    const args = argumentObject(arg) ?? {};
    const prompt = args.prompt === true;
    const interactive = prompt || args.hours === undefined;
    const today = this.deps.clock.now();
    // Every given value is checked first, so a bad argument is refused without any prompt.
    const values = await this.givenValues(args, prompt, today);
    if ('status' in values) {
      return this.refuse(values, interactive);
    }
    const project = await this.givenProject(arg, args, interactive);
    if (project && 'status' in project) {
      return this.refuse(project, interactive);
    }
    const task = project ? { ok: true as const, task: undefined } : await this.givenTask(api, arg, args);
    if (!task.ok) {
      return this.refuse(task.refused, interactive);
    }
    values.task = task.task;
    values.project = project;
    const form: LogTimeForm = { api, values, interactive, prompt, today, askProject: project !== undefined };
    try {
      return await this.complete(form, state.account.personId);
    } finally {
      // The task list the first step loaded: its request is over before the command returns.
      await form.pending;
    }
  }

  private async complete(form: LogTimeForm, personId: number): Promise<LogTimeResult> {
    if (!(await runSteps(logTimeTitle(), logTimeSteps(this.deps, form)))) {
      const refusal = form.refusal;
      return refusal ? this.refuse(refusal, form.interactive, refusal.offerRetry ? form.values : undefined) : { status: 'cancelled' };
    }
    return this.submit(form, personId);
  }

  /** Tells the user why nothing was logged, for callers that check before running the flow. */
  refuseInvalid(message: string): LogTimeResult {
    return this.refuse({ status: 'invalid', message }, false);
  }

  /** The values the argument gives, checked; what is wrong with the first that does not fit. */
  private async givenValues(args: Record<string, unknown>, prompt: boolean, today: Date): Promise<LogTimeAnswers | Refused> {
    const timerId = args.timerId !== undefined ? positiveId(args.timerId) : undefined;
    if (args.timerId !== undefined && timerId === undefined) {
      return invalid(l10n.t('{0} is not a timer id.', JSON.stringify(args.timerId)));
    }
    const values: LogTimeAnswers = { ...(timerId !== undefined ? { timerId } : {}), ...(args.fromTimer === true ? { fromTimer: true } : {}) };
    if (args.date !== undefined) {
      const date = checkIsoDate(args.date);
      if (!date.ok) {
        return invalid(date.message);
      }
      values.date = date.iso;
    }
    if (args.hours !== undefined) {
      // A number of hours (a timer's, to the second) is shown to the user as h:mm, never as 0.5036.
      // A timer stopped within its first second still offers a minute to log, never "0".
      const fromTimer = args.fromTimer === true && typeof args.hours === 'number' && args.hours >= 0;
      const given = prompt && typeof args.hours === 'number' && (args.hours > 0 || fromTimer) ? hoursText(args.hours) : args.hours;
      const checked = checkHours(given, this.deps.rounding(), (await this.deps.loggedHours(values.date ?? toIsoDate(today))) ?? 0);
      if (!checked.ok && !prompt) {
        return invalid(checked.message);
      }
      values.hoursText = String(given);
      values.hours = checked.ok ? checked.hours : undefined;
    }
    if (args.worktypeId !== undefined) {
      values.workTypeId = positiveId(args.worktypeId);
      if (values.workTypeId === undefined) {
        return invalid(l10n.t('{0} is not a work type id.', JSON.stringify(args.worktypeId)));
      }
    }
    if (typeof args.billable === 'boolean') {
      values.billable = args.billable;
    }
    if (typeof args.description === 'string') {
      values.description = args.description;
    }
    if (args.postNote === true) {
      values.postNote = true;
    }
    return values;
  }

  /** `{ projectId, moduleId? }`: project time, checked; a task and a project together are refused. */
  private async givenProject(arg: unknown, args: Record<string, unknown>, interactive: boolean): Promise<ProjectTime | Refused | undefined> {
    const projectId = positiveId(args.projectId);
    const moduleId = positiveId(args.moduleId);
    if (projectId === undefined) {
      return moduleId !== undefined ? invalid(l10n.t('A moduleId needs the projectId of its project.')) : undefined;
    }
    if (taskIdFrom(arg) !== undefined) {
      return invalid(l10n.t('Give either a task or a project (time without a task), not both.'));
    }
    return givenProjectTime(this.deps.lookups, projectId, moduleId, interactive);
  }

  /**
   * The task the argument names: the tree node's own, else fetched; offline, a recent task or the
   * one the argument describes (Edit and Try Again carries it) is enough to keep the entry.
   */
  private async givenTask(
    api: IntervalsClient,
    arg: unknown,
    args: Record<string, unknown>,
  ): Promise<{ ok: true; task: LogTimeAnswers['task'] } | { ok: false; refused: Refused }> {
    try {
      return { ok: true, task: await resolveTask(arg, isTask, { fetch: (taskId) => api.getTask(taskId) }) };
    } catch (error) {
      const taskId = taskIdFrom(arg);
      const given = isTaskSummary(args.task) && args.task.id === taskId ? summarizeTask(args.task) : undefined;
      const summary = this.deps.recentTasks.list().find((task) => task.id === taskId) ?? given;
      return summary ? { ok: true, task: summary } : { ok: false, refused: { status: 'failed', message: l10n.t('Could not load task {0}: {1}', String(taskId), errorText(error)) } };
    }
  }

  private async submit(form: LogTimeForm, personId: number): Promise<LogTimeResult> {
    const { values, interactive } = form;
    const task = values.task;
    const projectId = entryProject(values)?.projectId;
    if (projectId === undefined || projectId === null || values.hours === undefined || values.workTypeId === undefined || !values.date) {
      return this.refuse(invalid(l10n.t('The entry is incomplete.')), interactive);
    }
    const result = await this.deps.sync.submit(queuedEntry(form, personId));
    if (result.status === 'logged' || result.status === 'queued') {
      if (task) {
        await this.deps.recentTasks.remember(summarizeTask(task));
      }
      await rememberWorkType(this.deps.memento, projectId, values.workTypeId);
      await postNote(values);
    }
    const duration = formatDuration(values.hours * 3600);
    const label = entryLabel(values);
    const what = `${duration} on ${label} (${values.date})`;
    switch (result.status) {
      case 'logged':
        this.deps.log.info(`Logged ${what} as entry ${result.entry.id}`);
        vscode.window.setStatusBarMessage(l10n.t('$(check) Logged {0} on {1} ({2})', escapeIcons(duration), escapeIcons(label), values.date), 5000);
        return result;
      case 'queued':
        this.deps.log.warn(`${what} waits to sync (${result.reason})`);
        void this.deps.notifier.show(result.reason === 'otherWindow' ? 'information' : 'warning', waitingMessage(result.reason, l10n.t({ message: '{0} on {1}', args: [duration, label], comment: ['What is kept to be sent: a duration on a task'] })));
        return result;
      default:
        return this.refuse(result, interactive, values);
    }
  }

  /**
   * Tells the user why nothing was logged. When the user had answered the prompts (`values`), the
   * message offers to open Log Time again with every answer filled in, so nothing is typed twice.
   */
  private refuse(result: Refused, interactive: boolean, values?: LogTimeAnswers): LogTimeResult {
    this.deps.log.warn(`Log time: ${result.message}`);
    const again = interactive && (values?.task || values?.project) ? retryArguments(values) : undefined;
    const button = again?.command === 'intervals.stopTimer' ? stopAndRetry() : editAndRetry();
    // Not awaited: the message would hold the command until the user dismisses it.
    void this.deps.notifier.offer(interactive ? 'error' : 'warning', l10n.t('Could not log time. {0}', result.message), again ? [button] : [], () =>
      again ? vscode.commands.executeCommand(again.command, again.args) : undefined,
    );
    return result;
  }
}

/**
 * "Also post the description as a task note": a private note on the task, through Add Note to
 * Task (which says when it is posted or why not). Nothing without a task or a description.
 */
async function postNote(values: LogTimeAnswers): Promise<void> {
  const note = values.description?.trim();
  if (values.postNote && values.task && note) {
    await vscode.commands.executeCommand('intervals.addTaskNote', { taskId: values.task.id, note, public: false });
  }
}

/** The entry as it goes into the outbox. */
function queuedEntry(form: LogTimeForm, personId: number): QueuedTimeEntry {
  const { values } = form;
  const task = values.task;
  const description = values.description?.trim() ? values.description.trim() : null;
  const target = entryProject(values) as { projectId: number; project: string | null };
  // A task's entry takes the task's module; project time names its own (Intervals needs it when the project has modules).
  const moduleId = task ? ('moduleId' in task ? task.moduleId : null) : (values.project?.moduleId ?? null);
  return {
    input: {
      personId,
      ...(task ? { taskId: task.id } : {}),
      projectId: target.projectId,
      ...(moduleId !== null ? { moduleId } : {}),
      workTypeId: values.workTypeId as number,
      date: values.date as string,
      time: values.hours as number,
      billable: values.billable ?? true,
      description,
    },
    ...(values.timerId !== undefined ? { timerId: values.timerId } : {}),
    taskLabel: entryLabel(values),
    project: target.project,
    // From the list step 4 loaded; none when it could not be loaded (no second failing request).
    workType: form.workTypes?.find((type) => type.workTypeId === values.workTypeId)?.name ?? null,
  };
}

/**
 * `intervals.logTime`: `{ taskId, date, hours, worktypeId, billable, description, timerId?, prompt? }`
 * (`{ projectId, moduleId? }` instead of `taskId` for project time)
 * skips the prompts it answers (with `prompt: true` they only prefill them); a task tree node
 * fixes the task. Returns what became of the entry.
 */
export function logTimeCommand(logTime: Pick<LogTime, 'run'>): Command {
  return {
    id: 'intervals.logTime',
    arguments: argumentKeys('intervals.logTime'),
    execute: (arg?: unknown): Promise<LogTimeResult> => logTime.run(arg),
  };
}

function invalid(message: string): Refused {
  return { status: 'invalid', message };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
