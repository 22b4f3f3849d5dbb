import * as vscode from 'vscode';
import type { IntervalsClient } from '../../api/client';
import type { TimeEntry } from '../../api/types';
import { positiveId } from '../../tasks/taskReference';
import { dayLabel } from './dayNode';
import { entrySummary, entryTitle } from './entryNode';
import type { MyTimeView } from './myTimeView';
import { escapeIcons } from '../../common/untrustedText';

/**
 * The time entry a command was given: a My Time node (`{ entry }`), or `{ entryId }` / `{ id }`
 * (looked up in the shown week, else asked of the service). Without one, the user picks an
 * entry of the shown week.
 */
export async function entryFrom(
  arg: unknown,
  view: MyTimeView,
  api: IntervalsClient,
  placeholder: string,
): Promise<TimeEntry | undefined> {
  if (arg !== null && typeof arg === 'object') {
    const record = arg as { entry?: TimeEntry; entryId?: unknown; id?: unknown };
    if (record.entry && typeof record.entry.id === 'number') {
      return record.entry;
    }
    const id = positiveId(record.entryId ?? record.id);
    if (id !== undefined) {
      return view.findEntry(id) ?? (await api.getTime(id));
    }
  }
  if (view.entries.length === 0) {
    await view.reload();
  }
  const entries = view.entries;
  if (entries.length === 0) {
    void vscode.window.showInformationMessage('The shown week has no time entries.');
    return undefined;
  }
  const chosen = await vscode.window.showQuickPick(
    entries.map((entry) => ({ label: escapeIcons(entryTitle(entry)), description: escapeIcons(`${dayLabel(entry.date)} · ${entrySummary(entry)}`), entry })),
    { title: 'Time Entries of the Week', placeHolder: placeholder, matchOnDescription: true },
  );
  return chosen?.entry;
}
