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
  const what = node.parent === undefined || node.parent.kind === 'client' || node.parent.kind === 'noClient' ? 'projects' : 'tasks';
  const item = new vscode.TreeItem(`Could not load ${what}`, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = node.message;
  item.tooltip = `${node.message}\nUse Retry (or Refresh) to load again.`;
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
  // Not clickable: the Retry inline action (menu `viewItem =~ /\berror\b/`) loads again.
  item.contextValue = 'error';
  item.accessibilityInformation = { label: `Could not load ${what}: ${node.message}. Use Retry to load again.` };
  return item;
}
