import { Emitter, type Event } from './events';

/** What changed on the service because this window (or a sync) changed it. */
export interface DataChange {
  readonly resource: 'client' | 'project' | 'task' | 'tasknote' | 'time' | 'timer';
  /** The changed item's id; absent when many items of the resource may have changed. */
  readonly id?: number;
  /** The project the item belongs to, when known, so a view can refresh just that branch. */
  readonly projectId?: number;
  /** The item as the service returned it after the change, when there is one. */
  readonly item?: unknown;
}

/**
 * One channel for "something on the service changed": a command that creates or edits an item
 * fires it, and every view that shows that resource refreshes the affected part. Views never
 * call each other.
 */
export class DataChanges {
  private readonly emitter = new Emitter<DataChange>();
  readonly onDidChange: Event<DataChange> = this.emitter.event;

  fire(change: DataChange): void {
    this.emitter.fire(change);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
