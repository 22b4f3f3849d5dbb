import { boolean, clientOrNone, day, dayOrNone, passed, text } from './commandArguments';
import * as vscode from 'vscode';
import type { Project, ProjectInput, Task } from '../api/types';
import { clientOrSignIn } from '../common/accountGuard';
import { runSteps, settle, type Choice } from '../prompts/asker';
import { accountKey, LastAnswers, rememberedChoice } from '../prompts/lastAnswers';
import { dateMeaning, isoOrNull, laterDateProblem, nameProblem, requiredDateProblem } from '../projects/formRules';
import {
  createOnce,
  EARLIER_ATTEMPT_KEY,
  earlierAttempt,
  invalidArgument,
  load,
  sendWrite,
  type ProjectCommandContext,
  type WriteResult,
} from '../projects/projectCommands';
import { projectMadeBy } from '../projects/unansweredCreate';
import { parseDate, toIsoDate } from '../time/dates';
import { positiveId } from '../tasks/taskReference';
import { argumentObject, type Command } from './commandTable';
import { announceTask, pick, taskInputFromArgument } from './createTask';
import { defuseLinks, escapeIcons } from '../common/untrustedText';

const TITLE = 'New Project';
const LAST_ANSWERS_KEY = 'intervals.lastAnswers.newProject';
const NO_CLIENT = 'none';

/**
 * `intervals.createProject`: client, name, start date, billable, active, end date and
 * description, then `POST /project/`. The new project is announced on the data-change channel
 * and revealed in the task tree. `{ clientId, name, dateStart, billable, active, dateEnd?,
 * description?, tasks? }` asks nothing; `tasks` (createTask arguments without `projectId`) are
 * made in the new project, and one that fails is told while the project is kept. A failed create
 * offers Retry with such an argument (`earlierAttemptAt` after an attempt that may have reached
 * Intervals: the project it made is looked for first).
 */
