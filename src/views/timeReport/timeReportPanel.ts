import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { TimeEntry } from '../../api/types';
import type { Logger } from '../../common/logger';
import { timeEntriesCsv } from '../../timeReport/csv';
import type { TimeReport } from '../../timeReport/reportModel';
import type { HourFormat } from '../../time/duration';
import { timeReportHtml } from './timeReportHtml';
import { defuseLinks } from '../../common/untrustedText';

/**
 * The one "Time Report" editor tab: a new report replaces the one shown. The page only asks
 * for an export; the save dialog and the file write happen here, on the extension side.
 */
export class TimeReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private shown: { report: TimeReport; entries: readonly TimeEntry[] } | undefined;

  constructor(
    private readonly log: Logger,
    /** How the page writes amounts of time (`intervals.hourFormat`), read at each render. */
    private readonly hourFormat: () => HourFormat,
  ) {}

  /** The page's HTML as last rendered. */
  get html(): string | undefined {
    return this.panel?.webview.html;
  }

  show(report: TimeReport, entries: readonly TimeEntry[]): void {
    this.shown = { report, entries };
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('intervals.timeReport', 'Time Report', vscode.ViewColumn.Active, {
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
    this.panel.title = `Time Report ${report.range.start} – ${report.range.end}`;
    this.render();
    this.panel.reveal(undefined, false);
  }

  /** Draws the shown report again (the hour format changed); nothing when none is shown. */
  render(): void {
    if (this.panel && this.shown) {
      const page = { cspSource: this.panel.webview.cspSource, nonce: randomBytes(16).toString('base64'), report: this.shown.report, hourFormat: this.hourFormat() };
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
        title: 'Export Time Report',
        saveLabel: 'Export',
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
        vscode.window.setStatusBarMessage(`Exported the time report to ${vscode.workspace.asRelativePath(uri)}`, 5000);
      }
      return uri;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.log.error(`Could not export the time report: ${reason}`);
      void vscode.window.showErrorMessage(defuseLinks(`Could not export the time report. ${reason}`));
      return undefined;
    }
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
