import * as l10n from '@vscode/l10n';
import { isIntervalsError } from '../api/errors';
import type { Task } from '../api/types';
import type { ChatToolDependencies, ToolContext } from './chatTool';
import { matchTask, taskReference } from './chatResolution';
import { withCandidates } from './chatText';

export type FoundTask = { ok: true; task: Task } | { ok: false; message: string };

/**
 * The task a model's `task` input names: an id is fetched, a `#number` and words are looked up
 * among the open tasks Find Task searches (a `#number` of a closed task is asked of Intervals).
 * Never a guess: several fitting tasks are refused with the candidates listed.
 */
export async function findTask(deps: Pick<ChatToolDependencies, 'catalog'>, context: ToolContext, value: unknown): Promise<FoundTask> {
  const reference = taskReference(value);
  if (!reference.ok) {
    return reference;
  }
  const ref = reference.value;
  if (ref.kind === 'id') {
    // Only "no such task" is an answer here; a failure to ask is reported as one. (This bundle has
    // its own copy of the error class, hence the check that works across bundles.)
    const task = await context.api.getTask(ref.id).catch((error: unknown) => {
      if (isIntervalsError(error) && error.kind === 'notFound') {
        return undefined;
      }
      throw error;
    });
    return task ? { ok: true, task } : { ok: false, message: l10n.t('No task has the id {0}. Use intervals_findTasks to find the task.', ref.id) };
  }
  const open = await deps.catalog.openTasks();
  const match = matchTask(ref, open);
  if (match.ok) {
    return match;
  }
  if (ref.kind === 'localId') {
    const closed = (await context.api.listTasks({ localId: ref.localId })).items.find((task) => task.localId === ref.localId);
    if (closed) {
      return { ok: true, task: closed };
    }
  }
  return { ok: false, message: withCandidates(match.message, match.candidates) };
}
