import { Emitter, type Event } from '../common/events';
import { isTaskSummary, summarizeTask, type TaskSummary } from './taskReference';

const KEY = 'intervals.recentTasks';
const LIMIT = 10;

/** Where the list is kept: VS Code's globalState, or any store with the same two methods. */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

/**
 * The tasks the user last timed or logged time on, newest first, offered first by every task
 * prompt. Kept in globalState (no secrets, a few hundred bytes) so it survives reloads.
 */
export class RecentTasks {
  private readonly emitter = new Emitter<void>();
  readonly onDidChange: Event<void> = this.emitter.event;

  constructor(private readonly state: KeyValueStore) {}

  list(): TaskSummary[] {
    const stored = this.state.get<unknown>(KEY);
    return Array.isArray(stored) ? stored.filter(isTaskSummary) : [];
  }

  async remember(task: TaskSummary): Promise<void> {
    const next = [summarizeTask(task), ...this.list().filter((item) => item.id !== task.id)].slice(0, LIMIT);
    await this.state.update(KEY, next);
    this.emitter.fire();
  }

  async forget(taskId: number): Promise<void> {
    await this.state.update(
      KEY,
      this.list().filter((item) => item.id !== taskId),
    );
    this.emitter.fire();
  }

  async clear(): Promise<void> {
    await this.state.update(KEY, undefined);
    this.emitter.fire();
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

