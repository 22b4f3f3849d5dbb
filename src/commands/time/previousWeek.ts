import type { MyTimeView } from '../../views/time/myTimeView';
import type { Command } from '../command';

/** `intervals.previousWeek`: My Time shows the week before; returns the week shown. */
export function previousWeekCommand(view: Pick<MyTimeView, 'moveWeek'>): Command {
  return {
    id: 'intervals.previousWeek',
    execute: (): Promise<{ start: string; end: string }> => view.moveWeek(-1),
  };
}
