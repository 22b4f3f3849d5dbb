import * as l10n from '@vscode/l10n';
import type { Project, TaskInput } from '../../api/types';
import type { LookupCache } from '../../lookups/lookupCache';
import { runSteps, settle, type Asker, type Choice, type Step } from '../../prompts/asker';
import { personChoices } from '../../prompts/choices';
import { nameProblem } from '../../prompts/formRules';
import { rememberedChoice } from '../../prompts/lastAnswers';
import { dateStep } from '../../prompts/steps';
import { defaultPriority, defaultStatus } from '../../tasks/taskDefaults';
import { toIsoDate } from '../../time/dates';
import { load, type LoadContext } from '../writes';


export interface TaskFormContext extends LoadContext {
  readonly lookups: Pick<LookupCache, 'taskStatuses' | 'taskPriorities' | 'people' | 'activeProjects' | 'projectModules' | 'projectPeople'>;
  readonly asker: Asker;
}

/** What the form knows before it asks: the project when run on one, who asks, and the last new task's answers. */
export interface TaskFormStart {
  readonly projectId: number | undefined;
  readonly personId: number;
  readonly today: Date;
  readonly remembered: Record<string, number>;
}

interface TaskFormState {
  projectId: number | undefined;
  moduleId: number | undefined;
  title: string;
  statusId: number | undefined;
  priorityId: number | undefined;
  ownerId: number;
  assigneeIds: number[];
  open: string;
  due: string | null;
  dueText: string;
  description: string;
}

type Loaded = NonNullable<Awaited<ReturnType<typeof loadChoices>>>;

/**
 * New Task, step by step: project, module, title, status, priority, owner, assignees, open and
 * due dates, description. Undefined when dismissed (or the choices could not be loaded).
 */
export async function askTask(context: TaskFormContext, start: TaskFormStart): Promise<TaskInput | undefined> {
  const loaded = await loadChoices(context);
  if (!loaded) {
    return undefined;
  }
  const [statuses, priorities] = loaded;
  const { remembered } = start;
  // The last new task's project, status and priority come first, while they still exist.
  const state: TaskFormState = {
    projectId: start.projectId ?? rememberedChoice<number | undefined>(remembered.projectId, loaded[3].map((p) => ({ value: p.id })), undefined),
    moduleId: undefined,
    title: '',
    statusId: rememberedChoice(remembered.statusId, statuses.filter((s) => s.active).map((s) => ({ value: s.id })), defaultStatus(statuses)?.id),
    priorityId: rememberedChoice(remembered.priorityId, priorities.filter((p) => p.active).map((p) => ({ value: p.id })), defaultPriority(priorities)?.id),
    ownerId: start.personId,
    assigneeIds: [],
    open: toIsoDate(start.today),
    due: null,
    dueText: '',
    description: '',
  };
  const done = await runSteps(l10n.t('New Task'), [...placeSteps(context, start, loaded, state), ...detailSteps(context, start, loaded, state)]);
  if (!done || state.projectId === undefined || state.statusId === undefined || state.priorityId === undefined) {
    return undefined;
  }
  return {
    projectId: state.projectId,
    ...(state.moduleId !== undefined ? { moduleId: state.moduleId } : {}),
    title: state.title,
    statusId: state.statusId,
    priorityId: state.priorityId,
    ownerId: state.ownerId,
    dateOpen: state.open,
    ...(state.assigneeIds.length > 0 ? { assigneeIds: state.assigneeIds } : {}),
    ...(state.due ? { dateDue: state.due } : {}),
    ...(state.description.trim() ? { description: state.description.trim() } : {}),
  };
}

function loadChoices(context: TaskFormContext) {
  const { lookups } = context;
  return load(context, l10n.t('Could not load task statuses, priorities and people'), () =>
    Promise.all([lookups.taskStatuses(), lookups.taskPriorities(), lookups.people(), lookups.activeProjects()]),
  );
}

