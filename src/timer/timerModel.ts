import * as l10n from '@vscode/l10n';
import { formatUtcTimestamp, parseUtcTimestamp } from '../time/timestamps';

/**
 * A timer as Intervals models it: seconds recorded so far plus, while running, the moment the
 * current run began. The server never ticks; whoever reads the timer adds the running part.
 *
 * All transitions here are pure and take `now` from the caller. Start times are kept to whole
 * seconds because that is all the server stores; otherwise the local view and the server's
 * would drift apart by the dropped milliseconds on every run.
 */
export interface TimerState {
  id?: number;
  taskId?: number;
  /** A general timer's name (its description on Intervals). */
  name?: string;
  /** Tells a general timer created here apart until the service gives it an id. */
  localKey?: string;
  /** Seconds recorded before the current run. */
  accumulatedSeconds: number;
  /** Start of the current run; `null` while paused. */
  startedAt: Date | null;
}

/**
 * The full timer state to write to the server, in the API client's field names. Patches are
 * absolute, never increments, so sending the same patch twice cannot count time twice.
 */
export interface TimerPatch {
  time: number;
  /** UTC `YYYY-MM-DD HH:MM:SS`, or `null` for paused. */
  startTime: string | null;
}

/**
 * A change made locally, kept until the server has confirmed it, so that it can be re-applied
 * on top of whatever the server holds by then (see `reconcileTimer`). Times are epoch
 * milliseconds (whole seconds) so the record survives JSON.
 */
export type TimerOp =
  /** Started or resumed at `at`. */
  | { kind: 'start'; at: number }
  /** Paused at `at`, ending the run that began at `runStartedAt`; `seconds` is the total then. */
  | { kind: 'pause'; at: number; runStartedAt: number; seconds: number }
  /** The user set the total to `seconds` at `at` (adjust elapsed, discard idle time). */
  | { kind: 'setElapsed'; at: number; seconds: number }
  /** The user moved the start of the current run to `startedAt`. */
  | { kind: 'setStart'; startedAt: number };

/** The new state, the patch that brings the server there and the op to remember (null: no change). */
export interface TimerTransition {
  timer: TimerState;
  patch: TimerPatch | null;
  op: TimerOp | null;
}

export type TimerAdjustment = ({ ok: true } & TimerTransition) | { ok: false; message: string };

export function isRunning(timer: TimerState): boolean {
  return timer.startedAt !== null;
}

function wholeSecond(date: Date | number): Date {
  const ms = typeof date === 'number' ? date : date.getTime();
  return new Date(Math.floor(ms / 1000) * 1000);
}

/** Seconds from `startedAt` to `now`; a clock that jumped backwards gives 0, never a negative. */
export function runSeconds(startedAt: Date | null, now: Date): number {
  return startedAt ? Math.max(0, Math.floor((now.getTime() - startedAt.getTime()) / 1000)) : 0;
}

export function elapsedSeconds(timer: TimerState, now: Date): number {
  return timer.accumulatedSeconds + runSeconds(timer.startedAt, now);
}

export function toPatch(timer: TimerState): TimerPatch {
  return {
    time: timer.accumulatedSeconds,
    startTime: timer.startedAt ? formatUtcTimestamp(timer.startedAt) : null,
  };
}

function changed(timer: TimerState, op: TimerOp): TimerTransition {
  return { timer, patch: toPatch(timer), op };
}

function unchanged(timer: TimerState): TimerTransition {
  return { timer, patch: null, op: null };
}

/** A new running timer (or an existing paused one given as `from`, resumed). */
export function startTimer(now: Date, from: Omit<TimerState, 'startedAt'> = { accumulatedSeconds: 0 }): TimerTransition {
  const startedAt = wholeSecond(now);
  return changed({ ...from, startedAt }, { kind: 'start', at: startedAt.getTime() });
}

export function pauseTimer(timer: TimerState, now: Date): TimerTransition {
  if (!timer.startedAt) {
    return unchanged(timer);
  }
  const seconds = elapsedSeconds(timer, now);
  return changed(
    { ...timer, accumulatedSeconds: seconds, startedAt: null },
    { kind: 'pause', at: wholeSecond(now).getTime(), runStartedAt: timer.startedAt.getTime(), seconds },
  );
}

