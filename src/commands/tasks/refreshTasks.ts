import { positiveId } from '../../tasks/taskReference';
import { projectNodeId } from '../../views/tasks/nodes/projectNode';
import type { TaskTreeNode } from '../../views/tasks/nodes/taskTreeNode';
import type { TaskTree } from '../../views/tasks/taskTree';
import { argumentObject } from '../args';
import type { Command } from '../command';

/**
 * `intervals.refreshTasks`: from the view title, reloads the whole tree and the look-up lists;
 * on a client or project row (or `{ projectId }`), reloads just that branch.
 */
export function refreshTasksCommand(tree: Pick<TaskTree, 'refresh' | 'provider'>): Command {
  return {
    id: 'intervals.refreshTasks',
    execute(arg?: unknown): void {
      tree.refresh(nodeFrom(tree, arg));
    },
  };
}

/** The row a refresh names: a row of the tree, or `{ projectId }`; undefined for the whole tree. */
export function nodeFrom(tree: Pick<TaskTree, 'provider'>, arg: unknown): TaskTreeNode | undefined {
  const record = argumentObject(arg);
  if (!record) {
    return undefined;
  }
  if (typeof record.id === 'string' && typeof record.kind === 'string') {
    return tree.provider.node(record.id) ?? (record as unknown as TaskTreeNode);
  }
  const projectId = positiveId(record.projectId);
  return projectId === undefined ? undefined : tree.provider.node(projectNodeId(projectId));
}
