import { randomBytes } from 'node:crypto';
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { AccountSession, SessionState } from '../../auth/accountSession';
import type { WorkOwner } from '../../common/backgroundWork';
import type { Clock } from '../../common/clock';
import type { DataChanges } from '../../common/dataChanges';
import type { Logger } from '../../common/logger';
import type { Settings } from '../../common/settings';
import type { Asker } from '../../prompts/asker';
import { toIsoDate } from '../../time/dates';
import type { TimeLogSync } from '../../timeLog/timeLogSync';
import { shiftWeek } from '../../timeLog/timeWeek';
import { buildTimesheet, rowKey, rowsOf, type PendingHours, type SheetRowSpec, type Timesheet } from '../../timesheet/timesheetGrid';
import { weekRangeLabel } from '../time/nodes/dayNode';
import { timesheetHtml, type SheetPage } from './timesheetHtml';
import { applyCell, type CellResult, type TimesheetWrites } from './timesheetWrites';

export interface TimesheetPanelOptions {
  readonly log: Logger;
  readonly session: Pick<AccountSession, 'state' | 'client' | 'onDidChange'>;
  readonly changes: Pick<DataChanges, 'onDidChange'>;
  readonly sync: Pick<TimeLogSync, 'waiting' | 'onDidChangeWaiting'>;
  readonly settings: Pick<Settings, 'hourFormat' | 'rounding' | 'reminders'>;
  readonly asker: Pick<Asker, 'pick'>;
  readonly clock: Clock;
  /** Reloads after a change made elsewhere run as background work, so they are waited for. */
  readonly work: Pick<WorkOwner, 'track'>;
}

/** A message from the page. */
type PageMessage =
  | { type: 'edit'; row: string; date: string; value: string }
  | { type: 'addRow' | 'copyLastWeek' | 'previousWeek' | 'nextWeek' };

/**
 * The one "Timesheet" editor tab: the signed-in person's week as a grid of task (or project) and
 * work type by day. The page posts what was typed; everything is checked and written here, and the
 * page is drawn again from the service's answer.
 */