export function createProjectCommand(context: ProjectCommandContext): Command {
  return {
    id: 'intervals.createProject',
    arguments: { clientId: clientOrNone, name: text, dateStart: day, dateEnd: dayOrNone, billable: boolean, active: boolean, description: text, tasks: passed },
    async execute(arg?: unknown): Promise<CreateProjectResult> {
      const api = await clientOrSignIn(context.services.session, 'create a project');
      const account = context.services.session.state;
      if (!api || !account.signedIn) {
        return { status: 'cancelled' };
      }
      const today = context.now();
      const options = argumentObject(arg);
      const earlier = earlierAttempt(options ?? {});
      if (typeof earlier === 'string') {
        return invalidArgument(earlier);
      }
      const prompted = !(options && typeof options.name === 'string');
      const answers = new LastAnswers(context.services.context.globalState, LAST_ANSWERS_KEY);
      const accountName = accountKey(account.account);
      const input = prompted ? await ask(context, today, answers.text(accountName, 'client')) : fromArgument(options, today);
      if (typeof input === 'string') {
        return invalidArgument(input);
      }
      if (!input) {
        return { status: 'cancelled' };
      }
      const taskArgs = Array.isArray(options?.tasks) ? options.tasks.map((task) => argumentObject(task) ?? {}) : [];
      const badTask = taskArgs.map((task) => nameProblem(typeof task.title === 'string' ? task.title : '', 'task title')).find(Boolean);
      if (badTask) {
        return invalidArgument(badTask);
      }
      const result = await sendWrite(
        context,
        'create the project',
        () =>
          createOnce(
            context,
            'project',
            earlier,
            async () => projectMadeBy(input, await api.listAllProjects({ name: input.name, active: input.active })),
            () => api.createProject(input),
          ),
        {
          command: 'intervals.createProject',
          argument: { ...projectArgument(input), ...pick(options ?? {}, 'tasks'), ...pick(options ?? {}, EARLIER_ATTEMPT_KEY) },
          creates: true,
        },
      );
      if (result.status !== 'done') {
        return result;
      }
      const project = result.item;
      if (prompted) {
        await answers.remember(accountName, { client: input.clientId !== undefined ? String(input.clientId) : NO_CLIENT });
      }
      context.log.info(`Created project ${project.id}`);
      context.services.lookups.clear('activeProjects');
      context.services.changes.fire({ resource: 'project', id: project.id, item: project });
      const tasks: Task[] = [];
      const taskFailures: { title: string; message: string }[] = [];
      for (const taskArg of taskArgs) {
        const title = String(taskArg.title);
        try {
          const taskInput = await taskInputFromArgument(context, taskArg, project.id, account.account.personId, today);
          if (typeof taskInput !== 'object') {
            throw new Error(taskInput ?? 'the task statuses and priorities could not be loaded');
          }
          const task = await api.createTask(taskInput);
          announceTask(context, task, project.id);
          tasks.push(task);
        } catch (error) {
          taskFailures.push({ title, message: error instanceof Error ? error.message : String(error) });
        }
      }
      await revealProject(project.id);
      if (taskFailures.length > 0) {
        // The project stays: deleting it could lose what the successful tasks already hold.
        const failures = taskFailures.map((failure) => `"${failure.title}" (${failure.message})`).join('; ');
        context.log.error(`Project ${project.id} created, but tasks failed: ${failures}`);
        void vscode.window.showWarningMessage(
          defuseLinks(
            `Created project "${project.name}", but ${taskFailures.length} of its ${taskArgs.length} tasks could not be created: ${failures} The project is kept; add the missing tasks with New Task.`,
          ),
        );
      } else if (options === undefined) {
        // Asked step by step: the next thing is usually its first task.
        void vscode.window.showInformationMessage(defuseLinks(`Created project "${project.name}".`), 'New Task').then(async (choice) => {
          if (choice === 'New Task') {
            await vscode.commands.executeCommand('intervals.createTask', { projectId: project.id });
          }
        });
      } else {
        vscode.window.setStatusBarMessage(`Created project ${escapeIcons(project.name)}`, 5000);
      }
      return { ...result, ...(taskArgs.length > 0 ? { tasks, taskFailures } : {}) };
    },
  };
}

/** The new project, and with `tasks` in the argument, the tasks made in it and those that failed. */
export type CreateProjectResult =
  | Exclude<WriteResult<Project>, { status: 'done' }>
  | { status: 'done'; item: Project; tasks?: Task[]; taskFailures?: { title: string; message: string }[] };

async function revealProject(projectId: number): Promise<void> {
  try {
    await vscode.commands.executeCommand('intervals.tasks.reveal', { projectId });
  } catch {
    // The tree may not be there (or may not show this project): the project exists all the same.
  }
}

/** The argument object of `intervals.createProject` that makes `input` without asking. */
function projectArgument(input: ProjectInput): Record<string, unknown> {
  return {
    name: input.name,
    clientId: input.clientId ?? null,
    dateStart: input.dateStart,
    billable: input.billable,
    active: input.active,
    ...(input.dateEnd ? { dateEnd: input.dateEnd } : {}),
    ...(input.description ? { description: input.description } : {}),
  };
}

/** The input an argument object describes, or a message saying what is wrong with it. */
function fromArgument(options: Record<string, unknown>, today: Date): ProjectInput | string {
  const name = String(options.name);
  const nameMessage = nameProblem(name, 'project name');
  if (nameMessage) {
    return nameMessage;
  }
  const clientId = options.clientId === undefined || options.clientId === null ? null : positiveId(options.clientId);
  if (clientId === undefined) {
    return `"${String(options.clientId)}" is not a client id.`;
  }
  const startText = typeof options.dateStart === 'string' ? options.dateStart : 'today';
  const start = parseDate(startText, today);
  if (!start.ok) {
    return start.message;
  }
  const endText = typeof options.dateEnd === 'string' ? options.dateEnd : '';
  const endMessage = laterDateProblem(endText, today, start.iso, 'start date');
  if (endMessage) {
    return endMessage;
  }
  const description = typeof options.description === 'string' && options.description.trim() !== '' ? options.description : undefined;
  return {
    name: name.trim(),
    ...(clientId !== null ? { clientId } : {}),
    dateStart: start.iso,
    billable: typeof options.billable === 'boolean' ? options.billable : clientId !== null,
    active: typeof options.active === 'boolean' ? options.active : true,
    ...(endText.trim() ? { dateEnd: isoOrNull(endText, today) } : {}),
    ...(description ? { description } : {}),
  };
}

