import * as vscode from 'vscode';
import type { Task } from '../../api/types';
import { taskPickItem, taskPickItems, type TaskPickItem } from '../../tasks/taskPickItems';
import type { TaskSummary } from '../../tasks/taskReference';

export interface TaskPickerOptions {
  readonly title: string;
  readonly placeholder: string;
  /** Offered first, before the list arrives. */
  readonly recent?: readonly TaskSummary[];
  readonly load: () => Promise<readonly Task[]>;
  /** The project linked to the folder the user works in: its tasks come first once the list loaded. */
  readonly preferredProjectId?: number;
  /** Text to start with, e.g. `#1002`. */
  readonly value?: string;
  readonly onLoadError: (error: unknown) => void;
}

/** What was chosen: the full task when the list had it, else the summary of a recent task. */
export type PickedTask = { readonly task: Task } | { readonly summary: TaskSummary };

type Entry = vscode.QuickPickItem & { readonly taskId?: number };

/**
 * A quick pick over many tasks that opens at once: recent tasks show while the list loads
 * (busy), then every task follows. Items are built once per loaded list (see taskPickItems),
 * and VS Code filters them on title, `#number` (description) and project/client (detail).
 */
export function pickTask(options: TaskPickerOptions): Promise<PickedTask | undefined> {
  const quickPick = vscode.window.createQuickPick<Entry>();
  quickPick.title = options.title;
  quickPick.placeholder = options.placeholder;
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  if (options.value) {
    quickPick.value = options.value;
  }
  const recent = options.recent ?? [];
  const recentEntries: Entry[] =
    recent.length > 0 ? [{ label: 'Recent', kind: vscode.QuickPickItemKind.Separator }, ...recent.map((task) => taskPickItem(task))] : [];
  quickPick.items = recentEntries;
  quickPick.busy = true;

  let loaded: readonly Task[] | undefined;
  return new Promise<PickedTask | undefined>((resolve) => {
    let settled = false;
    const finish = (value: PickedTask | undefined): void => {
      if (!settled) {
        settled = true;
        resolve(value);
        quickPick.dispose();
      }
    };
    quickPick.onDidAccept(() => {
      const chosen = quickPick.selectedItems[0] ?? quickPick.activeItems[0];
      if (chosen?.taskId === undefined) {
        // Nothing matches (yet): keep the picker open instead of closing on nothing.
        return;
      }
      const task = loaded?.find((candidate) => candidate.id === chosen.taskId);
      const summary = recent.find((candidate) => candidate.id === chosen.taskId);
      finish(task ? { task } : summary ? { summary } : undefined);
    });
    quickPick.onDidHide(() => finish(undefined));
    quickPick.show();

    options.load().then(
      (tasks) => {
        if (!settled) {
          loaded = tasks;
          quickPick.items = preferredFirst(allItems(recent, recentEntries, tasks), tasks, options.preferredProjectId);
          quickPick.busy = false;
        }
      },
      (error: unknown) => {
        if (settled) {
          return;
        }
        quickPick.busy = false;
        quickPick.placeholder = `Could not load the tasks: ${error instanceof Error ? error.message : String(error)}`;
        options.onLoadError(error);
      },
    );
  });
}

/** The tasks of the preferred project ahead of everything else, under the project's name. */
function preferredFirst(items: Entry[], tasks: readonly Task[], projectId: number | undefined): Entry[] {
  const ids = new Set(tasks.filter((task) => projectId !== undefined && task.projectId === projectId).map((task) => task.id));
  if (ids.size === 0) {
    return items;
  }
  const first = items.filter((item) => item.taskId !== undefined && ids.has(item.taskId));
  const rest = items.filter((item) => item.taskId === undefined || !ids.has(item.taskId));
  const name = tasks.find((task) => ids.has(task.id))?.project ?? 'This folder';
  const label = `${name.replace(/\s+/g, ' ')} (linked to this folder)`;
  return [{ label, kind: vscode.QuickPickItemKind.Separator }, ...first, ...(rest[0]?.kind === vscode.QuickPickItemKind.Separator ? [] : [{ label: 'All open tasks', kind: vscode.QuickPickItemKind.Separator }]), ...rest];
}

/** The recent tasks first, then every loaded task not among them. */
function allItems(recent: readonly TaskSummary[], recentEntries: readonly Entry[], tasks: readonly Task[]): Entry[] {
  const recentIds = new Set(recent.map((task) => task.id));
  const all = taskPickItems(tasks);
  const rest: Entry[] = recentIds.size === 0 ? (all as Entry[]) : all.filter((item: TaskPickItem) => !recentIds.has(item.taskId));
  return recentEntries.length > 0 ? [...recentEntries, { label: 'All open tasks', kind: vscode.QuickPickItemKind.Separator }, ...rest] : rest;
}
