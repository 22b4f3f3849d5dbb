import type { Task } from '../api/types';
import { escapeIcons } from '../common/untrustedText';
import type { TaskSummary } from './taskReference';

/** A quick pick entry for a task, shape-compatible with `vscode.QuickPickItem`. */
export interface TaskPickItem {
  readonly label: string;
  readonly description: string;
  readonly detail: string;
  readonly taskId: number;
}

/**
 * Title as label; `#localid` (matched too) as description; project and client as detail. The
 * service's text has its `$(icon)` syntax escaped: a quick pick would draw it as an icon.
 */
export function taskPickItem(task: TaskSummary): TaskPickItem {
  return {
    label: escapeIcons(task.title.replace(/\s+/g, ' ').trim()),
    description: task.localId === null ? '' : `#${task.localId}`,
    detail: escapeIcons([task.project, task.client].filter((part): part is string => !!part && part.trim() !== '').join(' · ')),
    taskId: task.id,
  };
}

const built = new WeakMap<readonly Task[], readonly TaskPickItem[]>();

/**
 * The items for a list of tasks, built once per list: the catalog hands out the same array
 * until it reloads, so opening Find Task again costs nothing.
 */
export function taskPickItems(tasks: readonly Task[]): readonly TaskPickItem[] {
  let items = built.get(tasks);
  if (!items) {
    items = tasks.map(taskPickItem);
    built.set(tasks, items);
  }
  return items;
}