async function ask(context: ProjectCommandContext, today: Date, lastClient: string | undefined): Promise<ProjectInput | undefined> {
  const clients = await load(context, 'clients', () => context.services.lookups.clients());
  if (!clients) {
    return undefined;
  }
  const asker = context.asker.current;
  const clientChoices: Choice<number | null>[] = [
    { label: 'No client', description: 'an internal project', value: null },
    ...[...clients].sort((a, b) => a.name.localeCompare(b.name)).map((c) => ({ label: c.name, value: c.id })),
  ];
  const state = {
    // The client of the last new project first, while it is still there.
    clientId: rememberedChoice<number | null>(lastClient === NO_CLIENT || lastClient === undefined ? null : Number(lastClient), clientChoices, null),
    name: '',
    start: toIsoDate(today),
    billable: true,
    billableChosen: false,
    active: true,
    end: '',
    description: '',
  };
  const yesNo = (yes: string, no: string): Choice<boolean>[] => [
    { label: yes, value: true },
    { label: no, value: false },
  ];
  const done = await runSteps(TITLE, [
    async (position) =>
      settle(await asker.pick({ ...position, placeholder: 'Client of the project', items: clientChoices, active: state.clientId }), (value) => {
        state.clientId = value;
      }),
    async (position) =>
      settle(
        await asker.input({
          ...position,
          prompt: 'Project name',
          value: state.name,
          validate: (value) => nameProblem(value, 'project name'),
        }),
        (value) => {
          state.name = value.trim();
        },
      ),
    async (position) =>
      settle(
        await asker.input({
          ...position,
          prompt: 'Start date (today, yesterday, a weekday or YYYY-MM-DD)',
          value: state.start,
          validate: (value) => requiredDateProblem(value, today),
          explain: (value) => dateMeaning(value, today),
        }),
        (value) => {
          state.start = isoOrNull(value, today) ?? state.start;
        },
      ),
    async (position) =>
      settle(
        await asker.pick({
          ...position,
          placeholder: 'Is time on this project billable by default?',
          items: yesNo('Billable', 'Not billable'),
          active: state.billableChosen ? state.billable : state.clientId !== null,
        }),
        (value) => {
          state.billable = value;
          state.billableChosen = true;
        },
      ),
    async (position) =>
      settle(
        await asker.pick({ ...position, placeholder: 'Status of the project', items: yesNo('Active', 'Inactive'), active: state.active }),
        (value) => {
          state.active = value;
        },
      ),
    async (position) =>
      settle(
        await asker.input({
          ...position,
          prompt: 'End date (optional; empty for none)',
          value: state.end,
          placeholder: 'No end date',
          validate: (value) => laterDateProblem(value, today, state.start, 'start date'),
          explain: (value) => dateMeaning(value, today),
        }),
        (value) => {
          state.end = value;
        },
      ),
    async (position) =>
      settle(
        await asker.input({ ...position, prompt: 'Description (optional)', value: state.description }),
        (value) => {
          state.description = value;
        },
      ),
  ]);
  if (!done) {
    return undefined;
  }
  const end = isoOrNull(state.end, today);
  return {
    name: state.name,
    ...(state.clientId !== null ? { clientId: state.clientId } : {}),
    dateStart: state.start,
    billable: state.billable,
    active: state.active,
    ...(end ? { dateEnd: end } : {}),
    ...(state.description.trim() ? { description: state.description.trim() } : {}),
  };
}

