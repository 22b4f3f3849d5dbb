import { randomBytes } from 'node:crypto';
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { TimeEntry } from '../../api/types';
import type { AccountSession, SessionState } from '../../auth/accountSession';
import type { Logger } from '../../common/logger';
import type { Notifier } from '../../common/notifier';
import { timeEntriesCsv } from '../../timeReport/csv';
import type { TimeReport } from '../../timeReport/reportModel';
import type { HourFormat } from '../../time/duration';
import { timeReportHtml } from './timeReportHtml';
import { defuseLinks } from '../../common/untrustedText';
import { exportedActions, openOrReveal } from './exportedFile';

/**
 * The one "Time Report" editor tab: a new report replaces the one shown. The page only asks
 * for an export; the save dialog and the file write happen here, on the extension side.
 */
export class TimeReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private shown: { report: TimeReport; entries: readonly TimeEntry[] } | undefined;
  /** Whose report the tab shows (`apiUrl#personId`). */
  private shownFor: string | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly log: Logger,
    /** A report is its account's: it closes when that account signs out or another signs in. */
    private readonly session: Pick<AccountSession, 'state' | 'onDidChange'>,
    private readonly notifier: Pick<Notifier, 'offer'>,
    /** How the page writes amounts of time (`intervals.hourFormat`), read at each render. */
    private readonly hourFormat: () => HourFormat,
  ) {
    this.subscription = session.onDidChange((state) => {
      if (this.panel && ownerOf(state) !== this.shownFor) {
        this.log.info('Closed the time report of the account that signed out');
        this.panel.dispose();
      }
    });
  }

  /** The page's HTML as last rendered. */
  get html(): string | undefined {
    return this.panel?.webview.html;
  }

  show(report: TimeReport, entries: readonly TimeEntry[]): void {
    this.shown = { report, entries };
    this.shownFor = ownerOf(this.session.state);
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('intervals.timeReport', l10n.t('Time Report'), vscode.ViewColumn.Active, {
        enableScripts: true,
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.shown = undefined;
      });
      this.panel.webview.onDidReceiveMessage((message: unknown) => {
        if (message !== null && typeof message === 'object' && (message as { type?: unknown }).type === 'exportCsv') {
          void this.exportCsv();
        }
      });
    }
    this.panel.title = l10n.t('Time Report {0} – {1}', report.range.start, report.range.end);
    this.render();
    this.panel.reveal(undefined, false);
  }

  /** Draws the shown report again (the hour format changed); nothing when none is shown. */
  render(): void {
    if (this.panel && this.shown) {
      const page = { cspSource: this.panel.webview.cspSource, nonce: randomBytes(16).toString('base64'), report: this.shown.report, hourFormat: this.hourFormat(), language: vscode.env.language };
      this.panel.webview.html = timeReportHtml(page);
    }
  }

  /** Writes the shown report's entries as CSV to `target`, or where the user chooses. */
  async exportCsv(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const shown = this.shown;
    if (!shown) {
      return undefined;
    }
    const { range, person } = shown.report;
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        title: l10n.t('Export Time Report'),
        saveLabel: l10n.t({ message: 'Export', comment: ['Button of the save dialog that exports the time report'] }),
        filters: { CSV: ['csv'] },
        defaultUri: vscode.Uri.joinPath(
          vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(process.env.HOME ?? '/'),
          `time-${person.name.replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase()}-${range.start}-${range.end}.csv`,
        ),
      }));
    if (!uri) {
      return undefined;
    }
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(timeEntriesCsv(shown.entries)));
      this.log.info(`Exported ${shown.entries.length} time entries`);
      if (!target) {
        // Not awaited: the notification would hold the export until it is answered.
        void this.notifier.offer('information', exportedMessage(shown.entries.length, vscode.workspace.asRelativePath(uri)), exportedActions(uri), (choice) =>
          openOrReveal(uri, choice),
        );
      }
      return uri;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.log.error(`Could not export the time report: ${reason}`);
      void vscode.window.showErrorMessage(defuseLinks(l10n.t('Could not export the time report. {0}', reason)));
      return undefined;
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.panel?.dispose();
  }
}

function ownerOf(state: SessionState): string | undefined {
  return state.signedIn ? `${state.account.apiUrl}#${state.account.personId}` : undefined;
}

function exportedMessage(count: number, path: string): string {
  return count === 1 ? l10n.t('Exported 1 entry to {0}', path) : l10n.t('Exported {0} entries to {1}', count, path);
}
