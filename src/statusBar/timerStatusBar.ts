import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { renderStatusItem } from './statusItemRenderer';
import type { StatusBarSink, TimerStatusView } from './timerStatusBarController';

export const TIMER_STATUS_ITEM_ID = 'intervals.timer';

/**
 * The one status bar item of the timers. It only mirrors the view the controller computed; the
 * tooltip is plain text because task, project and client names come from the service.
 */
export class TimerStatusBarItem implements StatusBarSink, vscode.Disposable {
  private readonly item: vscode.StatusBarItem;

  constructor() {
    this.item = vscode.window.createStatusBarItem(TIMER_STATUS_ITEM_ID, vscode.StatusBarAlignment.Left, 50);
    this.item.name = l10n.t('Intervals Timer');
    this.item.command = 'intervals.showTimers';
  }

  render(view: TimerStatusView): void {
    renderStatusItem(this.item, view);
  }

  dispose(): void {
    this.item.dispose();
  }
}
