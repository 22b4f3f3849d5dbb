import * as l10n from '@vscode/l10n';
import { readFileSync } from 'node:fs';
import { systemSleep } from '../api/clock';
import { errorCode, nodeStateFileSystem, readIfExists, type StateFileSystem } from './stateFileSystem';

export interface FileLockOptions {
  /** Identifies this holder; two holders in one process must differ. */
  owner: string;
  pid?: number;
  /** Stamps the lock (`at`); compared with process start times, so the wall clock by default. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /**
   * A lock file that has stayed unreadable (empty or cut short: its holder died between creating
   * and writing it) this long on disk was left by a crash. Writing it takes microseconds.
   */
  staleMs?: number;
  retryMs?: number;
  /**
   * How many times to wait for a live holder before giving up. By default long enough to outlast
   * an unreadable lock left by a crash (`staleMs`), so that one delays a change instead of failing it.
   */
  maxWaits?: number;
  isProcessAlive?: (pid: number) => boolean;
  /** When the process with this id started (epoch ms), where the system tells; undefined elsewhere. */
  processStartedAt?: (pid: number) => number | undefined;
  files?: StateFileSystem;
  onProblem?: (message: string) => void;
}

interface LockContent {
  owner: string;
  pid: number;
  at: number;
}

type Holder = LockContent | 'gone' | 'unreadable';

export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return errorCode(error) === 'EPERM';
  }
}

/**
 * When a process started, from Linux's `/proc` (clock ticks since boot, 100 a second there);
 * undefined on other systems or when the process is gone. Tells a lock's holder from an unrelated
 * process that got its id after the holder died.
 */
export function linuxProcessStartedAt(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    const bootLine = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'));
    if (!bootLine || !Number.isFinite(ticks)) {
      return undefined;
    }
    return Number(bootLine[1]) * 1000 + ticks * 10;
  } catch {
    return undefined;
  }
}

/**
 * A lock file shared by processes on one machine (VS Code windows sharing global storage).
 *
 * The lock file is created exclusively and flushed to disk holding `{ owner, pid, at }`. A lock is
 * broken only when its holder is certainly gone: its process no longer exists (or the process with
 * that id started after the lock was taken), or the file has stayed unreadable longer than
 * `staleMs` on disk (a holder that died between creating and writing it). A live holder is waited
 * for however long it takes, even one stalled by a suspended laptop or a slow disk: breaking it
 * would let it write over the next holder's change once it wakes up.
 *
 * Breaking renames the lock away (only one breaker can win a rename) and deletes it if it is still
 * the lock judged stale; if a fresh lock got renamed instead, it is put back. A holder checks after
 * creating its lock that the file still names it, so one stalled between creating and writing
 * (and then taken for dead) does not go on as if it held the lock.
 */
export class FileLock {
  private readonly pid: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly staleMs: number;
  private readonly retryMs: number;
  private readonly maxWaits: number;
  private readonly isAlive: (pid: number) => boolean;
  private readonly startedAt: (pid: number) => number | undefined;
  private readonly files: StateFileSystem;
  private readonly onProblem: (message: string) => void;

  constructor(
    private readonly lockPath: string,
    private readonly options: FileLockOptions,
  ) {
    this.pid = options.pid ?? process.pid;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? systemSleep;
    this.staleMs = options.staleMs ?? 30_000;
    this.retryMs = options.retryMs ?? 25;
    this.maxWaits = options.maxWaits ?? Math.ceil((this.staleMs + 5_000) / this.retryMs);
    this.isAlive = options.isProcessAlive ?? processIsAlive;
    this.startedAt = options.processStartedAt ?? linuxProcessStartedAt;
    this.files = options.files ?? nodeStateFileSystem(this.sleep);
    this.onProblem = options.onProblem ?? (() => undefined);
  }

  async acquire(): Promise<void> {
    for (let waits = 0; ; ) {
      if (await this.tryCreate()) {
        return;
      }
      const holder = await this.readHolder();
      if (holder === 'gone') {
        continue;
      }
      if (await this.isStale(holder)) {
        await this.breakStale(holder);
        continue;
      }
      if (++waits > this.maxWaits) {
        throw new Error(
          l10n.t('Timed out waiting for the lock {0}, held by process {1}.', this.lockPath, holder === 'unreadable' ? '?' : holder.pid),
        );
      }
      await this.sleep(this.retryMs);
    }
  }

  /** Deletes the lock if it is still ours; a lock broken as stale and taken by someone else is left alone. */
  async release(): Promise<void> {
    const holder = await this.readHolder();
    if (typeof holder === 'object' && holder.owner === this.options.owner) {
      await this.files.remove(this.lockPath);
    }
  }

  async withLock<T>(action: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await action();
    } finally {
      await this.release();
    }
  }

  private async tryCreate(): Promise<boolean> {
    const content: LockContent = { owner: this.options.owner, pid: this.pid, at: this.now() };
    try {
      await this.files.createExclusive(this.lockPath, JSON.stringify(content));
    } catch (error) {
      if (errorCode(error) === 'EEXIST') {
        return false;
      }
      throw error;
    }
    // Stalled long enough between creating and writing to be taken for dead? Then it is not ours.
    const holder = await this.readHolder();
    return typeof holder === 'object' && holder.owner === content.owner && holder.at === content.at;
  }

  private async readHolder(file = this.lockPath): Promise<Holder> {
    const text = await readIfExists(this.files, file);
    if (text === undefined) {
      return 'gone';
    }
    try {
      const value: unknown = JSON.parse(text);
      if (isLockContent(value)) {
        return value;
      }
    } catch {
      // Falls through: a lock being written, or left half-written by a crash.
    }
    return 'unreadable';
  }

  private async isStale(holder: LockContent | 'unreadable'): Promise<boolean> {
    if (holder === 'unreadable') {
      // Judged by the file's age on disk, so every waiter (and every new attempt) agrees.
      const age = await this.files.ageMs(this.lockPath);
      return age !== undefined && age > this.staleMs;
    }
    if (holder.pid === this.pid) {
      // This process: a holder in it is alive (another instance, or this one's earlier attempt).
      return false;
    }
    if (!this.isAlive(holder.pid)) {
      return true;
    }
    // The id is in use; by the holder only if that process started before it took the lock.
    const started = this.startedAt(holder.pid);
    return started !== undefined && started > holder.at + 1_000;
  }

  private async breakStale(judged: LockContent | 'unreadable'): Promise<void> {
    const aside = `${this.lockPath}.${this.options.owner}.stale`;
    try {
      await this.files.rename(this.lockPath, aside);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') {
        return;
      }
      throw error;
    }
    const taken = await this.readHolder(aside);
    const sameLock =
      judged === 'unreadable'
        ? taken === 'unreadable'
        : typeof taken === 'object' && taken.owner === judged.owner && taken.at === judged.at;
    if (!sameLock) {
      // A holder replaced the stale lock between our check and our rename: give its lock back,
      // unless yet another holder has created one since (then that one stands).
      await this.files.link(aside, this.lockPath).catch(() => undefined);
    } else {
      // l10n-ignore: log line
      const who = typeof judged === 'object' ? `process ${judged.pid}` : 'a process that died while taking it';
      // l10n-ignore: log line
      this.onProblem(`Removed a stale lock left by ${who}: ${this.lockPath}`);
    }
    await this.files.remove(aside);
  }
}

function isLockContent(value: unknown): value is LockContent {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const record = value as Record<string, unknown>;
  return typeof record.owner === 'string' && typeof record.pid === 'number' && typeof record.at === 'number';
}
