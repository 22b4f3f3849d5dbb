import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { Task } from '../../api/types';
import { BACK, type Choice, type Step, type StepOutcome, type StepVisit } from '../../prompts/asker';
import { dateStep, durationStep } from '../../prompts/steps';
import { taskLabel, type TaskSummary } from '../../tasks/taskReference';
import { toIsoDate } from '../../time/dates';
import { formatDuration } from '../../time/duration';
import type { LogTimeForm, LogTimeStepsContext } from './logTimeForm';
import { logSummary, prepareEntry, ProjectBillable } from './logTimeFields';

export type { LogTimeForm, LogTimeStepsContext } from './logTimeForm';
export { rememberWorkType } from './logTimeFields';

export function logTimeTitle(): string {
  return l10n.t('Log Time');
}

/**
 * Log Time's steps: task, day, duration, then a summary that logs on Enter or changes any value
 * (work type, billable, description among them). A step whose answer was given moves on without
 * asking (Back still reaches it). From a timer the task and day are known: the duration, then
 * the summary. Without prompts (`interactive` false) nothing is asked; the defaults are taken.
 */
export function logTimeSteps(context: LogTimeStepsContext, form: LogTimeForm): Step[] {
  const billable = new ProjectBillable(context.lookups, form.api);
  const task: Step = (position, visit) => taskStep(context, form, position, visit);
  const day = withProject(form, dayStep(context, form));
  const duration = withProject(form, durationOf(context, form));
  if (!form.interactive) {
    return [task, day, duration, () => prepareEntry(context, form, billable)];
  }
  const summary = logSummary(context, form, { day, duration }, billable);
  if (form.values.fromTimer && form.values.task && form.values.hoursText !== undefined) {
    form.values.date ??= toIsoDate(form.today);
    return [duration, summary];
  }
  return [task, day, duration, summary];
}

/** Refuses a task without a project before asking anything about it. */
function withProject(form: LogTimeForm, step: Step): Step {
  return (position, visit) => {
    const task = form.values.task as TaskSummary;
    if (task.projectId === null) {
      form.refusal = { status: 'invalid', message: l10n.t('Task {0} has no project, so time cannot be logged on it.', taskLabel(task)), offerRetry: false };
      return Promise.resolve('cancel');
    }
    return step(position, visit);
  };
}

async function taskStep(context: LogTimeStepsContext, form: LogTimeForm, position: { title: string; step: number; totalSteps: number }, visit: StepVisit): Promise<StepOutcome> {
  const given = form.values.task;
  if (given && !form.prompt && !visit.returning) {
    return 'next';
  }
  const pinned = context.pinnedTasks.list().filter((task) => task.id !== given?.id);
  const pinnedIds = new Set(pinned.map((task) => task.id));
  const recent = context.recentTasks.list().filter((task) => task.id !== given?.id && !pinnedIds.has(task.id));
  const first = [...(given ? [given] : []), ...pinned, ...recent];
  // Every open task follows as it arrives; the run waits for the list before it returns.
  const offered = new Set(first.map((task) => task.id));
  const loading = context.openTasks().then((tasks) => tasks.filter((task) => !offered.has(task.id)).map((task) => taskChoice(task)));
  form.pending = loading.catch(() => undefined);
  const FIND = 0;
  const answer = await context.asker.pick<Task | TaskSummary | typeof FIND>({
    ...position,
    placeholder: l10n.t('Task to log time on: type a title, #number, project or client'),
    items: [...first.map((task) => taskChoice(task, pinnedIds.has(task.id))), { icon: 'search', label: l10n.t('Find task…'), description: l10n.t('search with Find Task'), alwaysShow: true, value: FIND }],
    ...(given ? { active: given } : {}),
    more: () => loading,
  });
  if (answer === undefined || answer === BACK) {
    return 'cancel';
  }
  if (answer !== FIND) {
    form.values.task = answer;
    return 'next';
  }
  const found = await findTask();
  if (!found) {
    return 'cancel';
  }
  form.values.task = found;
  return 'next';
}

/** A task as the task step offers it: `#number title`, with its client and project. */
function taskChoice(task: Task | TaskSummary, pinned = false): Choice<Task | TaskSummary> {
  const description = [task.client, task.project].filter(Boolean).join(' › ');
  return { ...(pinned ? { icon: 'pinned' } : {}), label: taskLabel(task), description, value: task };
}

/** Find Task's picker, as every command asks for a task it was not given. */
function findTask(): Thenable<Task | undefined> {
  return vscode.commands.executeCommand<Task | undefined>('intervals.findTask', { pick: true, title: logTimeTitle() });
}

function dayStep(context: LogTimeStepsContext, form: LogTimeForm): Step {
  const ask = dateStep({
    asker: context.asker,
    today: form.today,
    prompt: () => l10n.t('Day to log on {0}: today, yesterday, a weekday such as mon, -2, dec 18 or YYYY-MM-DD', taskLabel(form.values.task as TaskSummary)),
    placeholder: l10n.t('Day to log'),
    direction: 'past',
    value: () => (form.values.date === undefined || form.values.date === toIsoDate(form.today) ? 'today' : form.values.date),
    store: (iso) => {
      form.values.date = iso ?? undefined;
    },
  });
  return (position, visit) => {
    if (!form.interactive) {
      form.values.date ??= toIsoDate(form.today);
      return Promise.resolve('next');
    }
    return ask(position, visit);
  };
}

function durationOf(context: LogTimeStepsContext, form: LogTimeForm): Step {
  const date = (): string => form.values.date ?? toIsoDate(form.today);
  const ask = durationStep({
    asker: context.asker,
    prompt: (logged) =>
      logged
        ? l10n.t('Duration on {0}: 1.5, 1:30, 90m, 1h 30m, or a range such as 9:15-10:45 ({1} already logged that day)', date(), formatDuration(logged * 3600))
        : l10n.t('Duration on {0}: 1.5, 1:30, 90m, 1h 30m, or a range such as 9:15-10:45', date()),
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

