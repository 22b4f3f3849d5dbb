import * as vscode from 'vscode';
import type { ModuleNode } from './moduleNode';
import type { ProjectNode } from './projectNode';

/** The last row of a project whose tasks are not all loaded; choosing it loads the next page. */
export interface LoadMoreNode {
  readonly kind: 'loadMore';
  readonly id: string;
  parent: ProjectNode | ModuleNode;
  projectId: number;
  loaded: number;
  total: number | undefined;
}

export const LOAD_MORE_COMMAND = 'intervals.tasks.loadMore';

export function loadMoreNodeId(parentId: string): string {
  return `more:${parentId}`;
}

export function loadMoreTreeItem(node: LoadMoreNode): vscode.TreeItem {
  const item = new vscode.TreeItem('Load more tasks…', vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon('fold-down');
  item.contextValue = 'loadMore';
  const shown = node.total !== undefined ? `${node.loaded} of ${node.total} shown` : `${node.loaded} shown`;
  item.description = shown;
  item.command = { title: 'Load More Tasks', command: LOAD_MORE_COMMAND, arguments: [node] };
  item.accessibilityInformation = { label: `Load more tasks, ${shown}`, role: 'button' };
  return item;
}
