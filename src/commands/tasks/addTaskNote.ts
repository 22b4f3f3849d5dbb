import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { TaskNote } from '../../api/types';
import { escapeIcons } from '../../common/untrustedText';
import { runSteps, settle } from '../../prompts/asker';
import { taskIdFrom, taskLabel } from '../../tasks/taskReference';
import { argumentObject } from '../args';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';
import { invalidArgument, sendWrite, type WriteResult } from '../writes';
import { taskToUpdate, type TaskUpdateDependencies } from './taskUpdate';

const COMMAND = 'intervals.addTaskNote';

/** The longest note the form accepts (Intervals stores notes as long text). */
export const MAX_NOTE_LENGTH = 10_000;

/** `intervals.addTaskNote`: a public or private note on a task, `POST /tasknote/`. `{ taskId, note, public? }` asks nothing. */
export function addTaskNoteCommand(deps: TaskUpdateDependencies): Command {
  return {
    id: COMMAND,
    arguments: argumentKeys('intervals.addTaskNote'),
    async execute(arg?: unknown): Promise<WriteResult<TaskNote>> {
      const api = await deps.guard.clientAsking(l10n.t('Sign in to Intervals to add a note.'));
      if (!api) {
        return { status: 'cancelled' };
      }
      const options = argumentObject(arg) ?? {};
      if (options.note !== undefined) {
        const taskId = taskIdFrom(arg);
        const note = typeof options.note === 'string' ? options.note.trim() : '';
        if (taskId === undefined || note === '' || note.length > MAX_NOTE_LENGTH) {
          return invalidArgument(l10n.t('Give a task id and a note of 1 to {0} characters.', String(MAX_NOTE_LENGTH)));
        }
        return postNote(deps, taskId, note, options.public === true);
      }
      const task = await taskToUpdate(deps, api, arg, l10n.t('Add Note: Choose a Task'));
      if (!task) {
        return { status: 'cancelled' };
      }
      const answers = await askNote(deps, taskLabel(task));
      return answers ? postNote(deps, task.id, answers.note, answers.public) : { status: 'cancelled' };
    },
  };
}

async function askNote(deps: TaskUpdateDependencies, label: string): Promise<{ note: string; public: boolean } | undefined> {
  let note = '';
  let isPublic = false;
  const done = await runSteps(l10n.t('Add Note to {0}', label), [
    async (position) =>
      settle(
        await deps.asker.input({
          ...position,
          prompt: l10n.t('The note'),
          value: note,
          validate: (value) => (value.trim() === '' ? l10n.t('Type the note.') : value.length > MAX_NOTE_LENGTH ? l10n.t('A note holds at most {0} characters.', String(MAX_NOTE_LENGTH)) : undefined),
        }),
        (value) => {
          note = value.trim();
        },
      ),
    async (position) =>
      settle(
        await deps.asker.pick({
          ...position,
          placeholder: l10n.t('Who may read the note?'),
          items: [
            { icon: 'lock', label: l10n.t('Private'), description: l10n.t('Your team only'), value: false },
            { icon: 'globe', label: l10n.t('Public'), description: l10n.t('Also the client'), value: true },
          ],
          active: isPublic,
        }),
        (value) => {
          isPublic = value;
        },
      ),
  ]);
  return done && note !== '' ? { note, public: isPublic } : undefined;
}

async function postNote(deps: TaskUpdateDependencies, taskId: number, note: string, isPublic: boolean): Promise<WriteResult<TaskNote>> {
  const api = await deps.guard.clientAsking(l10n.t('Sign in to Intervals to add a note.'));
  if (!api) {
    return { status: 'cancelled' };
  }
  // No Retry button: a failed attempt may have reached Intervals, and a second one would post the note twice.
  const result = await sendWrite(deps, l10n.t('Could not add the note'), () => api.createTaskNote({ taskId, note, public: isPublic }));
  if (result.status === 'done') {
    deps.log.info(`Added note ${result.item.id} to task ${taskId}`);
    deps.changes.fire({ resource: 'tasknote', id: result.item.id, item: result.item });
    vscode.window.setStatusBarMessage(escapeIcons(isPublic ? l10n.t('Added a public note to task {0}', String(taskId)) : l10n.t('Added a private note to task {0}', String(taskId))), 5000);
  }
  return result;
}
