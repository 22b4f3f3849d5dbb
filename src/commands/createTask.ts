import { day, dayOrNone, id, idOrNone, ids, text } from './commandArguments';
import * as vscode from 'vscode';
import type { Person, Project, Task, TaskInput } from '../api/types';
import { clientOrSignIn } from '../common/accountGuard';
import { runSteps, settle, type Choice } from '../prompts/asker';
import { accountKey, LastAnswers, rememberedChoice } from '../prompts/lastAnswers';
import { dateMeaning, defaultPriority, defaultStatus, isoOrNull, laterDateProblem, nameProblem, requiredDateProblem } from '../projects/formRules';
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
import { taskMadeBy } from '../projects/unansweredCreate';
import { positiveId, taskLabel } from '../tasks/taskReference';
import { parseDate, toIsoDate } from '../time/dates';
import { argumentObject, type Command } from './commandTable';
import { defuseLinks } from '../common/untrustedText';

const TITLE = 'New Task';
const LAST_ANSWERS_KEY = 'intervals.lastAnswers.newTask';

export function personName(person: Pick<Person, 'firstName' | 'lastName'>): string {
  return `${person.firstName} ${person.lastName}`.trim();
}

/** The project id of `{ projectId }` or of a project node `{ project: { id } }`. */
export function projectIdFrom(arg: unknown): number | undefined {
  const options = argumentObject(arg);
  if (!options) {
    return undefined;
  }
  if (options.projectId !== undefined) {
    return positiveId(options.projectId);
  }
  const project = argumentObject(options.project);
  return project ? positiveId(project.id) : undefined;
}

function idList(value: unknown): number[] | undefined {
  const items = Array.isArray(value) ? value : typeof value === 'string' || typeof value === 'number' ? String(value).split(',') : [];
  const ids = items.map((item) => positiveId(typeof item === 'string' ? item.trim() : item));
  return ids.every((id): id is number => id !== undefined) ? ids : undefined;
}

/**
 * `intervals.createTask`: project, module, title, status, priority, owner, assignees, open and
 * due dates, description, then `POST /task/`; offers to start a timer on the new task. Run on a
 * project node it asks from the module on; an argument object with a `title` asks nothing. A
 * failed create offers Retry with such an argument; after an attempt that may have reached
 * Intervals it carries `earlierAttemptAt`, and the task that attempt made is looked for first.
 */
