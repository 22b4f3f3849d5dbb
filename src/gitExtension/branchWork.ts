import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { Logger } from '../common/logger';
import type { Notifier, WorkTracker } from '../common/notifier';
import type { Settings } from '../common/settings';
import { escapeIcons } from '../common/untrustedText';
import type { BranchTaskLookup } from '../git/branchTasks';
import type { CurrentBranchTask } from '../git/currentBranchTask';
import type { GitRepository } from '../git/gitApi';
import { taskLabel, type TaskSummary } from '../tasks/taskReference';
import { isRunning } from '../timer/timerModel';
import type { TimerService } from '../timer/timerService';
import type { BranchSwitch, GitBridge } from './gitBridge';

/** workspaceState: the branches whose switch is never to ask about the timer ("Not for This Branch"). */
const QUIET_BRANCHES_KEY = 'intervals.git.quietBranches';

export interface BranchWorkOptions {
  readonly bridge: Pick<GitBridge, 'onDidSwitchBranch' | 'onDidChangeRepositories' | 'activeRepository' | 'branchOf'>;
  readonly lookup: Pick<BranchTaskLookup, 'taskOf' | 'cached' | 'clear'>;
  readonly current: Pick<CurrentBranchTask, 'set'>;
  readonly settings: Pick<Settings, 'branchTimer' | 'setBranchTimer' | 'branchTimerPauseOnOther' | 'commitMessageTask'>;
  readonly timers: Pick<TimerService, 'entries'>;
  /** Starts (or resumes) the timer of a task, as Start Timer does. */
  readonly startTimer: (task: TaskSummary) => Thenable<unknown>;
  /** Pauses the running timer, as Pause Timer does. */
  readonly pauseTimer: () => Thenable<unknown>;
  readonly signedIn: () => boolean;
  readonly notifier: Pick<Notifier, 'offer'>;
  readonly workspaceState: vscode.Memento;
  readonly work: WorkTracker;
  readonly log: Logger;
}

/**
 * What a branch switch does: the timer follows the branch's task (`intervals.branchTimer`: off,
 * ask, auto; `intervals.branchTimerPauseOnOther`), an empty commit message gets the task number
 * (`intervals.commitMessageTask`), and the views learn which task the current branch names.
 */
