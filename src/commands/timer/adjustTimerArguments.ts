import * as l10n from '@vscode/l10n';
import { parseDuration } from '../../time/duration';
import { parseClockTime, parseTimerAdjustment, type TimerAdjustInput } from '../../timer/timerAdjustInput';
import type { ArgumentKind, Refusal } from '../args';

// How Adjust Timer reads `{ startedAt }` and `{ elapsed }`: the check before the command runs and
// the command itself read them alike. Without `vscode`, so the command reference reads it too.

/** Checks `startedAt` or `elapsed` as the command will read it; the value goes on as given. */
function adjustment(key: 'startedAt' | 'elapsed', expected: string, refusal: Refusal): ArgumentKind {
  return (value) => {
    // Whether a time of day is still ahead depends on the clock when the command runs: that is checked there.
    const read = fromArguments({ [key]: value }, new Date());
    return read.ok || read.yesterday ? { ok: true, value } : { ok: false, expected, refusal };
  };
}

// l10n-ignore-start: the English descriptions are the README's (npm run reference); the refusals are localised
export const startedAt = adjustment('startedAt', 'a time: "9:15", "yesterday 9:15", an ISO date-time or epoch milliseconds', (command, key, given) =>
  l10n.t('{0}: {1} {2} is not a time: "9:15", "yesterday 9:15", an ISO date-time or epoch milliseconds. Nothing was done.', command, key, given),
);

export const elapsed = adjustment('elapsed', 'a duration: seconds, or a text such as "1h 20m"', (command, key, given) =>
  l10n.t('{0}: {1} {2} is not a duration: seconds, or a text such as "1h 20m". Nothing was done.', command, key, given),
);

// l10n-ignore-end

export function fromArguments(given: Record<string, unknown>, now: Date): TimerAdjustInput {
  const { startedAt, elapsed } = given;
  if (startedAt !== undefined) {
    return startFromArgument(startedAt, now);
  }
  if (typeof elapsed === 'number') {
    return { ok: true, kind: 'elapsed', seconds: elapsed };
  }
  if (typeof elapsed === 'string') {
    const parsed = parseDuration(elapsed);
    return parsed.ok ? { ok: true, kind: 'elapsed', seconds: parsed.seconds } : { ok: false, message: parsed.message };
  }
  return { ok: false, message: l10n.t('elapsed is not a duration.') };
}

function startFromArgument(startedAt: unknown, now: Date): TimerAdjustInput {
  if (startedAt instanceof Date || typeof startedAt === 'number') {
    const date = new Date(startedAt);
    return Number.isNaN(date.getTime()) ? { ok: false, message: l10n.t('startedAt is not a time.') } : { ok: true, kind: 'startedAt', startedAt: date };
  }
  if (typeof startedAt !== 'string') {
    return { ok: false, message: l10n.t('startedAt is not a time.') };
  }
  if (parseClockTime(startedAt, now) || /yesterday/i.test(startedAt)) {
    const read = parseTimerAdjustment(/^\s*(?:at|since|from|yesterday)\b/i.test(startedAt) ? startedAt : `at ${startedAt}`, now);
    if (read.ok || !read.yesterday) {
      return read;
    }
    const message = l10n.t('startedAt "{0}" is later than now today; to mean yesterday, pass "yesterday {1}".', startedAt, startedAt.trim());
    return { ok: false, message, yesterday: read.yesterday };
  }
  const iso = new Date(startedAt);
  return Number.isNaN(iso.getTime()) ? { ok: false, message: l10n.t('"{0}" is not a time.', startedAt) } : { ok: true, kind: 'startedAt', startedAt: iso };
}
