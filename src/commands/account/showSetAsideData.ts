import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { listSetAside } from '../../outbox/setAside';
import { nodeStateFileSystem } from '../../outbox/stateFileSystem';
import type { Command } from '../command';
import { defuseLinks } from '../../common/untrustedText';
import { displayLocale } from '../../time/displayLocale';

export type ShowSetAsideResult = { status: 'opened'; file: string } | { status: 'none' } | { status: 'cancelled' };

/**
 * `intervals.showSetAsideData`: the copies of damaged timer and waiting-entry files kept in the
 * extension's storage, newest first; the one chosen opens in an editor, to recover what it holds.
 */
export function showSetAsideDataCommand(folder: string): Command {
  return {
    id: 'intervals.showSetAsideData',
    async execute(): Promise<ShowSetAsideResult> {
      const copies = await listSetAside(nodeStateFileSystem(), folder);
      if (copies.length === 0) {
        void vscode.window.showInformationMessage(defuseLinks(l10n.t('No damaged Intervals data was set aside on this computer.')));
        return { status: 'none' };
      }
      const picked = await vscode.window.showQuickPick(
        copies.map((file) => ({ label: path.basename(file), description: setAsideWhen(file), file })),
        { title: l10n.t('Intervals: Data Set Aside'), placeHolder: l10n.t('Copies of damaged files, newest first') },
      );
      if (!picked) {
        return { status: 'cancelled' };
      }
      await vscode.window.showTextDocument(vscode.Uri.file(picked.file), { preview: false });
      return { status: 'opened', file: picked.file };
    },
  };
}

function setAsideWhen(file: string): string {
  const stamp = Number(/\.(\d+)\.corrupt$/.exec(file)?.[1]);
  return Number.isFinite(stamp) && stamp > 0 ? new Date(stamp).toLocaleString(displayLocale()) : '';
}
