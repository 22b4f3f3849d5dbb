import * as l10n from '@vscode/l10n';
import type { IntervalsClient } from '../api/client';
import type { TaskNote } from '../api/types';
import { escapeMarkdown } from '../common/untrustedText';
import { plainText } from './taskPresentation';

/** How many of a task's notes its tooltip shows, newest first. */
export const LATEST_NOTES = 3;

/** The longest start of a note a tooltip shows. */
const NOTE_START = 200;

/** A task's latest notes, read when asked (a tooltip opening), never kept. */
export class TaskNotes {
  constructor(private readonly api: () => Pick<IntervalsClient, 'listTaskNotes'> | undefined) {}

  async latest(taskId: number, signal?: AbortSignal): Promise<readonly TaskNote[]> {
    const client = this.api();
    if (!client) {
      return [];
    }
    const page = await client.listTaskNotes({ taskId, sortField: 'date', sortDir: 'DESC' }, { limit: LATEST_NOTES, signal });
    return page.items.slice(0, LATEST_NOTES);
  }
}

/**
 * The tooltip's notes section, as Markdown in which every character of the service's text is
 * escaped: a note's HTML is reduced to its words, and no link, image or HTML can form.
 */
export function latestNotesMarkdown(notes: readonly TaskNote[]): string {
  if (notes.length === 0) {
    return `*${escapeMarkdown(l10n.t('No notes yet.'))}*`;
  }
  const lines = [`**${escapeMarkdown(l10n.t('Latest notes'))}**`, ''];
  for (const note of notes) {
    const text = plainText(note.note);
    const start = text.length > NOTE_START ? `${text.slice(0, NOTE_START).trimEnd()}…` : text;
    const who = note.author ?? l10n.t('Someone');
    const when = note.date?.slice(0, 10) ?? '';
    const heading = note.public ? l10n.t('{0}, {1}, public:', who, when) : l10n.t('{0}, {1}, private:', who, when);
    lines.push(`- ${escapeMarkdown(heading)} ${escapeMarkdown(start)}`);
  }
  return lines.join('\n');
}
