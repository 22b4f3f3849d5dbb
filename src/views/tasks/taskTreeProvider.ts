import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { TaskNote } from '../../api/types';
import { latestNotesMarkdown } from '../../tasks/taskNotes';
import type { Project, Task } from '../../api/types';
import { projectsIn } from '../../tasks/assignedWork';
import type { ProjectTasks, TaskCatalog, TaskListQuery } from '../../tasks/taskCatalog';
import { groupProjectsByClient, groupTasksByModule } from '../../tasks/taskGroups';
import type { TaskSummary } from '../../tasks/taskReference';
import { clientNodeId, clientTreeItem, type ClientNode } from './nodes/clientNode';
import { errorNodeId, errorTreeItem, type ErrorNode } from './nodes/errorNode';
import { loadMoreNodeId, loadMoreTreeItem, type LoadMoreNode } from './nodes/loadMoreNode';
import { moduleNodeId, moduleTreeItem, type ModuleNode } from './nodes/moduleNode';
import { PINNED_NODE_ID, pinnedGroupTreeItem, pinnedTaskNodeId, pinnedTaskTreeItem, type PinnedGroupNode, type PinnedTaskNode } from './nodes/pinnedNode';
import { NO_CLIENT_NODE_ID, noClientTreeItem, type NoClientNode } from './nodes/noClientNode';
import { projectNodeId, projectTreeItem, type ProjectNode } from './nodes/projectNode';
import { taskNodeId, taskTreeItem, type TaskNode, type TaskTimer, type TaskTreeContext } from './nodes/taskNode';
import type { TaskTreeNode } from './nodes/taskTreeNode';

/** Why the tree has nothing to list, for the view's welcome content; undefined when it lists something. */
export type TaskTreeEmptiness = 'noActiveProjects' | 'noAssignedTasks' | undefined;

/** The tree's filters, as the view title toggles set them. */
export interface TaskFilterState {
  readonly showClosed: boolean;
  readonly assignedToMe: boolean;
}

export interface TaskTreeOptions {
  readonly catalog: TaskCatalog;
  readonly signedIn: () => boolean;
  readonly personId: () => number | undefined;
  readonly filters: () => TaskFilterState;
  readonly showModules: () => boolean;
  readonly isRunning: (taskId: number) => boolean;
  /** The user's timer on the task, running or paused, with its time now. */
  readonly timerOf?: (taskId: number) => TaskTimer | undefined;
  /** The task the current branch names, marked in its row. */
  readonly branchTaskId?: () => number | undefined;
  /** The pinned tasks, listed first under "Pinned". */
  readonly pinned?: () => readonly TaskSummary[];
  readonly today: () => string;
  /** Shows loading in the view itself. */
  readonly progress: <T>(work: () => Promise<T>) => Promise<T>;
  /** Told, each time the first level loads, why it is empty (if it is), for the view's welcome content. */
  readonly onEmpty: (emptiness: TaskTreeEmptiness) => void;
  readonly onError: (what: string, error: unknown) => void;
  /** A task's latest notes, read when its tooltip opens. */
  readonly latestNotes?: (taskId: number, signal: AbortSignal) => Promise<readonly TaskNote[]>;
}

/**
 * Clients → projects → (modules →) tasks. Nodes are kept by id and reused, so firing one redraws
 * exactly that row or branch, and `reveal` finds the objects VS Code already holds. A branch that
 * fails shows one error row with a Retry action instead of going empty.
 */