export class BranchWork implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Switches Start Work makes and handles itself: `root\nbranch`. */
  private readonly claimed = new Set<string>();
  /** The text this extension put in each repository's commit message, to replace only that. */
  private readonly filled = new Map<string, string>();

  constructor(private readonly options: BranchWorkOptions) {
    const { bridge, work } = options;
    this.subscriptions.push(
      // l10n-ignore: work-scheduler label
      bridge.onDidSwitchBranch((change) => void work.track('branch switch', this.switched(change))),
      // l10n-ignore: work-scheduler label
      bridge.onDidChangeRepositories(() => void work.track('branch task', this.refreshCurrent())),
      // l10n-ignore: work-scheduler label
      vscode.window.onDidChangeActiveTextEditor(() => void work.track('branch task', this.refreshCurrent())),
    );
  }

  /**
   * Start Work is about to check out `branch`: that switch starts no second timer and asks
   * nothing. Returns what undoes the claim, should the checkout fail.
   */
  claim(repository: GitRepository, branch: string): () => void {
    const key = `${repository.rootUri.fsPath}\n${branch}`;
    this.claimed.add(key);
    return () => this.claimed.delete(key);
  }

  /** Forgets the tasks of branches (another account, another pattern) and reads the current one again. */
  async reset(): Promise<void> {
    this.options.lookup.clear();
    await this.refreshCurrent();
  }

  /** Publishes the task of the active repository's branch (known, or looked up once). */
  async refreshCurrent(): Promise<void> {
    const repository = this.options.bridge.activeRepository();
    const branch = repository && this.options.bridge.branchOf(repository);
    const task = branch ? await this.taskOf(branch) : undefined;
    this.options.current.set(
      branch && task ? { taskId: task.id, localId: task.localId, title: task.title, projectId: task.projectId, branch } : undefined,
    );
  }

  private async switched(change: BranchSwitch): Promise<void> {
    const task = change.to ? await this.taskOf(change.to) : undefined;
    this.fillCommitMessage(change.repository, task);
    await this.refreshCurrent();
    const key = `${change.repository.rootUri.fsPath}\n${change.to ?? ''}`;
    if (this.claimed.delete(key) || !change.to) {
      return;
    }
    if (task) {
      await this.followTask(change.to, task);
    } else if (this.options.settings.branchTimerPauseOnOther && this.options.timers.entries.some((entry) => isRunning(entry.timer))) {
      await this.options.pauseTimer();
      vscode.window.setStatusBarMessage(`$(debug-pause) ${l10n.t('Timer paused: {0} names no task', escapeIcons(change.to))}`, 5000);
    }
  }

  private async followTask(branch: string, task: TaskSummary): Promise<void> {
    const mode = this.options.settings.branchTimer;
    const running = this.options.timers.entries.some((entry) => entry.task?.id === task.id && isRunning(entry.timer));
    if (mode === 'off' || running || !this.options.signedIn()) {
      return;
    }
    if (mode === 'auto') {
      await this.start(task);
      return;
    }
    if (this.quietBranches().includes(branch)) {
      return;
    }
    // Not awaited: the notification waits for the user, the switch is handled.
    const startNow = l10n.t({ message: 'Start', comment: ['Button: starts the timer on the branch’s task now'] });
    const always = l10n.t({ message: 'Always', comment: ['Button: from now on, switching to a task’s branch starts its timer without asking'] });
    const notForBranch = l10n.t('Not for This Branch');
    void this.options.notifier.offer('information', l10n.t('Start the timer on {0}?', taskLabel(task)), [startNow, always, notForBranch], async (choice) => {
      if (choice === notForBranch) {
        await this.options.workspaceState.update(QUIET_BRANCHES_KEY, [...this.quietBranches(), branch]);
        return;
      }
      if (choice === always) {
        await this.options.settings.setBranchTimer('auto');
      }
      await this.start(task);
    });
  }

  private async start(task: TaskSummary): Promise<void> {
    await this.options.startTimer(task);
    vscode.window.setStatusBarMessage(`$(clock) ${l10n.t('Timer started on {0}', escapeIcons(taskLabel(task)))}`, 5000);
  }

  private quietBranches(): string[] {
    const stored = this.options.workspaceState.get<unknown>(QUIET_BRANCHES_KEY);
    return Array.isArray(stored) ? stored.filter((item): item is string => typeof item === 'string') : [];
  }

  /** `#1234` into an empty commit message, or in place of the one this extension put there; never over typed text. */
  private fillCommitMessage(repository: GitRepository, task: TaskSummary | undefined): void {
    const where = this.options.settings.commitMessageTask;
    const box = repository.inputBox;
    const ours = this.filled.get(repository.rootUri.fsPath);
    if (box.value !== '' && box.value !== ours) {
      return;
    }
    const mark = task && where !== 'off' ? `#${task.localId ?? task.id}` : '';
    const text = mark === '' ? '' : where === 'prefix' ? `${mark} ` : `\n\n${mark}`;
    if (text !== box.value) {
      box.value = text;
    }
    this.filled.set(repository.rootUri.fsPath, text);
  }

  private async taskOf(branch: string): Promise<TaskSummary | undefined> {
    if (!this.options.signedIn()) {
      return undefined;
    }
    try {
      return await this.options.lookup.taskOf(branch);
    } catch (error) {
      this.options.log.warn(`Could not find the task of branch ${branch}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  dispose(): void {
    this.subscriptions.splice(0).forEach((subscription) => subscription.dispose());
  }
}
