import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { LookupCache } from '../../lookups/lookupCache';
import { positiveId } from '../../tasks/taskReference';
import { defuseLinks, escapeIcons } from '../../common/untrustedText';
import { toIsoDate } from '../../time/dates';
import { formatHoursMinutes } from '../../time/duration';
import { secondsToHours } from '../../timeLog/timeEntryDraft';
import type { TimerChanges } from '../../timer/timerChanges';
import type { TimerEntry, TimerService } from '../../timer/timerService';
import { argumentObject } from '../args';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';
import { givenProjectTime } from '../time/logTimeProject';
import { chooseTimer, type TimerAsker, type Timers } from './chooseTimer';

export type StopTimerResult =
  | { status: 'logged' | 'queued' | 'cancelled' | 'invalid' | 'failed'; message?: string }
  | { status: 'noTimer' };

/** What `intervals.logTime` may be given besides what the timer knows. */
const PASSED_ON = ['worktypeId', 'billable', 'description', 'prompt', 'date', 'projectId', 'moduleId', 'postNote'] as const;

/**
 * `intervals.stopTimer` ("Stop Timer and Log…"): pauses the timer, then opens the log-time
 * flow prefilled with its task and time. The time log deletes the timer once the entry is on
 * Intervals; if it is not logged, the timer stays paused with all its time.
 * Extra `{ worktypeId, billable, description, prompt: false, date, postNote }` go to
 * `intervals.logTime`; a general timer's time goes to a project (`{ projectId, moduleId? }`, else asked).
 */
export function stopTimerCommand(
  timers: Timers & Pick<TimerService, 'pause' | 'refresh' | 'discard'>,
  changes: Pick<TimerChanges, 'fire'>,
  asker: TimerAsker,
  lookups: Pick<LookupCache, 'activeProjects' | 'projectModules'>,
): Command {
  return {
    id: 'intervals.stopTimer',
    arguments: argumentKeys('intervals.stopTimer'),
    async execute(arg?: unknown): Promise<StopTimerResult> {
      const entry = await chooseTimer(timers, asker, arg, l10n.t('Stop Timer and Log'));
      if (!entry) {
        return { status: 'noTimer' };
      }
      const refusal = refusedFor(entry, argumentObject(arg) ?? {}) ?? (await projectRefused(lookups, argumentObject(arg) ?? {}));
      if (refusal) {
        void vscode.window.showErrorMessage(defuseLinks(refusal));
        return { status: 'invalid', message: refusal };
      }
      let paused = (await timers.pause(entry.key)) ?? entry;
      changes.fire(paused);
      if (paused.timer.id === undefined) {
        // Not on Intervals yet (offline start): try once more so the time log can delete it.
        await timers.refresh().catch(() => undefined);
        paused = sameTimer(timers, paused) ?? paused;
      }
      const seconds = timers.elapsed(paused);
      const given = argumentObject(arg) ?? {};
      const extra: Record<string, unknown> = {};
      for (const key of PASSED_ON) {
        if (given[key] !== undefined) {
          extra[key] = given[key];
        }
      }
      const result = await vscode.commands.executeCommand<StopTimerResult | undefined>('intervals.logTime', {
        ...(paused.timer.taskId !== undefined ? { taskId: paused.timer.taskId } : {}),
        // To the second; the rounding setting, if any, applies in Log Time.
        hours: secondsToHours(seconds),
        date: toIsoDate(timers.now()),
        ...(paused.timer.id !== undefined ? { timerId: paused.timer.id } : {}),
        fromTimer: true,
        prompt: true,
        ...extra,
      });
      const outcome = result ?? { status: 'cancelled' };
      if (outcome.status === 'cancelled') {
        return keptPaused(paused, timers.elapsed(paused));
      }
      if ((outcome.status === 'logged' || outcome.status === 'queued') && paused.timer.id === undefined) {
        // The timer never reached Intervals, so the time log has none to delete: its time is logged now.
        await timers.discard(paused.key);
        changes.fire(undefined);
      }
      return outcome;
    },
  };
}

/** The timer again after a sync: by its task, or a general timer by the key it had before it got an id. */
function sameTimer(timers: Timers, entry: TimerEntry): TimerEntry | undefined {
  if (entry.timer.taskId !== undefined) {
    return timers.find({ taskId: entry.timer.taskId });
  }
  const localKey = entry.timer.localKey;
  return timers.find(entry.key) ?? (localKey !== undefined ? timers.entries.find((each) => each.timer.localKey === localKey) : undefined);
}

/** What in the argument does not fit the timer: a project for a task's timer, a note for a general timer's. */
function refusedFor(entry: TimerEntry, given: Record<string, unknown>): string | undefined {
  if (entry.timer.taskId !== undefined) {
    return given.projectId !== undefined || given.moduleId !== undefined ? l10n.t('The timer is on a task, so its time goes to the task: projectId and moduleId are for a general timer. Nothing was done.') : undefined;
  }
  if (given.postNote === true) {
    return l10n.t('A general timer has no task to post a note on. Nothing was done.');
  }
  if (given.projectId === undefined && given.moduleId !== undefined) {
    return l10n.t('A moduleId needs the projectId of its project.');
  }
  if (given.prompt === false && given.projectId === undefined) {
    return l10n.t('A general timer is logged on a project: give projectId (and moduleId when the project has modules). Nothing was done.');
  }
  return undefined;
}

/** A given project (and module) that Log Time would refuse, checked before the timer is paused. */
async function projectRefused(lookups: Pick<LookupCache, 'activeProjects' | 'projectModules'>, given: Record<string, unknown>): Promise<string | undefined> {
  const projectId = positiveId(given.projectId);
  if (projectId === undefined) {
    return undefined;
  }
  const checked = await givenProjectTime(lookups, projectId, positiveId(given.moduleId), given.prompt !== false);
  return 'status' in checked ? checked.message : undefined;
}

/** Dismissed mid-log: the timer stays paused with its time, and the status bar says so. */
function keptPaused(paused: TimerEntry, seconds: number): StopTimerResult {
  const localId = paused.task?.localId;
  const time = formatHoursMinutes(seconds);
  const message =
    localId !== undefined && localId !== null
      ? l10n.t('Timer on #{0} kept paused ({1})', localId, time)
      : paused.task
        ? l10n.t('Timer on {0} kept paused ({1})', escapeIcons(paused.task.title), time)
        : paused.timer.taskId === undefined && paused.timer.name
          ? l10n.t('General timer {0} kept paused ({1})', escapeIcons(paused.timer.name), time)
          : l10n.t('Timer on the task kept paused ({0})', time);
  vscode.window.setStatusBarMessage(`$(debug-pause) ${message}`, 5000);
  return { status: 'cancelled', message };
}
