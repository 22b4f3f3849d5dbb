import * as l10n from '@vscode/l10n';
import { fromIsoDate, dayInWords } from '../time/dates';
import { formatDuration } from '../time/duration';
import { oneLine } from './chatText';

/**
 * The confirmations of the chat tools that write: what will be sent to Intervals, in words, before
 * anything is. Pure, so their wording is unit-tested; the tools wrap them for VS Code.
 */

export interface Confirmation {
  readonly title: string;
  readonly message: string;
}

/** What the confirmation names a task by: `#1234 Fix login (Website relaunch)`. */
export interface NamedTask {
  readonly localId: number | null;
  readonly title: string;
  readonly project: string | null;
}

/** Project time (a general timer's): the project, and its module when it has modules. */
export interface NamedProject {
  readonly projectName: string;
  readonly module: string | null;
}

export interface TimeEntryPlan {
  readonly task: NamedTask | NamedProject;
  /** YYYY-MM-DD */
  readonly date: string;
  readonly seconds: number;
  readonly workType: string;
  readonly billable: boolean;
  readonly description: string | null;
}

export interface TaskPlan {
  readonly title: string;
  readonly project: string;
  readonly client: string | null;
  readonly module: string | null;
  readonly status: string;
  readonly priority: string;
  readonly assignee: string | null;
  readonly due: string | null;
  readonly description: string | null;
}

/** A timer as a confirmation names it: by its task, or a general timer by its name. */
export type TimerSubject = { readonly task: NamedTask } | { readonly general: string };

export type TimerPlan =
  | { readonly action: 'start'; readonly task: NamedTask; readonly pauses: readonly TimerSubject[]; readonly resumes: boolean }
  | { readonly action: 'startGeneral'; readonly name: string; readonly pauses: readonly TimerSubject[] }
  | { readonly action: 'pause' | 'resume'; readonly timer: TimerSubject; readonly seconds: number }
  | { readonly action: 'stop'; readonly timer: TimerSubject; readonly entry: TimeEntryPlan };

export function describeTask(task: NamedTask): string {
  const name = task.localId != null ? `#${task.localId} ${oneLine(task.title)}` : oneLine(task.title);
  return task.project ? `${name} (${oneLine(task.project)})` : name;
}

function day(iso: string): string {
  const date = fromIsoDate(iso);
  return date ? dayInWords(date) : iso;
}

/** "Log 1 h 30 min on #1234 Fix login (Website relaunch), Thursday, December 3, 2026, Engineering, billable." */
export function entrySentence(plan: TimeEntryPlan): string {
  const billable = plan.billable ? l10n.t('billable') : l10n.t('not billable');
  const sentence = 'title' in plan.task ? taskSentence(plan, plan.task, billable) : projectSentence(plan, plan.task, billable);
  return plan.description ? `${sentence}\n${l10n.t('Description: {0}', oneLine(plan.description))}` : sentence;
}

function taskSentence(plan: TimeEntryPlan, task: NamedTask, billable: string): string {
  return l10n.t({
    message: 'Log {0} on {1}, {2}, {3}, {4}.',
    args: [formatDuration(plan.seconds), describeTask(task), day(plan.date), oneLine(plan.workType), billable],
    comment: ['{0} a duration, {1} the task, {2} the day, {3} the work type, {4} billable or not billable'],
  });
}

/** Project time: "Log 1 h on the project Website relaunch, module Design, Thursday, …". */
function projectSentence(plan: TimeEntryPlan, project: NamedProject, billable: string): string {
  const rest = [day(plan.date), oneLine(plan.workType), billable];
  return project.module
    ? l10n.t({
        message: 'Log {0} on the project {1}, module {2}, {3}, {4}, {5}.',
        args: [formatDuration(plan.seconds), oneLine(project.projectName), oneLine(project.module), ...rest],
        comment: ['{0} a duration, {1} the project, {2} its module, {3} the day, {4} the work type, {5} billable or not billable'],
      })
    : l10n.t({
        message: 'Log {0} on the project {1}, {2}, {3}, {4}.',
        args: [formatDuration(plan.seconds), oneLine(project.projectName), ...rest],
        comment: ['{0} a duration, {1} the project, {2} the day, {3} the work type, {4} billable or not billable'],
      });
}

