import * as l10n from '@vscode/l10n';
import type { Task } from '../api/types';
import { summarizeTask, type TaskSummary } from '../tasks/taskReference';
import type { WaitReason } from './timeLogSync';

/** What the user has answered so far in Log Time (or gave in its argument). */
export interface LogTimeAnswers {
  task?: Task | TaskSummary;
  date?: string;
  hoursText?: string;
  hours?: number;
  workTypeId?: number;
  billable?: boolean;
  description?: string;
  /** The timer the entry comes from (Stop Timer and Log), deleted once the entry is logged. */
  timerId?: number;
  /** Started by Stop Timer and Log, with or without a timer id. */
  fromTimer?: boolean;
}

/** A command and its argument, run by a notification's button. */
export interface FollowUp {
  readonly command: string;
  readonly args: Record<string, unknown>;
}

/**
 * What opens Log Time again with every answer given so far filled in. An entry made from a timer
 * goes back through Stop Timer instead, which reads the timer's time again (it may have run on)
 * and deletes the timer once the entry is in, whether or not Intervals knows the timer yet.
 */
export function retryArguments(values: LogTimeAnswers): FollowUp {
  const task = values.task ? { taskId: values.task.id, task: summarizeTask(values.task) } : {};
  const rest = {
    ...(values.workTypeId !== undefined ? { worktypeId: values.workTypeId } : {}),
    ...(values.billable !== undefined ? { billable: values.billable } : {}),
    ...(values.description !== undefined ? { description: values.description } : {}),
    prompt: true,
  };
  if (values.fromTimer) {
    return { command: 'intervals.stopTimer', args: { ...(values.task ? { taskId: values.task.id } : {}), ...rest } };
  }
  return {
    command: 'intervals.logTime',
    args: {
      ...task,
      ...(values.date !== undefined ? { date: values.date } : {}),
      ...(values.hoursText !== undefined ? { hours: values.hoursText } : values.hours !== undefined ? { hours: values.hours } : {}),
      ...rest,
    },
  };
}

/** What the user is told about an entry that waits, by why it waits. */
export function waitingMessage(reason: WaitReason, what: string): string {
  switch (reason) {
    case 'serverError':
      return l10n.t('Intervals answered with a server error. {0} is kept and will be sent again shortly (see My Time).', what);
    case 'rateLimited':
      return l10n.t('Intervals asked to slow down (too many requests). {0} is kept and will be sent once it allows (see My Time).', what);
    case 'signedOut':
      return l10n.t('Intervals refused the API token. {0} is kept and will be sent once you sign in again (see My Time).', what);
    case 'otherWindow':
      return l10n.t('{0} is being sent, or was just sent, by another VS Code window (see My Time).', what);
    default:
      return l10n.t('Intervals could not be reached. {0} is kept and will be sent when the connection is back (see My Time).', what);
  }
}
