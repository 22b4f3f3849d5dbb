import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { systemSleep } from '../api/clock';
import { FileLock, type FileLockOptions } from './fileLock';
import { nodeStateFileSystem, readIfExists, removeLeftoverTempFiles, type StateFileSystem } from './stateFileSystem';

export interface SharedFileOptions extends Omit<FileLockOptions, 'files' | 'owner'> {
  /** Distinguishes this holder of the lock from other windows and other instances in one process. */
  owner: string;
  /** The lock's path; `<file>.lock` by default. */
  lockFile?: string;
  files?: StateFileSystem;
}

/** What a change makes of the file's text: the text to write (undefined: leave it) and a result. */
export interface SharedFileChange<T> {
  next?: string;
  result: T;
}

/** A lock taken from a live holder would show as a file changed under us; that many tries, then an error. */
const CHANGED_UNDER_US_TRIES = 3;

/**
 * One file that several processes change: every change is a read-modify-write under a lock file,
 * and the file is replaced atomically, so a crash leaves the old or the new text. Before the new
 * text replaces the old, the file is read once more: had anyone written it meanwhile (possible
 * only if our lock was taken from us), our change is made again on their text instead of
 * replacing it.
 */
export class SharedFile {
  readonly files: StateFileSystem;
  private readonly lock: FileLock;
  private cleaned = false;

  constructor(
    readonly file: string,
    private readonly options: SharedFileOptions,
  ) {
    this.files = options.files ?? nodeStateFileSystem(options.sleep ?? systemSleep);
    this.lock = new FileLock(options.lockFile ?? `${file}.lock`, { ...options, files: this.files });
  }

  /** The text as it is now, without the lock; undefined when the file does not exist. */
  read(): Promise<string | undefined> {
    return readIfExists(this.files, this.file);
  }

  /**
   * Runs `change` on the current text under the lock and writes what it returns. `change` may run
   * more than once (see the class comment), so its effects besides its result must bear repeating.
   */
  async update<T>(change: (text: string | undefined) => SharedFileChange<T> | Promise<SharedFileChange<T>>): Promise<T> {
    await this.files.ensureFolder(path.dirname(this.file));
    return this.lock.withLock(async () => {
      if (!this.cleaned) {
        this.cleaned = true;
        const leftovers = await removeLeftoverTempFiles(this.files, this.file);
        if (leftovers.length > 0) {
          // l10n-ignore: log line
          this.options.onProblem?.(`Removed ${leftovers.length} unfinished write(s) of ${path.basename(this.file)} left by a crash.`);
        }
      }
      for (let tries = 1; ; tries++) {
        const text = await this.read();
        const { next, result } = await change(text);
        if (next === undefined || next === text) {
          return result;
        }
        if ((await this.read()) !== text) {
          if (tries >= CHANGED_UNDER_US_TRIES) {
            throw new Error(l10n.t('{0} keeps changing while locked; another process may be writing it without the lock.', this.file));
          }
          // l10n-ignore: log line
          this.options.onProblem?.(`${path.basename(this.file)} changed while this window held its lock; the change is made again on the new content.`);
          continue;
        }
        await this.files.writeAtomic(this.file, next);
        return result;
      }
    });
  }
}
