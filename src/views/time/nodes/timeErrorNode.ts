import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

/** Shown instead of the week when it could not be loaded; its Retry action loads it again. */
export interface TimeErrorNode {
  readonly kind: 'error';
  readonly id: string;
  readonly message: string;
}

export function timeErrorTreeItem(node: TimeErrorNode): vscode.TreeItem {
  const item = new vscode.TreeItem(l10n.t('Could not load your time'), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = node.message;
  item.tooltip = l10n.t('{0}\nUse Retry (or Refresh) to load again.', node.message);
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
  item.contextValue = 'error';
  item.accessibilityInformation = { label: l10n.t('Could not load your time: {0}. Use Retry to load again.', node.message) };
  return item;
}
