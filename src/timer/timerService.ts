import type { Task, Timer } from '../api/types';
import type { TimerApi, TimerLog } from './timerApi';

export type { TimerApi, TimerLog } from './timerApi';
import { Emitter, type Event } from '../common/events';
import { summarizeTask, type TaskSummary } from '../tasks/taskReference';
import { adoptAccount, dropRecord, markLogged } from './timerAccounts';
import {
  adjustElapsed,
  adjustStart,
  elapsedSeconds,
  isRunning,
  pauseTimer,
  recordTransition,
  resolveIdle,
  resumeTimer,
  startTimer,
  type IdleChoice,
  type TimerAdjustment,
  type TimerState,
  type TimerTransition,
} from './timerModel';
import { emptyTimerState, serializeTimerState, type TimerStateData, type TimerStateFile } from './timerStateFile';
import { syncTimersOnce } from './timerSync';

export const DEFAULT_TIMER_DOUBT_MS = 2 * 60_000;

export interface TimerServiceOptions {
  state: TimerStateFile;
  /** The signed-in account's client and person id; undefined when signed out. */
  account: () => { api: TimerApi; personId: number } | undefined;
  now: () => Date;
  allowMultipleTimers: () => boolean;
  /**
   * How long after a timer write whose outcome is unknown the timer is written again: well past
   * the request timeout, so that a late commit of that write cannot land after (and undo) a newer
   * one. Default two minutes.
   */
  uncertainDelayMs?: () => number;
  log?: TimerLog;
}

/** One of the user's timers as the UI shows it. */
export interface TimerEntry {
  /** Stable while the timer lives: its id, or `task:<id>` until the service gave it one. */
  readonly key: string;
  readonly timer: TimerState;
  readonly task: TaskSummary | undefined;
  /** True while a local change has not reached the service yet. */
  readonly unsynced: boolean;
}

export type TimerTarget = string | { taskId: number } | undefined;

export function entryKey(timer: TimerState): string {
  if (timer.id !== undefined) {
    return String(timer.id);
  }
  return timer.taskId !== undefined ? `task:${timer.taskId}` : `general:${timer.localKey ?? timer.name ?? '?'}`;
}

/**
 * Keeps the user's timers in step with Intervals' `/timer/`.
 *
 * Every change is first written to the shared state file (with the change itself kept as a
 * pending operation), then sent; a reload, a crash or a lost connection at any point leaves a
 * record from which `reconcileTimer` brings the service to the intended state without counting
 * time twice. All windows share the file, so they all show the same timers.
 */
export class TimerService {
  private data: TimerStateData = emptyTimerState();
  private current: TimerEntry[] = [];
  private syncing: Promise<void> | undefined;
  private syncAgain = false;
  private readonly emitter = new Emitter<readonly TimerEntry[]>();
  /** Fires when the timers (or their state) change, whichever window changed them. */
  readonly onDidChange: Event<readonly TimerEntry[]> = this.emitter.event;

  constructor(private readonly options: TimerServiceOptions) {}

  get entries(): readonly TimerEntry[] {
    return this.current;
  }

  now(): Date {
    return this.options.now();
  }

  elapsed(entry: TimerEntry, now = this.options.now()): number {
    return elapsedSeconds(entry.timer, now);
  }

  find(target: TimerTarget): TimerEntry | undefined {
    if (typeof target === 'string') {
      return this.current.find((entry) => entry.key === target);
    }
    if (target && typeof target === 'object') {
      return this.current.find((entry) => entry.timer.taskId === target.taskId);
    }
    return this.current.find((entry) => isRunning(entry.timer)) ?? (this.current.length === 1 ? this.current[0] : undefined);
  }

  /**
   * True when `text` (the shared file as read now) is the state this service last read or wrote:
   * reading it again would change nothing. A file watch reports this window's own writes too.
   */
  holds(text: string | undefined): boolean {
    return text !== undefined && text === serializeTimerState(this.data);
  }

  /** Re-reads the shared file (another window may have written it) and publishes changes. */
  async load(): Promise<void> {
    this.publish(await this.options.state.read());
  }

