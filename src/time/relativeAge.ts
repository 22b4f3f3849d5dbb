import { displayLocale } from './displayLocale';

/** How long ago, in the display language: "5 minutes ago", "yesterday", "3 days ago". */
export function relativeAge(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const format = new Intl.RelativeTimeFormat(displayLocale(), { numeric: 'auto' });
  if (minutes < 60) {
    return format.format(-minutes, 'minute');
  }
  return minutes < 48 * 60 ? format.format(-Math.floor(minutes / 60), 'hour') : format.format(-Math.floor(minutes / 1440), 'day');
}
