import * as l10n from '@vscode/l10n';
import { checkHours } from '../timeLog/timeEntryDraft';
import { isRunning } from '../timer/timerModel';
import type { TimerEntry } from '../timer/timerService';
import { toIsoDate } from '../time/dates';
import { formatHoursMinutes } from '../time/duration';
import { describeTask, timerConfirmation, type TimerPlan, type TimerSubject } from './chatConfirmations';
import type { Resolved } from './chatResolution';
import { findTask } from './chatTasks';
import type { ChatToolDependencies, ChatToolSpec, Planned, ToolContext } from './chatTool';
import { oneLine, taskNumber, userContent } from './chatText';
import { generalName, generalStop, generalTimerNamed, namesGeneral, timerTarget, type GeneralTimerInput } from './generalTimerTool';
import { entryFields } from './logTimeTool';

export interface TimerInput extends GeneralTimerInput {
  readonly action?: unknown;
  readonly task?: unknown;
}

/** A plan and the argument object of the command that carries it out. */
interface TimerCall {
  readonly command: string;
  readonly arg: Record<string, unknown>;
  readonly plan: TimerPlan;
}

function subject(entry: TimerEntry): TimerSubject {
  return entry.task ? { task: entry.task } : { general: entry.timer.name ?? '' };
}

/** Every timer, for `status` and for refusals that list them. */
export function timerList(deps: Pick<ChatToolDependencies, 'timers'>): string {
  const entries = deps.timers.entries;
  if (entries.length === 0) {
    return l10n.t('No timers: none runs and none is paused.');
  }
  const lines = entries.map((entry) =>
    [
      entry.task ? l10n.t('task id {0}', entry.task.id) : l10n.t('general timer'),
      isRunning(entry.timer) ? 'running' : 'paused',
      formatHoursMinutes(deps.timers.elapsed(entry)),
      entry.task ? describeTask(entry.task) : oneLine(entry.timer.name),
    ].join(' | '),
  );
  return `${l10n.t('{0} timers (task id or general timer | state | h:mm | task, or the general timer\'s name):', entries.length)}\n${userContent(lines)}`;
}

/** The timer the action is about: the task's, else the only candidate; several are refused. */
async function chosenTimer(deps: ChatToolDependencies, context: ToolContext, input: TimerInput, candidate: (entry: TimerEntry) => boolean): Promise<Resolved<TimerEntry>> {
  if (namesGeneral(input)) {
    return namedTimer(deps, input);
  }
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
  return { ok: false, message: candidates.length === 0 ? l10n.t('No timer fits.\n{0}', timerList(deps)) : l10n.t('Several timers fit; give "task" to say which (or "name" for a general timer).\n{0}', timerList(deps)) };
}

/** The general timer the input names; none or several are refused with every timer listed. */
function namedTimer(deps: ChatToolDependencies, input: TimerInput): Resolved<TimerEntry> {
  if (input.task !== undefined && input.task !== '') {
    return { ok: false, message: l10n.t('Give either "task" (a task\'s timer) or "name" (a general timer), not both.') };
  }
  const name = generalName(input);
  if (!name.ok) {
    return name;
  }
  const found = generalTimerNamed(deps.timers.entries, name.value);
  if (found.entry) {
    return { ok: true, value: found.entry };
  }
  return {
    ok: false,
    message:
      found.count === 0
        ? l10n.t('No general timer has the name given in "name".\n{0}', timerList(deps))
        : l10n.t('{0} general timers have the name given in "name"; ask the user to stop or rename the others in VS Code.\n{1}', found.count, timerList(deps)),
  };
}

/** A new general timer of the given name; it pauses the running timers unless several may run. */
function startGeneralCall(deps: ChatToolDependencies, input: TimerInput): Resolved<TimerCall> {
  const name = generalName(input);
  if (!name.ok) {
    return name;
  }
  const pauses = deps.allowMultipleTimers() ? [] : deps.timers.entries.filter((entry) => isRunning(entry.timer)).map(subject);
  return { ok: true, value: { command: 'intervals.startTimer', arg: { name: name.value }, plan: { action: 'startGeneral', name: name.value, pauses } } };
}

async function startCall(deps: ChatToolDependencies, context: ToolContext, input: TimerInput): Promise<Resolved<TimerCall>> {
  const noTask = input.task === undefined || input.task === '';
  if (noTask && namesGeneral(input)) {
    return startGeneralCall(deps, input);
  }
  if (!noTask && namesGeneral(input)) {
    return { ok: false, message: l10n.t('Give either "task" (a timer on that task) or "name" (a general timer with that name), not both.') };
  }
  if (noTask) {
    return { ok: false, message: l10n.t('"task" is needed to start a timer: a task id, #number or words of its title; or "name" to start a general timer (no task) with that name.') };
  }
  const found = await findTask(deps, context, input.task);
  if (!found.ok) {
    return found;
  }
  const task = found.task;
  const others = deps.timers.entries.filter((entry) => isRunning(entry.timer) && entry.timer.taskId !== task.id);
  const pauses = deps.allowMultipleTimers() ? [] : others.map(subject);
  const resumes = deps.timers.entries.some((entry) => entry.timer.taskId === task.id);
  return { ok: true, value: { command: 'intervals.startTimer', arg: { taskId: task.id }, plan: { action: 'start', task, pauses, resumes } } };
}

async function stopCall(deps: ChatToolDependencies, context: ToolContext, input: TimerInput): Promise<Resolved<TimerCall>> {
  const chosen = await chosenTimer(deps, context, input, (entry) => isRunning(entry.timer) || deps.timers.entries.length === 1);
  if (!chosen.ok) {
    return chosen;
  }
  const entry = chosen.value;
  if (entry.timer.taskId === undefined) {
    const general = await generalStop(deps, entry, input);
    return general.ok ? { ok: true, value: { command: 'intervals.stopTimer', ...general.value } } : general;
  }
  const task = await context.api.getTask(entry.timer.taskId);
  const fields = await entryFields(deps, task, input);
  const hours = checkHours(Math.max(deps.timers.elapsed(entry), 60) / 3600, deps.rounding());
  if (!fields.ok || !hours.ok) {
    return fields.ok ? { ok: false, message: hours.ok ? '' : hours.message } : fields;
  }
  const date = toIsoDate(deps.timers.now());
  const entryPlan = { task, date, seconds: hours.seconds, workType: fields.value.workType, billable: fields.value.billable, description: fields.value.description };
  const arg = { ...timerTarget(entry), worktypeId: fields.value.workTypeId, billable: fields.value.billable, ...(fields.value.description ? { description: fields.value.description } : {}), prompt: false };
  return { ok: true, value: { command: 'intervals.stopTimer', arg, plan: { action: 'stop', timer: subject(entry), entry: entryPlan } } };
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
      return { ok: true, value: { command, arg: timerTarget(entry), plan: { action, timer: subject(entry), seconds: deps.timers.elapsed(entry) } } };
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