/** Where the task goes: project, module, title. */
function placeSteps(context: TaskFormContext, start: TaskFormStart, loaded: Loaded, state: TaskFormState): Step[] {
  const { asker, lookups } = context;
  const projectChoices: Choice<number>[] = [...loaded[3]]
    .sort((a: Project, b: Project) => a.name.localeCompare(b.name))
    .map((p) => ({ label: p.name, description: p.client ?? undefined, value: p.id }));
  return [
    async (position) => {
      if (start.projectId !== undefined) {
        return 'skip';
      }
      return settle(await asker.pick({ ...position, placeholder: l10n.t('Project of the task'), items: projectChoices, active: state.projectId }), (value) => {
        if (value !== state.projectId) {
          state.moduleId = undefined;
          state.assigneeIds = [];
        }
        state.projectId = value;
      });
    },
    async (position) => {
      const modules = await load(context, l10n.t('Could not load modules'), () => lookups.projectModules(state.projectId as number));
      if (!modules) {
        return 'cancel';
      }
      if (modules.length === 0) {
        state.moduleId = undefined;
        return 'skip';
      }
      // A task need not belong to a module: "No module" (null, as an answer is never undefined) is the default.
      const items: Choice<number | null>[] = [
        { label: l10n.t('No module'), description: l10n.t('in the project only'), value: null },
        ...[...modules].sort((a, b) => a.name.localeCompare(b.name)).map((m) => ({ label: m.name, description: m.description ?? undefined, value: m.moduleId })),
      ];
      return settle(await asker.pick({ ...position, placeholder: l10n.t('Module of the task'), items, active: state.moduleId ?? null }), (value) => {
        state.moduleId = value ?? undefined;
      });
    },
    async (position) =>
      settle(await asker.input({ ...position, prompt: l10n.t('Task title'), value: state.title, validate: (value) => nameProblem(value, 'task title') }), (value) => { // l10n-ignore: which sentence of the form rules
        state.title = value.trim();
      }),
  ];
}

/** How the task stands: status, priority, owner, assignees, dates, description. */
function detailSteps(context: TaskFormContext, start: TaskFormStart, loaded: Loaded, state: TaskFormState): Step[] {
  const { asker, lookups } = context;
  const [statuses, priorities, people] = loaded;
  return [
    async (position) => {
      const items = [...statuses].sort((a, b) => a.order - b.order).map((s) => ({ label: s.name, value: s.id }));
      return settle(await asker.pick({ ...position, placeholder: l10n.t('Status'), items, active: state.statusId }), (value) => {
        state.statusId = value;
      });
    },
    async (position) => {
      const items = [...priorities]
        .sort((a, b) => a.priority - b.priority)
        .map((p) => ({ label: p.name, description: p.isDefault ? l10n.t({ message: 'default', comment: ['Beside the default priority'] }) : undefined, value: p.id }));
      return settle(await asker.pick({ ...position, placeholder: l10n.t('Priority'), items, active: state.priorityId }), (value) => {
        state.priorityId = value;
      });
    },
    async (position) =>
      settle(await asker.pick({ ...position, placeholder: l10n.t('Owner of the task'), items: personChoices(people, start.personId), active: state.ownerId }), (value) => {
        state.ownerId = value;
      }),
    async (position) => {
      const team = await load(context, l10n.t('Could not load the people on the project'), () => lookups.projectPeople(state.projectId as number));
      if (!team) {
        return 'cancel';
      }
      const items = personChoices(team, start.personId);
      return settle(await asker.pickMany({ ...position, placeholder: l10n.t('Assignees (none, one or several)'), items, selected: state.assigneeIds }), (value) => {
        state.assigneeIds = value;
      });
    },
    ...dateSteps(asker, start.today, state),
    async (position) =>
      settle(await asker.input({ ...position, prompt: l10n.t('Description (optional)'), value: state.description }), (value) => {
        state.description = value;
      }),
  ];
}

function dateSteps(asker: Asker, today: Date, state: TaskFormState): Step[] {
  return [
    dateStep({
      asker,
      today,
      prompt: l10n.t('Open date: today, yesterday, a weekday such as mon, dec 18 or YYYY-MM-DD'),
      placeholder: l10n.t('Open date'),
      value: () => state.open,
      store: (iso) => {
        state.open = iso ?? state.open;
      },
    }),
    dateStep({
      asker,
      today,
      prompt: l10n.t('Due date (optional; empty for none): a weekday such as fri means the next one, +7, dec 18 or YYYY-MM-DD'),
      placeholder: l10n.t('Due date (empty for none)'),
      direction: 'future',
      optional: true,
      notBefore: () => ({ iso: state.open, name: 'open date' }), // l10n-ignore: which sentence of the form rules
      value: () => state.dueText,
      store: (iso, text) => {
        state.due = iso;
        state.dueText = text;
      },
    }),
  ];
}
