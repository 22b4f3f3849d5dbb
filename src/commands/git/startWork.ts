import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { Task } from '../../api/types';
import type { AccountSession } from '../../auth/accountSession';
import type { Settings } from '../../common/settings';
import { defuseLinks, escapeIcons } from '../../common/untrustedText';
import { isValidBranchName } from '../../git/branchNames';
import { gitErrorText, type GitRepository } from '../../git/gitApi';
import type { GitWork } from '../../gitExtension/index';
import { summarizeTask, taskIdFrom, taskLabel } from '../../tasks/taskReference';
import { argumentObject } from '../args';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';
import { askForTask, taskOf, type TaskLookup } from '../tasks/chosenTask';
import { updateTask, type TaskUpdateDependencies } from '../tasks/taskUpdate';
import { chooseRepository, Refused, taskBranch } from './workBranch';

const title = (): string => l10n.t('Start Work on Task');

export interface StartWorkDependencies extends TaskUpdateDependencies {
  readonly lookup: TaskLookup;
  readonly git: () => Promise<GitWork>;
  readonly settings: Pick<Settings, 'branchTemplate' | 'branchTaskPattern' | 'startWorkStatus'>;
  readonly session: Pick<AccountSession, 'state'>;
}

export type StartWorkResult =
  | { status: 'done'; repository: string; branch: string; created: boolean; taskId: number }
  | { status: 'cancelled' }
  | { status: 'invalid' | 'failed'; message: string };

/** A status by name (`In Progress`) or id. */
/**
 * `intervals.startWork`: checks out the task's branch (made from `intervals.branchTemplate` when
 * it has none), starts or resumes its timer and sets `intervals.startWorkStatus`. A checkout git
 * refuses (changes in the way) is told in git's words and changes nothing in Intervals.
 * `{ taskId, repository?, branch?, status?, timer? }` asks nothing.
 */
export function startWorkCommand(deps: StartWorkDependencies): Command {
  return {
    id: 'intervals.startWork',
    arguments: argumentKeys('intervals.startWork'),
    async execute(arg?: unknown): Promise<StartWorkResult> {
      const options = argumentObject(arg) ?? {};
      const branchGiven = typeof options.branch === 'string' ? options.branch.trim() : undefined;
      if (branchGiven !== undefined && !isValidBranchName(branchGiven)) {
        return refuse('invalid', l10n.t('{0}: "{1}" is not a branch name git accepts. Nothing was done.', 'intervals.startWork', branchGiven));
      }
      const git = await deps.git();
      if (!git.bridge.available) {
        return refuse('invalid', l10n.t('Start Work needs a git repository open, with the Git extension enabled.'));
      }
      const repository = await chooseRepository(git.bridge, deps.asker, typeof options.repository === 'string' ? options.repository : undefined, title());
      if (repository instanceof Refused) {
        return refuse('invalid', l10n.t('{0}: {1} Nothing was done.', 'intervals.startWork', repository.message));
      }
      const task = repository && (await findTask(deps, arg));
      if (!repository || !task) {
        return { status: 'cancelled' };
      }
      return work(deps, git, repository, task, { ...options, branch: branchGiven });
    },
  };
}

async function findTask(deps: StartWorkDependencies, arg: unknown): Promise<Task | undefined> {
  if (!(await deps.guard.clientAsking(l10n.t('Sign in to Intervals to start work on a task.')))) {
    return undefined;
  }
  return taskIdFrom(arg) === undefined ? askForTask(deps.lookup, title()) : taskOf(deps.lookup, arg, l10n.t('Sign in to Intervals to start work on a task.'));
}

async function work(deps: StartWorkDependencies, git: GitWork, repository: GitRepository, task: Task, options: Record<string, unknown>): Promise<StartWorkResult> {
  const state = deps.session.state;
  const naming = { template: deps.settings.branchTemplate, pattern: deps.settings.branchTaskPattern, user: state.signedIn ? state.account.name : undefined };
  const found = typeof options.branch === 'string' ? undefined : await taskBranch(repository, task, naming);
  const branch = found?.name ?? (options.branch as string);
  const exists = found?.exists ?? (await repository.getBranches({ remote: false })).some((ref) => ref.name === branch);
  git.lookup.remember(branch, summarizeTask(task));
  if (git.bridge.branchOf(repository) !== branch) {
    const release = git.branches.claim(repository, branch);
    try {
      await (exists ? repository.checkout(branch) : repository.createBranch(branch, true));
    } catch (error) {
      release();
      return refuse('failed', l10n.t('Could not check out {0}: {1}', branch, gitErrorText(error)));
    }
  }
  await setStatus(deps, task, options.status ?? deps.settings.startWorkStatus);
  if (options.timer !== false) {
    await vscode.commands.executeCommand('intervals.startTimer', { taskId: task.id, task: summarizeTask(task) });
  }
  vscode.window.setStatusBarMessage(l10n.t('$(git-branch) {0}: working on {1}', escapeIcons(branch), escapeIcons(taskLabel(task))), 5000);
  return { status: 'done', repository: repository.rootUri.fsPath, branch, created: !exists, taskId: task.id };
}

/** Sets the status named (by name or id) unless the task has it; a name the account lacks is told. */
async function setStatus(deps: StartWorkDependencies, task: Task, wanted: unknown): Promise<void> {
  if (wanted === '' || wanted === undefined) {
    return;
  }
  try {
    const statuses = await deps.lookups.taskStatuses();
    const status = statuses.find((each) => each.id === wanted || each.name.toLowerCase() === String(wanted).trim().toLowerCase());
    if (!status) {
      void vscode.window.showWarningMessage(defuseLinks(l10n.t('No task status is called "{0}": the status of {1} was left as it is.', String(wanted), taskLabel(task))));
      return;
    }
    const api = await deps.guard.clientAsking(l10n.t('Sign in to Intervals to set the task status.'));
    if (api && task.statusId !== status.id) {
      await updateTask(deps, api, 'intervals.setTaskStatus', task.id, { statusId: status.id });
    }
  } catch (error) {
    await deps.errors.reportFailure(deps.log, l10n.t('Could not set the status of {0}', taskLabel(task)), error);
  }
}

function refuse(status: 'invalid' | 'failed', message: string): StartWorkResult {
  void vscode.window.showErrorMessage(defuseLinks(message));
  return { status, message };
}
