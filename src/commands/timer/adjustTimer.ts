import * as vscode from 'vscode';
import { defuseLinks } from '../../common/untrustedText';
import { parseDuration } from '../../time/duration';
import { parseClockTime, parseTimerAdjustment, type TimerAdjustInput } from '../../timer/timerAdjustInput';
import type { TimerChanges } from '../../timer/timerChanges';
import type { TimerAdjustment } from '../../timer/timerModel';
import type { TimerService } from '../../timer/timerService';
import { argumentObject, id, type ArgumentKind } from '../args';
import type { Command } from '../command';
import { chooseTimer, type Timers } from './chooseTimer';

/**
 * `intervals.adjustTimer` ("Adjust Timer…"): "I started at 9:15" or "make it 1h 20m".
 * `{ startedAt }` (a Date, epoch ms, ISO text or a time of day) or `{ elapsed }` (seconds or a
 * duration such as "1h 20m") skips the prompt. Returns the adjustment (ok or why not).
 */
export function adjustTimerCommand(timers: Timers & Pick<TimerService, 'adjustStart' | 'adjustElapsed'>, changes: Pick<TimerChanges, 'fire'>): Command {
  return {
    id: 'intervals.adjustTimer',
    arguments: {
      taskId: id,
      timerId: id,
      startedAt: adjustment('startedAt', 'a time: "9:15", an ISO date-time or epoch milliseconds'),
      elapsed: adjustment('elapsed', 'a duration: seconds, or a text such as "1h 20m"'),
    },
    async execute(arg?: unknown): Promise<TimerAdjustment | undefined> {
      const entry = await chooseTimer(timers, arg, 'Adjust Timer');
      if (!entry) {
        return undefined;
      }
      const given = argumentObject(arg);
      const now = timers.now();
      let input: TimerAdjustInput | undefined;
      if (given?.startedAt !== undefined || given?.elapsed !== undefined) {
        input = fromArguments(given, now);
        if (!input.ok) {
          return { ok: false, message: input.message };
        }
      } else {
        const text = await vscode.window.showInputBox({
          title: 'Adjust Timer',
          prompt: 'When did you start, or how long has it run?',
          placeHolder: 'at 9:15 (start time) or 1h 20m (elapsed)',
          validateInput: (value) => {
            const parsed = parseTimerAdjustment(value, timers.now());
            return parsed.ok ? undefined : parsed.message;
          },
        });
        if (text === undefined) {
          return undefined;
        }
        input = parseTimerAdjustment(text, timers.now());
      }
      if (!input.ok) {
        return { ok: false, message: input.message };
      }
      const result =
        input.kind === 'startedAt'
          ? await timers.adjustStart(entry.key, input.startedAt)
          : await timers.adjustElapsed(entry.key, input.seconds);
      if (result && !result.ok) {
        void vscode.window.showWarningMessage(defuseLinks(result.message));
      } else {
        changes.fire(timers.find(entry.key));
      }
      return result;
    },
  };
}

/** Checks `startedAt` or `elapsed` as the command will read it; the value goes on as given. */
function adjustment(key: 'startedAt' | 'elapsed', expected: string): ArgumentKind {
  return (value) => (fromArguments({ [key]: value }, new Date()).ok ? { ok: true, value } : { ok: false, expected });
}

function fromArguments(given: Record<string, unknown>, now: Date): TimerAdjustInput {
  const { startedAt, elapsed } = given;
  if (startedAt !== undefined) {
    if (startedAt instanceof Date || typeof startedAt === 'number') {
      const date = new Date(startedAt);
      return Number.isNaN(date.getTime()) ? { ok: false, message: 'startedAt is not a time.' } : { ok: true, kind: 'startedAt', startedAt: date };
    }
    if (typeof startedAt === 'string') {
      const clock = parseClockTime(startedAt, now);
      const iso = clock ?? new Date(startedAt);
      return Number.isNaN(iso.getTime()) ? { ok: false, message: `"${startedAt}" is not a time.` } : { ok: true, kind: 'startedAt', startedAt: iso };
    }
    return { ok: false, message: 'startedAt is not a time.' };
  }
  if (typeof elapsed === 'number') {
    return { ok: true, kind: 'elapsed', seconds: elapsed };
  }
  if (typeof elapsed === 'string') {
    const parsed = parseDuration(elapsed);
    return parsed.ok ? { ok: true, kind: 'elapsed', seconds: parsed.seconds } : { ok: false, message: parsed.message };
  }
  return { ok: false, message: 'elapsed is not a duration.' };
}
