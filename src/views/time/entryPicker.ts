import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { TimeEntry } from '../../api/types';
import { defuseLinks, escapeIcons } from '../../common/untrustedText';
import type { MyTimeView } from './myTimeView';
import { dayLabel } from './nodes/dayNode';
import { entrySummary, entryTitle } from './nodes/entryNode';

/** The user picks an entry of the week My Time shows (loaded first if it is not); undefined (told) when it has none. */
export async function pickShownEntry(view: Pick<MyTimeView, 'entries' | 'reload' | 'hourFormat'>, placeholder: string): Promise<TimeEntry | undefined> {
  if (view.entries.length === 0) {
    await view.reload();
  }
  const entries = view.entries;
  if (entries.length === 0) {
    void vscode.window.showInformationMessage(defuseLinks(l10n.t('The shown week has no time entries.')));
    return undefined;
  }
  const chosen = await vscode.window.showQuickPick(
    entries.map((entry) => ({ label: escapeIcons(entryTitle(entry)), description: escapeIcons(`${dayLabel(entry.date)} · ${entrySummary(entry, view.hourFormat)}`), entry })),
    { title: l10n.t('Time Entries of the Week'), placeHolder: placeholder, matchOnDescription: true },
  );
  return chosen?.entry;
}
