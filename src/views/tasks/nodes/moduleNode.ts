import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { Task } from '../../../api/types';
import type { ProjectNode } from './projectNode';

/** The loaded tasks of one module of a project (setting `intervals.tasks.showModules`). */
export interface ModuleNode {
  readonly kind: 'module';
  readonly id: string;
  parent: ProjectNode;
  moduleId: number | null;
  name: string;
  tasks: readonly Task[];
}

export function moduleNodeId(projectId: number, moduleId: number | null): string {
  return `module:${projectId}:${moduleId ?? 'none'}`;
}

export function moduleTreeItem(node: ModuleNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon('symbol-module');
  item.contextValue = 'module';
  const count = node.tasks.length === 1 ? l10n.t('1 task') : l10n.t('{0} tasks', node.tasks.length);
  item.description = count;
  item.accessibilityInformation = { label: l10n.t('Module {0}, {1}', node.name, count) };
  return item;
}
