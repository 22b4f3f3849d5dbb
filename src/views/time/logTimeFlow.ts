import * as vscode from 'vscode';
import type { Project, ProjectWorkType, Task, TimeEntry } from '../../api/types';
import type { AccountSession } from '../../auth/accountSession';
import { argumentObject } from '../../commands/commandTable';
import { clientOrSignIn } from '../../common/accountGuard';
import type { DataChanges } from '../../common/dataChanges';
import type { Logger } from '../../common/logger';
import type { LookupCache } from '../../lookups/lookupCache';
import type { RecentTasks } from '../../tasks/recentTasks';
import { isTaskSummary, positiveId, summarizeTask, taskIdFrom, taskLabel, type TaskSummary } from '../../tasks/taskReference';
import { dayInWords, parseDate, toIsoDate } from '../../time/dates';
import { formatDuration, isTimeRounding, isTimeRoundingMode, type TimeRounding, type TimeRoundingMode } from '../../time/duration';
import { checkHours, checkIsoDate, type QueuedTimeEntry } from '../../timeLog/timeEntryDraft';
import type { TimeLogSync, WaitReason } from '../../timeLog/timeLogSync';
import { notify } from '../../common/notifications';
import { retryArguments, waitingMessage, type LogTimeAnswers } from '../../timeLog/logTimeOutcome';
import { BACK, checkedInput, type Asker } from '../../prompts/asker';
import { escapeIcons } from '../../common/untrustedText';

export type LogTimeResult =
  | { status: 'logged'; entry: TimeEntry }
  | { status: 'queued'; id: string; reason: WaitReason }
  | { status: 'cancelled' }
  | { status: 'invalid' | 'failed'; message: string };

const LAST_WORK_TYPES_KEY = 'intervals.lastWorkTypeByProject';
/** The button on a refusal that opens Log Time again with every answer filled in. */
export const EDIT_AND_RETRY = 'Edit and Try Again';
/** The same for an entry from a timer: Stop Timer and Log Time again, with the timer's time read anew. */
export const STOP_AND_RETRY = 'Log the Timer Again';
const TITLE = 'Log Time';
const TOTAL_STEPS = 6;

export interface LogTimeFlowOptions {
  session: AccountSession;
  lookups: LookupCache;
  recentTasks: RecentTasks;
  changes: DataChanges;
  globalState: vscode.Memento;
  sync: TimeLogSync;
  log: Logger;
  asker: () => Asker;
  /** Hours already logged on a day, from the view or the service; undefined when unknown. */
  loggedHours: (isoDate: string) => Promise<number | undefined>;
  /** Runs what a notification's button starts (Edit and Try Again) as background work. */
  track: <T>(label: string, work: Promise<T>) => Promise<T>;
  today?: () => Date;
}

/** The rounding settings, read where they are used so a change applies to the next entry. */
export function roundingSettings(): { rounding: TimeRounding; mode: TimeRoundingMode } {
  const config = vscode.workspace.getConfiguration('intervals');
  const rounding = config.get<unknown>('timeRounding');
  const mode = config.get<unknown>('timeRoundingMode');
  return { rounding: isTimeRounding(rounding) ? rounding : 'none', mode: isTimeRoundingMode(mode) ? mode : 'nearest' };
}


function invalid(message: string): LogTimeResult {
  return { status: 'invalid', message };
}

/**
 * `intervals.logTime`: asks for (or takes from the argument) task, day, duration, work type,
 * billable and description, checks them, and sends the entry through the outbox.
 */
export class LogTimeFlow {
  constructor(private readonly options: LogTimeFlowOptions) {}

  private today(): Date {
    return this.options.today?.() ?? new Date();
  }

