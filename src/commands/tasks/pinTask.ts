import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { defuseLinks } from '../../common/untrustedText';
import type { PinnedTasks } from '../../tasks/pinnedTasks';
import { taskIdFrom, taskLabel, type TaskSummary } from '../../tasks/taskReference';
import type { Asker } from '../../prompts/asker';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';
import { askForTask, taskOf, type TaskLookup } from './chosenTask';

export interface PinDependencies {
  readonly lookup: TaskLookup;
  readonly pins: Pick<PinnedTasks, 'list' | 'pin' | 'unpin'>;
  readonly asker: Pick<Asker, 'pick'>;
}

/**
 * `intervals.pinTask`: keeps a task first in the Tasks view and every task picker, for this
 * account. Asks with Find Task's picker unless given the task. Returns whether it was pinned.
 */
export function pinTaskCommand(deps: PinDependencies): Command {
  return {
    id: 'intervals.pinTask',
    arguments: argumentKeys('intervals.pinTask'),
    async execute(arg?: unknown): Promise<boolean> {
      const askToSignIn = l10n.t('Sign in to Intervals to pin a task.');
      const task = arg === undefined ? await askForTask(deps.lookup, l10n.t('Pin Task')) : await taskOf(deps.lookup, arg, askToSignIn);
      if (!task) {
        return false;
      }
      if (!(await deps.pins.pin(task))) {
        const pinned = deps.pins.list().some((item) => item.id === task.id);
        vscode.window.setStatusBarMessage(pinned ? l10n.t('{0} is pinned already', taskLabel(task)) : l10n.t('Sign in to Intervals to pin a task.'), 3000);
        return pinned;
      }
      vscode.window.setStatusBarMessage(l10n.t('Pinned {0}', taskLabel(task)), 3000);
      return true;
    },
  };
}

/**
 * `intervals.unpinTask`: takes a task out of the Pinned group. From the palette it offers the
 * pinned tasks. Returns whether a pin was removed; a task that is not pinned is told.
 */
export function unpinTaskCommand(deps: PinDependencies): Command {
  return {
    id: 'intervals.unpinTask',
    arguments: argumentKeys('intervals.unpinTask'),
    async execute(arg?: unknown): Promise<boolean> {
      const taskId = arg === undefined ? (await askForPinned(deps))?.id : taskIdFrom(arg);
      if (taskId === undefined) {
        return false;
      }
      const task = deps.pins.list().find((item) => item.id === taskId);
      if (!task || !(await deps.pins.unpin(taskId))) {
        void vscode.window.showInformationMessage(defuseLinks(l10n.t('Task {0} is not pinned.', String(taskId))));
        return false;
      }
      vscode.window.setStatusBarMessage(l10n.t('Unpinned {0}', taskLabel(task)), 3000);
      return true;
    },
  };
}

async function askForPinned(deps: PinDependencies): Promise<TaskSummary | undefined> {
  const pinned = deps.pins.list();
  if (pinned.length === 0) {
    void vscode.window.showInformationMessage(defuseLinks(l10n.t('No task is pinned. Pin one with "Pin Task" on a task.')));
    return undefined;
  }
  const chosen = await deps.asker.pick<TaskSummary>({
    title: l10n.t('Unpin Task'),
    step: 1,
    totalSteps: 1,
    placeholder: l10n.t('Choose the task to unpin'),
    items: pinned.map((task) => ({
      icon: 'pinned',
      label: task.title,
      description: task.localId === null ? '' : `#${task.localId}`,
      detail: [task.project, task.client].filter((part) => !!part && part.trim() !== '').join(' · '),
      value: task,
    })),
  });
  return typeof chosen === 'object' ? chosen : undefined;
}
