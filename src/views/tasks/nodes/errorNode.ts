import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { ClientNode } from './clientNode';
import type { ModuleNode } from './moduleNode';
import type { NoClientNode } from './noClientNode';
import type { ProjectNode } from './projectNode';

/** Shown instead of a branch that failed to load; its Retry action loads the branch again. */
export interface ErrorNode {
  readonly kind: 'error';
  readonly id: string;
  parent: ClientNode | NoClientNode | ProjectNode | ModuleNode | undefined;
  message: string;
}

export function errorNodeId(parentId: string | undefined): string {
  return `error:${parentId ?? 'root'}`;
}

export function errorTreeItem(node: ErrorNode): vscode.TreeItem {
  const projects = node.parent === undefined || node.parent.kind === 'client' || node.parent.kind === 'noClient';
  const item = new vscode.TreeItem(projects ? l10n.t('Could not load projects') : l10n.t('Could not load tasks'), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = node.message;
  item.tooltip = l10n.t('{0}\nUse Retry (or Refresh) to load again.', node.message);
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
  // Not clickable: the Retry inline action (menu `viewItem =~ /\berror\b/`) loads again.
  item.contextValue = 'error';
  item.accessibilityInformation = {
    label: projects
      ? l10n.t('Could not load projects: {0}. Use Retry to load again.', node.message)
      : l10n.t('Could not load tasks: {0}. Use Retry to load again.', node.message),
  };
  return item;
}
