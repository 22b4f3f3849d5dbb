import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Notifier } from './notifier';

/** What was found damaged: why, how much of it could be read, and where the copy was put. */
export interface DamageReport {
  readonly reason: string;
  readonly kept: number;
  readonly copy: string;
}

const SHOW_LOG = 'Show Log';
const SHOW_SET_ASIDE = 'Show Set-Aside Data';

/** What the user reads when saved timers or waiting entries were found damaged. */
export function damageMessage(what: string, report: DamageReport): string {
  const kept = report.kept === 1 ? '1 record was' : `${report.kept} records were`;
  return (
    `Saved Intervals ${what} on this computer were damaged (${report.reason}). ${kept} kept; ` +
    `a copy of the damaged file was set aside as ${path.basename(report.copy)}.`
  );
}

/**
 * Tells the user once per damaged file, with the log and the set-aside copies a click away. Runs
 * whichever window found the damage; the work goes on with what could be read.
 */
export function reportDamage(notifier: Notifier, what: string, report: DamageReport): void {
  void notifier.offer('warning', damageMessage(what, report), [SHOW_LOG, SHOW_SET_ASIDE], (choice) =>
    vscode.commands.executeCommand(choice === SHOW_LOG ? 'intervals.showLog' : 'intervals.showSetAsideData'),
  );
}
