import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { taskLabel, type TaskSummary } from '../../../tasks/taskReference';

/** The "Pinned" group at the top of the Tasks view. */
export interface PinnedGroupNode {
  readonly kind: 'pinned';
  readonly id: string;
  readonly parent: undefined;
  tasks: readonly TaskSummary[];
}

/** A pinned task in the group: the task commands act on it as on its row under its project. */
export interface PinnedTaskNode {
  readonly kind: 'pinnedTask';
  readonly id: string;
  readonly parent: PinnedGroupNode;
  task: TaskSummary;
}

export const PINNED_NODE_ID = 'pinned';

export function pinnedTaskNodeId(taskId: number): string {
  return `pinned:task:${taskId}`;
}

export function pinnedGroupTreeItem(node: PinnedGroupNode): vscode.TreeItem {
  const item = new vscode.TreeItem(l10n.t({ message: 'Pinned', comment: ['Heading above the tasks the user pinned'] }), vscode.TreeItemCollapsibleState.Expanded);
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon('pinned');
  item.contextValue = 'pinnedGroup'; // l10n-ignore: context value
  const count = node.tasks.length === 1 ? l10n.t('1 task') : l10n.t('{0} tasks', node.tasks.length);
  item.description = count;
  item.tooltip = l10n.t('Pinned tasks: {0}', count);
  item.accessibilityInformation = { label: l10n.t('Pinned tasks, {0}', count) };
  return item;
}

/** A pinned task's row: its title, `#number · project`, the running timer's icon when it has one. */
export function pinnedTaskTreeItem(node: PinnedTaskNode, running: boolean): vscode.TreeItem {
  const { task } = node;
  // A plain string label: VS Code never renders it as Markdown.
  const item = new vscode.TreeItem(task.title.replace(/\s+/g, ' ').trim(), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  const where = [task.localId === null ? undefined : `#${task.localId}`, task.project ?? undefined].filter((part) => part !== undefined && part.trim() !== '');
  item.description = where.join(' · ');
  item.iconPath = new vscode.ThemeIcon(running ? 'play-circle' : 'pinned');
  item.contextValue = ['task', 'pinned', 'pinnedRow', running ? 'running' : undefined].filter((token) => token !== undefined).join(' ');
  item.tooltip = [taskLabel(task), task.project, task.client].filter((part) => !!part && part.trim() !== '').join('\n');
  const label = running ? l10n.t('Pinned task {0}, timer running', taskLabel(task)) : l10n.t('Pinned task {0}', taskLabel(task));
  item.accessibilityInformation = { label: where.length > 1 ? `${label}, ${task.project ?? ''}` : label };
  return item;
}
