import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { fromIsoDate } from '../../../time/dates';
import { formatDurationAs, SECONDS_PER_HOUR, type HourFormat } from '../../../time/duration';
import type { TimeDay } from '../../../timeLog/timeWeek';
import { daySpokenLabel } from './spokenLabels';
import { displayLocale } from '../../../time/displayLocale';

/** One day of the shown week; its children are the day's entries. */
export interface DayNode {
  readonly kind: 'day';
  readonly id: string;
  readonly day: TimeDay;
  readonly today: boolean;
}

export function dayLabel(iso: string): string {
  const date = fromIsoDate(iso);
  return date ? date.toLocaleDateString(displayLocale(), { weekday: 'short', day: 'numeric', month: 'short' }) : iso;
}

/** `7 h 30 min` or `7.5 h`, in the user's hour format. */
export function totalText(hours: number, format: HourFormat): string {
  return hours > 0 ? formatDurationAs(hours * SECONDS_PER_HOUR, format) : '—';
}

/**
 * `Nov 23 – 29`, `Nov 30 – Dec 6`, with the year when it is not this one: short enough to stay
 * visible beside the view's title in a narrow sidebar.
 */
export function weekRangeLabel(start: string, end: string, todayIso: string): string {
  const first = fromIsoDate(start);
  const last = fromIsoDate(end);
  if (!first || !last) {
    return `${start} – ${end}`;
  }
  const otherYear = start.slice(0, 4) !== todayIso.slice(0, 4) || end.slice(0, 4) !== todayIso.slice(0, 4);
  return new Intl.DateTimeFormat(displayLocale(), { month: 'short', day: 'numeric', ...(otherYear ? { year: 'numeric' } : {}) }).formatRange(first, last);
}

export function dayTreeItem(node: DayNode, format: HourFormat): vscode.TreeItem {
  const hasEntries = node.day.entries.length > 0;
  const item = new vscode.TreeItem(
    node.today ? l10n.t('{0} · today', dayLabel(node.day.date)) : dayLabel(node.day.date),
    hasEntries ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
  );
  item.id = node.id;
  item.description = totalText(node.day.hours, format);
  item.tooltip =
    node.day.entries.length === 1
      ? l10n.t('{0}: 1 entry, {1}', node.day.date, totalText(node.day.hours, format))
      : l10n.t('{0}: {1} entries, {2}', node.day.date, node.day.entries.length, totalText(node.day.hours, format));
  // Every day has the day icon; today's is marked in colour (its label also says "today").
  item.iconPath = new vscode.ThemeIcon('calendar', node.today ? new vscode.ThemeColor('charts.blue') : undefined);
  item.contextValue = 'day';
  item.accessibilityInformation = { label: daySpokenLabel(node.day, node.today, format) };
  return item;
}
