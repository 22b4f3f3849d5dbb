import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** Suffix of the temporary files `writeFileAtomic` leaves behind only when a process dies mid-write. */
export const TEMP_SUFFIX = '.tmp';

/** Windows refuses to replace a file another process has open for a moment (indexers, antivirus). */
const RENAME_RETRIES = 5;
const BUSY_CODES = new Set(['EPERM', 'EACCES', 'EBUSY']);

/**
 * Replaces `file` so that readers see either the old or the new content, never a mix, and a
 * crash at any point leaves the previous version intact: write a temporary file beside it,
 * flush it to disk, rename it over the target, then flush the folder entry where supported.
 */
export async function writeFileAtomic(
  file: string,
  content: string,
  sleep: (ms: number) => Promise<void>,
): Promise<void> {
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
export async function removeLeftoverTempFiles(file: string): Promise<string[]> {
  const folder = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  const leftovers = names.filter((name) => name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX));
  await Promise.all(leftovers.map((name) => fs.rm(path.join(folder, name), { force: true })));
  return leftovers;
}

export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}
