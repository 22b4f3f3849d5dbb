import { promises as fs } from 'node:fs';
import { systemSleep } from '../api/clock';
import * as path from 'node:path';
import { errorCode, removeLeftoverTempFiles, writeFileAtomic } from '../outbox/atomicFile';
import { FileLock } from '../outbox/fileLock';
import type { TaskSummary } from '../tasks/taskReference';
import { recordFromJson, recordToJson, type LocalTimerRecord } from './timerModel';

export const TIMER_STATE_FILE = 'timers.json';
const LOCK_FILE = 'timers.lock';

/**
 * Everything the windows share about the user's timers. One file in global storage, so every
 * window of the profile reads the same timers and a reload finds them where it left them.
 */
export interface TimerStateData {
  /** Person the records belong to; records of another account are never shown. */
  personId: number | null;
  records: LocalTimerRecord[];
  /** Names for the status bar and pickers, by task id. */
  tasks: TaskSummary[];
  /** Timers discarded here whose deletion the service has not confirmed yet. */
  deletions: number[];
  /**
   * Counts the service answers applied to the file. A window whose list of timers was read
   * before another window applied a newer answer must not adopt its stale list.
   */
  syncVersion: number;
}

export function emptyTimerState(personId: number | null = null): TimerStateData {
  return { personId, records: [], tasks: [], deletions: [], syncVersion: 0 };
}

export interface TimerStateFileOptions {
  folder: string;
  /** Distinguishes this holder of the lock from other windows and other instances in one process. */
  owner: string;
  sleep?: (ms: number) => Promise<void>;
  onProblem?: (message: string) => void;
}

/**
 * The shared state file. Every change is read-modify-write under a cross-window lock, and the
 * file is replaced atomically, so a crash leaves either the old or the new state.
 */
export class TimerStateFile {
  readonly file: string;
  private readonly lock: FileLock;
  private readonly sleep: (ms: number) => Promise<void>;
  private cleaned = false;

  constructor(private readonly options: TimerStateFileOptions) {
    this.file = path.join(options.folder, TIMER_STATE_FILE);
    this.sleep = options.sleep ?? systemSleep;
    this.lock = new FileLock(path.join(options.folder, LOCK_FILE), {
      owner: options.owner,
      sleep: this.sleep,
      onProblem: options.onProblem,
    });
  }

  async read(): Promise<TimerStateData> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') {
        return emptyTimerState();
      }
      throw error;
    }
    return parseTimerState(text, this.options.onProblem);
  }

  /** Applies `change` to the current state under the lock; writes only when it returns true. */
  async update<T>(change: (state: TimerStateData) => { changed: boolean; result: T }): Promise<T> {
    await fs.mkdir(this.options.folder, { recursive: true });
    return this.lock.withLock(async () => {
      if (!this.cleaned) {
        this.cleaned = true;
        await removeLeftoverTempFiles(this.file);
      }
      const state = await this.read();
      const { changed, result } = change(state);
      if (changed) {
        await writeFileAtomic(this.file, serializeTimerState(state), this.sleep);
      }
      return result;
    });
  }
}

export function serializeTimerState(state: TimerStateData): string {
  return JSON.stringify({
    version: 1,
    personId: state.personId,
    records: state.records.map(recordToJson),
    tasks: state.tasks,
    deletions: state.deletions,
    syncVersion: state.syncVersion,
  });
}

/** A damaged file gives the empty state (reported), never an exception that would stop the timers. */
export function parseTimerState(text: string, onProblem?: (message: string) => void): TimerStateData {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    onProblem?.('The timer state file is not valid JSON; starting from the service state.');
    return emptyTimerState();
  }
  if (typeof value !== 'object' || value === null) {
    return emptyTimerState();
  }
  const raw = value as Record<string, unknown>;
  const records = Array.isArray(raw.records)
    ? raw.records.map((item) => recordFromJson(item)).filter((item): item is LocalTimerRecord => item !== undefined)
    : [];
  const tasks = Array.isArray(raw.tasks)
    ? raw.tasks.filter(
        (item): item is TaskSummary =>
          typeof item === 'object' && item !== null && typeof (item as TaskSummary).id === 'number' && typeof (item as TaskSummary).title === 'string',
      )
    : [];
  const deletions = Array.isArray(raw.deletions) ? raw.deletions.filter((id): id is number => typeof id === 'number') : [];
  const syncVersion = typeof raw.syncVersion === 'number' && Number.isSafeInteger(raw.syncVersion) ? raw.syncVersion : 0;
  return { personId: typeof raw.personId === 'number' ? raw.personId : null, records, tasks, deletions, syncVersion };
}
