import * as path from 'node:path';
import type { StateFileSystem } from './stateFileSystem';

/** Copies of damaged state files end with this, beside the file they were taken from. */
export const SET_ASIDE_SUFFIX = '.corrupt';

/** What was found damaged, where its copy is, and what was kept of it. */
export interface DamageReport {
  /** The damaged file (it is rewritten with what could be read). */
  file: string;
  /** The untouched copy of its damaged content. */
  copy: string;
  reason: string;
  /** Records that could be read and were kept. */
  kept: number;
}

/** Keeps `text` (the damaged content of `file`) in a copy beside it and returns the copy's path. */
export async function setAside(files: StateFileSystem, file: string, text: string, now: number): Promise<string> {
  const copy = `${file}.${now}${SET_ASIDE_SUFFIX}`;
  await files.writeAtomic(copy, text);
  return copy;
}

/** The copies set aside in a folder, newest first. */
export async function listSetAside(files: StateFileSystem, folder: string): Promise<string[]> {
  const names = (await files.list(folder)).filter((name) => name.endsWith(SET_ASIDE_SUFFIX));
  const stamp = (name: string): number => Number(/\.(\d+)\.corrupt$/.exec(name)?.[1] ?? 0);
  return names.sort((a, b) => stamp(b) - stamp(a)).map((name) => path.join(folder, name));
}
