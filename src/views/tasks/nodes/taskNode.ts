import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { Task } from '../../../api/types';
import { taskLook, taskTooltipMarkdown } from '../../../tasks/taskPresentation';
import { formatDuration, formatHoursMinutes } from '../../../time/duration';
import type { ModuleNode } from './moduleNode';
import type { ProjectNode } from './projectNode';

/** What drawing a task row needs besides the node. */
export interface TaskTreeContext {
  /** `YYYY-MM-DD`, for overdue. */
  readonly today: string;
  isRunning(taskId: number): boolean;
  /** The task the current branch names. */
  readonly branchTaskId?: number;
  /** The user's timer on the task, when it has one. */
  timerOf?(taskId: number): TaskTimer | undefined;
  /** Whether the task is pinned (its menu offers Unpin instead of Pin). */
  isPinned?(taskId: number): boolean;
}

/** A task's timer as its row tells it. */
export interface TaskTimer {
  readonly running: boolean;
  /** The time it shows now. */
  readonly seconds: number;
}

export interface TaskNode {
  readonly kind: 'task';
  readonly id: string;
  parent: ProjectNode | ModuleNode;
  task: Task;
}

export function taskNodeId(taskId: number): string {
  return `task:${taskId}`;
}

export function taskTreeItem(node: TaskNode, context: TaskTreeContext): vscode.TreeItem {
  const { task } = node;
  const running = context.isRunning(task.id);
  const timer = context.timerOf?.(task.id);
  const paused = !running && timer !== undefined && !timer.running;
  const look = taskLook(task, { today: context.today, running, paused });
  // A plain string label: VS Code never renders it as Markdown.
  const item = new vscode.TreeItem(task.title.replace(/\s+/g, ' ').trim(), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  const onBranch = context.branchTaskId === task.id;
  item.description = onBranch ? l10n.t('{0} · current branch', look.description) : look.description;
  item.iconPath = new vscode.ThemeIcon(look.icon, look.color ? new vscode.ThemeColor(look.color) : undefined);
  item.contextValue = ['task', running ? 'running' : undefined, paused ? 'paused' : undefined, look.closed ? 'closed' : undefined, look.overdue ? 'overdue' : undefined, onBranch ? 'branch' : undefined, context.isPinned?.(task.id) ? 'pinned' : undefined]
    .filter((token) => token !== undefined)
    .join(' ');
  // The timer's state, else "running" while the timer list has not told the time yet.
  const tooltip = new vscode.MarkdownString(taskTooltipMarkdown(task, context.today, timer ? timerLine(timer) : running ? l10n.t('running') : undefined));
  // Text from the service: no command links, no HTML, no $(icons).
  tooltip.isTrusted = false;
  tooltip.supportHtml = false;
  tooltip.supportThemeIcons = false;
  item.tooltip = tooltip;
  item.accessibilityInformation = { label: onBranch ? l10n.t("{0}, the current branch's task", look.accessibleLabel) : look.accessibleLabel };
  if (timer && (running || paused)) {
    // The time its timer shows, as the tooltip says it: `…, timer running, 35 min`.
    item.accessibilityInformation = { label: `${item.accessibilityInformation.label}, ${formatDuration(timer.seconds)}` };
  }
  return item;
}

/** `running, 0:35`, as the status bar tells it; a running timer's time is the one when the row was drawn. */
function timerLine(timer: TaskTimer): string {
  return timer.running ? l10n.t('running, {0}', formatHoursMinutes(timer.seconds)) : l10n.t('paused, {0}', formatHoursMinutes(timer.seconds));
}
