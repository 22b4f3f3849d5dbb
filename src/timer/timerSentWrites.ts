import type { LocalTimerRecord, ServerTimer, TimerPatch } from './timerModel';
import { parseUtcTimestamp } from '../time/timestamps';

// Writes sent for a timer whose answers were lost: recognised on the server by what they carried.

function sameStartTime(a: string | null, b: string | null): boolean {
  return (parseUtcTimestamp(a)?.getTime() ?? null) === (parseUtcTimestamp(b)?.getTime() ?? null);
}

/** Whether the server timer holds exactly what a patch sent. */
export function matchesPatch(server: ServerTimer, patch: TimerPatch): boolean {
  try {
    return Math.round(server.time) === patch.time && sameStartTime(server.startTime, patch.startTime);
  } catch {
    return false;
  }
}

/**
 * A write applied although its answer was lost: the server timer holds what that write sent, so
 * the changes it carried are on the server already. Only the changes made since are still to
 * apply (replaying them all would count a run twice).
 */
export function rebaseOnSentWrite(record: LocalTimerRecord, server: ServerTimer | null): LocalTimerRecord {
  if (!server || !record.sentWrites?.length) {
    return record;
  }
  const sent = [...record.sentWrites].reverse().find((create) => matchesPatch(server, create));
  if (!sent) {
    return record;
  }
  const later = record.sentWrites.filter((write) => write.ops > sent.ops).map((write) => ({ ...write, ops: write.ops - sent.ops }));
  const { sentWrites: _all, ...rest } = record;
  return {
    ...rest,
    pending: record.pending.slice(sent.ops),
    base: { time: sent.time, startTime: sent.startTime },
    ...(later.length > 0 ? { sentWrites: later } : {}),
  };
}