export function createTaskCommand(context: ProjectCommandContext): Command {
  return {
    id: 'intervals.createTask',
    arguments: { projectId: id, title: text, moduleId: idOrNone, statusId: id, priorityId: id, ownerId: id, assigneeIds: ids, dateOpen: day, dateDue: dayOrNone, description: text },
    async execute(arg?: unknown): Promise<WriteResult<Task>> {
      const api = await clientOrSignIn(context.services.session, 'create a task');
      const account = context.services.session.state;
      if (!api || !account.signedIn) {
        return { status: 'cancelled' };
      }
      const today = context.now();
      const options = argumentObject(arg) ?? {};
      const projectId = projectIdFrom(arg);
      if (options.projectId !== undefined && projectId === undefined) {
        return invalidArgument(`"${String(options.projectId)}" is not a project id.`);
      }
      const earlier = earlierAttempt(options);
      if (typeof earlier === 'string') {
        return invalidArgument(earlier);
      }
      const prompted = typeof options.title !== 'string';
      const answers = new LastAnswers(context.services.context.globalState, LAST_ANSWERS_KEY);
      const accountName = accountKey(account.account);
      const input = prompted
        ? await ask(context, projectId, account.account.personId, today, answers.ids(accountName))
        : await taskInputFromArgument(context, options, projectId, account.account.personId, today);
      if (typeof input === 'string') {
        return invalidArgument(input);
      }
      if (!input) {
        return { status: 'cancelled' };
      }
      const result = await sendWrite(
        context,
        'create the task',
        () =>
          createOnce(
            context,
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
        announceTask(context, result.item, input.projectId);
        void vscode.window.showInformationMessage(defuseLinks(`Created task ${taskLabel(result.item)}.`), 'Start Timer').then(async (choice) => {
          if (choice === 'Start Timer') {
            await vscode.commands.executeCommand('intervals.startTimer', { taskId: result.item.id });
          }
        });
      }
      return result;
    },
  };
}

/** The argument object of `intervals.createTask` that makes `input` without asking. */
export function taskArgument(input: TaskInput): Record<string, unknown> {
  return {
    projectId: input.projectId,
    ...(input.moduleId != null ? { moduleId: input.moduleId } : {}),
    title: input.title,
    statusId: input.statusId,
    priorityId: input.priorityId,
    ownerId: input.ownerId,
    dateOpen: input.dateOpen,
    ...(input.assigneeIds && input.assigneeIds.length > 0 ? { assigneeIds: [...input.assigneeIds] } : {}),
    ...(input.dateDue ? { dateDue: input.dateDue } : {}),
    ...(input.description ? { description: input.description } : {}),
  };
}

/** `{ [key]: options[key] }` when the argument has it. */
export function pick(options: Record<string, unknown>, key: string): Record<string, unknown> {
  return options[key] !== undefined ? { [key]: options[key] } : {};
}

/** Tells the views about a task just created. */
export function announceTask(context: ProjectCommandContext, task: Task, projectId: number): void {
  context.log.info(`Created task ${task.id} in project ${projectId}`);
  context.services.changes.fire({ resource: 'task', id: task.id, projectId, item: task });
}

async function taskDefaults(context: ProjectCommandContext): Promise<{ statusId: number; priorityId: number } | string> {
  const [statuses, priorities] = await Promise.all([context.services.lookups.taskStatuses(), context.services.lookups.taskPriorities()]);
  const status = defaultStatus(statuses);
  const priority = defaultPriority(priorities);
  if (!status || !priority) {
    return 'Intervals has no active task status or priority; an administrator must add one first.';
  }
  return { statusId: status.id, priorityId: priority.id };
}

/** The input an argument object describes (defaults filled in), or what is wrong with it. */
export async function taskInputFromArgument(
  context: ProjectCommandContext,
  options: Record<string, unknown>,
  projectId: number | undefined,
  personId: number,
  today: Date,
): Promise<TaskInput | string | undefined> {
  if (projectId === undefined) {
    return 'Say which project the task belongs to (projectId).';
  }
  const title = String(options.title);
  const titleMessage = nameProblem(title, 'task title');
  if (titleMessage) {
    return titleMessage;
  }
  const open = parseDate(typeof options.dateOpen === 'string' ? options.dateOpen : 'today', today);
  if (!open.ok) {
    return open.message;
  }
  const dueText = typeof options.dateDue === 'string' ? options.dateDue : '';
  const dueMessage = laterDateProblem(dueText, today, open.iso, 'open date');
  if (dueMessage) {
    return dueMessage;
  }
  const ids: Record<string, number | undefined> = {};
  for (const key of ['moduleId', 'statusId', 'priorityId', 'ownerId'] as const) {
    if (options[key] !== undefined && options[key] !== null) {
      ids[key] = positiveId(options[key]);
      if (ids[key] === undefined) {
        return `"${String(options[key])}" is not a valid ${key}.`;
      }
    }
  }
  const assigneeIds = options.assigneeIds === undefined ? [] : idList(options.assigneeIds);
  if (!assigneeIds) {
    return `"${String(options.assigneeIds)}" is not a list of person ids.`;
  }
  let defaults: { statusId: number; priorityId: number } | string | undefined;
  if (ids.statusId === undefined || ids.priorityId === undefined) {
    defaults = await load(context, 'task statuses and priorities', () => taskDefaults(context));
    if (defaults === undefined || typeof defaults === 'string') {
      return defaults;
    }
  }
  const description = typeof options.description === 'string' && options.description.trim() !== '' ? options.description : undefined;
  return {
    projectId,
    ...(ids.moduleId !== undefined ? { moduleId: ids.moduleId } : {}),
    title: title.trim(),
    statusId: ids.statusId ?? (defaults as { statusId: number }).statusId,
    priorityId: ids.priorityId ?? (defaults as { priorityId: number }).priorityId,
    ownerId: ids.ownerId ?? personId,
    dateOpen: open.iso,
    ...(assigneeIds.length > 0 ? { assigneeIds } : {}),
    ...(dueText.trim() ? { dateDue: isoOrNull(dueText, today) } : {}),
    ...(description ? { description } : {}),
  };
}

async function ask(
  context: ProjectCommandContext,
  givenProjectId: number | undefined,
  personId: number,
  today: Date,
  remembered: Record<string, number>,
): Promise<TaskInput | undefined> {
  const lookups = context.services.lookups;
  const loaded = await load(context, 'task statuses, priorities and people', () =>
    Promise.all([lookups.taskStatuses(), lookups.taskPriorities(), lookups.people(), lookups.activeProjects()]),
  );
  if (!loaded) {
    return undefined;
  }
  const [statuses, priorities, people, projects] = loaded;
  const asker = context.asker.current;
  // The last new task's project, status and priority come first, while they still exist.
  const state = {
    projectId: givenProjectId ?? rememberedChoice<number | undefined>(remembered.projectId, projects.map((p) => ({ value: p.id })), undefined),
    moduleId: undefined as number | undefined,
    title: '',
    statusId: rememberedChoice(remembered.statusId, statuses.filter((s) => s.active).map((s) => ({ value: s.id })), defaultStatus(statuses)?.id),
    priorityId: rememberedChoice(remembered.priorityId, priorities.filter((p) => p.active).map((p) => ({ value: p.id })), defaultPriority(priorities)?.id),
    ownerId: personId,
    assigneeIds: [] as number[],
    open: toIsoDate(today),
    due: '',
    description: '',
  };
  const projectChoices: Choice<number>[] = [...projects]
    .sort((a: Project, b: Project) => a.name.localeCompare(b.name))
    .map((p) => ({ label: p.name, description: p.client ?? undefined, value: p.id }));
  const peopleChoices = (list: readonly Person[]): Choice<number>[] =>
    [...list]
      .sort((a, b) => personName(a).localeCompare(personName(b)))
      .map((p) => ({ label: personName(p), description: p.id === personId ? 'you' : (p.title ?? undefined), value: p.id }));
  const done = await runSteps(TITLE, [
    async (position) => {
      if (givenProjectId !== undefined) {
        return 'skip';
      }
      return settle(await asker.pick({ ...position, placeholder: 'Project of the task', items: projectChoices, active: state.projectId }), (value) => {
        if (value !== state.projectId) {
          state.moduleId = undefined;
          state.assigneeIds = [];
        }
        state.projectId = value;
      });
    },
    async (position) => {
      const modules = await load(context, 'modules', () => lookups.projectModules(state.projectId as number));
      if (!modules) {
        return 'cancel';
      }
      if (modules.length === 0) {
        state.moduleId = undefined;
        return 'skip';
      }
      const items = [...modules].sort((a, b) => a.name.localeCompare(b.name)).map((m) => ({ label: m.name, description: m.description ?? undefined, value: m.moduleId }));
      return settle(await asker.pick({ ...position, placeholder: 'Module of the task', items, active: state.moduleId }), (value) => {
        state.moduleId = value;
      });
    },
    async (position) =>
      settle(
        await asker.input({ ...position, prompt: 'Task title', value: state.title, validate: (value) => nameProblem(value, 'task title') }),
        (value) => {
          state.title = value.trim();
        },
      ),
    async (position) => {
      const items = [...statuses].sort((a, b) => a.order - b.order).map((s) => ({ label: s.name, value: s.id }));
      return settle(await asker.pick({ ...position, placeholder: 'Status', items, active: state.statusId }), (value) => {
        state.statusId = value;
      });
    },
    async (position) => {
      const items = [...priorities]
        .sort((a, b) => a.priority - b.priority)
        .map((p) => ({ label: p.name, description: p.isDefault ? 'default' : undefined, value: p.id }));
      return settle(await asker.pick({ ...position, placeholder: 'Priority', items, active: state.priorityId }), (value) => {
        state.priorityId = value;
      });
    },
    async (position) =>
      settle(await asker.pick({ ...position, placeholder: 'Owner of the task', items: peopleChoices(people), active: state.ownerId }), (value) => {
        state.ownerId = value;
      }),
    async (position) => {
      const team = await load(context, 'the people on the project', () => lookups.projectPeople(state.projectId as number));
      if (!team) {
        return 'cancel';
      }
      return settle(
        await asker.pickMany({ ...position, placeholder: 'Assignees (none, one or several)', items: peopleChoices(team), selected: state.assigneeIds }),
        (value) => {
          state.assigneeIds = value;
        },
      );
    },
    async (position) =>
      settle(
        await asker.input({
          ...position,
          prompt: 'Open date (today, yesterday, a weekday or YYYY-MM-DD)',
          value: state.open,
          validate: (value) => requiredDateProblem(value, today),
          explain: (value) => dateMeaning(value, today),
        }),
        (value) => {
          state.open = isoOrNull(value, today) ?? state.open;
        },
      ),
    async (position) =>
      settle(
        await asker.input({
          ...position,
          prompt: 'Due date (optional; empty for none)',
          value: state.due,
          placeholder: 'No due date',
          validate: (value) => laterDateProblem(value, today, state.open, 'open date'),
          explain: (value) => dateMeaning(value, today),
        }),
        (value) => {
          state.due = value;
        },
      ),
    async (position) =>
      settle(await asker.input({ ...position, prompt: 'Description (optional)', value: state.description }), (value) => {
        state.description = value;
      }),
  ]);
  if (!done || state.projectId === undefined || state.statusId === undefined || state.priorityId === undefined) {
    return undefined;
  }
  const due = isoOrNull(state.due, today);
  return {
    projectId: state.projectId,
    ...(state.moduleId !== undefined ? { moduleId: state.moduleId } : {}),
    title: state.title,
    statusId: state.statusId,
    priorityId: state.priorityId,
    ownerId: state.ownerId,
    dateOpen: state.open,
    ...(state.assigneeIds.length > 0 ? { assigneeIds: state.assigneeIds } : {}),
    ...(due ? { dateDue: due } : {}),
    ...(state.description.trim() ? { description: state.description.trim() } : {}),
  };
}
