import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { Task } from '../../api/types';
import { escapeIcons } from '../../common/untrustedText';
import { taskPickItem, taskPickItems, type TaskPickItem } from '../../tasks/taskPickItems';
import { isClosed } from '../../tasks/taskPresentation';
import type { TaskSummary } from '../../tasks/taskReference';
import { searchItems, searchKey, type SearchKey } from '../../tasks/taskSearch';

export interface TaskPickerOptions {
  readonly title: string;
  readonly placeholder: string;
  /** Offered first, under "Pinned", before the list arrives. */
  readonly pinned?: readonly TaskSummary[];
  /** Offered next, before the list arrives. */
  readonly recent?: readonly TaskSummary[];
  readonly load: () => Promise<readonly Task[]>;
  /** Every task, closed ones too: offered as "Search closed tasks too" when no open task matches. */
  readonly loadWithClosed?: () => Promise<readonly Task[]>;
  /** The project linked to the folder the user works in: its tasks come first once the list loaded. */
  readonly preferredProjectId?: number;
  /** Text to start with, e.g. `#1002`. */
  readonly value?: string;
  readonly onLoadError: (error: unknown) => void;
  /** A row besides the tasks, listed last whatever is typed (Start Timer's "General timer…"). */
  readonly extra?: { readonly icon: string; readonly label: string; readonly description?: string };
}

/** What was chosen: the full task when the list had it, else the summary of a recent task. */
export type PickedTask = { readonly task: Task } | { readonly summary: TaskSummary } | { readonly extra: true };

type Entry = vscode.QuickPickItem & { readonly taskId?: number; readonly searchClosed?: true; readonly extra?: true };

/** Rows are shown as this picker filters them; VS Code's own filter would hide what it cannot match. */
const keys = new WeakMap<Entry, SearchKey>();
const shown = new WeakMap<TaskPickItem, Entry>();

function keyOf(entry: Entry): SearchKey {
  let key = keys.get(entry);
  if (!key) {
    key = searchKey(entry.label, entry.description, entry.detail);
    keys.set(entry, key);
  }
  return key;
}

function entryOf(item: TaskPickItem, closed = false): Entry {
  if (closed) {
    return { ...item, description: item.description ? l10n.t('{0} · closed', item.description) : l10n.t('closed'), alwaysShow: true };
  }
  let entry = shown.get(item);
  if (!entry) {
    entry = { ...item, alwaysShow: true };
    shown.set(item, entry);
  }
  return entry;
}

/** A pinned task's row: the pin icon before its title. */
function pinnedEntry(item: TaskPickItem): Entry {
  return { ...item, iconPath: new vscode.ThemeIcon('pinned'), alwaysShow: true };
}

function separator(label: string): Entry {
  return { label, kind: vscode.QuickPickItemKind.Separator };
}

/**
 * A quick pick over many tasks that opens at once: recent tasks show while the list loads
 * (busy), then every task follows. It filters the rows itself as the user types (see taskSearch):
 * accents and case aside, every word in any order. When no open task matches, it offers to
 * search the closed ones too.
 */
export function pickTask(options: TaskPickerOptions): Promise<PickedTask | undefined> {
  return new TaskSearch(options).pick();
}

class TaskSearch {
  private readonly quickPick = vscode.window.createQuickPick<Entry>();
  private readonly pinned: readonly Entry[];
  private readonly recent: readonly Entry[];
  private tasks: readonly Task[] | undefined;
  private rest: readonly Entry[] = [];
  private withClosed = false;
  private readonly extra: Entry | undefined;

  constructor(private readonly options: TaskPickerOptions) {
    const extra = options.extra;
    this.extra = extra && { label: `$(${extra.icon}) ${extra.label}`, ...(extra.description !== undefined ? { description: extra.description } : {}), alwaysShow: true, extra: true };
    const pinnedIds = new Set((options.pinned ?? []).map((task) => task.id));
    this.pinned = (options.pinned ?? []).map((task) => pinnedEntry(taskPickItem(task)));
    this.recent = (options.recent ?? []).filter((task) => !pinnedIds.has(task.id)).map((task) => entryOf(taskPickItem(task)));
  }

  pick(): Promise<PickedTask | undefined> {
    const { quickPick, options } = this;
    quickPick.title = options.title;
    quickPick.placeholder = options.placeholder;
    quickPick.value = options.value ?? '';
    quickPick.busy = true;
    this.redraw();
    return new Promise<PickedTask | undefined>((resolve) => {
      let settled = false;
      const finish = (value: PickedTask | undefined): void => {
        if (!settled) {
          settled = true;
          resolve(value);
          quickPick.dispose();
        }
      };
      quickPick.onDidChangeValue(() => this.redraw());
      quickPick.onDidAccept(() => {
        const chosen = quickPick.selectedItems[0] ?? quickPick.activeItems[0];
        if (chosen?.searchClosed) {
          this.loadWithClosed(() => settled);
        } else if (chosen?.extra) {
          finish({ extra: true });
        } else if (chosen?.taskId !== undefined) {
          finish(this.picked(chosen.taskId));
        }
        // Otherwise nothing matches (yet): the picker stays open instead of closing on nothing.
      });
      quickPick.onDidHide(() => finish(undefined));
      quickPick.show();
      this.load(options.load, () => settled);
    });
  }

