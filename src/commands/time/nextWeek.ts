import type { MyTimeView } from '../../views/time/myTimeView';
import type { Command } from '../command';

/** `intervals.nextWeek`: My Time shows the week after; returns the week shown. */
export function nextWeekCommand(view: Pick<MyTimeView, 'moveWeek'>): Command {
  return {
    id: 'intervals.nextWeek',
    execute: (): Promise<{ start: string; end: string }> => view.moveWeek(1),
  };
}
