import * as l10n from '@vscode/l10n';
import type { TaskSummary } from '../tasks/taskReference';
import type { LocalTimerRecord, TimerPatch } from './timerModel';
import { recordFromJson, recordToJson } from './timerRecordJson';

/**
 * A timer this window discarded (or logged) before the service gave it an id, whose create may
 * nevertheless have been applied: a server timer on the task holding exactly one of `patches`
 * (what the creates carried) is that timer, and is deleted rather than adopted back.
 */
export interface OrphanTimer {
  taskId: number;
  patches: TimerPatch[];
  /** When it was discarded (epoch ms); forgotten a while after no server timer matches. */
  at: number;
}

/** One account's timers, kept aside while another account is signed in. */
export interface ParkedAccount {
  personId: number;
  records: LocalTimerRecord[];
  deletions: number[];
  orphans: OrphanTimer[];
}

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
  /**
   * Timers to delete on the service: discarded here, or logged as a time entry. Hidden from then
   * on, and deleted on every sync until the service confirms it (so a logged timer is never
   * logged again, even when its first deletion failed).
   */
  deletions: number[];
  /** Timers discarded before they had an id, whose create may have been applied nonetheless. */
  orphans: OrphanTimer[];
  /** Other accounts' unsent changes, sent when that account signs in again. */
  parked: ParkedAccount[];
  /**
   * Counts the service answers applied to the file. A window whose list of timers was read
   * before another window applied a newer answer must not adopt its stale list.
   */
  syncVersion: number;
}

export function emptyTimerState(personId: number | null = null): TimerStateData {
  return { personId, records: [], tasks: [], deletions: [], orphans: [], parked: [], syncVersion: 0 };
}

export function serializeTimerState(state: TimerStateData): string {
  return JSON.stringify({
    version: 1,
    personId: state.personId,
    records: state.records.map(recordToJson),
    tasks: state.tasks,
    deletions: state.deletions,
    ...(state.orphans.length > 0 ? { orphans: state.orphans } : {}),
    ...(state.parked.length > 0
      ? { parked: state.parked.map((account) => ({ ...account, records: account.records.map(recordToJson) })) }
      : {}),
    syncVersion: state.syncVersion,
  });
}

/** The state read from a file's text, and what was wrong with it (undefined: nothing). */
export interface ParsedTimerState {
  state: TimerStateData;
  damage?: string;
  /** Timer records kept from a damaged file. */
  kept: number;
}

/** How a damaged list of the file is described, in the display language. */
interface ListDamage {
  unreadable(): string;
  damaged(count: number): string;
}

const RECORDS: ListDamage = { unreadable: () => l10n.t('timer record(s) unreadable'), damaged: (n) => l10n.t('{0} damaged timer record(s)', n) };
const TASK_NAMES: ListDamage = { unreadable: () => l10n.t('task name(s) unreadable'), damaged: (n) => l10n.t('{0} damaged task name(s)', n) };
const DELETIONS: ListDamage = { unreadable: () => l10n.t('deletion(s) unreadable'), damaged: (n) => l10n.t('{0} damaged deletion(s)', n) };
const ORPHANS: ListDamage = { unreadable: () => l10n.t('discarded timer(s) unreadable'), damaged: (n) => l10n.t('{0} damaged discarded timer(s)', n) };
const PARKED: ListDamage = {
  unreadable: () => l10n.t('account(s) kept aside unreadable'),
  damaged: (n) => l10n.t('{0} damaged account(s) kept aside', n),
};

/**
 * Reads the file's text; a damaged file keeps everything valid in it and says what was dropped,
 * never throws (that would stop the timers).
 */
export function parseTimerStateFile(text: string | undefined): ParsedTimerState {
  if (text === undefined) {
    return { state: emptyTimerState(), kept: 0 };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { state: emptyTimerState(), damage: l10n.t('not valid JSON'), kept: 0 };
  }
  if (!isObject(value)) {
    return { state: emptyTimerState(), damage: l10n.t('not a timer state'), kept: 0 };
  }
  const problems: string[] = [];
  const list = <T>(raw: unknown, what: ListDamage, read: (item: unknown) => T | undefined): T[] => {
    if (raw === undefined) {
      return [];
    }
    if (!Array.isArray(raw)) {
      problems.push(what.unreadable());
      return [];
    }
    const read_ = raw.map(read).filter((item): item is T => item !== undefined);
    if (read_.length < raw.length) {
      problems.push(what.damaged(raw.length - read_.length));
    }
    return read_;
  };
  if (!Array.isArray(value.records)) {
    problems.push(l10n.t('no timer list'));
  }
  const records = list(value.records ?? [], RECORDS, recordFromJson);
  const tasks = list(value.tasks, TASK_NAMES, (item) => (isTaskSummary(item) ? item : undefined));
  const deletions = list(value.deletions, DELETIONS, (item) => (typeof item === 'number' ? item : undefined));
  const orphans = list(value.orphans, ORPHANS, readOrphan);
  const parked = list(value.parked, PARKED, readParked);
  if (value.personId !== null && value.personId !== undefined && typeof value.personId !== 'number') {
    problems.push(l10n.t('an unreadable account'));
  }
  const syncVersion = typeof value.syncVersion === 'number' && Number.isSafeInteger(value.syncVersion) ? value.syncVersion : 0;
  const state: TimerStateData = {
    personId: typeof value.personId === 'number' ? value.personId : null,
    records,
    tasks,
    deletions,
    orphans,
    parked,
    syncVersion,
  };
  return problems.length > 0 ? { state, damage: problems.join(', '), kept: records.length } : { state, kept: records.length };
}

/** The state in the text, damaged parts dropped (reported through `onProblem`). */
export function parseTimerState(text: string, onProblem?: (message: string) => void): TimerStateData {
  const parsed = parseTimerStateFile(text);
  if (parsed.damage) {
    // l10n-ignore: log line
    onProblem?.(`The timer state file is damaged (${parsed.damage}); ${parsed.kept} timer(s) were kept.`);
  }
  return parsed.state;
}

function readOrphan(value: unknown): OrphanTimer | undefined {
  if (!isObject(value) || typeof value.taskId !== 'number' || typeof value.at !== 'number' || !Array.isArray(value.patches)) {
    return undefined;
  }
  const patches = value.patches.filter(isPatch);
  return patches.length === value.patches.length ? { taskId: value.taskId, patches, at: value.at } : undefined;
}

function readParked(value: unknown): ParkedAccount | undefined {
  if (!isObject(value) || typeof value.personId !== 'number' || !Array.isArray(value.records) || !Array.isArray(value.deletions)) {
    return undefined;
  }
  const records = value.records.map(recordFromJson);
  const orphans = Array.isArray(value.orphans) ? value.orphans.map(readOrphan) : [];
  if (records.some((record) => !record) || orphans.some((orphan) => !orphan) || !value.deletions.every((id) => typeof id === 'number')) {
    return undefined;
  }
  return {
    personId: value.personId,
    records: records as LocalTimerRecord[],
    deletions: value.deletions as number[],
    orphans: orphans as OrphanTimer[],
  };
}

function isTaskSummary(item: unknown): item is TaskSummary {
  return isObject(item) && typeof item.id === 'number' && typeof item.title === 'string';
}

function isPatch(value: unknown): value is TimerPatch {
  return isObject(value) && typeof value.time === 'number' && (value.startTime === null || typeof value.startTime === 'string');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