  private picked(taskId: number): PickedTask | undefined {
    const task = this.tasks?.find((candidate) => candidate.id === taskId);
    const summary = [...(this.options.pinned ?? []), ...(this.options.recent ?? [])].find((candidate) => candidate.id === taskId);
    return task ? { task } : summary ? { summary } : undefined;
  }

  private loadWithClosed(over: () => boolean): void {
    const loadWithClosed = this.options.loadWithClosed;
    if (loadWithClosed) {
      this.withClosed = true;
      this.quickPick.title = l10n.t('{0} (closed tasks too)', this.options.title);
      this.quickPick.busy = true;
      this.redraw();
      this.load(loadWithClosed, over);
    }
  }

  private load(load: () => Promise<readonly Task[]>, over: () => boolean): void {
    load().then(
      (tasks) => {
        if (!over()) {
          this.tasks = tasks;
          const recentIds = new Set([...this.pinned, ...this.recent].map((entry) => entry.taskId));
          const items = taskPickItems(tasks);
          this.rest = items.flatMap((item, index) => (recentIds.has(item.taskId) ? [] : [entryOf(item, isClosed(tasks[index]))]));
          this.quickPick.busy = false;
          this.redraw();
        }
      },
      (error: unknown) => {
        if (!over()) {
          this.quickPick.busy = false;
          this.quickPick.placeholder = l10n.t('Could not load the tasks: {0}', error instanceof Error ? error.message : String(error));
          this.options.onLoadError(error);
        }
      },
    );
  }

  /** The rows for what is typed: the pinned and recent tasks that match, then the others. */
  private redraw(): void {
    const { quickPick } = this;
    const value = quickPick.value;
    const pinned = searchItems(this.pinned, keyOf, value);
    const recent = searchItems(this.recent, keyOf, value);
    const rest = searchItems(this.rest, keyOf, value);
    const rows: Entry[] = [];
    const preferred = this.preferred(rest);
    const others = preferred ? rest.filter((entry) => !preferred.entries.includes(entry)) : rest;
    const allLabel = this.withClosed ? l10n.t('All tasks') : l10n.t('All open tasks');
    if (pinned.length > 0) {
      rows.push(separator(l10n.t({ message: 'Pinned', comment: ['Heading above the tasks the user pinned'] })), ...pinned);
    }
    if (recent.length > 0 && (this.rest.length > 0 || pinned.length > 0)) {
      rows.push(separator(l10n.t({ message: 'Recent', comment: ['Heading above the tasks used lately'] })), ...recent);
    } else {
      rows.push(...recent);
    }
    if (preferred) {
      rows.push(separator(preferred.label), ...preferred.entries, ...(others.length > 0 ? [separator(allLabel)] : []), ...others);
    } else {
      rows.push(...(recent.length + pinned.length > 0 && others.length > 0 ? [separator(allLabel)] : []), ...others);
    }
    // The extra row comes first when it is what was typed ("general"), so Enter takes it.
    const extraTyped = this.extra !== undefined && value.trim() !== '' && searchItems([this.extra], keyOf, value).length > 0;
    if (rows.length === 0 && !quickPick.busy && value.trim() !== '' && !extraTyped) {
      this.showNoMatch(value);
      return;
    }
    quickPick.items = extraTyped && this.extra ? [this.extra, ...rows] : [...rows, ...this.extraRows()];
  }

  /** The extra row, after a separator, offered whatever is typed. */
  private extraRows(): Entry[] {
    return this.extra ? [separator(''), this.extra] : [];
  }

  /** The tasks of the project linked to the user's folder, to list first under its name. */
  private preferred(rest: readonly Entry[]): { label: string; entries: Entry[] } | undefined {
    const projectId = this.options.preferredProjectId;
    const tasks = projectId === undefined ? [] : (this.tasks ?? []).filter((task) => task.projectId === projectId);
    if (tasks.length === 0) {
      return undefined;
    }
    const ids = new Set(tasks.map((task) => task.id));
    const entries = rest.filter((entry) => entry.taskId !== undefined && ids.has(entry.taskId));
    const name = tasks[0]?.project?.replace(/\s+/g, ' ');
    const label = name !== undefined ? l10n.t('{0} (linked to this folder)', name) : l10n.t('This folder (linked to this folder)');
    return entries.length > 0 ? { label, entries } : undefined;
  }

  /** Says that nothing matches and, unless closed tasks are searched already, offers them (chosen by Enter). */
  private showNoMatch(value: string): void {
    const typed = escapeIcons(value.trim());
    const noMatch = this.withClosed ? l10n.t('No task matches “{0}”', typed) : l10n.t('No open task matches “{0}”', typed);
    const message: Entry = { label: `$(info) ${noMatch}`, alwaysShow: true };
    if (this.withClosed || !this.options.loadWithClosed) {
      this.quickPick.items = [message, ...this.extraRows()];
      return;
    }
    const searchClosed: Entry = { label: `$(search) ${l10n.t('Search closed tasks too')}`, alwaysShow: true, searchClosed: true };
    this.quickPick.items = [message, searchClosed, ...this.extraRows()];
    this.quickPick.activeItems = [searchClosed];
  }
}
