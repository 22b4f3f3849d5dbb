import type { LocalTimerRecord, SentWrite, TimerOp, TimerPatch } from './timerModel';

/** JSON form of a record for durable storage. */
export interface LocalTimerRecordJson {
  timer: { id?: number; taskId?: number; name?: string; localKey?: string; accumulatedSeconds: number; startedAt: string | null };
  pending: TimerOp[];
  base: TimerPatch | null;
  sentWrites?: SentWrite[];
  doubtUntil?: number;
}

export function recordToJson(record: LocalTimerRecord): LocalTimerRecordJson {
  return {
    timer: { ...record.timer, startedAt: record.timer.startedAt ? record.timer.startedAt.toISOString() : null },
    pending: record.pending,
    base: record.base,
    ...(record.sentWrites?.length ? { sentWrites: record.sentWrites } : {}),
    ...(record.doubtUntil !== undefined ? { doubtUntil: record.doubtUntil } : {}),
  };
}

/** Undefined when the stored value is not a record (corrupt or from an unknown version). */
export function recordFromJson(value: unknown): LocalTimerRecord | undefined {
  if (!isObject(value) || !isObject(value.timer) || !Array.isArray(value.pending)) {
    return undefined;
  }
  const { id, taskId, name, localKey, accumulatedSeconds, startedAt } = value.timer;
  const startDate = typeof startedAt === 'string' ? new Date(startedAt) : null;
  const valid =
    (id === undefined || typeof id === 'number') &&
    (taskId === undefined || typeof taskId === 'number') &&
    (name === undefined || typeof name === 'string') &&
    (localKey === undefined || typeof localKey === 'string') &&
    typeof accumulatedSeconds === 'number' &&
    (startedAt === null || (startDate !== null && !Number.isNaN(startDate.getTime()))) &&
    value.pending.every(isTimerOp) &&
    (value.base === null || isPatch(value.base)) &&
    (value.sentWrites === undefined || (Array.isArray(value.sentWrites) && value.sentWrites.every((create) => isPatch(create) && typeof (create as SentWrite).ops === 'number')));
  if (!valid) {
    return undefined;
  }
  return {
    timer: {
      ...(id !== undefined ? { id } : {}),
      ...(taskId !== undefined ? { taskId } : {}),
      ...(typeof name === 'string' ? { name } : {}),
      ...(typeof localKey === 'string' ? { localKey } : {}),
      accumulatedSeconds,
      startedAt: startDate,
    },
    pending: value.pending as TimerOp[],
    base: value.base as TimerPatch | null,
    ...(Array.isArray(value.sentWrites) && value.sentWrites.length > 0 ? { sentWrites: value.sentWrites as SentWrite[] } : {}),
    ...(typeof value.doubtUntil === 'number' ? { doubtUntil: value.doubtUntil } : {}),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTimerOp(value: unknown): value is TimerOp {
  if (!isObject(value)) {
    return false;
  }
  const numbers = (...keys: string[]): boolean => keys.every((key) => typeof value[key] === 'number');
  switch (value.kind) {
    case 'start':
      return numbers('at');
    case 'pause':
      return numbers('at', 'runStartedAt', 'seconds');
    case 'setElapsed':
      return numbers('at', 'seconds');
    case 'setStart':
      return numbers('startedAt');
    default:
      return false;
  }
}

function isPatch(value: unknown): value is TimerPatch {
  return isObject(value) && typeof value.time === 'number' && (value.startTime === null || typeof value.startTime === 'string');
}