export class TimesheetPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private writes: TimesheetWrites | undefined;
  private start = '';
  /** Rows added or copied, per week start, shown while the tab is open. */
  private readonly extraRows = new Map<string, SheetRowSpec[]>();
  private sheet: Timesheet | undefined;
  private notice: SheetPage['notice'];
  /** The service's reason for refusing a change to the shown week. */
  private refusal: string | undefined;
  private busy = 0;
  private generation = 0;
  /** Resolves once the page last drawn has loaded (or is hidden): a quick pick opened before would lose the focus to it. */
  private drawn: Promise<void> = Promise.resolve();
  private markDrawn: () => void = () => undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly options: TimesheetPanelOptions) {
    this.subscriptions = [
      toDisposable(
        options.changes.onDidChange((change) => {
          if (change.resource === 'time' && this.panel && this.busy === 0) {
            // l10n-ignore: background work label
            void options.work.track('timesheet reload', this.reload());
          }
        }),
      ),
      toDisposable(
        options.sync.onDidChangeWaiting(() => {
          if (this.panel && this.busy === 0) {
            // l10n-ignore: background work label
            void options.work.track('timesheet reload', this.reload());
          }
        }),
      ),
      options.session.onDidChange((state: SessionState) => {
        if (!state.signedIn) {
          this.panel?.dispose();
        }
      }),
    ];
  }

  /** The page's HTML as last drawn; undefined while no timesheet is open. */
  get html(): string | undefined {
    return this.panel?.webview.html;
  }

  /** The week shown, as last loaded. */
  get shown(): Timesheet | undefined {
    return this.panel ? this.sheet : undefined;
  }

  /** The message the page shows about the last edit, and why the week is read-only. */
  get status(): { notice?: string; readOnly?: string } {
    return { notice: this.notice?.text, readOnly: this.readOnly() };
  }

  /** Opens (or shows again) the tab on the week starting `start`, loaded afresh. */
  async open(start: string, writes: TimesheetWrites): Promise<Timesheet | undefined> {
    this.writes = writes;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('intervals.timesheet', l10n.t('Timesheet'), vscode.ViewColumn.Active, {
        enableScripts: true,
        localResourceRoots: [],
      });
      this.panel.onDidChangeViewState(({ webviewPanel }) => webviewPanel.visible || this.markDrawn());
      this.panel.onDidDispose(() => {
        this.markDrawn();
        this.panel = undefined;
        this.sheet = undefined;
        this.extraRows.clear();
      });
      this.panel.webview.onDidReceiveMessage((message: unknown) =>
        // l10n-ignore: background work label
        isDrawn(message) ? this.markDrawn() : void this.options.work.track('timesheet edit', this.receive(message)),
      );
    }
    this.panel.reveal(undefined, false);
    await this.showWeek(start);
    return this.sheet;
  }

  /** Handles a message of the page (what the user typed or clicked); resolves once the page shows its outcome. */
  async receive(message: unknown): Promise<void> {
    const parsed = pageMessage(message);
    if (!parsed || !this.panel) {
      return;
    }
    this.busy++;
    try {
      await this.handle(parsed);
    } finally {
      this.busy--;
    }
    await this.reload();
  }

  private async handle(message: PageMessage): Promise<void> {
    this.notice = undefined;
    switch (message.type) {
      case 'previousWeek':
      case 'nextWeek':
        this.start = shiftWeek(this.start, message.type === 'nextWeek' ? 1 : -1).start;
        this.refusal = undefined;
        return;
      case 'addRow':
        return this.addRow();
      case 'copyLastWeek':
        return this.copyLastWeek();
      case 'edit':
        return this.edit(message.row, message.date, message.value);
    }
  }

  private async showWeek(start: string): Promise<void> {
    if (start !== this.start) {
      this.refusal = undefined;
      this.notice = undefined;
    }
    this.start = start;
    await this.reload();
  }

  /** Loads the shown week from Intervals (and the entries waiting to sync) and draws it. */
  async reload(): Promise<void> {
    const api = this.options.session.client;
    const state = this.options.session.state;
    if (!this.panel || !api || !state.signedIn) {
      return;
    }
    const generation = ++this.generation;
    const start = this.start;
    const end = shiftWeek(start, 0).end;
    try {
      const [entries, waiting] = await Promise.all([api.listAllTime({ personId: state.account.personId, dateBegin: start, dateEnd: end }), this.options.sync.waiting()]);
      if (generation !== this.generation) {
        return;
      }
      const pending = waiting
        .filter((item) => item.payload.input.personId === state.account.personId && item.payload.input.date >= start && item.payload.input.date <= end)
        .map((item): PendingHours => ({ ...item.payload.input, taskId: item.payload.input.taskId ?? null, projectId: item.payload.input.projectId ?? 0, hours: item.payload.input.time }));
      this.sheet = buildTimesheet({ start, entries, extraRows: this.extraRows.get(start), pending, dailyTarget: this.options.settings.reminders.dailyTargetHours });
    } catch (error) {
      if (generation !== this.generation) {
        return;
      }
      const reason = error instanceof Error ? error.message : String(error);
      this.options.log.warn(`Could not load the timesheet of ${start}: ${reason}`);
      this.sheet = buildTimesheet({ start, entries: [], extraRows: this.extraRows.get(start), dailyTarget: this.options.settings.reminders.dailyTargetHours });
      this.notice = { kind: 'error', text: l10n.t('Could not load the week: {0}', reason) };
    }
    this.render();
  }

  /** Draws the shown week again (the hour format changed). */
  render(): void {
    if (!this.panel || !this.sheet) {
      return;
    }
    const weekLabel = weekRangeLabel(this.sheet.start, this.sheet.end, toIsoDate(this.options.clock.now()));
    this.panel.title = l10n.t('Timesheet {0}', weekLabel);
    const readOnly = this.readOnly();
    this.drawn = this.panel.visible ? new Promise((resolve) => (this.markDrawn = resolve)) : Promise.resolve();
    this.panel.webview.html = timesheetHtml({
      cspSource: this.panel.webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      sheet: this.sheet,
      weekLabel,
      hourFormat: this.options.settings.hourFormat,
      language: vscode.env.language,
      ...(readOnly !== undefined ? { readOnly } : {}),
      ...(this.notice ? { notice: this.notice } : {}),
    });
  }

  /** Why the shown week cannot change: the service's refusal, or its approved time. */
  private readOnly(): string | undefined {
    if (this.refusal !== undefined) {
      return this.refusal;
    }
    return this.sheet?.approved ? l10n.t('Intervals has approved time of this week; it can no longer be changed.') : undefined;
  }

  private async edit(key: string, date: string, value: string): Promise<void> {
    const sheet = this.sheet;
    const row = sheet?.rows.find((each) => each.key === key);
    const cell = row?.cells.find((each) => each.date === date);
    const writes = this.writes;
    if (!sheet || !row || !cell || !writes) {
      return;
    }
    if (this.readOnly() !== undefined) {
      this.notice = { kind: 'error', text: l10n.t('This week is read-only: {0}', this.readOnly() ?? '') };
      return;
    }
    const dayHours = sheet.days.find((day) => day.date === date)?.hours ?? 0;
    const context = { writes, asker: this.options.asker, rounding: this.options.settings.rounding, hourFormat: this.options.settings.hourFormat };
    this.tell(await applyCell(context, row, cell, dayHours, value));
  }

  private tell(result: CellResult): void {
    if (result.status === 'refused') {
      this.notice = { kind: 'error', text: result.message };
      if (result.locked) {
        this.refusal = result.message;
      }
    } else if (result.status === 'waiting') {
      this.notice = { kind: 'info', text: result.message };
    }
  }

  private async addRow(): Promise<void> {
    await this.drawn;
    const spec = await this.writes?.pickRow();
    if (spec) {
      this.addRows([spec]);
    }
  }

  private async copyLastWeek(): Promise<void> {
    const api = this.options.session.client;
    const state = this.options.session.state;
    if (!api || !state.signedIn) {
      return;
    }
    const last = shiftWeek(this.start, -1);
    try {
      const entries = await api.listAllTime({ personId: state.account.personId, dateBegin: last.start, dateEnd: last.end });
      const rows = rowsOf(entries);
      this.addRows(rows);
      this.notice = { kind: 'info', text: rows.length === 0 ? l10n.t('Last week has no time to copy rows from.') : l10n.t('Copied {0} rows of last week.', rows.length) };
    } catch (error) {
      this.notice = { kind: 'error', text: l10n.t('Could not load last week: {0}', error instanceof Error ? error.message : String(error)) };
    }
  }

  private addRows(rows: readonly SheetRowSpec[]): void {
    const list = this.extraRows.get(this.start) ?? [];
    const keys = new Set(list.map(rowKey));
    this.extraRows.set(this.start, [...list, ...rows.filter((row) => !keys.has(rowKey(row)))]);
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.panel?.dispose();
  }
}

function toDisposable(subscription: { dispose(): void }): vscode.Disposable {
  return { dispose: () => subscription.dispose() };
}

/** The page says it has loaded. */
function isDrawn(message: unknown): boolean {
  return message !== null && typeof message === 'object' && (message as { type?: unknown }).type === 'drawn';
}

function pageMessage(message: unknown): PageMessage | undefined {
  if (message === null || typeof message !== 'object') {
    return undefined;
  }
  const { type, row, date, value } = message as Record<string, unknown>;
  if (type === 'edit') {
    return typeof row === 'string' && typeof date === 'string' && typeof value === 'string' ? { type, row, date, value } : undefined;
  }
  return type === 'addRow' || type === 'copyLastWeek' || type === 'previousWeek' || type === 'nextWeek' ? { type } : undefined;
}
