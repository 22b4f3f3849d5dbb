import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { systemSleep } from '../api/clock';

/**
 * The few file operations the shared state files (outbox, timers, locks) need. Injected so the
 * fault campaign can run many windows on an in-memory folder and kill one between any two steps.
 * Errors carry Node's `code` (`ENOENT`, `EEXIST`).
 */
export interface StateFileSystem {
  readFile(file: string): Promise<string>;
  /** Creates `file` holding `content`, flushed to disk; fails with `EEXIST` when it exists. */
  createExclusive(file: string, content: string): Promise<void>;
  /** Replaces `file` so readers see the old or the new content, never a mix, even after a crash. */
  writeAtomic(file: string, content: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** A second name for `existing`; fails with `EEXIST` when `name` exists. */
  link(existing: string, name: string): Promise<void>;
  /** Deletes the file; a missing file is no error. */
  remove(file: string): Promise<void>;
  /** Milliseconds since the file was last written (by the file system's clock), or undefined when missing. */
  ageMs(file: string): Promise<number | undefined>;
  /** Names in the folder; an empty list when it does not exist. */
  list(folder: string): Promise<string[]>;
  ensureFolder(folder: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
}

/** Suffix of the temporary files `writeAtomic` leaves behind only when a process dies mid-write. */
export const TEMP_SUFFIX = '.tmp';

/** Windows refuses to replace a file another process has open for a moment (indexers, antivirus). */
const RENAME_RETRIES = 5;
const BUSY_CODES = new Set(['EPERM', 'EACCES', 'EBUSY']);

export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

/** The real disk. */
export function nodeStateFileSystem(sleep: (ms: number) => Promise<void> = systemSleep): StateFileSystem {
  return {
    readFile: (file) => fs.readFile(file, 'utf8'),
    async createExclusive(file, content) {
      const handle = await fs.open(file, 'wx');
      try {
        await handle.writeFile(content, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
    },
    writeAtomic: (file, content) => writeFileAtomic(file, content, sleep),
    rename: (from, to) => fs.rename(from, to),
    link: (existing, name) => fs.link(existing, name),
    remove: (file) => fs.rm(file, { force: true }),
    async ageMs(file) {
      try {
        return Date.now() - (await fs.stat(file)).mtimeMs;
      } catch (error) {
        if (errorCode(error) === 'ENOENT') {
          return undefined;
        }
        throw error;
      }
    },
    list: (folder) => fs.readdir(folder).catch(() => [] as string[]),
    ensureFolder: async (folder) => {
      await fs.mkdir(folder, { recursive: true });
    },
    copyFile: (from, to) => fs.copyFile(from, to),
  };
}

/**
 * Replaces `file` so that readers see either the old or the new content, never a mix, and a
 * crash at any point leaves the previous version intact: write a temporary file beside it,
 * flush it to disk, rename it over the target, then flush the folder entry where supported.
 */
export async function writeFileAtomic(file: string, content: string, sleep: (ms: number) => Promise<void>): Promise<void> {
  const temp = `${file}.${randomUUID()}${TEMP_SUFFIX}`;
  const handle = await fs.open(temp, 'w');
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await renameWithRetry(temp, file, sleep);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  await syncFolder(path.dirname(file));
}

async function renameWithRetry(from: string, to: string, sleep: (ms: number) => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      if (attempt >= RENAME_RETRIES || !BUSY_CODES.has(errorCode(error) ?? '')) {
        throw error;
      }
      await sleep(10 * attempt);
    }
  }
}

/** Makes the rename itself durable; not possible on Windows, where opening a folder fails. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await fs.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort only: the rename has happened either way.
  }
}

/** Deletes temporary files of `file` left by a process that died mid-write. Call while holding its lock. */
export async function removeLeftoverTempFiles(files: StateFileSystem, file: string): Promise<string[]> {
  const folder = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  const leftovers = (await files.list(folder)).filter((name) => name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX));
  await Promise.all(leftovers.map((name) => files.remove(path.join(folder, name))));
  return leftovers;
}

/** The file's text, or undefined when it does not exist. */
export async function readIfExists(files: StateFileSystem, file: string): Promise<string | undefined> {
  try {
    return await files.readFile(file);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}
