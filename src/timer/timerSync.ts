import type { Timer } from '../api/types';
import type { TaskSummary } from '../tasks/taskReference';
import { adoptAccount, claimOrphans, noteCreateInDoubt } from './timerAccounts';
import { findServerTimer, reconcileTimer, syncedRecord, type LocalTimerRecord, type ServerTimer, type TimerPatch, type TimerSend } from './timerModel';
import { rebaseOnSentWrite } from './timerSentWrites';
import type { TimerStateData, TimerStateFile } from './timerStateFile';
import type { TimerApi, TimerLog } from './timerApi';

interface PlannedSend {
  send: Exclude<TimerSend, { kind: 'none' }>;
  pendingJson: string;
  taskId: number | undefined;
  localKey: string | undefined;
  id: number | undefined;
}

export interface TimerSyncContext {
  state: TimerStateFile;
  api: TimerApi;
  personId: number;
  now: () => Date;
  log?: TimerLog;
  /** See `TimerServiceOptions.uncertainDelayMs`. */
  uncertainDelayMs: number;
  /** Keeps a task's names for display (`replace` false keeps a fuller summary already known). */
  rememberTask: (state: TimerStateData, task: TaskSummary | undefined, replace?: boolean) => boolean;
  taskFromTimer: (timer: Timer) => TaskSummary | undefined;
}

/** What phase 2 sends, planned under the lock. */
interface SendPlan {
  sends: PlannedSend[];
  deletions: number[];
}

/** What phase 2 got back. */
interface SendOutcome {
  results: Array<{ planned: PlannedSend; server: Timer }>;
  inDoubt: Array<{ planned: PlannedSend; patch: TimerPatch }>;
  deleted: number[];
}

/**
 * One exchange with the service: read the user's timers, reconcile them with the local records
 * under the lock, send what the service has not seen yet without the lock, then record the
 * answers under the lock again. Returns the final state and whether changes made meanwhile call
 * for another round. Throws the service's error when the list cannot be read.
 */
export async function syncTimersOnce(context: TimerSyncContext): Promise<{ state: TimerStateData; again: boolean }> {
  const { api, personId } = context;
  const versionBefore = (await context.state.read()).syncVersion;
  const serverTimers = await api.listAllTimers({ personId, getTimerInfo: true });
  const now = context.now();
  // 1. Under the lock: adopt what needs no request, and note what must be sent.
  const plan = await context.state.update((state) => planSync(context, state, serverTimers, versionBefore, now));
  // 2. Without the lock (requests may take a while): send.
  const outcome = await send(context, plan);
  // 3. Under the lock again: the confirmed records become synced, unless changed meanwhile.
  let again = false;
  const state = await context.state.update((current) => {
    const recorded = recordOutcome(context, current, outcome, now);
    again = recorded.again;
    return { changed: recorded.changed, result: current };
  });
  return { state, again };
}

function planSync(
  context: TimerSyncContext,
  state: TimerStateData,
  serverTimers: readonly Timer[],
  versionBefore: number,
  now: Date,
): { changed: boolean; result: SendPlan } {
  // Another window applied a newer answer while this list was on its way: only send.
  const stale = state.syncVersion !== versionBefore;
  let changed = adoptAccount(state, context.personId);
  if (!stale) {
    changed = claimOrphans(state, serverTimers, now.getTime()) || changed;
  }
  const deletions = state.deletions.filter((id) => serverTimers.some((timer) => timer.id === id));
  changed = changed || deletions.length !== state.deletions.length;
  state.deletions = deletions;
  const visible = serverTimers.filter((timer) => !deletions.includes(timer.id));
  const reconciled = reconcileRecords(state.records, visible, stale, now);
  changed = changed || reconciled.changed;
  for (const server of visible) {
    changed = context.rememberTask(state, context.taskFromTimer(server), false) || changed;
  }
  if (changed) {
    state.records = reconciled.kept;
    state.syncVersion++;
  }
  return { changed, result: { sends: reconciled.sends, deletions } };
}

/** Each local record against the service's timer: kept, synced, or with a change to send. */
function reconcileRecords(
  records: readonly LocalTimerRecord[],
  visible: readonly Timer[],
  stale: boolean,
  now: Date,
): { kept: LocalTimerRecord[]; sends: PlannedSend[]; changed: boolean } {
  let changed = false;
  const sends: PlannedSend[] = [];
  const matched = new Set<number>();
  const kept: LocalTimerRecord[] = [];
  for (const stored of records) {
    const server = findServerTimer(stored, visible);
    if (server) {
      matched.add(server.id);
    }
    const record = adoptServerTimer(rebaseOnSentWrite(stored, server), server);
    changed = changed || record !== stored;
    if ((stale && record.pending.length === 0) || (record.doubtUntil !== undefined && record.doubtUntil > now.getTime())) {
      // A write of this timer may still land: nothing more goes out until it has.
      kept.push(record);
      continue;
    }
    const result = reconcileTimer(record, server, now);
    changed = true;
    if (result.send.kind !== 'none') {
      const planned = result.send;
      sends.push({ send: planned, pendingJson: JSON.stringify(record.pending), taskId: record.timer.taskId, localKey: record.timer.localKey, id: record.timer.id });
      // Noted before it goes out: should its answer be lost, what it did is recognisable.
      kept.push({ ...record, sentWrites: [...(record.sentWrites ?? []), { ...planned.patch, ops: record.pending.length }] });
    } else if (result.timer) {
      kept.push(server ? syncedRecord(server) : { timer: result.timer, pending: [], base: null });
    }
  }
  for (const server of visible) {
    if (!matched.has(server.id) && !stale) {
      kept.push(syncedRecord(server));
      changed = true;
    }
  }
  return { kept, sends, changed };
}

