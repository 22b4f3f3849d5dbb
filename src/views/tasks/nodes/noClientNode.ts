import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { Project } from '../../../api/types';

/** The active projects that belong to no client. */
export interface NoClientNode {
  readonly kind: 'noClient';
  readonly id: string;
  readonly parent: undefined;
  readonly clientId: null;
  readonly name: string;
  projects: readonly Project[];
}

export const NO_CLIENT_NODE_ID = 'client:none';

export function noClientTreeItem(node: NoClientNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  // A neutral folder: "no client" is a group of projects, not a fault or a forbidden thing.
  item.iconPath = new vscode.ThemeIcon('folder');
  // "client" too: its open tasks can be listed like a client's (clientid=-1).
  item.contextValue = 'client noClient'; // l10n-ignore: context value
  const count = node.projects.length === 1 ? l10n.t('1 project') : l10n.t('{0} projects', node.projects.length);
  item.description = count;
  item.tooltip = l10n.t('Projects without a client: {0}', count);
  item.accessibilityInformation = { label: l10n.t('Projects without a client, {0}', count) };
  return item;
}
