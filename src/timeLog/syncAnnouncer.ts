import type { DataChange } from '../common/dataChanges';
import type { Event, Subscription } from '../common/events';
import type { EntryConfirmed } from './timeLogSync';

export interface SyncAnnouncerOptions {
  readonly sync: { readonly onDidConfirm: Event<EntryConfirmed>; readonly onDidDeleteTimer: Event<number> };
  readonly changes: { fire(change: DataChange): void };
  readonly log: { info(message: string): void };
}

/** Tells the views, on the data-change channel, what the sync of waiting entries did. */
export class SyncAnnouncer {
  private readonly subscriptions: Subscription[];

  constructor({ sync, changes, log }: SyncAnnouncerOptions) {
    this.subscriptions = [
      sync.onDidConfirm(({ entry, foundOnServer }) => {
        if (foundOnServer) {
          log.info(`Time entry ${entry.id} was already on Intervals after an interrupted send; not sent again`);
        }
        changes.fire({ resource: 'time', id: entry.id, ...(entry.projectId !== null ? { projectId: entry.projectId } : {}), item: entry });
      }),
      sync.onDidDeleteTimer((timerId) => changes.fire({ resource: 'timer', id: timerId })),
    ];
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