export class TaskTreeProvider implements vscode.TreeDataProvider<TaskTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TaskTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  private readonly nodes = new Map<string, TaskTreeNode>();
  private readonly childIds = new Map<string, string[]>();
  /**
   * Projects the user paged through with "Load more": drawn from what is loaded until refreshed,
   * so an expired time-to-live never drops the pages they asked for.
   */
  private readonly redrawOnly = new Set<number>();

  constructor(private readonly options: TaskTreeOptions) {}

  dispose(): void {
    this.changed.dispose();
  }

  /** A task's tooltip gains its latest notes when it is about to show (untrusted: plain text only). */
  async resolveTreeItem(item: vscode.TreeItem, node: TaskTreeNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    const latestNotes = this.options.latestNotes;
    if (node.kind !== 'task' || !latestNotes || !(item.tooltip instanceof vscode.MarkdownString)) {
      return item;
    }
    const abort = new AbortController();
    const listener = token.onCancellationRequested(() => abort.abort());
    try {
      const notes = await latestNotes(node.task.id, abort.signal);
      const tooltip = new vscode.MarkdownString(`${item.tooltip.value}\n\n---\n\n${latestNotesMarkdown(notes)}`);
      tooltip.isTrusted = false;
      tooltip.supportHtml = false;
      tooltip.supportThemeIcons = false;
      item.tooltip = tooltip;
    } catch (error) {
      this.options.onError('load the notes of a task', error); // l10n-ignore: log line
    } finally {
      listener.dispose();
    }
    return item;
  }

  getTreeItem(node: TaskTreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'pinned':
        return pinnedGroupTreeItem(node);
      case 'pinnedTask':
        return pinnedTaskTreeItem(node, this.options.isRunning(node.task.id));
      case 'client':
        return clientTreeItem(node);
      case 'noClient':
        return noClientTreeItem(node);
      case 'project':
        return projectTreeItem(node);
      case 'module':
        return moduleTreeItem(node);
      case 'task':
        return taskTreeItem(node, this.context());
      case 'loadMore':
        return loadMoreTreeItem(node);
      case 'error':
        return errorTreeItem(node);
    }
  }

  getParent(node: TaskTreeNode): TaskTreeNode | undefined {
    return node.parent;
  }

  async getChildren(node?: TaskTreeNode): Promise<TaskTreeNode[]> {
    if (!this.options.signedIn()) {
      return [];
    }
    if (node === undefined) {
      return this.rootChildren();
    }
    switch (node.kind) {
      case 'pinned':
        return this.remember(node.id, this.pinnedNodes(node));
      case 'client':
      case 'noClient':
        return this.clientChildren(node);
      case 'project':
        return this.projectChildren(node);
      case 'module':
        return this.remember(node.id, this.taskNodes(node.tasks, node));
      default:
        return [];
    }
  }

  /** The query the filters stand for. */
  query(): TaskListQuery {
    const filters = this.options.filters();
    const personId = filters.assignedToMe ? this.options.personId() : undefined;
    return personId === undefined ? { showClosed: filters.showClosed } : { showClosed: filters.showClosed, assigneeId: personId };
  }

  /** Reloads a branch (or, without a node, the whole tree) from the service. */
  refresh(node?: TaskTreeNode): void {
    const pinned = node?.kind === 'pinned' || node?.kind === 'pinnedTask';
    const target = pinned ? undefined : node?.kind === 'error' || node?.kind === 'loadMore' || node?.kind === 'task' ? node.parent : node;
    if (target === undefined) {
      this.redrawOnly.clear();
      this.options.catalog.invalidateAll();
      this.changed.fire(undefined);
      return;
    }
    if (target.kind === 'project' || target.kind === 'module') {
      const projectNode = target.kind === 'project' ? target : target.parent;
      this.redrawOnly.delete(projectNode.project.id);
      this.options.catalog.invalidateProject(projectNode.project.id);
      this.changed.fire(projectNode);
      return;
    }
    for (const project of target.projects) {
      this.redrawOnly.delete(project.id);
      this.options.catalog.invalidateProject(project.id);
    }
    this.options.catalog.invalidateProjects();
    this.changed.fire(target);
  }

  /** Redraws rows without reloading what is loaded and still fresh (settings, timers). */
  redraw(node?: TaskTreeNode): void {
    this.changed.fire(node);
  }

  /** Filters changed: lists loaded page by page start again from their first page. */
  filtersChanged(): void {
    this.redrawOnly.clear();
    this.changed.fire(undefined);
  }

  /** Forgets every node, e.g. after signing out; VS Code then asks for the root again. */
  clear(): void {
    this.nodes.clear();
    this.childIds.clear();
    this.redrawOnly.clear();
    this.options.catalog.invalidateAll();
    this.changed.fire(undefined);
  }

  /** Loads the next page of the project the row belongs to and redraws it; rejects when that fails. */
  async loadMore(node: LoadMoreNode): Promise<void> {
    const projectNode = node.parent.kind === 'project' ? node.parent : node.parent.parent;
    await this.options.progress(() => this.options.catalog.loadMore(node.projectId, this.query()));
    this.redrawOnly.add(node.projectId);
    this.changed.fire(projectNode);
  }

  /** Puts a changed task in place where it is shown; false when it is not shown. */
  updateTask(task: Task): boolean {
    const node = this.nodes.get(taskNodeId(task.id));
    this.options.catalog.updateTask(task);
    if (node?.kind !== 'task') {
      return false;
    }
    node.task = task;
    this.changed.fire(node);
    return true;
  }

  /** Redraws the rows of these tasks where they are shown. */
  redrawTasks(taskIds: Iterable<number>): void {
    for (const taskId of taskIds) {
      const node = this.nodes.get(taskNodeId(taskId));
      if (node) {
        this.changed.fire(node);
      }
    }
  }

  node(id: string): TaskTreeNode | undefined {
    return this.nodes.get(id);
  }

  projectNode(projectId: number): ProjectNode | undefined {
    const node = this.nodes.get(projectNodeId(projectId));
    return node?.kind === 'project' ? node : undefined;
  }

  taskNode(taskId: number): TaskNode | undefined {
    const node = this.nodes.get(taskNodeId(taskId));
    return node?.kind === 'task' ? node : undefined;
  }

  private context(): TaskTreeContext {
    return {
      today: this.options.today(),
      isRunning: this.options.isRunning,
      ...(this.options.timerOf ? { timerOf: this.options.timerOf } : {}),
      branchTaskId: this.options.branchTaskId?.(),
      isPinned: (taskId) => (this.options.pinned?.() ?? []).some((task) => task.id === taskId),
    };
  }

  private async rootChildren(): Promise<TaskTreeNode[]> {
    let listed;
    try {
      listed = await this.options.progress(() => this.listedProjects());
    } catch (error) {
      this.options.onError('load projects', error); // l10n-ignore: log line
      return this.remember('', [this.keep<ErrorNode>({ kind: 'error', id: errorNodeId(undefined), parent: undefined, message: errorText(error) })]);
    }
    const groups = groupProjectsByClient(listed.shown);
    this.options.onEmpty(listed.active === 0 ? 'noActiveProjects' : groups.length === 0 ? 'noAssignedTasks' : undefined);
    const pinned = this.options.pinned?.() ?? [];
    const pinnedGroup = pinned.length > 0 ? [this.keep<PinnedGroupNode>({ kind: 'pinned', id: PINNED_NODE_ID, parent: undefined, tasks: pinned })] : [];
    return this.remember('', [
      ...pinnedGroup,
      ...groups.map((group) =>
        group.clientId === null
          ? this.keep<NoClientNode>({ kind: 'noClient', id: NO_CLIENT_NODE_ID, parent: undefined, clientId: null, name: l10n.t('No client'), projects: group.projects })
          : this.keep<ClientNode>({ kind: 'client', id: clientNodeId(group.clientId), parent: undefined, clientId: group.clientId, name: group.name, projects: group.projects }),
      ),
    ]);
  }

  /** From the (cached) project list rather than the node, so refreshing a client picks up its new projects. */
  private async clientChildren(node: ClientNode | NoClientNode): Promise<TaskTreeNode[]> {
    let listed;
    try {
      listed = await this.options.progress(() => this.listedProjects());
    } catch (error) {
      this.options.onError('load projects', error); // l10n-ignore: log line
      return this.remember(node.id, [this.keep<ErrorNode>({ kind: 'error', id: errorNodeId(node.id), parent: node, message: errorText(error) })]);
    }
    node.projects = groupProjectsByClient(listed.shown).find((group) => group.clientId === node.clientId)?.projects ?? [];
    return this.remember(
      node.id,
      node.projects.map((project) => this.keep<ProjectNode>({ kind: 'project', id: projectNodeId(project.id), parent: node, project })),
    );
  }

  /**
   * The active projects the filters let through: with "assigned to me", only those holding one of
   * the person's tasks, found with one walk of their tasks rather than a request per project.
   */
  private async listedProjects(): Promise<{ active: number; shown: readonly Project[] }> {
    const query = this.query();
    const [projects, assigned] = await Promise.all([
      this.options.catalog.activeProjects(),
      query.assigneeId === undefined ? undefined : this.options.catalog.assignedProjectIds(query.assigneeId, query.showClosed),
    ]);
    return { active: projects.length, shown: assigned ? projectsIn(projects, assigned) : projects };
  }

  private async projectChildren(node: ProjectNode): Promise<TaskTreeNode[]> {
    const projectId = node.project.id;
    const cachedOnly = this.redrawOnly.has(projectId);
    let loaded: ProjectTasks;
    try {
      loaded = await this.options.progress(() => this.options.catalog.projectTasks(projectId, this.query(), cachedOnly ? Infinity : undefined));
    } catch (error) {
      this.options.onError('load tasks', error); // l10n-ignore: log line
      return this.remember(node.id, [this.keep<ErrorNode>({ kind: 'error', id: errorNodeId(node.id), parent: node, message: errorText(error) })]);
    }
    const children: TaskTreeNode[] = this.options.showModules()
      ? groupTasksByModule(loaded.tasks).map((group) =>
          this.keep<ModuleNode>({
            kind: 'module',
            id: moduleNodeId(projectId, group.moduleId),
            parent: node,
            moduleId: group.moduleId,
            name: group.name,
            tasks: group.tasks,
          }),
        )
      : this.taskNodes(loaded.tasks, node);
    if (!loaded.complete) {
      children.push(
        this.keep<LoadMoreNode>({ kind: 'loadMore', id: loadMoreNodeId(node.id), parent: node, projectId, loaded: loaded.tasks.length, total: loaded.total }),
      );
    }
    return this.remember(node.id, children);
  }

  private pinnedNodes(group: PinnedGroupNode): PinnedTaskNode[] {
    return group.tasks.map((task) => this.keep<PinnedTaskNode>({ kind: 'pinnedTask', id: pinnedTaskNodeId(task.id), parent: group, task }));
  }

  private taskNodes(tasks: readonly Task[], parent: ProjectNode | ModuleNode): TaskNode[] {
    return tasks.map((task) => this.keep<TaskNode>({ kind: 'task', id: taskNodeId(task.id), parent, task }));
  }

  /** The node already known under this id, updated, so VS Code and `reveal` see one object per row. */
  private keep<T extends TaskTreeNode>(fresh: T): T {
    const existing = this.nodes.get(fresh.id);
    if (existing && existing.kind === fresh.kind) {
      Object.assign(existing, fresh);
      return existing as T;
    }
    this.nodes.set(fresh.id, fresh);
    return fresh;
  }

  /** Records a branch's children and forgets the rows that left it (and theirs). */
  private remember(parentId: string, children: TaskTreeNode[]): TaskTreeNode[] {
    const next = children.map((child) => child.id);
    const kept = new Set(next);
    for (const id of this.childIds.get(parentId) ?? []) {
      // A row that moved (a task to another project) belongs to its new branch now.
      if (!kept.has(id) && (this.nodes.get(id)?.parent?.id ?? '') === parentId) {
        this.forget(id);
      }
    }
    this.childIds.set(parentId, next);
    return children;
  }

  private forget(id: string): void {
    for (const child of this.childIds.get(id) ?? []) {
      this.forget(child);
    }
    this.childIds.delete(id);
    this.nodes.delete(id);
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
