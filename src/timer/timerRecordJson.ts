import type { LocalTimerRecord, TimerOp, TimerPatch } from './timerModel';

/** JSON form of a record for durable storage. */
export interface LocalTimerRecordJson {
  timer: { id?: number; taskId?: number; accumulatedSeconds: number; startedAt: string | null };
  pending: TimerOp[];
  base: TimerPatch | null;
  sentCreates?: TimerPatch[];
}

export function recordToJson(record: LocalTimerRecord): LocalTimerRecordJson {
  return {
    timer: { ...record.timer, startedAt: record.timer.startedAt ? record.timer.startedAt.toISOString() : null },
    pending: record.pending,
    base: record.base,
    ...(record.sentCreates?.length ? { sentCreates: record.sentCreates } : {}),
  };
}

/** Undefined when the stored value is not a record (corrupt or from an unknown version). */
export function recordFromJson(value: unknown): LocalTimerRecord | undefined {
  if (!isObject(value) || !isObject(value.timer) || !Array.isArray(value.pending)) {
    return undefined;
  }
  const { id, taskId, accumulatedSeconds, startedAt } = value.timer;
  const startDate = typeof startedAt === 'string' ? new Date(startedAt) : null;
  const valid =
    (id === undefined || typeof id === 'number') &&
    (taskId === undefined || typeof taskId === 'number') &&
    typeof accumulatedSeconds === 'number' &&
    (startedAt === null || (startDate !== null && !Number.isNaN(startDate.getTime()))) &&
    value.pending.every(isTimerOp) &&
    (value.base === null || isPatch(value.base)) &&
    (value.sentCreates === undefined || (Array.isArray(value.sentCreates) && value.sentCreates.every(isPatch)));
  if (!valid) {
    return undefined;
  }
  return {
    timer: {
      ...(id !== undefined ? { id } : {}),
      ...(taskId !== undefined ? { taskId } : {}),
      accumulatedSeconds,
      startedAt: startDate,
    },
    pending: value.pending as TimerOp[],
    base: value.base as TimerPatch | null,
    ...(Array.isArray(value.sentCreates) && value.sentCreates.length > 0 ? { sentCreates: value.sentCreates as TimerPatch[] } : {}),
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