  /**
   * Starts a timer on the task: resumes the task's timer when there is one (Intervals keeps one
   * per task), and pauses the running one unless several may run.
   */
  async start(task: TaskSummary): Promise<TimerEntry | undefined> {
    const now = this.options.now();
    const personId = this.options.account()?.personId ?? null;
    await this.change((state) => {
      let changed = adoptAccount(state, personId);
      changed = rememberTask(state, task) || changed;
      if (!this.options.allowMultipleTimers()) {
        for (const [index, record] of state.records.entries()) {
          if (record.timer.taskId !== task.id && isRunning(record.timer)) {
            state.records[index] = recordTransition(record, pauseTimer(record.timer, now));
            changed = true;
          }
        }
      }
      const index = state.records.findIndex((record) => record.timer.taskId === task.id);
      const existing = state.records[index];
      if (existing) {
        const transition = resumeTimer(existing.timer, now);
        state.records[index] = recordTransition(existing, transition);
        return changed || transition.op !== null;
      }
      state.records.push(recordTransition(null, startTimer(now, { taskId: task.id, accumulatedSeconds: 0 })));
      return true;
    });
    return this.find({ taskId: task.id });
  }

  /** Starts a general timer (no task) with the given name, pausing the running one unless several may run. */
  async startGeneral(name: string): Promise<TimerEntry | undefined> {
    const now = this.options.now();
    const personId = this.options.account()?.personId ?? null;
    const localKey = `${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    await this.change((state) => {
      adoptAccount(state, personId);
      if (!this.options.allowMultipleTimers()) {
        for (const [index, record] of state.records.entries()) {
          if (isRunning(record.timer)) {
            state.records[index] = recordTransition(record, pauseTimer(record.timer, now));
          }
        }
      }
      state.records.push(recordTransition(null, startTimer(now, { name, localKey, accumulatedSeconds: 0 })));
      return true;
    });
    return (
      this.current.find((entry) => entry.timer.localKey === localKey) ??
      [...this.current].reverse().find((entry) => entry.timer.taskId === undefined && entry.timer.name === name)
    );
  }

  async pause(target?: TimerTarget): Promise<TimerEntry | undefined> {
    return this.transition(target, (timer, now) => pauseTimer(timer, now));
  }

  async resume(target?: TimerTarget): Promise<TimerEntry | undefined> {
    const entry = this.find(target) ?? this.current.find((item) => !isRunning(item.timer));
    if (!entry) {
      return undefined;
    }
    if (entry.timer.taskId !== undefined && entry.task) {
      return this.start(entry.task);
    }
    // As starting does: the running timer is paused unless several may run.
    return this.transition(entry.key, (timer, now) => resumeTimer(timer, now), !this.options.allowMultipleTimers());
  }

  async adjustStart(target: TimerTarget, startedAt: Date): Promise<TimerAdjustment | undefined> {
    return this.adjust(target, (timer, now) => adjustStart(timer, startedAt, now));
  }

  async adjustElapsed(target: TimerTarget, seconds: number): Promise<TimerAdjustment | undefined> {
    return this.adjust(target, (timer, now) => adjustElapsed(timer, seconds, now));
  }

  /** Applies the user's answer about time that ran while they were away. */
  async resolveIdle(target: TimerTarget, idleStart: Date, choice: IdleChoice): Promise<TimerEntry | undefined> {
    return this.transition(target, (timer, now) => resolveIdle(timer, idleStart, now, choice));
  }

  /** Deletes the timer here and on the service; its recorded time is dropped. */
  async discard(target?: TimerTarget): Promise<boolean> {
    const entry = this.find(target);
    if (!entry) {
      return false;
    }
    const now = this.options.now().getTime();
    await this.change((state) => {
      const record = state.records.find((each) => entryKey(each.timer) === entry.key);
      if (!record) {
        return false;
      }
      dropRecord(state, record, now);
      return true;
    });
    return true;
  }

  /**
   * The timer's time was logged as a time entry: it is hidden at once and deleted on the service,
   * again on every sync until that succeeds, so it is never logged twice.
   */
  async markLogged(timerId: number): Promise<void> {
    await this.change((state) => markLogged(state, timerId));
  }

  /**
   * Reads the user's timers from the service and reconciles them with the local records,
   * sending what the service has not seen yet. Throws the service's error so the poller can back
   * off; local state stays as it was then.
   */
  refresh(): Promise<void> {
    if (this.syncing) {
      // A change made during a sync must be sent too: run once more after it.
      this.syncAgain = true;
      return this.syncing;
    }
    this.syncing = (async () => {
      try {
        do {
          this.syncAgain = false;
          await this.syncOnce();
        } while (this.syncAgain);
      } finally {
        this.syncing = undefined;
      }
    })();
    return this.syncing;
  }

  dispose(): void {
    this.emitter.dispose();
  }

  private async transition(
    target: TimerTarget,
    make: (timer: TimerState, now: Date) => TimerTransition,
    pauseOthers = false,
  ): Promise<TimerEntry | undefined> {
    const entry = this.find(target);
    if (!entry) {
      return undefined;
    }
    const now = this.options.now();
    await this.change((state) => {
      const index = state.records.findIndex((record) => entryKey(record.timer) === entry.key);
      const record = state.records[index];
      if (!record) {
        return false;
      }
      let changed = false;
      for (const [other, each] of state.records.entries()) {
        if (pauseOthers && other !== index && isRunning(each.timer)) {
          state.records[other] = recordTransition(each, pauseTimer(each.timer, now));
          changed = true;
        }
      }
      const transition = make(record.timer, now);
      state.records[index] = recordTransition(record, transition);
      return changed || transition.op !== null;
    });
    return this.find(entry.key) ?? this.find(entry.timer.taskId !== undefined ? { taskId: entry.timer.taskId } : entry.key);
  }

  private async adjust(
    target: TimerTarget,
    make: (timer: TimerState, now: Date) => TimerAdjustment,
  ): Promise<TimerAdjustment | undefined> {
    const entry = this.find(target);
    if (!entry) {
      return undefined;
    }
    const checked = make(entry.timer, this.options.now());
    if (!checked.ok) {
      return checked;
    }
    let outcome: TimerAdjustment = checked;
    await this.transition(entry.key, (timer, now) => {
      const result = make(timer, now);
      outcome = result;
      return result.ok ? result : { timer, patch: null, op: null };
    });
    return outcome;
  }

  /** Writes the change durably, publishes it, then sends it (a failure to send leaves it pending). */
  private async change(apply: (state: TimerStateData) => boolean): Promise<void> {
    const state = await this.options.state.update((data) => ({ changed: apply(data), result: data }));
    this.publish(state);
    try {
      await this.refresh();
    } catch (error) {
      this.options.log?.warn(`Timer change kept locally, to be sent later: ${describe(error)}`);
    }
  }

  private async syncOnce(): Promise<void> {
    const account = this.options.account();
    if (!account) {
      return;
    }
    const { state, again } = await syncTimersOnce({
      state: this.options.state,
      api: account.api,
      personId: account.personId,
      now: this.options.now,
      log: this.options.log,
      uncertainDelayMs: this.options.uncertainDelayMs?.() ?? DEFAULT_TIMER_DOUBT_MS,
      rememberTask,
      taskFromTimer,
    });
    if (again) {
      this.syncAgain = true;
    }
    this.publish(state);
  }

  private publish(state: TimerStateData): void {
    this.data = state;
    const personId = this.options.account()?.personId;
    // Signed out, or signed in as someone else: these timers are not the user's to show.
    const records = personId === undefined || (state.personId !== null && state.personId !== personId) ? [] : state.records;
    const next: TimerEntry[] = records.map((record) => ({
      key: entryKey(record.timer),
      timer: record.timer,
      task: state.tasks.find((task) => task.id === record.timer.taskId),
      unsynced: record.pending.length > 0,
    }));
    if (JSON.stringify(next) !== JSON.stringify(this.current)) {
      this.current = next;
      this.emitter.fire(next);
    }
  }

  /** The state last read or written (for tests and diagnostics). */
  get snapshot(): TimerStateData {
    return this.data;
  }
}

/** Keeps the task's names for display; `replace` false keeps a fuller summary already known. */
export function rememberTask(state: TimerStateData, task: TaskSummary | undefined, replace = true): boolean {
  if (!task) {
    return false;
  }
  const summary = summarizeTask(task);
  const index = state.tasks.findIndex((item) => item.id === task.id);
  const known = state.tasks[index];
  if (known && (!replace || JSON.stringify(known) === JSON.stringify(summary))) {
    return false;
  }
  if (known) {
    state.tasks[index] = summary;
  } else {
    state.tasks.push(summary);
  }
  return true;
}

/** What a timer read with `getTimerInfo` says about its task. */
export function taskFromTimer(timer: Timer): TaskSummary | undefined {
  if (timer.taskId === null) {
    return undefined;
  }
  return {
    id: timer.taskId,
    localId: timer.taskLocalId,
    title: timer.task ?? timer.name ?? `Task ${timer.taskId}`,
    projectId: timer.projectId,
    project: timer.project,
    clientId: timer.clientId,
    client: timer.client,
  };
}

export function taskSummaryOf(task: Task | TaskSummary): TaskSummary {
  return summarizeTask(task);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
