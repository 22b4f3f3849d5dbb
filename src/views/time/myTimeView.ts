import * as vscode from 'vscode';
import type { TimeEntry } from '../../api/types';
import type { AccountSession } from '../../auth/accountSession';
import type { DataChanges } from '../../common/dataChanges';
import type { Logger } from '../../common/logger';
import type { OutboxItem } from '../../outbox/outbox';
import { toIsoDate } from '../../time/dates';
import type { QueuedTimeEntry } from '../../timeLog/timeEntryDraft';
import type { TimeLogSync } from '../../timeLog/timeLogSync';
import { buildWeek, shiftWeek, weekOf, type TimeWeek } from '../../timeLog/timeWeek';
import { ContextKey, type ContextKeys } from '../../common/contextKeys';
import type { Clock } from '../../common/clock';
import type { Settings } from '../../common/settings';
import type { HourFormat } from '../../time/duration';
import { dayTreeItem, totalText, weekRangeLabel, type DayNode } from './nodes/dayNode';
import { entryTreeItem, type EntryNode } from './nodes/entryNode';
import { timeErrorTreeItem, type TimeErrorNode } from './nodes/timeErrorNode';
import { waitingGroupTreeItem, waitingTreeItem, type WaitingGroupNode, type WaitingNode } from './nodes/waitingNode';

export const TIME_VIEW_ID = 'intervals.time';

export type TimeTreeNode = DayNode | EntryNode | WaitingGroupNode | WaitingNode | TimeErrorNode;

export interface MyTimeViewOptions {
  session: Pick<AccountSession, 'state' | 'client' | 'onDidChange'>;
  changes: Pick<DataChanges, 'onDidChange'>;
  sync: Pick<TimeLogSync, 'onDidChangeWaiting' | 'waiting'>;
  log: Logger;
  contextKeys: Pick<ContextKeys, 'set'>;
  clock: Clock;
  settings: Pick<Settings, 'hourFormat' | 'onDidChange'>;
}

type LoadState =
  | { kind: 'idle' }
  | { kind: 'loading'; promise: Promise<void> }
  | { kind: 'loaded'; week: TimeWeek }
  | { kind: 'failed'; message: string };

/**
 * "My Time": the signed-in person's entries of one week by day, with daily and weekly totals,
 * and above them the entries still waiting to sync. The week loads when the view first asks
 * for it (so a hidden view costs nothing) and again after any change to time entries.
 */
