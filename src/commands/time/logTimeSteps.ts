import * as vscode from 'vscode';
import type { IntervalsClient } from '../../api/client';
import type { Project, ProjectWorkType, Task } from '../../api/types';
import type { Logger } from '../../common/logger';
import type { RoundingSettings } from '../../common/settings';
import type { LookupCache } from '../../lookups/lookupCache';
import { BACK, settle, type Asker, type Step, type StepOutcome, type StepVisit } from '../../prompts/asker';
import { dateStep, durationStep } from '../../prompts/steps';
import type { RecentTasks } from '../../tasks/recentTasks';
import { taskLabel, type TaskSummary } from '../../tasks/taskReference';
import { toIsoDate } from '../../time/dates';
import { formatDuration } from '../../time/duration';
import type { LogTimeAnswers } from '../../timeLog/logTimeOutcome';

export const LOG_TIME_TITLE = 'Log Time';
const LAST_WORK_TYPES_KEY = 'intervals.lastWorkTypeByProject';

/** What the steps of Log Time ask with and from. */
export interface LogTimeStepsContext {
  readonly asker: Asker;
  readonly lookups: Pick<LookupCache, 'projectWorkTypes' | 'activeProjects'>;
  readonly recentTasks: Pick<RecentTasks, 'list'>;
  /** Where the work type last used on each project is kept (globalState). */
  readonly memento: vscode.Memento;
  readonly rounding: () => RoundingSettings;
  readonly loggedHours: (isoDate: string) => Promise<number | undefined>;
  readonly log: Logger;
}

/** One run of the form: the answers so far, and how it was started. */
export interface LogTimeForm {
  readonly api: Pick<IntervalsClient, 'getProject'>;
  readonly values: LogTimeAnswers;
  /** Ask every step (a prompt is wanted, or the duration was not given). */
  readonly interactive: boolean;
  /** `prompt: true`: every step is asked, with the given values filled in. */
  readonly prompt: boolean;
  readonly today: Date;
  /** The active work types step 4 loaded, to name the chosen one. */
  workTypes?: ProjectWorkType[];
  /** Why the run ended without an entry, when a step refused it. */
  refusal?: { readonly status: 'invalid' | 'failed'; readonly message: string; readonly offerRetry: boolean };
}

/**
 * Log Time's six steps: task, day, duration, work type, billable, description. A step whose
 * answer was given moves on without asking (Back still reaches it); the work type is passed over
 * when there is nothing to choose.
 */
export function logTimeSteps(context: LogTimeStepsContext, form: LogTimeForm): Step[] {
  const billable = new ProjectBillable(context.lookups, form.api);
  return [
    (position, visit) => taskStep(context, form, position, visit),
    dayStep(context, form),
    durationOf(context, form),
    (position) => workTypeStep(context, form, position),
    async (position) => {
      const task = form.values.task as TaskSummary;
      const projectBillable = form.values.billable ?? (await billable.of(task.projectId as number));
      if (!form.interactive) {
        form.values.billable = projectBillable;
        return 'next';
      }
      const items = [
        { label: 'Billable', value: true },
        { label: 'Not billable', value: false },
      ];
      return settle(await context.asker.pick({ ...position, placeholder: 'Billable?', items, active: projectBillable }), (value) => {
        form.values.billable = value;
      });
    },
    async (position) => {
      if (!form.interactive) {
        return 'next';
      }
      const answer = await context.asker.input({ ...position, prompt: 'Description (optional); Enter logs the time', value: form.values.description ?? '' });
      return settle(answer, (value) => {
        form.values.description = value;
      });
    },
  ];
}

async function taskStep(context: LogTimeStepsContext, form: LogTimeForm, position: { title: string; step: number; totalSteps: number }, visit: StepVisit): Promise<StepOutcome> {
  const given = form.values.task;
  if (given && !form.prompt && !visit.returning) {
    return 'next';
  }
  const recent = context.recentTasks.list().filter((task) => task.id !== given?.id);
  const choices = [...(given ? [given] : []), ...recent];
  if (choices.length > 0) {
    const FIND = 0;
    const answer = await context.asker.pick<Task | TaskSummary | typeof FIND>({
      ...position,
      placeholder: 'Task to log time on',
      items: [
        ...choices.map((task) => ({ label: taskLabel(task), description: [task.client, task.project].filter(Boolean).join(' › '), value: task })),
        { icon: 'search', label: 'Find task…', value: FIND },
      ],
    });
    if (answer === undefined || answer === BACK) {
      return 'cancel';
    }
    if (answer !== FIND) {
      form.values.task = answer;
      return 'next';
    }
  }
  const found = await findTask();
  if (!found) {
    return 'cancel';
  }
  form.values.task = found;
  return 'next';
}

/** Find Task's picker, as every command asks for a task it was not given. */
function findTask(): Thenable<Task | undefined> {
  return vscode.commands.executeCommand<Task | undefined>('intervals.findTask', { pick: true, title: LOG_TIME_TITLE });
}

function dayStep(context: LogTimeStepsContext, form: LogTimeForm): Step {
  const ask = dateStep({
    asker: context.asker,
    today: form.today,
    prompt: () => `Day to log on (today, yesterday, a weekday such as mon, or YYYY-MM-DD) for ${taskLabel(form.values.task as TaskSummary)}`,
    value: () => form.values.date ?? 'today',
    store: (iso) => {
      form.values.date = iso ?? undefined;
    },
  });
  return async (position, visit) => {
    const task = form.values.task as TaskSummary;
    if (task.projectId === null) {
      form.refusal = { status: 'invalid', message: `Task ${taskLabel(task)} has no project, so time cannot be logged on it.`, offerRetry: false };
      return 'cancel';
    }
    if (!form.interactive) {
      form.values.date ??= toIsoDate(form.today);
      return 'next';
    }
    return ask(position, visit);
  };
}