export function resumeTimer(timer: TimerState, now: Date): TimerTransition {
  return timer.startedAt ? unchanged(timer) : startTimer(now, timer);
}

/** Moves the start of the current run (the whole timer when nothing was recorded before it). */
export function adjustStart(timer: TimerState, startedAt: Date, now: Date): TimerAdjustment {
  if (!timer.startedAt) {
    return { ok: false, message: l10n.t('The timer is paused; only a running timer has a start time.') };
  }
  if (startedAt.getTime() > now.getTime()) {
    return { ok: false, message: l10n.t('The start time is in the future.') };
  }
  const start = wholeSecond(startedAt);
  return { ok: true, ...changed({ ...timer, startedAt: start }, { kind: 'setStart', startedAt: start.getTime() }) };
}

/** Sets the total to `seconds`; a running timer keeps running from there. */
export function adjustElapsed(timer: TimerState, seconds: number, now: Date): TimerAdjustment {
  if (!Number.isFinite(seconds) || seconds < 0) {
    return { ok: false, message: l10n.t('The elapsed time must be zero or more.') };
  }
  const whole = Math.round(seconds);
  const at = wholeSecond(now);
  const next = { ...timer, accumulatedSeconds: whole, startedAt: timer.startedAt ? at : null };
  return { ok: true, ...changed(next, { kind: 'setElapsed', at: at.getTime(), seconds: whole }) };
}

export const IDLE_CHOICES = ['keep', 'discard', 'stopAtIdleStart'] as const;
export type IdleChoice = (typeof IDLE_CHOICES)[number];

/**
 * What to do with time that ran while the user was away (idle from `idleStart` until `now`):
 * `keep` counts it, `discard` drops it and keeps the timer running, `stopAtIdleStart` pauses
 * the timer as if the user had paused it when they left. Idle time before the current run
 * started is not the timer's, so `idleStart` is clamped into the run.
 */
export function resolveIdle(timer: TimerState, idleStart: Date, now: Date, choice: IdleChoice): TimerTransition {
  if (!timer.startedAt || choice === 'keep') {
    return unchanged(timer);
  }
  const from = new Date(Math.min(Math.max(idleStart.getTime(), timer.startedAt.getTime()), now.getTime()));
  if (choice === 'stopAtIdleStart') {
    return pauseTimer(timer, from);
  }
  const adjusted = adjustElapsed(timer, elapsedSeconds(timer, from), now);
  return adjusted.ok ? { timer: adjusted.timer, patch: adjusted.patch, op: adjusted.op } : unchanged(timer);
}

/** The parts of the API's `Timer` this model needs (structurally compatible with it). */
export interface ServerTimer {
  id: number;
  taskId: number | null;
  name?: string | null;
  time: number;
  /** UTC `YYYY-MM-DD HH:MM:SS`, or null/blank when paused. */
  startTime: string | null;
}

/**
 * The server timer a local record stands for: the same id, or for a timer created here (no id
 * yet) the timer of the same task, since Intervals allows one timer per task and person, or for
 * a general timer the general timer of the same name.
 */
export function findServerTimer(record: LocalTimerRecord, timers: readonly ServerTimer[]): ServerTimer | null {
  const { id, taskId, name } = record.timer;
  if (id !== undefined) {
    return timers.find((timer) => timer.id === id) ?? null;
  }
  if (taskId === undefined) {
    return name === undefined ? null : (timers.find((timer) => timer.taskId === null && timer.name === name) ?? null);
  }
  return timers.find((timer) => timer.taskId === taskId) ?? null;
}

/** Throws a RangeError when the server's start time is not a timestamp. */
export function timerFromServer(server: ServerTimer): TimerState {
  return {
    id: server.id,
    ...(server.taskId != null ? { taskId: server.taskId } : {}),
    ...(server.taskId == null && server.name ? { name: server.name } : {}),
    accumulatedSeconds: Math.max(0, Math.round(server.time)),
    startedAt: parseUtcTimestamp(server.startTime),
  };
}

