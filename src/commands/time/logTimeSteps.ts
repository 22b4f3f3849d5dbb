import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { Task } from '../../api/types';
import { BACK, type Choice, type Step, type StepOutcome, type StepPosition, type StepVisit } from '../../prompts/asker';
import { dateStep, durationStep } from '../../prompts/steps';
import { taskLabel, type TaskSummary } from '../../tasks/taskReference';
import { toIsoDate } from '../../time/dates';
import { formatDuration } from '../../time/duration';
import type { LogTimeForm, LogTimeStepsContext } from './logTimeForm';
import { logSummary, prepareEntry, ProjectBillable, workTypeStep } from './logTimeFields';
import { projectTimeStep } from './logTimeProject';
import { entryLabel } from '../../timeLog/logTimeOutcome';

export type { LogTimeForm, LogTimeStepsContext } from './logTimeForm';
export { rememberWorkType } from './logTimeFields';

export function logTimeTitle(): string {
  return l10n.t('Log Time');
}

/**
 * Log Time's steps: task, day, duration, then a summary that logs on Enter or changes any value
 * (work type, billable, description among them). A step whose answer was given moves on without
 * asking (Back still reaches it). From a timer the task and day are known: the duration, then
 * the summary (a general timer's: its project and module first). "No task (project time)…" asks
 * a project and module instead of the task. Without prompts (`interactive` false) nothing is asked; the defaults are taken.
 */
export function logTimeSteps(context: LogTimeStepsContext, form: LogTimeForm): Step[] {
  const billable = new ProjectBillable(context.lookups, form.api);
  const project = projectTimeStep(context, form);
  const task: Step = (position, visit) => taskStep(context, form, project, position, visit);
  const day = withProject(form, dayStep(context, form));
  const duration = withProject(form, durationOf(context, form));
  if (!form.interactive) {
    return [task, day, duration, () => prepareEntry(context, form, billable)];
  }
  const summary = logSummary(context, form, { day, duration }, billable);
  if (form.values.fromTimer && form.values.hoursText !== undefined) {
    form.values.date ??= toIsoDate(form.today);
    if (form.values.task) {
      return [duration, summary];
    }
    // A general timer: the project (and module) it was spent on and the work type, then the usual.
    form.askProject = true;
    return [project, workTypeStep(context, form, billable), duration, summary];
  }
  return [task, day, duration, summary];
}

/** Refuses a task without a project before asking anything about it. */
function withProject(form: LogTimeForm, step: Step): Step {
  return (position, visit) => {
    const task = form.values.task;
    if (task && task.projectId === null) {
      form.refusal = { status: 'invalid', message: l10n.t('Task {0} has no project, so time cannot be logged on it.', taskLabel(task)), offerRetry: false };
      return Promise.resolve('cancel');
    }
    return step(position, visit);
  };
}

/**
 * The task: given, chosen, found with Find Task, or "No task (project time)…", which asks the
 * project and module within this step (Back from them comes back to the tasks).
 */
async function taskStep(context: LogTimeStepsContext, form: LogTimeForm, project: Step, position: StepPosition, visit: StepVisit): Promise<StepOutcome> {
  const given = form.values.task;
  const projectTime = form.askProject === true && form.values.project !== undefined;
  if (!form.prompt && !visit.returning && (given || projectTime)) {
    // A given project still needs its module when the project has modules.
    return given ? 'next' : project(position, visit);
  }
  for (;;) {
    const answer = await pickTask(context, form, position);
    if (answer !== PROJECT) {
      return answer;
    }
    form.values.task = undefined;
    form.askProject = true;
    const outcome = await project({ ...position, canGoBack: true }, { returning: true });
    if (outcome !== 'back') {
      return outcome;
    }
  }
}

const FIND = 0;
const PROJECT = 1;

/** The task step's pick: a task is stored ('next'), or "No task (project time)…" was chosen. */
async function pickTask(context: LogTimeStepsContext, form: LogTimeForm, position: StepPosition): Promise<StepOutcome | typeof PROJECT> {
  const given = form.values.task;
  const pinned = context.pinnedTasks.list().filter((task) => task.id !== given?.id);
  const pinnedIds = new Set(pinned.map((task) => task.id));
  const recent = context.recentTasks.list().filter((task) => task.id !== given?.id && !pinnedIds.has(task.id));
  const first = [...(given ? [given] : []), ...pinned, ...recent];
  // Every open task follows as it arrives; the run waits for the list before it returns.
  const offered = new Set(first.map((task) => task.id));
  const loading = context.openTasks().then((tasks) => tasks.filter((task) => !offered.has(task.id)).map((task) => taskChoice(task)));
  form.pending = loading.catch(() => undefined);
  const answer = await context.asker.pick<Task | TaskSummary | typeof FIND | typeof PROJECT>({
    ...position,
    placeholder: l10n.t('Task to log time on: type a title, #number, project or client'),
    items: [
      ...first.map((task) => taskChoice(task, pinnedIds.has(task.id))),
      { icon: 'search', label: l10n.t('Find task…'), description: l10n.t('search with Find Task'), alwaysShow: true, value: FIND },
      { icon: 'project', label: l10n.t('No task (project time)…'), description: l10n.t('log time on a project'), alwaysShow: true, value: PROJECT },
    ],
    ...(given ? { active: given } : form.askProject && form.values.project ? { active: PROJECT } : {}),
    more: () => loading,
  });
  if (answer === undefined || answer === BACK) {
    return 'cancel';
  }
  if (answer === PROJECT) {
    return PROJECT;
  }
  const found = answer === FIND ? await findTask() : answer;
  if (!found) {
    return 'cancel';
  }
  form.values.task = found;
  form.values.project = undefined;
  form.askProject = false;
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
    prompt: () => l10n.t('Day to log on {0}: today, yesterday, a weekday such as mon, -2, dec 18 or YYYY-MM-DD', entryLabel(form.values)),
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

