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
  const count = node.projects.length === 1 ? '1 project' : `${node.projects.length} projects`;
  item.description = count;
  item.tooltip = `${node.name}: ${count}`;
  item.accessibilityInformation = { label: `Client ${node.name}, ${count}` };
  return item;
}