/**
 * What is stored locally for one timer: the local view and the changes the server has not
 * confirmed yet.
 */
export interface LocalTimerRecord {
  timer: TimerState;
  /** Unconfirmed changes, oldest first; empty when the server is known to match `timer`. */
  pending: TimerOp[];
  /** The server's state when the first pending change was made; null if it never reached the server. */
  base: TimerPatch | null;
  /**
   * What the writes sent since the last confirmed sync carried (creates while it has no id): a
   * write whose answer was lost may have been applied, and must be recognised on the server
   * (see `rebaseOnSentWrite`), or found as an orphan should the timer be discarded.
   */
  sentWrites?: SentWrite[];
  /**
   * Epoch ms until which nothing more is sent for this timer: a write of it whose outcome is
   * unknown may still land, and must not land after a newer write.
   */
  doubtUntil?: number;
}

/** A write sent for a timer: its patch, and how many of the pending changes it held. */
export interface SentWrite extends TimerPatch {
  ops: number;
}


/** The record for a timer as just read from the server. */
export function syncedRecord(server: ServerTimer): LocalTimerRecord {
  const timer = timerFromServer(server);
  return { timer, pending: [], base: toPatch(timer) };
}

/** Adds a local change to the record (`record` null: a timer created here). */
export function recordTransition(record: LocalTimerRecord | null, transition: TimerTransition): LocalTimerRecord {
  if (!record) {
    return { timer: transition.timer, pending: transition.op ? [transition.op] : [], base: null };
  }
  if (!transition.op) {
    return record;
  }
  const base = record.pending.length === 0 && record.timer.id !== undefined ? toPatch(record.timer) : record.base;
  return { ...record, timer: transition.timer, pending: [...record.pending, transition.op], base };
}

interface ServerState {
  time: number;
  start: number | null;
}

/** Re-applies one local change on top of a server state; see `reconcileTimer` for the rules. */
function replay(state: ServerState, op: TimerOp): ServerState {
  switch (op.kind) {
    case 'start':
      return state.start === null ? { time: state.time, start: op.at } : state;
    case 'pause': {
      if (state.start === null) {
        return state;
      }
      const sameRun = state.start === op.runStartedAt;
      if (!sameRun && state.start > op.at) {
        return state;
      }
      return { time: state.time + Math.max(0, Math.floor((op.at - state.start) / 1000)), start: null };
    }
    case 'setElapsed':
      return { time: op.seconds, start: state.start === null ? null : op.at };
    case 'setStart':
      return state.start === null ? state : { time: state.time, start: op.startedAt };
  }
}

/** Seconds the local timer holds beyond what the server's copy (as of `base`) would show at `now`. */
export function unsentSeconds(record: LocalTimerRecord, now: Date): number {
  const local = elapsedSeconds(record.timer, now);
  if (!record.base) {
    return local;
  }
  return local - (record.base.time + runSeconds(parseUtcTimestamp(record.base.startTime), now));
}

export type ReconcileRule =
  | 'none'
  | 'serverOnly'
  | 'adoptServer'
  | 'dropDeleted'
  | 'createOffline'
  | 'recreateUnsent'
  | 'alreadyApplied'
  | 'merged';

export type TimerSend =
  | { kind: 'none' }
  | { kind: 'update'; id: number; patch: TimerPatch }
  | { kind: 'create'; taskId?: number; name?: string; patch: TimerPatch };

export interface TimerReconciliation {
  /** Which rule decided (for logs and tests). */
  rule: ReconcileRule;
  /** The state to keep locally; null to forget the timer. After a send, the record is synced. */
  timer: TimerState | null;
  send: TimerSend;
}

