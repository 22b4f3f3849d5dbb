import { id } from './commandArguments';
import * as vscode from 'vscode';
import type { Task } from '../api/types';
import { clientOrSignIn } from '../common/accountGuard';
import { reportError } from '../common/errorReporter';
import { argumentObject } from './commandTable';
import { summarizeTask, taskIdFrom, type TaskSummary } from '../tasks/taskReference';
import type { TimerEntry } from '../timer/timerService';
import type { TimerCommandContext } from '../timerUi/timerCommandContext';
import type { Command } from './commandTable';

/**
 * `intervals.startTimer`: a task (tree node, `Task`, `{ taskId }`) or, from the palette, Find
 * Task's picker (recent tasks first). Resumes the task's timer if it has one; pauses the running
 * one unless several may run. Returns the timer.
 */
export function startTimerCommand(context: TimerCommandContext): Command {
  return {
    id: 'intervals.startTimer',
    arguments: { taskId: id },
    async execute(arg?: unknown): Promise<TimerEntry | undefined> {
      const api = await clientOrSignIn(context.session, 'start a timer');
      if (!api) {
        return undefined;
      }
      const task = await taskFor(context, arg, (id) => api.getTask(id));
      if (!task) {
        return undefined;
      }
      const entry = await context.service.start(task);
      await context.recentTasks.remember(task);
      context.fireChange(entry);
      return entry;
    },
  };
}

async function taskFor(context: TimerCommandContext, arg: unknown, fetch: (id: number) => Promise<Task>): Promise<TaskSummary | undefined> {
  const taskId = taskIdFrom(arg);
  if (taskId === undefined) {
    const picked = await vscode.commands.executeCommand<Task | undefined>('intervals.findTask', { pick: true, title: 'Start Timer' });
    return picked ? summarizeTask(picked) : undefined;
  }
  const given = argumentObject(arg);
  const nested = argumentObject(given?.task);
  for (const candidate of [given, nested]) {
    if (candidate && candidate.id === taskId && typeof candidate.title === 'string') {
      return summarizeTask(candidate as unknown as TaskSummary);
    }
  }
  const known =
    context.service.entries.find((entry) => entry.task?.id === taskId)?.task ?? context.recentTasks.list().find((task) => task.id === taskId);
  if (known) {
    return known;
  }
  try {
    return summarizeTask(await fetch(taskId));
  } catch (error) {
    await reportError(context.log, 'find the task for the timer', error);
    return undefined;
  }
}
