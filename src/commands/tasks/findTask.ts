import * as l10n from '@vscode/l10n';
import type { Task } from '../../api/types';
import type { TaskActions } from '../../views/tasks/taskActions';
import type { TaskReveal } from '../../views/tasks/taskReveal';
import { argumentObject } from '../args';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';
import { askForTaskOrExtra, type TaskLookup } from './chosenTask';

/** What `{ pick: true, generalTimer: true }` returns when "General timer…" is chosen instead of a task. */
export interface GeneralTimerChosen {
  readonly generalTimer: true;
}

/**
 * `intervals.findTask`: a quick pick over every open task, recent ones first. Choosing one
 * reveals it in the tree and offers the task actions. With `{ pick: true, title? }` it only
 * asks and returns the chosen task (how other commands ask for a task); `value` starts the
 * filter text; `action` (e.g. `intervals.copyTaskId`) runs that task action without offering them;
 * `generalTimer: true` (with `pick`) also offers "General timer…" (Start Timer's picker).
 */
export function findTaskCommand(lookup: TaskLookup, reveal: Pick<TaskReveal, 'revealTask'>, actions: Pick<TaskActions, 'offer'>): Command {
  return {
    id: 'intervals.findTask',
    arguments: argumentKeys('intervals.findTask'),
    async execute(arg?: unknown): Promise<Task | GeneralTimerChosen | undefined> {
      const options = argumentObject(arg) ?? {};
      const title = typeof options.title === 'string' && options.title.trim() !== '' ? options.title : l10n.t('Find Task');
      const value = typeof options.value === 'string' ? options.value : undefined;
      const general = options.pick === true && options.generalTimer === true;
      const task = await askForTaskOrExtra(lookup, title, value, general ? { icon: 'watch', label: l10n.t('General timer…'), description: l10n.t('a timer with a name, not on a task') } : undefined);
      if (task === 'extra') {
        return { generalTimer: true };
      }
      if (!task || options.pick === true) {
        return task;
      }
      await reveal.revealTask(task);
      await actions.offer(task, typeof options.action === 'string' ? options.action : undefined);
      return task;
    },
  };
}