function durationOf(context: LogTimeStepsContext, form: LogTimeForm): Step {
  const date = (): string => form.values.date ?? toIsoDate(form.today);
  const ask = durationStep({
    asker: context.asker,
    prompt: (logged) => `Duration on ${date()}: 1.5, 1:30, 90m, 1h 30m, or a range such as 9:15-10:45` + (logged ? ` (${formatDuration(logged * 3600)} already logged that day)` : ''),
    value: () => form.values.hoursText ?? '',
    rounding: context.rounding,
    loggedHours: () => context.loggedHours(date()),
    store: (hours, text) => {
      form.values.hoursText = text;
      form.values.hours = hours;
    },
  });
  return (position, visit) => (form.interactive ? ask(position, visit) : Promise.resolve('next'));
}

async function workTypeStep(context: LogTimeStepsContext, form: LogTimeForm, position: { title: string; step: number; totalSteps: number }): Promise<StepOutcome> {
  const { values, interactive, prompt } = form;
  const task = values.task as TaskSummary;
  const projectId = task.projectId as number;
  const workTypes = await activeWorkTypes(context, form, task);
  if (workTypes === 'skip' || workTypes === 'cancel') {
    return workTypes;
  }
  if (values.workTypeId !== undefined && !workTypes.some((type) => type.workTypeId === values.workTypeId)) {
    if (!interactive) {
      const names = workTypes.map((type) => `${type.name} (${type.workTypeId})`).join(', ');
      form.refusal = { status: 'invalid', message: `Work type ${values.workTypeId} is not an active work type of ${task.project ?? 'the project'}; use one of ${names}.`, offerRetry: false };
      return 'cancel';
    }
    values.workTypeId = undefined;
  }
  const ordered = orderWorkTypes(context, projectId, workTypes);
  form.workTypes = workTypes;
  if (!interactive || (workTypes.length === 1 && !prompt)) {
    values.workTypeId ??= ordered[0].workTypeId;
    return 'skip';
  }
  const answer = await context.asker.pick({
    ...position,
    placeholder: `Work type for ${task.project ?? 'the project'}`,
    items: ordered.map((type) => ({ label: type.name, value: type.workTypeId })),
    active: values.workTypeId ?? ordered[0].workTypeId,
  });
  return settle(answer, (value) => {
    values.workTypeId = value;
  });
}

/** The project's active work types; when they cannot be loaded, the given or last used one is taken (skip). */
async function activeWorkTypes(context: LogTimeStepsContext, form: LogTimeForm, task: TaskSummary): Promise<ProjectWorkType[] | 'skip' | 'cancel'> {
  const projectId = task.projectId as number;
  let workTypes: ProjectWorkType[];
  try {
    workTypes = (await context.lookups.projectWorkTypes(projectId)).filter((type) => type.active);
  } catch (error) {
    // Offline or failing: the given work type, else the one last used on the project, lets
    // the entry be kept and sent later instead of losing what was typed.
    const known = form.values.workTypeId ?? lastWorkType(context, projectId);
    if (known !== undefined) {
      context.log.warn(`Could not load the work types of ${task.project ?? projectId} (${errorText(error)}); using work type ${known}`);
      form.values.workTypeId = known;
      return 'skip';
    }
    form.refusal = { status: 'failed', message: `Could not load the work types of ${task.project ?? 'the project'}: ${errorText(error)}`, offerRetry: true };
    return 'cancel';
  }
  if (workTypes.length === 0) {
    const message = `The project ${task.project ?? projectId} has no active work types, so time cannot be logged on it. Ask an Intervals administrator to add one.`;
    form.refusal = { status: 'invalid', message, offerRetry: false };
    return 'cancel';
  }
  return workTypes;
}

function lastWorkType(context: LogTimeStepsContext, projectId: number): number | undefined {
  return context.memento.get<Record<string, number>>(LAST_WORK_TYPES_KEY)?.[String(projectId)];
}

function orderWorkTypes(context: LogTimeStepsContext, projectId: number, workTypes: ProjectWorkType[]): ProjectWorkType[] {
  const last = lastWorkType(context, projectId);
  return [...workTypes].sort((a, b) => Number(b.workTypeId === last) - Number(a.workTypeId === last));
}

/** Remembers the work type used on a project, offered first next time. */
export async function rememberWorkType(memento: vscode.Memento, projectId: number, workTypeId: number): Promise<void> {
  const stored = memento.get<Record<string, number>>(LAST_WORK_TYPES_KEY) ?? {};
  await memento.update(LAST_WORK_TYPES_KEY, { ...stored, [String(projectId)]: workTypeId });
}

/** A project's billable default, from the cached active projects, else asked once. */
class ProjectBillable {
  private readonly known = new Map<number, boolean>();

  constructor(
    private readonly lookups: Pick<LookupCache, 'activeProjects'>,
    private readonly api: { getProject(id: number): Promise<Project> },
  ) {}

  async of(projectId: number): Promise<boolean> {
    const cached = this.known.get(projectId);
    if (cached !== undefined) {
      return cached;
    }
    let billable = true;
    try {
      const project = (await this.lookups.activeProjects()).find((candidate) => candidate.id === projectId) ?? (await this.api.getProject(projectId));
      billable = project.billable;
    } catch {
      // Offline: billable is the common case and the user can still change it.
    }
    this.known.set(projectId, billable);
    return billable;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
