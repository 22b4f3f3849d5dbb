import type { ClientNode } from './clientNode';
import type { ErrorNode } from './errorNode';
import type { LoadMoreNode } from './loadMoreNode';
import type { ModuleNode } from './moduleNode';
import type { NoClientNode } from './noClientNode';
import type { PinnedGroupNode, PinnedTaskNode } from './pinnedNode';
import type { ProjectNode } from './projectNode';
import type { TaskNode } from './taskNode';

/** Every kind of row in the task tree. `id` is stable across refreshes (expansion, selection, reveal). */
export type TaskTreeNode = PinnedGroupNode | PinnedTaskNode | ClientNode | NoClientNode | ProjectNode | ModuleNode | TaskNode | LoadMoreNode | ErrorNode;
