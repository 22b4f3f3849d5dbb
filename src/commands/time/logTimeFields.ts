import * as l10n from '@vscode/l10n';
import type * as vscode from 'vscode';
import type { Project, ProjectWorkType } from '../../api/types';
import { settle, type Step, type StepOutcome } from '../../prompts/asker';
import { askThen, summaryStep, type SummaryField } from '../../prompts/summary';
import { checkHours } from '../../timeLog/timeEntryDraft';
import { entryLabel, entryProject } from '../../timeLog/logTimeOutcome';
import { toIsoDate } from '../../time/dates';
import { formatHoursMinutes } from '../../time/duration';
import type { LookupCache } from '../../lookups/lookupCache';
import type { LogTimeForm, LogTimeStepsContext } from './logTimeForm';

const LAST_WORK_TYPES_KEY = 'intervals.lastWorkTypeByProject';

/** The project an entry goes to (the task's, or the project time's), and its name. */
type EntryProject = NonNullable<ReturnType<typeof entryProject>>;

/** The steps of Log Time that each ask one value, and the summary that offers them all. */
export interface LogTimeFieldSteps {
  readonly day: Step;
  readonly duration: Step;
}

/**
 * What the summary needs before it shows: the work type (given, else the one last used on the
 * project, else the first) and billable (given, else the project's default). Asks nothing.
 */
export async function prepareEntry(context: LogTimeStepsContext, form: LogTimeForm, billable: ProjectBillable): Promise<StepOutcome> {
  const { values } = form;
  const task = entryProject(values) as EntryProject;
  const projectId = task.projectId as number;
  if (form.preparedFor === projectId) {
    return 'next';
  }
  const workTypes = await activeWorkTypes(context, form, task);
  if (workTypes === 'cancel') {
    return 'cancel';
  }
  if (workTypes !== 'skip') {
    if (values.workTypeId !== undefined && !workTypes.some((type) => type.workTypeId === values.workTypeId)) {
      if (!form.interactive) {
        const names = workTypes.map((type) => `${type.name} (${type.workTypeId})`).join(', ');
        const message = task.project
          ? l10n.t('Work type {0} is not an active work type of {1}; use one of {2}.', values.workTypeId, task.project, names)
          : l10n.t('Work type {0} is not an active work type of the project; use one of {1}.', values.workTypeId, names);
        form.refusal = { status: 'invalid', message, offerRetry: false };
        return 'cancel';
      }
      values.workTypeId = undefined;
    }
    form.workTypes = orderWorkTypes(context, projectId, workTypes);
    values.workTypeId ??= form.workTypes[0].workTypeId;
  }
  form.projectBillable = await billable.of(projectId);
  values.billable ??= form.projectBillable;
  form.preparedFor = projectId;
  return 'next';
}

/**
 * The last step of Log Time: "Log 0:30 on #1003 · Development · billable"; Enter logs, or a
 * field is chosen and asked, and the summary comes back.
 */
export function logSummary(context: LogTimeStepsContext, form: LogTimeForm, steps: LogTimeFieldSteps, billable: ProjectBillable): Step {
  const { values } = form;
  const summary = summaryStep({
    asker: context.asker,
    placeholder: l10n.t('Enter to log, or choose a field to change'),
    action: () =>
      values.billable === false
        ? l10n.t('Log {0} on {1} · {2} · not billable', hoursText(values.hours), entryReference(values), workTypeName(form))
        : l10n.t('Log {0} on {1} · {2} · billable', hoursText(values.hours), entryReference(values), workTypeName(form)),
    fields: () => {
      const fields: SummaryField[] = [
        { icon: 'calendar', label: l10n.t({ message: 'Day', comment: ['A field of the time entry'] }), value: () => dayText(form), ask: askThen(steps.day, () => durationFits(context, form), steps.duration) },
        { icon: 'watch', label: l10n.t('Duration'), value: () => hoursText(values.hours), ask: steps.duration },
      ];
      if (form.workTypes) {
        fields.push({ icon: 'tag', label: l10n.t('Work type'), value: () => workTypeName(form), ask: (position) => askWorkType(context, form, position) });
      }
      fields.push(
        { icon: 'credit-card', label: l10n.t('Billable'), value: () => (values.billable === false ? l10n.t('not billable') : l10n.t('billable')), ask: (position) => askBillable(context, form, position) },
        { icon: 'note', label: l10n.t('Description'), value: () => values.description?.trim() || l10n.t({ message: 'none', comment: ['No description'] }), ask: (position) => askDescription(context, form, position) },
      );
      if (values.fromTimer && values.task && values.description?.trim()) {
        // Off by default; choosing it turns it on or off and comes back here.
        fields.push({
          icon: 'comment',
          label: l10n.t('Also post the description as a task note'),
          value: () => (values.postNote ? l10n.t('yes, a private note') : l10n.t({ message: 'no', comment: ['The description is not posted as a task note'] })),
          ask: () => {
            values.postNote = !values.postNote;
            return Promise.resolve('next');
          },
        });
      }
      return fields;
    },
  });
  return async (position, visit) => {
    const prepared = await prepareEntry(context, form, billable);
    return prepared === 'next' ? summary(position, visit) : prepared;
  };
}

