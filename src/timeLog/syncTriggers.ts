import type { WorkOwner } from '../common/backgroundWork';
import type { DataChange } from '../common/dataChanges';
import type { Event, Subscription } from '../common/events';
import { describeTimeFailure } from './timeEntryFailures';

export interface SyncTriggersOptions {
  readonly sync: { sync(): Promise<unknown>; reconnected(): Promise<unknown> };
  readonly session: { readonly onDidChange: Event<{ readonly signedIn: boolean }> };
  readonly window: { readonly onDidChangeFocus: Event<boolean> };
  readonly changes: { readonly onDidChange: Event<DataChange> };
  /** The entries My Time shows as waiting, and its loads (a sign the service is reachable). */
  readonly shown: { readonly waitingItems: readonly unknown[]; readonly onDidLoad: Event<void> };
  readonly work: Pick<WorkOwner, 'track'>;
  readonly log: { warn(message: string): void };
}

/**
 * When the entries waiting in the outbox go out: at start-up, when the account is back, when the
 * window regains focus, and when anything else shows the service is reachable again (another
 * write succeeded, My Time loaded).
 */
export class SyncTriggers {
  private readonly subscriptions: Subscription[];

  constructor(private readonly options: SyncTriggersOptions) {
    const { session, window, changes, shown } = options;
    this.subscriptions = [
      session.onDidChange((state) => {
        if (state.signedIn) {
          this.syncSoon();
        }
      }),
      window.onDidChangeFocus((focused) => {
        if (focused) {
          this.reconnected();
        }
      }),
      changes.onDidChange((change) => {
        if (change.resource !== 'time' && shown.waitingItems.length > 0) {
          this.reconnected();
        }
      }),
      shown.onDidLoad(() => {
        if (shown.waitingItems.length > 0) {
          this.reconnected();
        }
      }),
    ];
    this.syncSoon();
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }

  private syncSoon(): void {
    this.run(this.options.sync.sync());
  }

  private reconnected(): void {
    this.run(this.options.sync.reconnected());
  }

  private run(pass: Promise<unknown>): void {
    void this.options.work
      // l10n-ignore: work-scheduler label
      .track('time entry sync', pass)
      .catch((error: unknown) => this.options.log.warn(`Sending waiting time entries failed: ${describeTimeFailure(error)}`));
  }
}
