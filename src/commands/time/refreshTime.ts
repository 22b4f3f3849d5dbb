import type { MyTimeView } from '../../views/time/myTimeView';
import type { Command } from '../command';

/** `intervals.refreshTime`: loads the shown week again (also the Retry of a failed load). */
export function refreshTimeCommand(view: Pick<MyTimeView, 'reload' | 'week' | 'entries'>): Command {
  return {
    id: 'intervals.refreshTime',
    async execute(): Promise<{ start: string; end: string; entries: number }> {
      await view.reload();
      return { ...view.week, entries: view.entries.length };
    },
  };
}
