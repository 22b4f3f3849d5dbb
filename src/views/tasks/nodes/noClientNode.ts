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
  item.contextValue = 'client noClient';
  const count = node.projects.length === 1 ? '1 project' : `${node.projects.length} projects`;
  item.description = count;
  item.tooltip = `Projects without a client: ${count}`;
  item.accessibilityInformation = { label: `Projects without a client, ${count}` };
  return item;
}
