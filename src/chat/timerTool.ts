import * as l10n from '@vscode/l10n';
import { checkHours } from '../timeLog/timeEntryDraft';
import { isRunning } from '../timer/timerModel';
import type { TimerEntry } from '../timer/timerService';
import { toIsoDate } from '../time/dates';
import { formatHoursMinutes } from '../time/duration';
import { describeTask, timerConfirmation, type TimerPlan } from './chatConfirmations';
import type { Resolved } from './chatResolution';
import { findTask } from './chatTasks';
import type { ChatToolDependencies, ChatToolSpec, Planned, ToolContext } from './chatTool';
import { taskNumber, userContent } from './chatText';
import { entryFields } from './logTimeTool';

export interface TimerInput {
  readonly action?: unknown;
  readonly task?: unknown;
  readonly workType?: unknown;
  readonly billable?: unknown;
  readonly description?: unknown;
}

/** A plan and the argument object of the command that carries it out. */
interface TimerCall {
  readonly command: string;
  readonly arg: Record<string, unknown>;
  readonly plan: TimerPlan;
}

function timerName(entry: TimerEntry): string {
  return entry.task ? describeTask(entry.task) : l10n.t('the general timer');
}

function target(entry: TimerEntry): Record<string, unknown> {
  return entry.timer.taskId !== undefined ? { taskId: entry.timer.taskId } : entry.timer.id !== undefined ? { timerId: entry.timer.id } : {};
}

/** Every timer, for `status` and for refusals that list them. */
export function timerList(deps: Pick<ChatToolDependencies, 'timers'>): string {
  const entries = deps.timers.entries;
  if (entries.length === 0) {
    return l10n.t('No timers: none runs and none is paused.');
  }
  const lines = entries.map((entry) =>
    [
      entry.task ? l10n.t('task id {0}', entry.task.id) : l10n.t('the general timer'),
      isRunning(entry.timer) ? 'running' : 'paused',
      formatHoursMinutes(deps.timers.elapsed(entry)),
      entry.task ? describeTask(entry.task) : '',
    ].join(' | '),
  );
  return `${l10n.t('{0} timers (task id | state | h:mm | task):', entries.length)}\n${userContent(lines)}`;
}

/** The timer the action is about: the task's, else the only candidate; several are refused. */
async function chosenTimer(deps: ChatToolDependencies, context: ToolContext, input: TimerInput, candidate: (entry: TimerEntry) => boolean): Promise<Resolved<TimerEntry>> {
  if (input.task !== undefined && input.task !== '') {
    const found = await findTask(deps, context, input.task);
    if (!found.ok) {
      return found;
    }
    const entry = deps.timers.entries.find((each) => each.timer.taskId === found.task.id);
    return entry ? { ok: true, value: entry } : { ok: false, message: l10n.t('Task id {0} {1} has no timer.\n{2}', found.task.id, taskNumber(found.task), timerList(deps)) };
  }
  const candidates = deps.timers.entries.filter(candidate);
  if (candidates.length === 1) {
    return { ok: true, value: candidates[0] };
  }
  return { ok: false, message: candidates.length === 0 ? l10n.t('No timer fits.\n{0}', timerList(deps)) : l10n.t('Several timers fit; give "task" to say which.\n{0}', timerList(deps)) };
}

async function startCall(deps: ChatToolDependencies, context: ToolContext, input: TimerInput): Promise<Resolved<TimerCall>> {
  if (input.task === undefined || input.task === '') {
    return { ok: false, message: l10n.t('"task" is needed to start a timer: a task id, #number or words of its title.') };
  }
  const found = await findTask(deps, context, input.task);
  if (!found.ok) {
    return found;
  }
  const task = found.task;
  const others = deps.timers.entries.filter((entry) => isRunning(entry.timer) && entry.timer.taskId !== task.id);
  const pauses = deps.allowMultipleTimers() ? [] : others.map(timerName);
  const resumes = deps.timers.entries.some((entry) => entry.timer.taskId === task.id);
  return { ok: true, value: { command: 'intervals.startTimer', arg: { taskId: task.id }, plan: { action: 'start', task, pauses, resumes } } };
}

