import * as path from 'node:path';
import { setAside, type DamageReport } from '../outbox/setAside';
import { SharedFile } from '../outbox/sharedFile';
import type { StateFileSystem } from '../outbox/stateFileSystem';
import { parseTimerStateFile, serializeTimerState, type TimerStateData } from './timerStateFormat';

export { emptyTimerState, parseTimerState, serializeTimerState } from './timerStateFormat';
export type { OrphanTimer, ParkedAccount, TimerStateData } from './timerStateFormat';

export const TIMER_STATE_FILE = 'timers.json';
const LOCK_FILE = 'timers.lock';

export interface TimerStateFileOptions {
  folder: string;
  /** Distinguishes this holder of the lock from other windows and other instances in one process. */
  owner: string;
  sleep?: (ms: number) => Promise<void>;
  files?: StateFileSystem;
  pid?: number;
  isProcessAlive?: (pid: number) => boolean;
  processStartedAt?: (pid: number) => number | undefined;
  /** Stamps the copies of a damaged file. */
  now?: () => number;
  onProblem?: (message: string) => void;
  /** A damaged file was set aside (and repaired from what could be read): tell the user. */
  onDamaged?: (report: DamageReport) => void;
}

/**
 * The shared state file. Every change is read-modify-write under a cross-window lock, and the
 * file is replaced atomically, so a crash leaves either the old or the new state. A damaged file
 * is copied aside before it is rewritten with what could be read of it, and reported.
 */
export class TimerStateFile {
  readonly file: string;
  private readonly shared: SharedFile;

  constructor(private readonly options: TimerStateFileOptions) {
    this.file = path.join(options.folder, TIMER_STATE_FILE);
    this.shared = new SharedFile(this.file, {
      owner: options.owner,
      lockFile: path.join(options.folder, LOCK_FILE),
      sleep: options.sleep,
      files: options.files,
      pid: options.pid,
      isProcessAlive: options.isProcessAlive,
      processStartedAt: options.processStartedAt,
      onProblem: options.onProblem,
    });
  }

  /** The state now; a damaged file is repaired (under the lock) first. */
  async read(): Promise<TimerStateData> {
    const parsed = parseTimerStateFile(await this.shared.read());
    if (!parsed.damage) {
      return parsed.state;
    }
    return this.update((state) => ({ changed: false, result: state }));
  }

  /** Applies `change` to the current state under the lock; writes only when it returns true. It may run twice. */
  async update<T>(change: (state: TimerStateData) => { changed: boolean; result: T }): Promise<T> {
    return this.shared.update(async (text) => {
      const parsed = parseTimerStateFile(text);
      if (parsed.damage !== undefined && text !== undefined) {
        const copy = await setAside(this.shared.files, this.file, text, (this.options.now ?? Date.now)());
        // l10n-ignore: log line
        this.options.onProblem?.(`The timer state file was damaged (${parsed.damage}); a copy was kept at ${copy} and ${parsed.kept} timer(s) were kept.`);
        this.options.onDamaged?.({ file: this.file, copy, reason: parsed.damage, kept: parsed.kept });
      }
      const { changed, result } = change(parsed.state);
      return { next: changed || parsed.damage !== undefined ? serializeTimerState(parsed.state) : undefined, result };
    });
  }
}
