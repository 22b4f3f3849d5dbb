import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { TimeLogSync } from '../timeLog/timeLogSync';
import { renderStatusItem } from './statusItemRenderer';
import { NOTHING_WAITING, waitingEntriesView, type WaitingEntriesView } from './waitingEntriesStatus';

export const WAITING_STATUS_ITEM_ID = 'intervals.waitingEntries';

/** Shows, while any time entry waits in the outbox, how many; a click opens My Time. */
export class WaitingEntriesStatusBarItem implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscription: vscode.Disposable;
  private shown: WaitingEntriesView = NOTHING_WAITING;

  constructor(sync: TimeLogSync) {
    // Just right of the timer, which has priority 50.
    this.item = vscode.window.createStatusBarItem(WAITING_STATUS_ITEM_ID, vscode.StatusBarAlignment.Left, 49);
    this.item.name = l10n.t('Intervals Entries Waiting to Sync');
    // The command VS Code contributes for every view: it opens and focuses My Time.
    this.item.command = 'intervals.time.focus';
    let changed = false;
    this.subscription = sync.onDidChangeWaiting((items) => {
      changed = true;
      this.render(waitingEntriesView(items.filter((item) => item.kind === 'time')));
    });
    // What an earlier session left waiting; a change seen meanwhile is newer.
    void sync.waiting().then(
      (items) => changed || this.render(waitingEntriesView(items)),
      () => undefined,
    );
  }

  /** What the item shows now. */
  get view(): WaitingEntriesView {
    return this.shown;
  }

  private render(view: WaitingEntriesView): void {
    this.shown = view;
    renderStatusItem(this.item, view);
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