export function logTimeConfirmation(plan: TimeEntryPlan): Confirmation {
  return { title: l10n.t('Log time in Intervals?'), message: entrySentence(plan) };
}

/** "This pauses the timer of …": a line for each running timer a start pauses. */
function pausesLine(pauses: readonly TimerSubject[]): string {
  return pauses
    .map((each) => `\n${'task' in each ? l10n.t('This pauses the timer of {0}.', describeTask(each.task)) : l10n.t('This pauses the general timer "{0}".', oneLine(each.general))}`)
    .join('');
}

function pauseSentence(timer: TimerSubject, time: string): string {
  return 'task' in timer ? l10n.t('Pause the timer of {0} at {1}.', describeTask(timer.task), time) : l10n.t('Pause the general timer "{0}" at {1}.', oneLine(timer.general), time);
}

function resumeSentence(timer: TimerSubject, time: string): string {
  return 'task' in timer ? l10n.t('Resume the timer of {0} ({1} so far).', describeTask(timer.task), time) : l10n.t('Resume the general timer "{0}" ({1} so far).', oneLine(timer.general), time);
}

function stopSentence(timer: TimerSubject): string {
  return 'task' in timer ? l10n.t('Pause the timer of {0}, then:', describeTask(timer.task)) : l10n.t('Pause the general timer "{0}", then:', oneLine(timer.general));
}

export function timerConfirmation(plan: TimerPlan): Confirmation {
  switch (plan.action) {
    case 'start': {
      const what = plan.resumes ? l10n.t('Resume the timer of {0}.', describeTask(plan.task)) : l10n.t('Start a timer on {0}.', describeTask(plan.task));
      return { title: l10n.t('Start an Intervals timer?'), message: what + pausesLine(plan.pauses) };
    }
    case 'startGeneral':
      return { title: l10n.t('Start an Intervals timer?'), message: l10n.t('Start the general timer "{0}" (no task; its project is chosen when it is stopped).', oneLine(plan.name)) + pausesLine(plan.pauses) };
    case 'pause':
      return { title: l10n.t('Pause the Intervals timer?'), message: pauseSentence(plan.timer, formatDuration(plan.seconds)) };
    case 'resume':
      return { title: l10n.t('Resume the Intervals timer?'), message: resumeSentence(plan.timer, formatDuration(plan.seconds)) };
    case 'stop':
      return {
        title: l10n.t('Stop the Intervals timer and log its time?'),
        message: `${stopSentence(plan.timer)}\n${entrySentence(plan.entry)}\n${l10n.t('The timer is deleted once the entry is in Intervals.')}`,
      };
  }
}

export function createTaskConfirmation(plan: TaskPlan): Confirmation {
  const project = plan.client ? `${oneLine(plan.project)} (${oneLine(plan.client)})` : oneLine(plan.project);
  const lines = [
    l10n.t('Create the task "{0}" in {1}.', oneLine(plan.title), project),
    l10n.t('Module: {0}', plan.module ? oneLine(plan.module) : l10n.t('none')),
    l10n.t('Status: {0} · Priority: {1}', oneLine(plan.status), oneLine(plan.priority)),
    l10n.t('Owner: you · Assignee: {0}', plan.assignee ? oneLine(plan.assignee) : l10n.t('nobody')),
    l10n.t('Opened today · Due: {0}', plan.due ? day(plan.due) : l10n.t('no due date')),
    ...(plan.description ? [l10n.t('Description: {0}', oneLine(plan.description))] : []),
  ];
  return { title: l10n.t('Create an Intervals task?'), message: lines.join('\n') };
}
