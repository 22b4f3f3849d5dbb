import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { IntervalsClient } from '../../api/client';
import type { Project, ProjectInput, Task } from '../../api/types';
import type { AccountGuard } from '../../auth/accountGuard';
import type { SessionState } from '../../auth/accountSession';
import type { DataChanges } from '../../common/dataChanges';
import { defuseLinks, escapeIcons } from '../../common/untrustedText';
import type { LookupCache } from '../../lookups/lookupCache';
import type { Asker } from '../../prompts/asker';
import { nameProblem } from '../../prompts/formRules';
import { accountKey, LastAnswers } from '../../prompts/lastAnswers';
import { projectMadeBy } from '../../tasks/unansweredCreate';
import { argumentObject } from '../args';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';
import { announceTask, taskInputFromArgument, type TaskInputContext } from '../tasks/taskInput';
import { createOnce, EARLIER_ATTEMPT_KEY, earlierAttempt, invalidArgument, load, pick, sendWrite, type WriteContext, type WriteResult } from '../writes';
import { askProject, NO_CLIENT, projectArgument, projectFromArgument } from './createProjectSteps';

const LAST_ANSWERS_KEY = 'intervals.lastAnswers.newProject';

export interface CreateProjectDependencies extends WriteContext, TaskInputContext {
  readonly guard: Pick<AccountGuard, 'clientAsking'>;
  readonly session: { readonly state: SessionState };
  readonly lookups: Pick<LookupCache, 'clients' | 'clear' | 'taskStatuses' | 'taskPriorities'>;
  readonly changes: Pick<DataChanges, 'fire'>;
  readonly asker: Asker;
  /** Where the last answers are kept (globalState). */
  readonly memento: vscode.Memento;
}

/** The new project, and with `tasks` in the argument, the tasks made in it and those that failed. */
export type CreateProjectResult =
  | Exclude<WriteResult<Project>, { status: 'done' }>
  | { status: 'done'; item: Project; tasks?: Task[]; taskFailures?: TaskFailure[] };

interface TaskFailure {
  title: string;
  message: string;
}

/**
 * `intervals.createProject`: client, name, start date, billable, active, end date and
 * description, then `POST /project/`. The new project is announced on the data-change channel
 * and revealed in the task tree. `{ clientId, name, dateStart, billable, active, dateEnd?,
 * description?, tasks? }` asks nothing; `tasks` (createTask arguments without `projectId`) are
 * made in the new project, and one that fails is told while the project is kept. A failed create
 * offers Retry with such an argument (`earlierAttemptAt` after an attempt that may have reached
 * Intervals: the project it made is looked for first).
 */
export function createProjectCommand(deps: CreateProjectDependencies): Command {
  return {
    id: 'intervals.createProject',
    arguments: argumentKeys('intervals.createProject'),
    async execute(arg?: unknown): Promise<CreateProjectResult> {
      const api = await deps.guard.clientAsking(l10n.t('Sign in to Intervals to create a project.'));
      const account = deps.session.state;
      if (!api || !account.signedIn) {
        return { status: 'cancelled' };
      }
      const today = deps.clock.now();
      const options = argumentObject(arg);
      const earlier = earlierAttempt(options ?? {});
      if (typeof earlier === 'string') {
        return invalidArgument(earlier);
      }
      const prompted = !(options && typeof options.name === 'string');
      const answers = new LastAnswers(deps.memento, LAST_ANSWERS_KEY);
      const accountName = accountKey(account.account);
      const input = prompted ? await ask(deps, api, today, answers.text(accountName, 'client')) : projectFromArgument(options, today);
      if (typeof input === 'string') {
        return invalidArgument(input);
      }
      if (!input) {
        return { status: 'cancelled' };
      }
      const taskArgs = Array.isArray(options?.tasks) ? options.tasks.map((task) => argumentObject(task) ?? {}) : [];
      const badTask = taskArgs.map((task) => nameProblem(typeof task.title === 'string' ? task.title : '', 'task title')).find(Boolean); // l10n-ignore: which sentence of the form rules
      if (badTask) {
        return invalidArgument(badTask);
      }
      const result = await send(deps, api, input, earlier, options ?? {});
      if (result.status !== 'done') {
        return result;
      }
      const project = result.item;
      if (prompted) {
        await answers.remember(accountName, { client: input.clientId !== undefined ? String(input.clientId) : NO_CLIENT });
      }
      deps.log.info(`Created project ${project.id}`);
      deps.lookups.clear('activeProjects');
      deps.changes.fire({ resource: 'project', id: project.id, item: project });
      const made = await makeTasks(deps, api, project.id, account.account.personId, today, taskArgs);
      await revealProject(project.id);
      announce(deps, project, taskArgs.length, made.taskFailures, options === undefined);
      return { ...result, ...(taskArgs.length > 0 ? made : {}) };
    },
  };
}