  async run(arg?: unknown): Promise<LogTimeResult> {
    const api = await clientOrSignIn(this.options.session, 'log time');
    const state = this.options.session.state;
    if (!api || !state.signedIn) {
      return { status: 'cancelled' };
    }
    const args = argumentObject(arg) ?? {};
    const prompt = args.prompt === true;
    const interactive = prompt || args.hours === undefined;
    const timerId = args.timerId !== undefined ? positiveId(args.timerId) : undefined;
    if (args.timerId !== undefined && timerId === undefined) {
      return this.refuse(invalid(`${JSON.stringify(args.timerId)} is not a timer id.`), interactive);
    }
    const values: LogTimeAnswers = { ...(timerId !== undefined ? { timerId } : {}), ...(args.fromTimer === true ? { fromTimer: true } : {}) };

    // Check every given value first, so a bad argument is reported without any prompt.
    const taskId = taskIdFrom(arg);
    if (args.date !== undefined) {
      const date = checkIsoDate(args.date);
      if (!date.ok) {
        return this.refuse(invalid(date.message), interactive);
      }
      values.date = date.iso;
    }
    if (args.hours !== undefined) {
      const hours = checkHours(args.hours, roundingSettings(), (await this.options.loggedHours(values.date ?? toIsoDate(this.today()))) ?? 0);
      if (!hours.ok && !prompt) {
        return this.refuse(invalid(hours.message), interactive);
      }
      values.hoursText = String(args.hours);
      values.hours = hours.ok ? hours.hours : undefined;
    }
    if (args.worktypeId !== undefined) {
      values.workTypeId = positiveId(args.worktypeId);
      if (values.workTypeId === undefined) {
        return this.refuse(invalid(`${JSON.stringify(args.worktypeId)} is not a work type id.`), interactive);
      }
    }
    if (typeof args.billable === 'boolean') {
      values.billable = args.billable;
    }
    if (typeof args.description === 'string') {
      values.description = args.description;
    }

    if (taskId !== undefined) {
      try {
        values.task = await api.getTask(taskId);
      } catch (error) {
        // Offline: a recent task, or the one the argument describes (Edit and Try Again carries it).
        const given = isTaskSummary(args.task) && args.task.id === taskId ? summarizeTask(args.task) : undefined;
        const summary = this.options.recentTasks.list().find((task) => task.id === taskId) ?? given;
        if (!summary) {
          return this.refuse({ status: 'failed', message: `Could not load task ${taskId}: ${errorText(error)}` }, interactive);
        }
        // Offline: the remembered task is enough to queue the entry.
        values.task = summary;
      }
    }

    const projects = new ProjectFacts(this.options.lookups);
    let step = values.task && !prompt ? 2 : 1;
    const asker = this.options.asker();
    const history: number[] = [];
    const next = (to: number): void => {
      history.push(step);
      step = to;
    };
    // A step with nothing to ask moves on without a place in the history, so Back passes over it.
    const skip = (to: number): void => {
      step = to;
    };
    let loadedWorkTypes: ProjectWorkType[] | undefined;
    const back = (): void => {
      step = history.pop() ?? 1;
    };
    for (;;) {
      if (step === 1) {
        const task = await this.askTask(asker, values.task);
        if (task === undefined) {
          return { status: 'cancelled' };
        }
        values.task = task;
        next(2);
        continue;
      }
      const task = values.task;
      if (!task) {
        step = 1;
        continue;
      }
      if (task.projectId === null) {
        return this.refuse({ status: 'invalid', message: `Task ${taskLabel(task)} has no project, so time cannot be logged on it.` }, interactive);
      }
      if (step === 2) {
        if (!interactive) {
          values.date ??= toIsoDate(this.today());
          next(3);
          continue;
        }
        const answer = await asker.input({
          title: TITLE,
          step: 2,
          totalSteps: TOTAL_STEPS,
          prompt: `Day to log on (today, yesterday, a weekday such as mon, or YYYY-MM-DD) for ${taskLabel(task)}`,
          value: values.date ?? 'today',
          ...checkedInput((text) => {
            const parsed = parseDate(text, this.today());
            return parsed.ok ? { ok: true, message: dayInWords(parsed.date) } : { ok: false, message: parsed.message };
          }),
        });
        if (answer === BACK) {
          back();
          continue;
        }
        if (answer === undefined) {
          return { status: 'cancelled' };
        }
        const parsed = parseDate(answer, this.today());
        if (!parsed.ok) {
          continue;
        }
        values.date = parsed.iso;
        next(3);
        continue;
      }
      const date = values.date ?? toIsoDate(this.today());
      if (step === 3) {
        if (!interactive) {
          next(4);
          continue;
        }
        const logged = await this.options.loggedHours(date);
        const answer = await asker.input({
          title: TITLE,
          step: 3,
          totalSteps: TOTAL_STEPS,
          prompt: `Duration on ${date}: 1.5, 1:30, 90m, 1h 30m, or a range such as 9:15-10:45` + (logged ? ` (${formatDuration(logged * 3600)} already logged that day)` : ''),
          placeholder: 'Duration, e.g. 1:30',
          value: values.hoursText ?? '',
          ...checkedInput((text) => {
            const checked = checkHours(text, roundingSettings(), logged ?? 0);
            return checked.ok ? { ok: true, message: checked.understood } : { ok: false, message: checked.message };
          }),
        });
        if (answer === BACK) {
          back();
          continue;
        }
        if (answer === undefined) {
          return { status: 'cancelled' };
        }
        const checked = checkHours(answer, roundingSettings(), logged ?? 0);
        if (!checked.ok) {
          continue;
        }
        values.hoursText = answer;
        values.hours = checked.hours;
        next(4);
        continue;
      }
      if (step === 4) {
        let workTypes: ProjectWorkType[];
        try {
          workTypes = (await this.options.lookups.projectWorkTypes(task.projectId)).filter((type) => type.active);
        } catch (error) {
          // Offline or failing: the given work type, else the one last used on the project, lets
          // the entry be kept and sent later instead of losing what was typed.
          const known = values.workTypeId ?? this.lastWorkType(task.projectId);
          if (known !== undefined) {
            this.options.log.warn(`Could not load the work types of ${task.project ?? task.projectId} (${errorText(error)}); using work type ${known}`);
            values.workTypeId = known;
            skip(5);
            continue;
          }
          return this.refuse({ status: 'failed', message: `Could not load the work types of ${task.project ?? 'the project'}: ${errorText(error)}` }, interactive, values);
        }
        if (workTypes.length === 0) {
          return this.refuse(
            invalid(`The project ${task.project ?? task.projectId} has no active work types, so time cannot be logged on it. Ask an Intervals administrator to add one.`),
            interactive,
          );
        }
        if (values.workTypeId !== undefined && !workTypes.some((type) => type.workTypeId === values.workTypeId)) {
          const names = workTypes.map((type) => `${type.name} (${type.workTypeId})`).join(', ');
          if (!interactive) {
            return this.refuse(invalid(`Work type ${values.workTypeId} is not an active work type of ${task.project ?? 'the project'}; use one of ${names}.`), interactive);
          }
          values.workTypeId = undefined;
        }
        const ordered = this.orderWorkTypes(task.projectId, workTypes);
        loadedWorkTypes = workTypes;
        if (!interactive || (workTypes.length === 1 && !prompt)) {
          values.workTypeId ??= ordered[0].workTypeId;
          skip(5);
          continue;
        }
        const preferred = values.workTypeId ?? ordered[0].workTypeId;
        const answer = await asker.pick({
          title: TITLE,
          step: 4,
          totalSteps: TOTAL_STEPS,
          placeholder: `Work type for ${task.project ?? 'the project'}`,
          items: ordered.map((type) => ({ label: type.name, value: type.workTypeId })),
          active: preferred,
        });
        if (answer === BACK) {
          back();
          continue;
        }
        if (answer === undefined) {
          return { status: 'cancelled' };
        }
        values.workTypeId = answer;
        next(5);
        continue;
      }
      if (step === 5) {
        const projectBillable = values.billable ?? (await projects.billable(api, task.projectId));
        if (!interactive) {
          values.billable = projectBillable;
          next(6);
          continue;
        }
        const answer = await asker.pick({
          title: TITLE,
          step: 5,
          totalSteps: TOTAL_STEPS,
          placeholder: 'Billable?',
          items: [
            { label: 'Billable', value: true },
            { label: 'Not billable', value: false },
          ],
          active: projectBillable,
        });
        if (answer === BACK) {
          back();
          continue;
        }
        if (answer === undefined) {
          return { status: 'cancelled' };
        }
        values.billable = answer;
        next(6);
        continue;
      }
      if (step === 6) {
        if (interactive) {
          const answer = await asker.input({
            title: TITLE,
            step: 6,
            totalSteps: TOTAL_STEPS,
            prompt: 'Description (optional); Enter logs the time',
            value: values.description ?? '',
          });
          if (answer === BACK) {
            back();
            continue;
          }
          if (answer === undefined) {
            return { status: 'cancelled' };
          }
          values.description = answer;
        }
        break;
      }
    }

    const task = values.task;
    if (!task || task.projectId === null || values.hours === undefined || values.workTypeId === undefined || !values.date) {
      return this.refuse(invalid('The entry is incomplete.'), interactive);
    }
    const description = values.description?.trim() ? values.description.trim() : null;
    const queued: QueuedTimeEntry = {
      input: {
        personId: state.account.personId,
        taskId: task.id,
        projectId: task.projectId,
        ...('moduleId' in task && task.moduleId !== null ? { moduleId: task.moduleId } : {}),
        workTypeId: values.workTypeId,
        date: values.date,
        time: values.hours,
        billable: values.billable ?? true,
        description,
      },
      ...(timerId !== undefined ? { timerId } : {}),
      taskLabel: taskLabel(task),
      project: task.project,
      // From the list step 4 loaded; none when it could not be loaded (no second failing request).
      workType: loadedWorkTypes?.find((type) => type.workTypeId === values.workTypeId)?.name ?? null,
    };
    const result = await this.options.sync.submit(queued);
    if (result.status === 'logged' || result.status === 'queued') {
      await this.options.recentTasks.remember(summarizeTask(task));
      await this.rememberWorkType(task.projectId, values.workTypeId);
    }
    const what = `${formatDuration(values.hours * 3600)} on ${taskLabel(task)} (${values.date})`;
    switch (result.status) {
      case 'logged':
        this.options.log.info(`Logged ${what} as entry ${result.entry.id}`);
        vscode.window.setStatusBarMessage(`$(check) Logged ${escapeIcons(what)}`, 5000);
        return result;
      case 'queued':
        this.options.log.warn(`${what} waits to sync (${result.reason})`);
        void notify(result.reason === 'otherWindow' ? 'information' : 'warning', waitingMessage(result.reason, `${formatDuration(values.hours * 3600)} on ${taskLabel(task)}`));
        return result;
      default:
        return this.refuse(result, interactive, values);
    }
  }

