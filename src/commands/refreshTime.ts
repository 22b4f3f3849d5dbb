import type { MyTimeView } from '../views/time/myTimeView';
import type { Command } from './commandTable';

/** `intervals.refreshTime`: loads the shown week again (also the Retry of a failed load). */
export function refreshTimeCommand(view: MyTimeView): Command {
  return {
    id: 'intervals.refreshTime',
    async execute(): Promise<{ start: string; end: string; entries: number }> {
      await view.reload();
      return { ...view.week, entries: view.entries.length };
    },
  };
}
