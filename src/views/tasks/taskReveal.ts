import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { Task } from '../../api/types';
import type { ErrorReporter } from '../../common/errorReporter';
import type { Logger } from '../../common/logger';
import { defuseLinks } from '../../common/untrustedText';
import type { TaskCatalog } from '../../tasks/taskCatalog';
import { isClosed } from '../../tasks/taskPresentation';
import { taskLabel, type TaskSummary } from '../../tasks/taskReference';
import type { LoadMoreNode } from './nodes/loadMoreNode';
import type { ProjectNode } from './nodes/projectNode';
import type { TaskNode } from './nodes/taskNode';
import type { TaskTree } from './taskTree';

/** Pages "reveal" loads, at most, looking for a task in a very large project. */
const REVEAL_MAX_PAGES = 40;

export interface TaskRevealDependencies {
  readonly tree: Pick<TaskTree, 'provider' | 'view' | 'filters' | 'setFilters'>;
  readonly catalog: Pick<TaskCatalog, 'activeProjects'>;
  readonly errors: ErrorReporter;
  readonly log: Logger;
}

/**
 * Shows a task or a project in the Tasks view and selects it, loading the branches (and the
 * pages) it takes. A filter that hides the task is named, with the button that lifts it.
 */
export class TaskReveal {
  constructor(private readonly deps: TaskRevealDependencies) {}

  async revealTask(task: Task | TaskSummary): Promise<boolean> {
    if (task.projectId === null) {
      return false;
    }
    const filters = this.deps.tree.filters;
    const projectNode = await this.findProjectNode(task.projectId);
    if (!projectNode && filters.assignedToMe && (await this.isActiveProject(task.projectId))) {
      return this.offerAllTasks(task);
    }
    if (!projectNode) {
      void vscode.window.showInformationMessage(defuseLinks(l10n.t('{0} belongs to a project that is not active, so the task tree does not list it.', taskLabel(task))));
      return false;
    }
    const node = await this.findTaskNode(projectNode, task.id);
    if (!node) {
      return this.offerHidden(task);
    }
    await this.showView();
    await this.deps.tree.view.reveal(node, { select: true, focus: true, expand: false });
    return true;
  }

  async revealProject(projectId: number): Promise<boolean> {
    const node = await this.findProjectNode(projectId);
    if (!node) {
      return false;
    }
    await this.showView();
    await this.deps.tree.view.reveal(node, { select: true, focus: true, expand: true });
    return true;
  }

  /** The task is not in its project's branch: a filter hides it (closed, or not assigned to the user). */
  private async offerHidden(task: Task | TaskSummary): Promise<boolean> {
    const full = 'dateClosed' in task ? task : undefined;
    const filters = this.deps.tree.filters;
    if (full && isClosed(full) && !filters.showClosed) {
      const showClosed = l10n.t('Show Closed Tasks');
      const choice = await vscode.window.showInformationMessage(defuseLinks(l10n.t('{0} is closed, and closed tasks are hidden.', taskLabel(task))), showClosed);
      if (choice === showClosed) {
        await this.deps.tree.setFilters({ showClosed: true });
        return this.revealTask(task);
      }
    } else if (filters.assignedToMe) {
      return this.offerAllTasks(task);
    }
    return false;
  }

  private async offerAllTasks(task: Task | TaskSummary): Promise<boolean> {
    const showAll = l10n.t('Show All Tasks');
    const choice = await vscode.window.showInformationMessage(
      defuseLinks(l10n.t('{0} is not assigned to you, and the tree shows only your tasks.', taskLabel(task))),
      showAll,
    );
    if (choice !== showAll) {
      return false;
    }
    await this.deps.tree.setFilters({ assignedToMe: false });
    return this.revealTask(task);
  }

  /**
   * Opens the task view and waits until VS Code shows it: a reveal into a view that is still
   * opening can lose its selection while the view draws its first level.
   */
  private async showView(): Promise<void> {
    const view = this.deps.tree.view;
    if (view.visible) {
      return;
    }
    const shown = new Promise<void>((resolve) => {
      const listener = view.onDidChangeVisibility((event) => {
        if (event.visible) {
          listener.dispose();
          resolve();
        }
      });
    });
    await vscode.commands.executeCommand('intervals.tasks.focus');
    await shown;
  }

  private async isActiveProject(projectId: number): Promise<boolean> {
    try {
      return (await this.deps.catalog.activeProjects()).some((project) => project.id === projectId);
    } catch {
      // The tree shows the failure where it happened; here it only changes the wording.
      return false;
    }
  }

  private async findProjectNode(projectId: number): Promise<ProjectNode | undefined> {
    const provider = this.deps.tree.provider;
    const roots = await provider.getChildren();
    for (const root of roots) {
      if ((root.kind === 'client' || root.kind === 'noClient') && root.projects.some((project) => project.id === projectId)) {
        await provider.getChildren(root);
        return provider.projectNode(projectId);
      }
    }
    return undefined;
  }

  private async findTaskNode(projectNode: ProjectNode, taskId: number): Promise<TaskNode | undefined> {
    const provider = this.deps.tree.provider;
    for (let page = 0; page < REVEAL_MAX_PAGES; page++) {
      const children = await provider.getChildren(projectNode);
      for (const child of children) {
        if (child.kind === 'module' && child.tasks.some((task) => task.id === taskId)) {
          await provider.getChildren(child);
        }
      }
      const found = provider.taskNode(taskId);
      if (found) {
        return found;
      }
      const more = children.find((child): child is LoadMoreNode => child.kind === 'loadMore');
      if (!more) {
        return undefined;
      }
      try {
        await provider.loadMore(more);
      } catch (error) {
        void this.deps.errors.reportFailure(this.deps.log, l10n.t('Could not load more tasks'), error);
        return undefined;
      }
    }
    return undefined;
  }
}