  /** Tells the user why nothing was logged, for callers that check before running the flow. */
  refuseInvalid(message: string): LogTimeResult {
    return this.refuse(invalid(message), false);
  }

  /**
   * Tells the user why nothing was logged. When the user had answered the prompts (`values`), the
   * message offers to open Log Time again with every answer filled in, so nothing is typed twice.
   */
  private refuse(result: LogTimeResult, interactive: boolean, values?: LogTimeAnswers): LogTimeResult {
    if (result.status === 'invalid' || result.status === 'failed') {
      this.options.log.warn(`Log time: ${result.message}`);
      const message = `Could not log time. ${result.message}`;
      const again = interactive && values?.task ? retryArguments(values) : undefined;
      const button = again?.command === 'intervals.stopTimer' ? STOP_AND_RETRY : EDIT_AND_RETRY;
      // Awaiting the message would hold the command until the user dismisses it.
      const offer = notify(interactive ? 'error' : 'warning', message, ...(again ? [button] : [])).then((choice) => {
        if (choice === button && again) {
          return this.options.track(button, Promise.resolve(vscode.commands.executeCommand(again.command, again.args)));
        }
        return undefined;
      });
      void Promise.resolve(offer).catch((error: unknown) => this.options.log.warn(`${button} failed: ${String(error)}`));
    }
    return result;
  }

