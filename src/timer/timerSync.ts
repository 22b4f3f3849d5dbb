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
  const plan = await context.state.update((state) => {
    // Another window applied a newer answer while this list was on its way: only send.
    const stale = state.syncVersion !== versionBefore;
    let changed = adoptAccount(state, personId);
    if (!stale) {
      changed = claimOrphans(state, serverTimers, now.getTime()) || changed;
    }
    const sends: PlannedSend[] = [];
    const deletions = state.deletions.filter((id) => serverTimers.some((timer) => timer.id === id));
    changed = changed || deletions.length !== state.deletions.length;
    state.deletions = deletions;
    const visible = serverTimers.filter((timer) => !deletions.includes(timer.id));
    const matched = new Set<number>();
    const kept: LocalTimerRecord[] = [];
    for (const stored of state.records) {
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
      if (result.send.kind !== 'none') {
        const send = result.send;
        sends.push({ send, pendingJson: JSON.stringify(record.pending), taskId: record.timer.taskId, id: record.timer.id });
        // Noted before it goes out: should its answer be lost, what it did is recognisable.
        kept.push({ ...record, sentWrites: [...(record.sentWrites ?? []), { ...send.patch, ops: record.pending.length }] });
        changed = true;
        continue;
      }
      changed = true;
      if (result.timer) {
        kept.push(server ? syncedRecord(server) : { timer: result.timer, pending: [], base: null });
      }
    }
    for (const server of visible) {
      if (!matched.has(server.id) && !stale) {
        kept.push(syncedRecord(server));
        changed = true;
      }
    }
    for (const server of visible) {
      changed = context.rememberTask(state, context.taskFromTimer(server), false) || changed;
    }
    if (changed) {
      state.records = kept;
      state.syncVersion++;
    }
    return { changed, result: { sends, deletions } };
  });

  // 2. Without the lock (requests may take a while): send.
  const results: Array<{ planned: PlannedSend; server: Timer }> = [];
  const inDoubt: Array<{ planned: PlannedSend; patch: TimerPatch }> = [];
  for (const planned of plan.sends) {
    try {
      const server =
        planned.send.kind === 'create'
          ? await api.createTimer({ personId, taskId: planned.send.taskId ?? null, time: planned.send.patch.time, startTime: planned.send.patch.startTime })
          : await api.updateTimer(planned.send.id, { time: planned.send.patch.time, startTime: planned.send.patch.startTime });
      results.push({ planned, server });
    } catch (error) {
      if (mayHaveApplied(error)) {
        inDoubt.push({ planned, patch: planned.send.patch });
      }
      context.log?.warn(`Could not send a timer change (kept, retried on the next sync): ${describe(error)}`);
    }
  }
  const deleted: number[] = [];
  for (const id of plan.deletions) {
    try {
      await api.deleteTimer(id);
      deleted.push(id);
    } catch (error) {
      if (isNotFound(error)) {
        deleted.push(id);
      } else {
        context.log?.warn(`Could not delete timer ${id} (retried on the next sync): ${describe(error)}`);
      }
    }
  }

  // 3. Under the lock again: the confirmed records become synced, unless changed meanwhile.
  let again = false;
  const state = await context.state.update((current) => {
    let changed = inDoubt.length > 0;
    again = false;
    for (const { planned, patch } of inDoubt) {
      if (planned.send.kind === 'create' && planned.taskId !== undefined) {
        noteCreateInDoubt(current, planned.taskId, patch, now.getTime());
      }
      const record = current.records.find((each) => (planned.id !== undefined ? each.timer.id === planned.id : each.timer.id === undefined && each.timer.taskId === planned.taskId));
      if (record) {
        record.doubtUntil = now.getTime() + context.uncertainDelayMs;
      }
    }
    for (const { planned, server } of results) {
      const index = current.records.findIndex((record) =>
        planned.id !== undefined ? record.timer.id === planned.id : record.timer.id === undefined && record.timer.taskId === planned.taskId,
      );
      const record = current.records[index];
      if (!record) {
        if (planned.send.kind === 'create' && !current.deletions.includes(server.id)) {
          // Discarded (or logged) while its create was on the way: the new timer goes too.
          current.deletions.push(server.id);
          current.orphans = current.orphans.filter((orphan) => orphan.taskId !== planned.taskId);
          changed = true;
          again = true;
        }
        continue;
      }
      changed = true;
      if (JSON.stringify(record.pending) === planned.pendingJson) {
        current.records[index] = syncedRecord(server);
      } else {
        // Changed again while the request ran: the changes it carried are on the server now;
        // those made since are still to send, against this timer.
        const sentOps = (JSON.parse(planned.pendingJson) as unknown[]).length;
        const prefix = JSON.stringify(record.pending.slice(0, sentOps)) === planned.pendingJson;
        const { sentWrites: _sent, ...rest } = record;
        current.records[index] = prefix
          ? { ...rest, timer: { ...record.timer, id: server.id }, pending: record.pending.slice(sentOps), base: syncedRecord(server).base }
          : { ...rest, timer: { ...record.timer, id: server.id } };
        again = true;
      }
    }
    if (deleted.length > 0) {
      current.deletions = current.deletions.filter((id) => !deleted.includes(id));
      changed = true;
    }
    if (changed) {
      current.syncVersion++;
    }
    return { changed, result: current };
  });
  return { state, again };
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