async function ask(deps: CreateProjectDependencies, api: IntervalsClient, today: Date, lastClient: string | undefined): Promise<ProjectInput | undefined> {
  // Every project, active or not, for the warning about a name in use; without them, no warning.
  const projects = api.listAllProjects().catch((error: unknown) => {
    deps.log.warn(`Could not load the projects to check new names against: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  });
  const [clients, all] = await Promise.all([load(deps, l10n.t('Could not load clients'), () => deps.lookups.clients()), projects]);
  return clients ? askProject(deps.asker, { clients, projects: all }, today, lastClient) : undefined;
}

function send(deps: CreateProjectDependencies, api: IntervalsClient, input: ProjectInput, earlier: Date | undefined, options: Record<string, unknown>) {
  return sendWrite(
    deps,
    l10n.t('Could not create the project'),
    () =>
      createOnce(
        deps,
        'project',
        earlier,
        async () => projectMadeBy(input, await api.listAllProjects({ name: input.name, active: input.active })),
        () => api.createProject(input),
      ),
    {
      command: 'intervals.createProject',
      argument: { ...projectArgument(input), ...pick(options, 'tasks'), ...pick(options, EARLIER_ATTEMPT_KEY) },
      creates: true,
    },
  );
}

/** The tasks the argument asks for, made in the new project one by one; a failure is kept and told. */
async function makeTasks(
  deps: CreateProjectDependencies,
  api: IntervalsClient,
  projectId: number,
  personId: number,
  today: Date,
  taskArgs: Record<string, unknown>[],
): Promise<{ tasks: Task[]; taskFailures: TaskFailure[] }> {
  const tasks: Task[] = [];
  const taskFailures: TaskFailure[] = [];
  for (const taskArg of taskArgs) {
    const title = String(taskArg.title);
    try {
      const taskInput = await taskInputFromArgument(deps, taskArg, projectId, personId, today);
      if (typeof taskInput !== 'object') {
        throw new Error(taskInput ?? l10n.t('the task statuses and priorities could not be loaded'));
      }
      const task = await api.createTask(taskInput);
      announceTask(deps, task, projectId);
      tasks.push(task);
    } catch (error) {
      taskFailures.push({ title, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { tasks, taskFailures };
}

function announce(deps: CreateProjectDependencies, project: Project, taskCount: number, taskFailures: readonly TaskFailure[], asked: boolean): void {
  if (taskFailures.length > 0) {
    // The project stays: deleting it could lose what the successful tasks already hold.
    const failures = taskFailures.map((failure) => `"${failure.title}" (${failure.message})`).join('; ');
    deps.log.error(`Project ${project.id} created, but tasks failed: ${failures}`);
    void vscode.window.showWarningMessage(
      defuseLinks(
        l10n.t(
          'Created project "{0}", but {1} of its {2} tasks could not be created: {3} The project is kept; add the missing tasks with New Task.',
          project.name,
          taskFailures.length,
          taskCount,
          failures,
        ),
      ),
    );
  } else if (asked) {
    // Asked step by step: the next thing is usually its first task.
    const newTask = l10n.t({ message: 'New Task', comment: ['Button: makes a task in the new project'] });
    void vscode.window.showInformationMessage(defuseLinks(l10n.t('Created project "{0}".', project.name)), newTask).then(async (choice) => {
      if (choice === newTask) {
        await vscode.commands.executeCommand('intervals.createTask', { projectId: project.id });
      }
    });
  } else {
    vscode.window.setStatusBarMessage(l10n.t('Created project {0}', escapeIcons(project.name)), 5000);
  }
}

async function revealProject(projectId: number): Promise<void> {
  try {
    await vscode.commands.executeCommand('intervals.tasks.reveal', { projectId });
  } catch {
    // The tree may not be there (or may not show this project): the project exists all the same.
  }
}
