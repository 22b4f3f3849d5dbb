import type { MyTimeView } from '../views/time/myTimeView';
import type { Command } from './commandTable';

/** `intervals.nextWeek`: My Time shows the week after; returns the week shown. */
export function nextWeekCommand(view: MyTimeView): Command {
  return {
    id: 'intervals.nextWeek',
    execute: (): Promise<{ start: string; end: string }> => view.moveWeek(1),
  };
}
