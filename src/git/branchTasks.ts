import type { TaskSummary } from '../tasks/taskReference';
import { taskNumberIn } from './branchNames';

/** Finds a task by its number (`localid`); undefined when no task has it. */
export type TaskByNumber = (localId: number) => Promise<TaskSummary | undefined>;

export interface BranchTaskLookupOptions {
  readonly find: TaskByNumber;
  /** The pattern in force (`intervals.branchTaskPattern`), read at each look-up. */
  readonly pattern: () => RegExp;
}

/**
 * The task each branch names, looked up once per branch name and kept: switching back and forth,
 * or a number that is no task, costs one request per name, not one per switch. Concurrent asks
 * for one name share the request; a failed look-up (offline) is not kept, so the next switch asks
 * again. `clear` forgets everything (another account, another pattern).
 */
export class BranchTaskLookup {
  private readonly known = new Map<string, TaskSummary | null>();
  private readonly pending = new Map<string, Promise<TaskSummary | undefined>>();
  private generation = 0;

  constructor(private readonly options: BranchTaskLookupOptions) {}

  /** The task number the branch name holds under the current pattern. */
  numberOf(branch: string): number | undefined {
    return taskNumberIn(branch, this.options.pattern());
  }

  /** What is known of the branch without asking: the task, null for none, undefined when not yet known. */
  cached(branch: string): TaskSummary | null | undefined {
    return this.known.get(branch);
  }

  /** Records what a branch names (Start Work knows it without asking). */
  remember(branch: string, task: TaskSummary): void {
    this.known.set(branch, task);
  }

  async taskOf(branch: string): Promise<TaskSummary | undefined> {
    const known = this.known.get(branch);
    if (known !== undefined) {
      return known ?? undefined;
    }
    const number = this.numberOf(branch);
    if (number === undefined) {
      return undefined;
    }
    const pending = this.pending.get(branch);
    if (pending) {
      return pending;
    }
    const generation = this.generation;
    const request = this.options.find(number).then((task) => {
      if (generation === this.generation) {
        this.known.set(branch, task ?? null);
      }
      return task;
    });
    const shared = request.finally(() => {
      if (this.pending.get(branch) === shared) {
        this.pending.delete(branch);
      }
    });
    this.pending.set(branch, shared);
    return shared;
  }

  clear(): void {
    this.generation++;
    this.known.clear();
    this.pending.clear();
  }
}
