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
  const client = project.client ?? 'no client';
  const lines = [project.name, `Client: ${client}`];
  if (project.manager) {
    lines.push(`Manager: ${project.manager}`);
  }
  if (project.dateEnd) {
    lines.push(`Ends: ${project.dateEnd}`);
  }
  // Plain text: a string tooltip is never rendered as Markdown.
  item.tooltip = lines.join('\n');
  item.accessibilityInformation = { label: `Project ${project.name}, ${project.client ? `client ${project.client}` : 'no client'}` };
  return item;
}
