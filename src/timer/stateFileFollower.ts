import { promises as fs, watch, type FSWatcher } from 'node:fs';
import * as path from 'node:path';
import type { WorkOwner } from '../common/backgroundWork';
import { TIMER_STATE_FILE } from './timerStateFile';

/** What reads the timers' state file again: a timer service. */
export interface Reloadable {
  load(): Promise<void>;
  /** True when the file's text is what it last read or wrote, so a reload would change nothing. */
  holds(text: string | undefined): boolean;
}

export interface StateFileFollowerOptions {
  /** The folder every window shares (global storage), where the state file lives. */
  readonly folder: string;
  readonly target: Reloadable;
  /** Owns the debounced reload. */
  readonly work: Pick<WorkOwner, 'schedule'>;
  readonly onProblem: (message: string) => void;
}

/** An atomic replace shows as several events: the file is read once they settle. */
const SETTLE_MS = 50;

/**
 * Other windows write the shared state file; following it keeps every window showing the same
 * timer. Watches the folder (the file is replaced, not written in place) from the moment it is
 * made until it is disposed.
 */
export class StateFileFollower {
  private watcher: FSWatcher | undefined;
  private cancelReload: (() => void) | undefined;
  private disposed = false;
  /** Settles once the folder is watched (or watching failed and was reported). */
  readonly ready: Promise<void>;

  constructor(private readonly options: StateFileFollowerOptions) {
    this.ready = fs
      .mkdir(options.folder, { recursive: true })
      .then(() => this.follow())
      // l10n-ignore: log line
      .catch((error: unknown) => options.onProblem(`Cannot follow timer changes of other windows: ${String(error)}`));
  }

  dispose(): void {
    this.disposed = true;
    this.watcher?.close();
    this.cancelReload?.();
  }

  private follow(): void {
    if (this.disposed) {
      return;
    }
    try {
      this.watcher = watch(this.options.folder, (_event, name) => {
        if (name === null || name.toString() === TIMER_STATE_FILE) {
          void this.reloadIfChanged();
        }
      });
      // A write between the first read and the start of watching would otherwise go unseen.
      this.reloadSoon();
    } catch (error) {
      // l10n-ignore: log line
      this.options.onProblem(`Cannot follow timer changes of other windows: ${String(error)}`);
    }
  }

  /**
   * A watch event may come long after the write it reports, and most report this window's own
   * writes: the file is read first, and reloaded only when it holds something this window has not
   * seen. So a late event of an own write starts no work (a reload would have nothing to show).
   */
  private async reloadIfChanged(): Promise<void> {
    let text: string | undefined;
    try {
      text = await fs.readFile(path.join(this.options.folder, TIMER_STATE_FILE), 'utf8');
    } catch {
      // Gone or unreadable: the reload finds out which, and reports it.
    }
    if (!this.disposed && !this.options.target.holds(text)) {
      this.reloadSoon();
    }
  }

  private reloadSoon(): void {
    this.cancelReload?.();
    // l10n-ignore: work-scheduler label
    this.cancelReload = this.options.work.schedule('timer state reload', SETTLE_MS, () =>
      // l10n-ignore: log line
      this.options.target.load().catch((error: unknown) => this.options.onProblem(`Could not read the timers: ${String(error)}`)),
    );
  }
}
