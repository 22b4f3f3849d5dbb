import { id, ids } from './commandArguments';
import * as vscode from 'vscode';
import type { IntervalsClient } from '../api/client';
import type { Task, TaskInput } from '../api/types';
import { clientOrSignIn } from '../common/accountGuard';
import { runSteps, settle } from '../prompts/asker';
import { defaultStatus } from '../projects/formRules';
import { invalidArgument, load, sendWrite, type ProjectCommandContext, type WriteResult } from '../projects/projectCommands';
import { positiveId, taskIdFrom, taskLabel } from '../tasks/taskReference';
import { argumentObject, type Command } from './commandTable';
import { personName } from './createTask';
import { escapeIcons } from '../common/untrustedText';

/** The task a command was run on: the tree node's, the id's (fetched), or one the user finds. */
async function taskFor(context: ProjectCommandContext, api: IntervalsClient, arg: unknown, title: string): Promise<Task | undefined> {
  const node = argumentObject(arg);
  const nodeTask = node ? argumentObject(node.task) : undefined;
  if (nodeTask && typeof nodeTask.title === 'string' && Array.isArray(nodeTask.assigneeIds)) {
    return nodeTask as unknown as Task;
  }
  const id = taskIdFrom(arg);
  if (id !== undefined) {
    return load(context, 'the task', () => api.getTask(id));
  }
  return vscode.commands.executeCommand<Task | undefined>('intervals.findTask', { pick: true, title });
}

/**
 * Sends the change. Retry sends the same absolute values again (`{ taskId, statusId }` or
 * `{ taskId, assigneeIds }`), which is safe even when the failed attempt was applied.
 */
async function update(
  context: ProjectCommandContext,
  api: IntervalsClient,
  command: string,
  taskId: number,
  patch: Pick<TaskInput, 'statusId'> | Pick<TaskInput, 'assigneeIds'>,
): Promise<WriteResult<Task>> {
  const retry = { command, argument: { taskId, ...patch } };
  const result = await sendWrite(context, 'update the task', () => api.updateTask(taskId, patch), retry);
  if (result.status === 'done') {
    const task = result.item;
    context.log.info(`Updated task ${task.id}`);
    context.services.changes.fire({ resource: 'task', id: task.id, projectId: task.projectId ?? undefined, item: task });
    vscode.window.setStatusBarMessage(`Updated ${escapeIcons(taskLabel(task))}`, 5000);
  }
  return result;
}

/** `intervals.setTaskStatus`: a task's workflow status, `PUT /task/{id}/`. `{ taskId, statusId }` asks nothing. */
export function setTaskStatusCommand(context: ProjectCommandContext): Command {
  return {
    id: 'intervals.setTaskStatus',
    arguments: { taskId: id, statusId: id },
    async execute(arg?: unknown): Promise<WriteResult<Task>> {
      const api = await clientOrSignIn(context.services.session, 'change a task');
      if (!api) {
        return { status: 'cancelled' };
      }
      const options = argumentObject(arg) ?? {};
      if (options.statusId !== undefined) {
        const taskId = taskIdFrom(arg);
        const statusId = positiveId(options.statusId);
        if (taskId === undefined || statusId === undefined) {
          return invalidArgument('Give a task id and a status id.');
        }
        return update(context, api, 'intervals.setTaskStatus', taskId, { statusId });
      }
      const task = await taskFor(context, api, arg, 'Set Task Status: Choose a Task');
      if (!task) {
        return { status: 'cancelled' };
      }
      const statuses = await load(context, 'task statuses', () => context.services.lookups.taskStatuses());
      if (!statuses) {
        return { status: 'cancelled' };
      }
      let statusId: number | undefined;
      const items = [...statuses]
        .sort((a, b) => a.order - b.order)
        .map((s) => ({ label: s.name, description: s.id === task.statusId ? 'current' : undefined, value: s.id }));
      const done = await runSteps(`Set Status of ${taskLabel(task)}`, [
        async (position) =>
          settle(
            await context.asker.current.pick({ ...position, placeholder: 'New status', items, active: task.statusId ?? defaultStatus(statuses)?.id }),
            (value) => {
              statusId = value;
            },
          ),
      ]);
      if (!done || statusId === undefined) {
        return { status: 'cancelled' };
      }
      return update(context, api, 'intervals.setTaskStatus', task.id, { statusId });
    },
  };
}

/** `intervals.assignTask`: who a task is assigned to, `PUT /task/{id}/`. `{ taskId, assigneeIds }` asks nothing. */
export function assignTaskCommand(context: ProjectCommandContext): Command {
  return {
    id: 'intervals.assignTask',
    arguments: { taskId: id, assigneeIds: ids },
    async execute(arg?: unknown): Promise<WriteResult<Task>> {
      const api = await clientOrSignIn(context.services.session, 'change a task');
      if (!api) {
        return { status: 'cancelled' };
      }
      const options = argumentObject(arg) ?? {};
      if (options.assigneeIds !== undefined) {
        const taskId = taskIdFrom(arg);
        const ids = Array.isArray(options.assigneeIds) ? options.assigneeIds.map(positiveId) : [undefined];
        if (taskId === undefined || !ids.every((id): id is number => id !== undefined)) {
          return invalidArgument('Give a task id and a list of person ids.');
        }
        return update(context, api, 'intervals.assignTask', taskId, { assigneeIds: ids });
      }
      const task = await taskFor(context, api, arg, 'Assign Task: Choose a Task');
      if (!task) {
        return { status: 'cancelled' };
      }
      if (task.projectId === null) {
        return invalidArgument('This task has no project, so there is no one to assign it to.');
      }
      const projectId = task.projectId;
      const people = await load(context, 'the people on the project', () => context.services.lookups.projectPeople(projectId));
      if (!people) {
        return { status: 'cancelled' };
      }
      const you = context.services.session.state.signedIn ? context.services.session.state.account.personId : undefined;
      const items = [...people]
        .sort((a, b) => personName(a).localeCompare(personName(b)))
        .map((p) => ({ label: personName(p), description: p.id === you ? 'you' : (p.title ?? undefined), value: p.id }));
      let assigneeIds: number[] | undefined;
      const done = await runSteps(`Assign ${taskLabel(task)}`, [
        async (position) =>
          settle(
            await context.asker.current.pickMany({ ...position, placeholder: 'Assignees (clear all for none)', items, selected: task.assigneeIds }),
            (value) => {
              assigneeIds = value;
            },
          ),
      ]);
      if (!done || assigneeIds === undefined) {
        return { status: 'cancelled' };
      }
      return update(context, api, 'intervals.assignTask', task.id, { assigneeIds });
    },
  };
}