async function send(context: TimerSyncContext, plan: SendPlan): Promise<SendOutcome> {
  const { api, personId } = context;
  const outcome: SendOutcome = { results: [], inDoubt: [], deleted: [] };
  for (const planned of plan.sends) {
    try {
      const server =
        planned.send.kind === 'create'
          ? await api.createTimer({ personId, taskId: planned.send.taskId ?? null, ...(planned.send.name !== undefined ? { name: planned.send.name } : {}), time: planned.send.patch.time, startTime: planned.send.patch.startTime })
          : await api.updateTimer(planned.send.id, { time: planned.send.patch.time, startTime: planned.send.patch.startTime });
      outcome.results.push({ planned, server });
    } catch (error) {
      if (mayHaveApplied(error)) {
        outcome.inDoubt.push({ planned, patch: planned.send.patch });
      }
      context.log?.warn(`Could not send a timer change (kept, retried on the next sync): ${describe(error)}`);
    }
  }
  for (const id of plan.deletions) {
    try {
      await api.deleteTimer(id);
      outcome.deleted.push(id);
    } catch (error) {
      if (isNotFound(error)) {
        outcome.deleted.push(id);
      } else {
        context.log?.warn(`Could not delete timer ${id} (retried on the next sync): ${describe(error)}`);
      }
    }
  }
  return outcome;
}

function recordOutcome(context: TimerSyncContext, current: TimerStateData, outcome: SendOutcome, now: Date): { changed: boolean; again: boolean } {
  let changed = outcome.inDoubt.length > 0;
  let again = false;
  for (const { planned, patch } of outcome.inDoubt) {
    if (planned.send.kind === 'create' && planned.taskId !== undefined) {
      noteCreateInDoubt(current, planned.taskId, patch, now.getTime());
    }
    const record = current.records.find((each) => isPlannedRecord(each, planned));
    if (record) {
      record.doubtUntil = now.getTime() + context.uncertainDelayMs;
    }
  }
  for (const { planned, server } of outcome.results) {
    const applied = applyAnswer(current, planned, server);
    changed = changed || applied.changed;
    again = again || applied.again;
  }
  if (outcome.deleted.length > 0) {
    current.deletions = current.deletions.filter((id) => !outcome.deleted.includes(id));
    changed = true;
  }
  if (changed) {
    current.syncVersion++;
  }
  return { changed, again };
}

function isPlannedRecord(record: LocalTimerRecord, planned: PlannedSend): boolean {
  return planned.id !== undefined
    ? record.timer.id === planned.id
    : record.timer.id === undefined && record.timer.taskId === planned.taskId && record.timer.localKey === planned.localKey;
}

/** The service's answer to one send, recorded against the record it was sent for. */
function applyAnswer(current: TimerStateData, planned: PlannedSend, server: Timer): { changed: boolean; again: boolean } {
  const index = current.records.findIndex((record) => isPlannedRecord(record, planned));
  const record = current.records[index];
  if (!record) {
    if (planned.send.kind === 'create' && !current.deletions.includes(server.id)) {
      // Discarded (or logged) while its create was on the way: the new timer goes too.
      current.deletions.push(server.id);
      current.orphans = current.orphans.filter((orphan) => orphan.taskId !== planned.taskId);
      return { changed: true, again: true };
    }
    return { changed: false, again: false };
  }
  if (JSON.stringify(record.pending) === planned.pendingJson) {
    current.records[index] = syncedRecord(server);
    return { changed: true, again: false };
  }
  // Changed again while the request ran: the changes it carried are on the server now;
  // those made since are still to send, against this timer.
  const sentOps = (JSON.parse(planned.pendingJson) as unknown[]).length;
  const prefix = JSON.stringify(record.pending.slice(0, sentOps)) === planned.pendingJson;
  const { sentWrites: _sent, ...rest } = record;
  current.records[index] = prefix
    ? { ...rest, timer: { ...record.timer, id: server.id }, pending: record.pending.slice(sentOps), base: syncedRecord(server).base }
    : { ...rest, timer: { ...record.timer, id: server.id } };
  return { changed: true, again: true };
}

/**
 * A timer created here is the server's timer of its task from the moment the server has one (its
 * create landed, even unanswered): it takes that id, so discarding or logging it deletes that timer.
 */
function adoptServerTimer(record: LocalTimerRecord, server: ServerTimer | null): LocalTimerRecord {
  if (!server || record.timer.id !== undefined) {
    return record;
  }
  const { sentWrites: _sent, ...rest } = record;
  return { ...rest, timer: { ...record.timer, id: server.id } };
}

/** A failed write the service may nevertheless have applied (a lost answer); unknown errors count too. */
function mayHaveApplied(error: unknown): boolean {
  const flag = typeof error === 'object' && error !== null ? (error as { mayHaveReachedServer?: unknown }).mayHaveReachedServer : undefined;
  return flag !== false;
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { kind?: unknown }).kind === 'notFound';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
