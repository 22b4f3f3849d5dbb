import { DEMO_PEOPLE } from '../fake-intervals/fixture';
import type { FakeIntervalsControl } from '../fake-intervals/control';

export function isoDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Monday to Sunday of the week that holds today, as the extension's weeks run. */
export function thisWeek(today = new Date()): { start: string; end: string } {
  const monday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - ((today.getDay() + 6) % 7));
  return { start: isoDay(monday), end: isoDay(new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 6)) };
}

/** Ada's hours in this week, as Intervals has them. */
export async function loggedThisWeek(control: FakeIntervalsControl): Promise<number> {
  const { start, end } = thisWeek();
  const rows = await control.rows('time');
  return rows.filter((row) => row.personid === DEMO_PEOPLE.admin && row.date >= start && row.date <= end).reduce((sum, row) => sum + row.time, 0);
}
