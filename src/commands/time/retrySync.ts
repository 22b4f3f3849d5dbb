import type { DrainReport } from '../../outbox/outbox';
import type { TimeLogSync } from '../../timeLog/timeLogSync';
import { argumentObject } from '../args';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';

/**
 * `intervals.retrySync`: sends the time entries waiting to sync now (a view node or `{ id }`:
 * just that one), entries the service refused included. Returns what happened and how many wait.
 */
export function retrySyncCommand(sync: Pick<TimeLogSync, 'retry' | 'waiting'>): Command {
  return {
    id: 'intervals.retrySync',
    arguments: argumentKeys('intervals.retrySync'),
    async execute(arg?: unknown): Promise<DrainReport & { waiting: number }> {
      const args = argumentObject(arg);
      const item = args?.item as { id?: unknown } | undefined;
      const id = typeof item?.id === 'string' ? item.id : typeof args?.id === 'string' ? args.id : undefined;
      const report = await sync.retry(id);
      return { ...report, waiting: (await sync.waiting()).length };
    },
  };
}