/** The work type as a step of its own (a general timer's time, where no task suggests one): the usual one preselected. */
export function workTypeStep(context: LogTimeStepsContext, form: LogTimeForm, billable: ProjectBillable): Step {
  return async (position) => {
    const prepared = await prepareEntry(context, form, billable);
    if (prepared !== 'next') {
      return prepared;
    }
    return form.workTypes ? askWorkType(context, form, position) : 'skip';
  };
}

/** Whether the duration still fits the day (24 hours with what is logged there). */
async function durationFits(context: LogTimeStepsContext, form: LogTimeForm): Promise<boolean> {
  const date = form.values.date ?? toIsoDate(form.today);
  return checkHours(form.values.hours, context.rounding(), (await context.loggedHours(date)) ?? 0).ok;
}

/** `1:30`, as the duration step takes it; at least a minute, so a short timer is not shown as zero. */
export function hoursText(hours: number | undefined): string {
  return hours === undefined ? '' : formatHoursMinutes(Math.max(60, Math.round((hours * 3600) / 60) * 60));
}

function dayText(form: LogTimeForm): string {
  const date = form.values.date;
  return date === undefined || date === toIsoDate(form.today) ? l10n.t({ message: 'today', comment: ['The day of the time entry'] }) : date;
}

/** `#1003`, or the project (and module) of project time. */
function entryReference(values: LogTimeForm['values']): string {
  const task = values.task;
  return task ? (task.localId !== null ? `#${task.localId}` : task.title) : entryLabel(values);
}

function workTypeName(form: LogTimeForm): string {
  const chosen = form.workTypes?.find((type) => type.workTypeId === form.values.workTypeId);
  return chosen?.name ?? l10n.t('the last used work type');
}

async function askWorkType(context: LogTimeStepsContext, form: LogTimeForm, position: Parameters<Step>[0]): Promise<StepOutcome> {
  const task = entryProject(form.values) as EntryProject;
  const last = lastWorkType(context, task.projectId as number);
  const answer = await context.asker.pick({
    ...position,
    placeholder: task.project ? l10n.t('Work type for {0}', task.project) : l10n.t('Work type for the project'),
    items: (form.workTypes ?? []).map((type) => ({ label: type.name, ...(type.workTypeId === last ? { description: l10n.t({ message: 'last used', comment: ['Beside the work type last used on the project'] }) } : {}), value: type.workTypeId })),
    active: form.values.workTypeId,
  });
  return settle(answer, (value) => {
    form.values.workTypeId = value;
  });
}

async function askBillable(context: LogTimeStepsContext, form: LogTimeForm, position: Parameters<Step>[0]): Promise<StepOutcome> {
  const mark = (value: boolean): { description?: string } => (value === form.projectBillable ? { description: l10n.t('project default') } : {});
  const items = [
    { label: l10n.t('Billable'), ...mark(true), value: true },
    { label: l10n.t('Not billable'), ...mark(false), value: false },
  ];
  return settle(await context.asker.pick({ ...position, placeholder: l10n.t('Billable?'), items, active: form.values.billable ?? true }), (value) => {
    form.values.billable = value;
  });
}

async function askDescription(context: LogTimeStepsContext, form: LogTimeForm, position: Parameters<Step>[0]): Promise<StepOutcome> {
  const answer = await context.asker.input({ ...position, prompt: l10n.t('Description (optional)'), placeholder: l10n.t('Description'), value: form.values.description ?? '' });
  return settle(answer, (value) => {
    form.values.description = value;
  });
}

/** The project's active work types; when they cannot be loaded, the given or last used one is taken (skip). */
async function activeWorkTypes(context: LogTimeStepsContext, form: LogTimeForm, task: EntryProject): Promise<ProjectWorkType[] | 'skip' | 'cancel'> {
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
    const message = task.project
      ? l10n.t('Could not load the work types of {0}: {1}', task.project, errorText(error))
      : l10n.t('Could not load the work types of the project: {0}', errorText(error));
    form.refusal = { status: 'failed', message, offerRetry: true };
    return 'cancel';
  }
  if (workTypes.length === 0) {
    const message = l10n.t('The project {0} has no active work types, so time cannot be logged on it. Ask an Intervals administrator to add one.', task.project ?? projectId);
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
export class ProjectBillable {
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
