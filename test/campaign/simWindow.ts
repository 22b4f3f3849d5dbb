import type { TimeEntryInput } from '../../src/api/types';
import { Outbox } from '../../src/outbox/outbox';
import { secondsToHours, type QueuedTimeEntry } from '../../src/timeLog/timeEntryDraft';
import { TimeLogSync, classifyTimeFailure, describeTimeFailure, type SubmitResult } from '../../src/timeLog/timeLogSync';
import { markTimerLogged } from '../../src/timer/timerAccounts';
import { TimerService } from '../../src/timer/timerService';
import { TimerStateFile } from '../../src/timer/timerStateFile';
import type { MemoryFolder } from './memoryFileSystem';
import type { SimulatedIntervals } from './simulatedIntervals';

export const FOLDER = '/global-storage';
export const PERSON = 1;
export const PROJECT = 5;
export const WORKTYPE = 7;
export const DATE = '2026-05-19';

export interface WindowContext {
  folder: MemoryFolder;
  server: SimulatedIntervals;
  clock: { now(): number; advance(ms: number): void };
  isAlive(pid: number): boolean;
  /** The schedule's seeded source, for backoff jitter: a run is reproducible from its seed. */
  random(): number;
  problems: string[];
}

/** What Stop Timer and Log did. */
export type StopOutcome =
  | { status: 'noTimer' }
  | { status: 'tooShort' }
  /** Paused, but the entry could not even be kept (and the timer keeps its time). */
  | { status: 'notKept'; seconds: number }
  | { status: SubmitResult['status']; seconds: number; hadId: boolean };

/**
 * One VS Code window as far as time data goes: its outbox and time log, and its timer service,
 * on the shared folder (through its own view, so it can be killed) and the simulated service.
 */
export class SimWindow {
  readonly outbox: Outbox<QueuedTimeEntry>;
  readonly sync: TimeLogSync;
  readonly timers: TimerService;

  constructor(
    readonly name: string,
    readonly pid: number,
    context: WindowContext,
  ) {
    const files = context.folder.view(name);
    const now = () => context.clock.now();
    // Time passes while a window waits for a lock, as it would.
    const sleep = (ms: number): Promise<void> => {
      context.clock.advance(Math.max(1, Math.round(ms)));
      return new Promise((resolve) => setImmediate(resolve));
    };
    const shared = { files, pid, isProcessAlive: context.isAlive, processStartedAt: () => undefined, sleep };
    const note = (message: string) => context.problems.push(`${name}: ${message}`);
    this.outbox = new Outbox<QueuedTimeEntry>({
      folder: FOLDER,
      classify: classifyTimeFailure,
      describeError: describeTimeFailure,
      now,
      random: () => context.random(),
      ...shared,
      lockRetryMs: 25,
      onProblem: note,
    });
    const timerFile = (owner: string) => new TimerStateFile({ folder: FOLDER, owner, now, ...shared, onProblem: note });
    const account = { api: context.server.timerApi(), personId: PERSON };
    this.timers = new TimerService({
      state: timerFile(`${name}-timers`),
      account: () => account,
      now: () => new Date(now()),
      allowMultipleTimers: () => false,
      log: { info: note, warn: note },
    });
    const logged = timerFile(`${name}-log`);
    this.sync = new TimeLogSync({
      outbox: this.outbox,
      api: () => context.server.timeApi(),
      personId: () => PERSON,
      onTimerLogged: (timerId) => markTimerLogged(logged, timerId),
      onProblem: note,
      now,
    });
  }

  /** What Intervals: Stop Timer and Log does, without the prompts. */
  async stopAndLog(task: number, description: string): Promise<StopOutcome> {
    await this.timers.load();
    const entry = this.timers.find({ taskId: task });
    if (!entry) {
      return { status: 'noTimer' };
    }
    let paused = (await this.timers.pause(entry.key)) ?? entry;
    if (paused.timer.id === undefined) {
      await this.timers.refresh().catch(() => undefined);
      paused = this.timers.find({ taskId: task }) ?? paused;
    }
    const seconds = this.timers.elapsed(paused);
    if (seconds < 1) {
      return { status: 'tooShort' };
    }
    let result: SubmitResult;
    try {
      result = await this.sync.submit({
      input: entryInput(task, secondsToHours(seconds), description),
      ...(paused.timer.id !== undefined ? { timerId: paused.timer.id } : {}),
        taskLabel: `#${task}`,
        project: null,
        workType: null,
      });
    } catch {
      return { status: 'notKept', seconds };
    }
    if ((result.status === 'logged' || result.status === 'queued') && paused.timer.id === undefined) {
      await this.timers.discard(paused.key);
    }
    return { status: result.status, seconds, hadId: paused.timer.id !== undefined };
  }

  dispose(): void {
    this.sync.dispose();
    this.timers.dispose();
    this.outbox.dispose();
  }
}

export function entryInput(task: number, hours: number, description: string): TimeEntryInput {
  return { personId: PERSON, taskId: task, projectId: PROJECT, workTypeId: WORKTYPE, date: DATE, time: hours, billable: true, description };
}
