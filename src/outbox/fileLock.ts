import { promises as fs } from 'node:fs';
import { systemSleep } from '../api/clock';
import { errorCode } from './atomicFile';

export interface FileLockOptions {
  /** Identifies this holder; two holders in one process must differ. */
  owner: string;
  pid?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** A lock older than this is taken to be left by a crashed holder. Critical sections last milliseconds. */
  staleMs?: number;
  retryMs?: number;
  /** How many times to wait for a live holder before giving up. */
  maxWaits?: number;
  isProcessAlive?: (pid: number) => boolean;
  onProblem?: (message: string) => void;
}

interface LockContent {
  owner: string;
  pid: number;
  at: number;
}

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
 * A lock file shared by processes on one machine (VS Code windows sharing global storage).
 *
 * The lock file is created exclusively (`wx`) and holds `{ owner, pid, at }`. A lock whose process
 * is gone, or that is older than `staleMs`, was left by a crash: it is renamed away (only one
 * breaker can win a rename) and deleted if it is still the lock judged stale; if a fresh lock got
 * renamed instead, it is put back. A lock whose content cannot be read yet (its holder is between
 * creating and writing it) only counts as stale once it has stayed unreadable for `staleMs`.
 */
export class FileLock {
  private readonly pid: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly staleMs: number;
  private readonly retryMs: number;
  private readonly maxWaits: number;
  private readonly isAlive: (pid: number) => boolean;
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
    this.maxWaits = options.maxWaits ?? 400;
    this.isAlive = options.isProcessAlive ?? processIsAlive;
    this.onProblem = options.onProblem ?? (() => undefined);
  }

  async acquire(): Promise<void> {
    let unreadableSince: number | undefined;
    for (let waits = 0; ; ) {
      if (await this.tryCreate()) {
        return;
      }
      const holder = await this.readHolder();
      if (holder === 'gone') {
        continue;
      }
      let stale: boolean;
      if (holder === 'unreadable') {
        unreadableSince ??= this.now();
        stale = this.now() - unreadableSince > this.staleMs;
      } else {
        unreadableSince = undefined;
        stale = this.isStale(holder);
      }
      if (stale) {
        await this.breakStale(holder);
        unreadableSince = undefined;
        continue;
      }
      if (++waits > this.maxWaits) {
        throw new Error(`Timed out waiting for the lock ${this.lockPath}, held by process ${holder === 'unreadable' ? '?' : holder.pid}.`);
      }
      await this.sleep(this.retryMs);
    }
  }

  /** Deletes the lock if it is still ours; a lock broken as stale and taken by someone else is left alone. */
  async release(): Promise<void> {
    const holder = await this.readHolder();
    if (typeof holder === 'object' && holder.owner === this.options.owner) {
      await fs.rm(this.lockPath, { force: true });
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
      const handle = await fs.open(this.lockPath, 'wx');
      try {
        await handle.writeFile(JSON.stringify(content), 'utf8');
      } finally {
        await handle.close();
      }
      return true;
    } catch (error) {
      if (errorCode(error) === 'EEXIST') {
        return false;
      }
      throw error;
    }
  }

  private async readHolder(file = this.lockPath): Promise<LockContent | 'gone' | 'unreadable'> {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') {
        return 'gone';
      }
      throw error;
    }
    try {
      const value: unknown = JSON.parse(text);
      if (isLockContent(value)) {
        return value;
      }
    } catch {
      // Falls through: a lock being written, or garbage.
    }
    return 'unreadable';
  }

  private isStale(holder: LockContent): boolean {
    const deadProcess = holder.pid !== this.pid && !this.isAlive(holder.pid);
    return deadProcess || this.now() - holder.at > this.staleMs;
  }

  private async breakStale(judged: LockContent | 'unreadable'): Promise<void> {
    const aside = `${this.lockPath}.${this.options.owner}.stale`;
    try {
      await fs.rename(this.lockPath, aside);
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
      await fs.link(aside, this.lockPath).catch(() => undefined);
    } else {
      const who = typeof judged === 'object' ? `process ${judged.pid}` : 'an unknown process';
      this.onProblem(`Removed a stale lock left by ${who}: ${this.lockPath}`);
    }
    await fs.rm(aside, { force: true });
  }
}

function isLockContent(value: unknown): value is LockContent {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const record = value as Record<string, unknown>;
  return typeof record.owner === 'string' && typeof record.pid === 'number' && typeof record.at === 'number';
}
