/** Context keys used in `when` clauses of package.json. */
export const ContextKey = {
  /** True while a token is stored and accepted by the service. */
  signedIn: 'intervals.signedIn',
  /** True while any of the user's timers is running. */
  timerRunning: 'intervals.timerRunning',
  /** True while the user has at least one timer, running or paused. */
  hasTimer: 'intervals.hasTimer',
  /** True while My Time shows a week other than the current one. */
  otherWeek: 'intervals.time.otherWeek',
  /** True when the task tree also lists closed tasks. */
  showClosed: 'intervals.showClosed',
  /** True when the task tree lists only the tasks assigned to the user. */
  assignedToMe: 'intervals.assignedToMe',
  /** True when the signed-in account has no active project the task tree could list. */
  noActiveProjects: 'intervals.noActiveProjects',
  /** True when "assigned to me" is on and none of the user's tasks (in the status filter) is in an active project. */
  noAssignedTasks: 'intervals.noAssignedTasks',
  /** True while the Git extension is enabled and has a repository open: the git features show. */
  gitAvailable: 'intervals.gitAvailable',
  /** True while the current branch names a task. */
  branchHasTask: 'intervals.branchHasTask',
} as const;

export type ContextKeyName = (typeof ContextKey)[keyof typeof ContextKey];

/** Sets context keys, skipping calls that would not change the value. */
export class ContextKeys {
  private readonly values = new Map<string, unknown>();

  /** `setContext` runs VS Code's command of that name. */
  constructor(private readonly setContext: (key: ContextKeyName, value: unknown) => PromiseLike<unknown>) {}

  async set(key: ContextKeyName, value: unknown): Promise<void> {
    if (this.values.has(key) && this.values.get(key) === value) {
      return;
    }
    this.values.set(key, value);
    await this.setContext(key, value);
  }

  get(key: ContextKeyName): unknown {
    return this.values.get(key);
  }
}
