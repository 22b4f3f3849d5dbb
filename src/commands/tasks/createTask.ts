import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { Task } from '../../api/types';
import type { AccountGuard } from '../../auth/accountGuard';
import type { SessionState } from '../../auth/accountSession';
import type { DataChanges } from '../../common/dataChanges';
import { defuseLinks } from '../../common/untrustedText';
import { accountKey, LastAnswers } from '../../prompts/lastAnswers';
import { taskMadeBy } from '../../tasks/unansweredCreate';
import { taskLabel } from '../../tasks/taskReference';
import { argumentObject, projectIdFrom } from '../args';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';
import { createOnce, EARLIER_ATTEMPT_KEY, earlierAttempt, invalidArgument, pick, sendWrite, type WriteContext, type WriteResult } from '../writes';
import { askTask, type TaskFormContext } from './createTaskSteps';
import { announceTask, taskArgument, taskInputFromArgument } from './taskInput';

const LAST_ANSWERS_KEY = 'intervals.lastAnswers.newTask';

export interface CreateTaskDependencies extends WriteContext, TaskFormContext {
  readonly guard: Pick<AccountGuard, 'clientAsking'>;
  readonly session: { readonly state: SessionState };
  readonly changes: Pick<DataChanges, 'fire'>;
  /** Where the last answers are kept (globalState). */
  readonly memento: vscode.Memento;
  /** The project linked to the folder the user works in, the project step's default. */
  readonly preferredProject?: () => number | undefined;
}

/**
 * `intervals.createTask`: project, module, title, status, priority, owner, assignees, open and
 * due dates, description, then `POST /task/`; offers to start a timer on the new task. Run on a
 * project node it asks from the module on; an argument object with a `title` asks nothing. A
 * failed create offers Retry with such an argument; after an attempt that may have reached
 * Intervals it carries `earlierAttemptAt`, and the task that attempt made is looked for first.
 */
export function createTaskCommand(deps: CreateTaskDependencies): Command {
  return {
    id: 'intervals.createTask',
    arguments: argumentKeys('intervals.createTask'),
    async execute(arg?: unknown): Promise<WriteResult<Task>> {
      const api = await deps.guard.clientAsking(l10n.t('Sign in to Intervals to create a task.'));
      const account = deps.session.state;
      if (!api || !account.signedIn) {
        return { status: 'cancelled' };
      }
      const today = deps.clock.now();
      const options = argumentObject(arg) ?? {};
      const projectId = projectIdFrom(arg);
      if (options.projectId !== undefined && projectId === undefined) {
        return invalidArgument(l10n.t('"{0}" is not a project id.', String(options.projectId)));
      }
      const earlier = earlierAttempt(options);
      if (typeof earlier === 'string') {
        return invalidArgument(earlier);
      }
      const prompted = typeof options.title !== 'string';
      const answers = new LastAnswers(deps.memento, LAST_ANSWERS_KEY);
      const accountName = accountKey(account.account);
      const personId = account.account.personId;
      const input = prompted
        ? await askTask(deps, { projectId, personId, today, remembered: withPreferredProject(answers.ids(accountName), deps.preferredProject?.()) })
        : await taskInputFromArgument(deps, options, projectId, personId, today);
      if (typeof input === 'string') {
        return invalidArgument(input);
      }
      if (!input) {
        return { status: 'cancelled' };
      }
      const result = await sendWrite(
        deps,
        l10n.t('Could not create the task'),
        () =>
          createOnce(
            deps,
            'task',
            earlier,
            async (since) => taskMadeBy(input, since, await api.listAllTasks({ projectId: input.projectId, title: input.title })),
            () => api.createTask(input),
          ),
        { command: 'intervals.createTask', argument: { ...taskArgument(input), ...pick(options, EARLIER_ATTEMPT_KEY) }, creates: true },
      );
      if (result.status === 'done') {
        if (prompted) {
          await answers.remember(accountName, { projectId: input.projectId, statusId: input.statusId, priorityId: input.priorityId });
        }
        announceTask(deps, result.item, input.projectId);
        offerTimer(result.item);
      }
      return result;
    },
  };
}

/** The next thing after a new task is usually to work on it. */
function offerTimer(task: Task): void {
  const startTimer = l10n.t({ message: 'Start Timer', comment: ['Button: starts a timer on the new task'] });
  void vscode.window.showInformationMessage(defuseLinks(l10n.t('Created task {0}.', taskLabel(task))), startTimer).then(async (choice) => {
    if (choice === startTimer) {
      await vscode.commands.executeCommand('intervals.startTimer', { taskId: task.id });
    }
  });
}

/** The folder's project, when linked, is offered before the last new task's. */
function withPreferredProject(remembered: Record<string, number>, projectId: number | undefined): Record<string, number> {
  return projectId === undefined ? remembered : { ...remembered, projectId };
}
