import type { LocalTimerRecord, ServerTimer, TimerPatch } from './timerModel';
import { matchesPatch } from './timerSentWrites';
import { emptyTimerState, type TimerStateData } from './timerStateFormat';
import type { TimerStateFile } from './timerStateFile';

/** An orphan no server timer matched is forgotten this long after it was made: any late create has landed by then. */
export const ORPHAN_KEEP_MS = 15 * 60_000;

/**
 * Makes `personId` the state's account. Timers started before the account was known (offline since
 * start-up) are this user's. Another account's timers are kept aside with their unsent changes,
 * and that account's own (kept aside earlier) come back, to be sent now. True when it changed.
 */
export function adoptAccount(state: TimerStateData, personId: number | null): boolean {
  if (personId === null || state.personId === personId) {
    return false;
  }
  if (state.personId === null) {
    state.personId = personId;
    return true;
  }
  const leaving = { personId: state.personId, records: state.records, deletions: state.deletions, orphans: state.orphans };
  const unsent = leaving.records.some((record) => record.pending.length > 0) || leaving.deletions.length > 0 || leaving.orphans.length > 0;
  const parked = state.parked.filter((account) => account.personId !== personId && account.personId !== leaving.personId);
  const returning = state.parked.find((account) => account.personId === personId);
  Object.assign(state, emptyTimerState(personId), {
    tasks: state.tasks,
    syncVersion: state.syncVersion,
    parked: unsent ? [...parked, leaving] : parked,
    ...(returning ? { records: returning.records, deletions: returning.deletions, orphans: returning.orphans } : {}),
  });
  return true;
}

/** Forgets the record; the service's copy is deleted (or, without an id, recognised should its create have landed). */
export function dropRecord(state: TimerStateData, record: LocalTimerRecord, now: number): void {
  state.records = state.records.filter((each) => each !== record);
  if (record.timer.id !== undefined) {
    if (!state.deletions.includes(record.timer.id)) {
      state.deletions.push(record.timer.id);
    }
  } else if (record.timer.taskId !== undefined && record.sentWrites?.length) {
    state.orphans.push({ taskId: record.timer.taskId, patches: record.sentWrites.map(({ time, startTime }) => ({ time, startTime })), at: now });
  }
}

/**
 * The timer's time is now a time entry: the timer is deleted (retried on every sync until the
 * service confirms it) and hidden meanwhile, so it cannot be logged a second time.
 */
export function markLogged(state: TimerStateData, timerId: number): boolean {
  const before = state.records.length;
  state.records = state.records.filter((record) => record.timer.id !== timerId);
  if (state.deletions.includes(timerId)) {
    return state.records.length !== before;
  }
  state.deletions.push(timerId);
  return true;
}

/** Notes a create whose answer was lost: should it land later, its timer is deleted, not adopted. */
export function noteCreateInDoubt(state: TimerStateData, taskId: number, patch: TimerPatch, now: number): void {
  const same = state.orphans.find((orphan) => orphan.taskId === taskId);
  if (same) {
    same.patches.push(patch);
    same.at = now;
  } else {
    state.orphans.push({ taskId, patches: [patch], at: now });
  }
}

/** Durably notes that a timer was logged (see `markLogged`), whichever window and account. */
export async function markTimerLogged(file: TimerStateFile, timerId: number): Promise<void> {
  await file.update((state) => ({ changed: markLogged(state, timerId), result: undefined }));
}

/**
 * Server timers that are the late result of a create in doubt (its answer lost), for a timer that
 * was discarded, logged, or got its id from another create meanwhile, go to the deletions; orphans
 * nothing matched are forgotten once old. True when it changed.
 */
export function claimOrphans(state: TimerStateData, serverTimers: readonly ServerTimer[], now: number): boolean {
  if (state.orphans.length === 0) {
    return false;
  }
  // A local timer's own server timer is never an orphan: the one with its id, or for one without
  // an id yet, the one its own create made (the very create in doubt, sent from this record).
  const owned = (timer: ServerTimer): boolean =>
    state.records.some((record) =>
      record.timer.id !== undefined
        ? record.timer.id === timer.id
        : record.timer.taskId === timer.taskId && (record.sentWrites ?? []).some((create) => matchesPatch(timer, create)),
    );
  const kept = state.orphans.filter((orphan) => {
    const match = serverTimers.find(
      (timer) =>
        timer.taskId === orphan.taskId &&
        !state.deletions.includes(timer.id) &&
        !owned(timer) &&
        orphan.patches.some((patch) => matchesPatch(timer, patch)),
    );
    if (match) {
      state.deletions.push(match.id);
      return false;
    }
    return now - orphan.at < ORPHAN_KEEP_MS;
  });
  const changed = kept.length !== state.orphans.length;
  state.orphans = kept;
  return changed;
}
