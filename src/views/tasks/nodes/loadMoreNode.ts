import * as l10n from '@vscode/l10n';
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
  const item = new vscode.TreeItem(l10n.t('Load more tasks…'), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon('fold-down');
  item.contextValue = 'loadMore';
  const shown = node.total !== undefined ? l10n.t('{0} of {1} shown', node.loaded, node.total) : l10n.t('{0} shown', node.loaded);
  item.description = shown;
  item.command = { title: l10n.t('Load More Tasks'), command: LOAD_MORE_COMMAND, arguments: [node] };
  item.accessibilityInformation = { label: l10n.t('Load more tasks, {0}', shown), role: 'button' };
  return item;
}
