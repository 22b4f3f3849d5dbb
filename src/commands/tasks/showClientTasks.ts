import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { Task } from '../../api/types';
import type { AccountGuard } from '../../auth/accountGuard';
import { escapeIcons } from '../../common/untrustedText';
import type { ClientGroup } from '../../tasks/taskGroups';
import type { TaskActions } from '../../views/tasks/taskActions';
import type { TaskFinder } from '../../views/tasks/taskFinder';
import { argumentObject } from '../args';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';

/**
 * `intervals.showClientTasks`: a client's open tasks in a quick pick (`clientid=…&excludeclosed=t`);
 * choosing one offers the task actions. The client comes from its row, `{ clientId }` (-1 or null:
 * the projects without a client), or a picker. With `pick: true` it returns the chosen task only.
 */
export function showClientTasksCommand(
  guard: Pick<AccountGuard, 'clientAsking'>,
  finder: Pick<TaskFinder, 'askForClientTask' | 'clientGroups'>,
  actions: Pick<TaskActions, 'offer'>,
): Command {
  return {
    id: 'intervals.showClientTasks',
    arguments: argumentKeys('intervals.showClientTasks'),
    async execute(arg?: unknown): Promise<Task | undefined> {
      if (!(await guard.clientAsking(l10n.t('Sign in to Intervals to list a client’s tasks.')))) {
        return undefined;
      }
      const options = argumentObject(arg) ?? {};
      const group = await clientFrom(finder, options);
      if (!group) {
        return undefined;
      }
      const task = await finder.askForClientTask(group);
      if (!task || options.pick === true) {
        return task;
      }
      await actions.offer(task, typeof options.action === 'string' ? options.action : undefined);
      return task;
    },
  };
}

async function clientFrom(finder: Pick<TaskFinder, 'clientGroups'>, options: Record<string, unknown>): Promise<Pick<ClientGroup, 'clientId' | 'name'> | undefined> {
  const given = options.clientId;
  if (given !== undefined) {
    const clientId = given === null || given === -1 ? null : typeof given === 'number' && Number.isSafeInteger(given) && given > 0 ? given : undefined;
    if (clientId === undefined) {
      return undefined;
    }
    const name = typeof options.name === 'string' ? options.name : undefined;
    const known = name ? undefined : (await finder.clientGroups())?.find((group) => group.clientId === clientId);
    return { clientId, name: name ?? known?.name ?? (clientId === null ? l10n.t('No client') : l10n.t('Client {0}', clientId)) };
  }
  const groups = await finder.clientGroups();
  if (!groups) {
    return undefined;
  }
  const chosen = await vscode.window.showQuickPick(
    groups.map((group) => ({
      label: escapeIcons(group.name),
      description: group.projects.length === 1 ? l10n.t('1 active project') : l10n.t('{0} active projects', group.projects.length),
      group,
    })),
    { title: l10n.t('Show Open Tasks of a Client'), placeHolder: l10n.t('Choose a client'), matchOnDescription: false },
  );
  return chosen?.group;
}