export class MyTimeView implements vscode.TreeDataProvider<TimeTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TimeTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly loaded = new vscode.EventEmitter<void>();
  /** Fires after the week loaded from the service, a sign that it is reachable. */
  readonly onDidLoad = this.loaded.event;
  private readonly disposables: vscode.Disposable[] = [this.changed, this.loaded];
  readonly view: vscode.TreeView<TimeTreeNode>;
  private range: { start: string; end: string };
  private state: LoadState = { kind: 'idle' };
  private waiting: OutboxItem<QueuedTimeEntry>[] = [];
  private generation = 0;

  constructor(private readonly options: MyTimeViewOptions) {
    this.range = weekOf(this.today());
    this.view = vscode.window.createTreeView(TIME_VIEW_ID, { treeDataProvider: this });
    this.disposables.push(
      this.view,
      options.changes.onDidChange((change) => {
        if (change.resource === 'time' && this.state.kind !== 'idle') {
          this.stale();
        }
      }),
      options.session.onDidChange((state) => {
        if (!state.signedIn) {
          this.clear();
        } else {
          this.stale();
        }
      }),
      options.settings.onDidChange((affects) => {
        if (affects('intervals.hourFormat')) {
          this.describe();
          this.changed.fire(undefined);
        }
      }),
      options.sync.onDidChangeWaiting((items) => {
        this.waiting = items.filter((item) => item.kind === 'time');
        this.changed.fire(undefined);
      }),
    );
    void options.sync.waiting().then((items) => {
      this.waiting = items;
      this.changed.fire(undefined);
    });
    this.describe();
  }

  private today(): Date {
    return this.options.clock.now();
  }

  /** How amounts of time are written (`intervals.hourFormat`). */
  get hourFormat(): HourFormat {
    return this.options.settings.hourFormat;
  }

  get week(): { start: string; end: string } {
    return { ...this.range };
  }

  /** The entries of the shown week once loaded. */
  get entries(): TimeEntry[] {
    return this.state.kind === 'loaded' ? this.state.week.days.flatMap((day) => day.entries) : [];
  }

  get waitingItems(): readonly OutboxItem<QueuedTimeEntry>[] {
    return this.waiting;
  }

  /** Hours already logged on a day of the loaded week; undefined for other days. */
  loggedHours(isoDate: string): number | undefined {
    return this.state.kind === 'loaded' ? this.state.week.days.find((day) => day.date === isoDate)?.hours : undefined;
  }

  findEntry(id: number): TimeEntry | undefined {
    return this.entries.find((entry) => entry.id === id);
  }

  async moveWeek(weeks: number): Promise<{ start: string; end: string }> {
    this.range = shiftWeek(this.range.start, weeks);
    await this.reload();
    return this.week;
  }

  /** Shows the week that holds `day` (today by default). */
  async showWeekOf(day: Date = this.today()): Promise<{ start: string; end: string }> {
    this.range = weekOf(day);
    await this.reload();
    return this.week;
  }

  /** Loads the shown week again; resolves when it is shown (or failed). */
  reload(): Promise<void> {
    const generation = ++this.generation;
    const promise = this.load(generation);
    this.state = { kind: 'loading', promise };
    this.describe();
    return promise;
  }

  /**
   * The shown data may be out of date: a visible view loads again at once, a hidden one when it
   * is next shown (VS Code asks for its children then), so a hidden view costs no request.
   */
  private stale(): void {
    if (this.view.visible && this.state.kind !== 'idle') {
      void this.reload();
      return;
    }
    this.generation++;
    this.state = { kind: 'idle' };
    this.describe();
    this.changed.fire(undefined);
  }

  clear(): void {
    this.generation++;
    this.state = { kind: 'idle' };
    this.range = weekOf(this.today());
    this.describe();
    this.changed.fire(undefined);
  }

  getTreeItem(node: TimeTreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'day':
        return dayTreeItem(node, this.hourFormat);
      case 'entry':
        return entryTreeItem(node, this.hourFormat);
      case 'waitingGroup':
        return waitingGroupTreeItem(node);
      case 'waiting':
        return waitingTreeItem(node, this.hourFormat);
      case 'error':
        return timeErrorTreeItem(node);
    }
  }

  async getChildren(node?: TimeTreeNode): Promise<TimeTreeNode[]> {
    if (node?.kind === 'day') {
      return node.day.entries.map((entry) => ({ kind: 'entry', id: `entry:${entry.id}`, entry }));
    }
    if (node?.kind === 'waitingGroup') {
      return node.items.map((item) => ({ kind: 'waiting', id: `waiting:${item.id}`, item }));
    }
    if (node) {
      return [];
    }
    if (!this.options.session.state.signedIn) {
      // The welcome view invites to sign in.
      return [];
    }
    if (this.state.kind === 'idle') {
      void this.reload();
    }
    if (this.state.kind === 'loading') {
      await this.state.promise;
    }
    const roots: TimeTreeNode[] = [];
    if (this.waiting.length > 0) {
      roots.push({ kind: 'waitingGroup', id: 'waiting', items: this.waiting });
    }
    const state = this.state as LoadState;
    if (state.kind === 'failed') {
      roots.push({ kind: 'error', id: 'error', message: state.message });
    } else if (state.kind === 'loaded') {
      const today = toIsoDate(this.today());
      roots.push(...state.week.days.map((day): DayNode => ({ kind: 'day', id: `day:${day.date}`, day, today: day.date === today })));
    }
    return roots;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private async load(generation: number): Promise<void> {
    const api = this.options.session.client;
    const state = this.options.session.state;
    if (!api || !state.signedIn) {
      this.state = { kind: 'idle' };
      return;
    }
    const { start, end } = this.range;
    try {
      const entries = await vscode.window.withProgress({ location: { viewId: TIME_VIEW_ID } }, () =>
        api.listAllTime({ personId: state.account.personId, dateBegin: start, dateEnd: end }),
      );
      if (generation !== this.generation) {
        return;
      }
      const sorted = [...entries].sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
      this.state = { kind: 'loaded', week: buildWeek(start, sorted) };
      this.loaded.fire();
    } catch (error) {
      if (generation !== this.generation) {
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      this.options.log.warn(`Could not load the time of ${start}–${end}: ${message}`);
      this.state = { kind: 'failed', message };
    }
    this.describe();
    this.changed.fire(undefined);
  }

  /** The view's description names the week's days (`Nov 23 – 29`) and, once loaded, its total. */
  private describe(): void {
    const today = toIsoDate(this.today());
    const current = today >= this.range.start && today <= this.range.end;
    const span = weekRangeLabel(this.range.start, this.range.end, today);
    void this.options.contextKeys.set(ContextKey.otherWeek, !current);
    this.view.description = this.state.kind === 'loaded' ? `${span} · ${totalText(this.state.week.hours, this.hourFormat)}` : span;
  }
}