  private async askTask(asker: Asker, given: Task | TaskSummary | undefined): Promise<Task | TaskSummary | undefined> {
    const recent = this.options.recentTasks.list().filter((task) => task.id !== given?.id);
    const choices = [...(given ? [given] : []), ...recent];
    if (choices.length > 0) {
      const FIND = 0;
      const answer = await asker.pick<Task | TaskSummary | typeof FIND>({
        title: TITLE,
        step: 1,
        totalSteps: TOTAL_STEPS,
        placeholder: 'Task to log time on',
        items: [
          ...choices.map((task) => ({ label: taskLabel(task), description: [task.client, task.project].filter(Boolean).join(' › '), value: task })),
          { icon: 'search', label: 'Find task…', value: FIND },
        ],
      });
      if (answer === undefined || answer === BACK) {
        return undefined;
      }
      if (answer !== FIND) {
        return answer;
      }
    }
    return vscode.commands.executeCommand<Task | undefined>('intervals.findTask', { pick: true, title: TITLE });
  }

  private lastWorkType(projectId: number): number | undefined {
    return this.options.globalState.get<Record<string, number>>(LAST_WORK_TYPES_KEY)?.[String(projectId)];
  }

  private orderWorkTypes(projectId: number, workTypes: ProjectWorkType[]): ProjectWorkType[] {
    const last = this.lastWorkType(projectId);
    return [...workTypes].sort((a, b) => Number(b.workTypeId === last) - Number(a.workTypeId === last));
  }

  private async rememberWorkType(projectId: number, workTypeId: number): Promise<void> {
    const stored = this.options.globalState.get<Record<string, number>>(LAST_WORK_TYPES_KEY) ?? {};
    await this.options.globalState.update(LAST_WORK_TYPES_KEY, { ...stored, [String(projectId)]: workTypeId });
  }
}

/** A project's billable default, from the cached active projects, else asked once. */
class ProjectFacts {
  private readonly known = new Map<number, boolean>();

  constructor(private readonly lookups: LookupCache) {}

  async billable(api: { getProject(id: number): Promise<Project> }, projectId: number): Promise<boolean> {
    const cached = this.known.get(projectId);
    if (cached !== undefined) {
      return cached;
    }
    let billable = true;
    try {
      const project = (await this.lookups.activeProjects()).find((candidate) => candidate.id === projectId) ?? (await api.getProject(projectId));
      billable = project.billable;
    } catch {
      // Offline: billable is the common case and the user can still change it.
    }
    this.known.set(projectId, billable);
    return billable;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

