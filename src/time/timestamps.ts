/**
 * Intervals writes timer start times as UTC `YYYY-MM-DD HH:MM:SS` with no zone marker, so
 * they must never go through `new Date(text)`, which would read them as local time.
 */

export function formatUtcTimestamp(date: Date): string {
  const two = (value: number): string => String(value).padStart(2, '0');
  return (
    `${String(date.getUTCFullYear()).padStart(4, '0')}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())} ` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`
  );
}

/**
 * Reads a UTC timestamp. Blank and the all-zero date some databases use for "none" mean no
 * timestamp (`null`: a paused timer). Also tolerates a `T` separator, fractional seconds and a
 * trailing `Z` / `+00:00`. Anything else throws a RangeError rather than guessing a time.
 */
export function parseUtcTimestamp(text: string | null | undefined): Date | null {
  const value = (text ?? '').trim();
  if (value === '' || /^0{4}-0{2}-0{2}([ T]0{2}:0{2}:0{2})?$/.test(value)) {
    return null;
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:Z|[+-]00:?00)?$/i.exec(value);
  if (!match) {
    // l10n-ignore: programming error for the log
    throw new RangeError(`Not a UTC timestamp: "${value}"`);
  }
  const [year, month, day, hours, minutes, seconds = 0] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const milliseconds = match[7] ? Math.floor(Number(`0.${match[7]}`) * 1000) : 0;
  const date = new Date(Date.UTC(year, month - 1, day, hours, minutes, seconds, milliseconds));
  date.setUTCFullYear(year);
  const roundTrips =
    date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hours < 24 && minutes < 60 && seconds < 60;
  if (!roundTrips) {
    // l10n-ignore: programming error for the log
    throw new RangeError(`Not a UTC timestamp: "${value}"`);
  }
  return date;
}