/**
 * Merges the local record with the server's timer (null: the server has none) at `now`.
 *
 * Rules, in order:
 * 1. `none`: neither side has the timer.
 * 2. `serverOnly`: only the server has it (started in the web app or another window): adopt it.
 * 3. Nothing pending locally: the server is the truth. `adoptServer` if it still has the
 *    timer, `dropDeleted` if it was deleted (for example applied to a time entry in the web app).
 * 4. Pending changes, server has no timer:
 *    - `createOffline`: the timer was created here and never reached the server: create it.
 *    - `recreateUnsent`: it was deleted on the server but the local timer holds time the server
 *      never had (`unsentSeconds` > 0, e.g. it was resumed offline): create a timer with only that
 *      time, because whoever deleted it may already have logged the rest.
 *    - `dropDeleted` otherwise: the local changes only ended or shortened time the server had.
 * 5. `alreadyApplied`: the server already equals the local state (our last write arrived but its
 *    answer was lost): adopt the server, send nothing. This check comes before replaying, which
 *    would otherwise add a confirmed run a second time.
 * 6. `merged`: replay the pending changes, oldest first, on the server's current state:
 *    - start at T: a paused server timer starts at T; a running one keeps its own start.
 *    - pause at T: a paused server timer stays as it is (its pause already ended that run:
 *      adding ours would count it twice). A running one is paused at T, adding T − start, when it
 *      is the same run we paused or a run that began before T; a run that began after T was
 *      resumed elsewhere after our pause, and the later action wins.
 *    - set elapsed to S at T: an explicit edit wins: time = S, and a running timer runs from T.
 *    - set start to X: moves the start of a running timer; ignored on a paused one.
 *    Then send the result if it differs from the server (`update`), otherwise send nothing.
 *    On an unchanged server (still at `base`) the replay gives exactly the local state.
 *
 * Known limit: Intervals keeps no modification stamp the client can compare, so when the web
 * app changes a timer while one of our writes is in doubt, a change it made may be overridden.
 * The rules are chosen so the error is towards less time, never time counted twice.
 */
export function reconcileTimer(
  record: LocalTimerRecord | null,
  server: ServerTimer | null,
  now: Date,
): TimerReconciliation {
  if (!record) {
    return server
      ? { rule: 'serverOnly', timer: timerFromServer(server), send: { kind: 'none' } }
      : { rule: 'none', timer: null, send: { kind: 'none' } };
  }
  if (record.pending.length === 0) {
    return server
      ? { rule: 'adoptServer', timer: timerFromServer(server), send: { kind: 'none' } }
      : { rule: 'dropDeleted', timer: null, send: { kind: 'none' } };
  }
  if (!server) {
    return reconcileWithoutServer(record, now);
  }
  const current = timerFromServer(server);
  const serverState: ServerState = { time: current.accumulatedSeconds, start: current.startedAt?.getTime() ?? null };
  const local = record.timer;
  if (serverState.time === local.accumulatedSeconds && serverState.start === (local.startedAt?.getTime() ?? null)) {
    return { rule: 'alreadyApplied', timer: current, send: { kind: 'none' } };
  }
  const merged = record.pending.reduce(replay, serverState);
  const timer: TimerState = {
    ...current,
    accumulatedSeconds: merged.time,
    startedAt: merged.start === null ? null : new Date(merged.start),
  };
  const same = merged.time === serverState.time && merged.start === serverState.start;
  return {
    rule: 'merged',
    timer,
    send: same ? { kind: 'none' } : { kind: 'update', id: server.id, patch: toPatch(timer) },
  };
}

function reconcileWithoutServer(record: LocalTimerRecord, now: Date): TimerReconciliation {
  const { timer } = record;
  const taskId = { ...(timer.taskId !== undefined ? { taskId: timer.taskId } : {}), ...(timer.name !== undefined ? { name: timer.name } : {}) };
  if (timer.id === undefined) {
    return { rule: 'createOffline', timer, send: { kind: 'create', ...taskId, patch: toPatch(timer) } };
  }
  const unsent = unsentSeconds(record, now);
  if (unsent <= 0) {
    return { rule: 'dropDeleted', timer: null, send: { kind: 'none' } };
  }
  const run = runSeconds(timer.startedAt, now);
  const recreated: TimerState = {
    ...taskId,
    ...(timer.localKey !== undefined ? { localKey: timer.localKey } : {}),
    accumulatedSeconds: Math.max(0, unsent - run),
    startedAt: unsent >= run ? timer.startedAt : wholeSecond(now.getTime() - unsent * 1000),
  };
  return { rule: 'recreateUnsent', timer: recreated, send: { kind: 'create', ...taskId, patch: toPatch(recreated) } };
}
