import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { Project } from '../../../api/types';

/** A client with active projects. */
export interface ClientNode {
  readonly kind: 'client';
  readonly id: string;
  readonly parent: undefined;
  clientId: number;
  name: string;
  projects: readonly Project[];
}

export function clientNodeId(clientId: number): string {
  return `client:${clientId}`;
}

export function clientTreeItem(node: ClientNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon('organization');
  item.contextValue = 'client';
  const count = node.projects.length === 1 ? l10n.t('1 project') : l10n.t('{0} projects', node.projects.length);
  item.description = count;
  item.tooltip = `${node.name}: ${count}`;
  item.accessibilityInformation = { label: l10n.t('Client {0}, {1}', node.name, count) };
  return item;
}
