import { Emitter, type Event } from '../common/events';
import type { KeyValueStore } from './recentTasks';
import { isTaskSummary, summarizeTask, type TaskSummary } from './taskReference';

/** The globalState key of the pins, synced across machines (Settings Sync). */
export const PINNED_TASKS_KEY = 'intervals.pinnedTasks';
const LIMIT = 50;

type Stored = Record<string, unknown>;

/**
 * The tasks the user pinned, offered first by the Tasks view and every task picker. Kept per
 * account (API address and person) in globalState, in the order they were pinned; the key is
 * synced, so another machine signed in to the same account sees the same pins.
 */
export class PinnedTasks {
  private readonly emitter = new Emitter<void>();
  readonly onDidChange: Event<void> = this.emitter.event;

  /** `account` names the signed-in account, undefined when signed out (no pins then). */
  constructor(
    private readonly state: KeyValueStore,
    private readonly account: () => string | undefined,
  ) {}

  list(): TaskSummary[] {
    const key = this.account();
    if (key === undefined) {
      return [];
    }
    const pins = this.stored()[key];
    return Array.isArray(pins) ? pins.filter(isTaskSummary) : [];
  }

  isPinned(taskId: number): boolean {
    return this.list().some((task) => task.id === taskId);
  }

  /** Pins a task (last in the group); false when signed out or pinned already. */
  async pin(task: TaskSummary): Promise<boolean> {
    const key = this.account();
    if (key === undefined || this.isPinned(task.id)) {
      return false;
    }
    await this.write(key, [...this.list(), summarizeTask(task)].slice(-LIMIT));
    return true;
  }

  /** Unpins a task; false when it was not pinned. */
  async unpin(taskId: number): Promise<boolean> {
    const key = this.account();
    if (key === undefined || !this.isPinned(taskId)) {
      return false;
    }
    await this.write(
      key,
      this.list().filter((task) => task.id !== taskId),
    );
    return true;
  }

  /** Tells the listeners that the pins may have changed (another account signed in, a sync). */
  refresh(): void {
    this.emitter.fire();
  }

  dispose(): void {
    this.emitter.dispose();
  }

  private stored(): Stored {
    const stored = this.state.get<unknown>(PINNED_TASKS_KEY);
    return stored !== null && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Stored) : {};
  }

  private async write(key: string, pins: TaskSummary[]): Promise<void> {
    const next: Stored = { ...this.stored() };
    if (pins.length === 0) {
      delete next[key];
    } else {
      next[key] = pins;
    }
    await this.state.update(PINNED_TASKS_KEY, next);
    this.emitter.fire();
  }
}

/** The key the pins of an account are kept under: its API address (without a trailing slash) and person. */
export function pinAccountKey(account: { readonly apiUrl: string; readonly personId: number }): string {
  return `${account.apiUrl.trim().replace(/\/+$/, '').toLowerCase()}#${account.personId}`;
}
