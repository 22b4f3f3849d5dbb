import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { Project } from '../../../api/types';
import type { ClientNode } from './clientNode';
import type { NoClientNode } from './noClientNode';

/** An active project; its children are its tasks (or its modules, when the setting asks). */
export interface ProjectNode {
  readonly kind: 'project';
  readonly id: string;
  parent: ClientNode | NoClientNode;
  project: Project;
}

export function projectNodeId(projectId: number): string {
  return `project:${projectId}`;
}

export function projectTreeItem(node: ProjectNode): vscode.TreeItem {
  const { project } = node;
  const item = new vscode.TreeItem(project.name, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon('project');
  item.contextValue = 'project';
  const lines = [project.name, project.client ? l10n.t('Client: {0}', project.client) : l10n.t('Client: no client')];
  if (project.manager) {
    lines.push(l10n.t('Manager: {0}', project.manager));
  }
  if (project.dateEnd) {
    lines.push(l10n.t('Ends: {0}', project.dateEnd));
  }
  // Plain text: a string tooltip is never rendered as Markdown.
  item.tooltip = lines.join('\n');
  item.accessibilityInformation = {
    label: project.client ? l10n.t('Project {0}, client {1}', project.name, project.client) : l10n.t('Project {0}, no client', project.name),
  };
  return item;
}
