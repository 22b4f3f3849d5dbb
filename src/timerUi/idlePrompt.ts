import * as vscode from 'vscode';
import type { TaskSummary } from '../tasks/taskReference';
import { taskLabel } from '../tasks/taskReference';
import { formatDuration } from '../time/duration';
import type { IdleChoice } from '../timer/timerModel';
import { defuseLinks } from '../common/untrustedText';

export interface IdleQuestion {
  readonly idleSeconds: number;
  readonly idleStart: Date;
  readonly task: TaskSummary | undefined;
}

/** Asks what to do with the idle time; undefined (dismissed) keeps it, as if nothing was asked. */
export type IdleAsker = (question: IdleQuestion) => Promise<IdleChoice | undefined>;

const KEEP = 'Keep Time';
const DISCARD = 'Discard Idle Time';
const STOP = 'Stop Timer When Idle Began';

/** A non-modal notification: the user may answer later, the timer runs on meanwhile. */
export const askIdleChoice: IdleAsker = async (question) => {
  const since = question.idleStart.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  const on = question.task ? ` on ${taskLabel(question.task)}` : '';
  const answer = await vscode.window.showInformationMessage(
    defuseLinks(`You were away for ${formatDuration(question.idleSeconds)} (since ${since}) while the timer${on} ran.`),
    KEEP,
    DISCARD,
    STOP,
  );
  switch (answer) {
    case DISCARD:
      return 'discard';
    case STOP:
      return 'stopAtIdleStart';
    case KEEP:
      return 'keep';
    default:
      return undefined;
  }
};