async function stopCall(deps: ChatToolDependencies, context: ToolContext, input: TimerInput): Promise<Resolved<TimerCall>> {
  const chosen = await chosenTimer(deps, context, input, (entry) => isRunning(entry.timer) || deps.timers.entries.length === 1);
  if (!chosen.ok) {
    return chosen;
  }
  const entry = chosen.value;
  const task = entry.timer.taskId !== undefined ? await context.api.getTask(entry.timer.taskId) : undefined;
  if (!task) {
    return { ok: false, message: l10n.t('The general timer is logged from VS Code: ask the user to run "Intervals: Stop Timer and Log…".') };
  }
  const fields = await entryFields(deps, task, input);
  const hours = checkHours(Math.max(deps.timers.elapsed(entry), 60) / 3600, deps.rounding());
  if (!fields.ok || !hours.ok) {
    return fields.ok ? { ok: false, message: hours.ok ? '' : hours.message } : fields;
  }
  const date = toIsoDate(deps.timers.now());
  const entryPlan = { task, date, seconds: hours.seconds, workType: fields.value.workType, billable: fields.value.billable, description: fields.value.description };
  const arg = { ...target(entry), worktypeId: fields.value.workTypeId, billable: fields.value.billable, ...(fields.value.description ? { description: fields.value.description } : {}), prompt: false };
  return { ok: true, value: { command: 'intervals.stopTimer', arg, plan: { action: 'stop', timer: timerName(entry), entry: entryPlan } } };
}

async function timerCall(deps: ChatToolDependencies, context: ToolContext, input: TimerInput): Promise<Resolved<TimerCall> | 'status'> {
  switch (input.action) {
    case 'status':
      return 'status';
    case 'start':
      return startCall(deps, context, input);
    case 'pause':
    case 'resume': {
      const action = input.action;
      const chosen = await chosenTimer(deps, context, input, (entry) => isRunning(entry.timer) === (action === 'pause'));
      if (!chosen.ok) {
        return chosen;
      }
      const entry = chosen.value;
      const command = action === 'pause' ? 'intervals.pauseTimer' : 'intervals.resumeTimer';
      return { ok: true, value: { command, arg: target(entry), plan: { action, timer: timerName(entry), seconds: deps.timers.elapsed(entry) } } };
    }
    case 'stop':
      return stopCall(deps, context, input);
    default:
      return { ok: false, message: l10n.t('"action" must be status, start, pause, resume or stop.') };
  }
}

/** `status` reads; every other action is a write, confirmed first, carried out by the timer commands. */
export function timerTool(deps: ChatToolDependencies): ChatToolSpec<TimerInput, TimerCall | 'status'> {
  return {
    kind: 'write',
    async plan(input, context): Promise<Planned<TimerCall | 'status'>> {
      const call = await timerCall(deps, context, input);
      if (call === 'status') {
        return { ok: true, plan: 'status', confirmation: undefined };
      }
      return call.ok ? { ok: true, plan: call.value, confirmation: timerConfirmation(call.value.plan) } : call;
    },
    async carryOut(call) {
      if (call === 'status') {
        return timerList(deps);
      }
      const result = await deps.run<unknown>(call.command, call.arg);
      const outcome = result && typeof result === 'object' && 'status' in result ? (result as { status: string; message?: string }) : undefined;
      if (outcome && outcome.status !== 'logged' && outcome.status !== 'queued') {
        return l10n.t('The timer was paused but its time was not logged ({0}). {1}\n{2}', outcome.status, outcome.message ?? '', timerList(deps));
      }
      return `${l10n.t('Done.')}${outcome?.status === 'queued' ? ` ${l10n.t('The entry waits on this computer and is sent when Intervals can be reached.')}` : ''}\n${timerList(deps)}`;
    },
  };
}
