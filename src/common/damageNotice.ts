import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Notifier } from './notifier';

/** What was found damaged: why, how much of it could be read, and where the copy was put. */
export interface DamageReport {
  readonly reason: string;
  readonly kept: number;
  readonly copy: string;
}

/** What was found damaged: the saved timers, or the time entries waiting to be sent. */
export type DamagedData = 'timers' | 'waitingEntries';

/** What the user reads when saved timers or waiting entries were found damaged. */
export function damageMessage(what: DamagedData, report: DamageReport): string {
  const copy = path.basename(report.copy);
  if (what === 'timers') {
    return report.kept === 1
      ? l10n.t('Saved Intervals timers on this computer were damaged ({0}). 1 record was kept; a copy of the damaged file was set aside as {1}.', report.reason, copy)
      : l10n.t('Saved Intervals timers on this computer were damaged ({0}). {1} records were kept; a copy of the damaged file was set aside as {2}.', report.reason, report.kept, copy);
  }
  return report.kept === 1
    ? l10n.t(
        'Saved Intervals time entries waiting to be sent on this computer were damaged ({0}). 1 record was kept; a copy of the damaged file was set aside as {1}.',
        report.reason,
        copy,
      )
    : l10n.t(
        'Saved Intervals time entries waiting to be sent on this computer were damaged ({0}). {1} records were kept; a copy of the damaged file was set aside as {2}.',
        report.reason,
        report.kept,
        copy,
      );
}

/**
 * Tells the user once per damaged file, with the log and the set-aside copies a click away. Runs
 * whichever window found the damage; the work goes on with what could be read.
 */
export function reportDamage(notifier: Notifier, what: DamagedData, report: DamageReport): void {
  const showLog = l10n.t('Show Log');
  void notifier.offer('warning', damageMessage(what, report), [showLog, l10n.t('Show Set-Aside Data')], (choice) =>
    vscode.commands.executeCommand(choice === showLog ? 'intervals.showLog' : 'intervals.showSetAsideData'),
  );
}
