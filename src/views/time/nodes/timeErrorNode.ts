import * as vscode from 'vscode';

/** Shown instead of the week when it could not be loaded; its Retry action loads it again. */
export interface TimeErrorNode {
  readonly kind: 'error';
  readonly id: string;
  readonly message: string;
}

export function timeErrorTreeItem(node: TimeErrorNode): vscode.TreeItem {
  const item = new vscode.TreeItem('Could not load your time', vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = node.message;
  item.tooltip = `${node.message}\nUse Retry (or Refresh) to load again.`;
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
  item.contextValue = 'error';
  item.accessibilityInformation = { label: `Could not load your time: ${node.message}. Use Retry to load again.` };
  return item;
}
