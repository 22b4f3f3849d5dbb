import * as l10n from '@vscode/l10n';
import type { Task } from '../api/types';
import { summarizeTask, taskLabel, type TaskSummary } from '../tasks/taskReference';
import type { WaitReason } from './timeLogSync';

/** Time logged to a project without a task: the project and, when the project has modules, one of them. */
export interface ProjectTime {
  readonly projectId: number;
  readonly project: string | null;
  readonly client: string | null;
  readonly moduleId: number | null;
  readonly module: string | null;
}

/** What the user has answered so far in Log Time (or gave in its argument). */
export interface LogTimeAnswers {
  task?: Task | TaskSummary;
  /** Project time: set instead of `task`. */
  project?: ProjectTime;
  date?: string;
  hoursText?: string;
  hours?: number;
  workTypeId?: number;
  billable?: boolean;
  description?: string;
  /** The timer the entry comes from (Stop Timer and Log), deleted once the entry is logged. */
  timerId?: number;
  /** Started by Stop Timer and Log, with or without a timer id. */
  fromTimer?: boolean;
  /** Also post the description as a private note on the task (offered when stopping a task's timer). */
  postNote?: boolean;
}

/** `Website Redesign › Design`: project time as the user reads it. */
export function projectTimeLabel(time: Pick<ProjectTime, 'projectId' | 'project' | 'module'>): string {
  const name = time.project ?? l10n.t('Project {0}', time.projectId);
  return time.module ? `${name} › ${time.module}` : name;
}

/** What the entry is logged on (the task, or the project of project time), as the user reads it. */
export function entryLabel(values: Pick<LogTimeAnswers, 'task' | 'project'>): string {
  return values.task ? taskLabel(values.task) : values.project ? projectTimeLabel(values.project) : '';
}

/** The project the entry goes to, and its name: the task's, or the project time's. */
export function entryProject(values: Pick<LogTimeAnswers, 'task' | 'project'>): { projectId: number | null; project: string | null } | undefined {
  return values.task ?? values.project;
}

/** A command and its argument, run by a notification's button. */
export interface FollowUp {
  readonly command: string;
  readonly args: Record<string, unknown>;
}

/**
 * What opens Log Time again with every answer given so far filled in. An entry made from a timer
 * goes back through Stop Timer instead, which reads the timer's time again (it may have run on)
 * and deletes the timer once the entry is in, whether or not Intervals knows the timer yet.
 */
export function retryArguments(values: LogTimeAnswers): FollowUp {
  const task = values.task ? { taskId: values.task.id, task: summarizeTask(values.task) } : projectArguments(values.project);
  const rest = {
    ...(values.workTypeId !== undefined ? { worktypeId: values.workTypeId } : {}),
    ...(values.billable !== undefined ? { billable: values.billable } : {}),
    ...(values.description !== undefined ? { description: values.description } : {}),
    ...(values.postNote ? { postNote: true } : {}),
    prompt: true,
  };
  if (values.fromTimer) {
    return { command: 'intervals.stopTimer', args: { ...(values.task ? { taskId: values.task.id } : { ...projectArguments(values.project), ...(values.timerId !== undefined ? { timerId: values.timerId } : {}) }), ...rest } };
  }
  return {
    command: 'intervals.logTime',
    args: {
      ...task,
      ...(values.date !== undefined ? { date: values.date } : {}),
      ...(values.hoursText !== undefined ? { hours: values.hoursText } : values.hours !== undefined ? { hours: values.hours } : {}),
      ...rest,
    },
  };
}

function projectArguments(project: ProjectTime | undefined): Record<string, number> {
  return project ? { projectId: project.projectId, ...(project.moduleId !== null ? { moduleId: project.moduleId } : {}) } : {};
}

/** What the user is told about an entry that waits, by why it waits. */
export function waitingMessage(reason: WaitReason, what: string): string {
  switch (reason) {
    case 'serverError':
      return l10n.t('Intervals answered with a server error. {0} is kept and will be sent again shortly (see My Time).', what);
    case 'rateLimited':
      return l10n.t('Intervals asked to slow down (too many requests). {0} is kept and will be sent once it allows (see My Time).', what);
    case 'signedOut':
      return l10n.t('Intervals refused the API token. {0} is kept and will be sent once you sign in again (see My Time).', what);
    case 'otherWindow':
      return l10n.t('{0} is being sent, or was just sent, by another VS Code window (see My Time).', what);
    default:
      return l10n.t('Intervals could not be reached. {0} is kept and will be sent when the connection is back (see My Time).', what);
  }
}
