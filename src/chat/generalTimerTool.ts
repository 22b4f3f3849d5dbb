import * as l10n from '@vscode/l10n';
import { checkHours } from '../timeLog/timeEntryDraft';
import type { TimerEntry } from '../timer/timerService';
import { toIsoDate } from '../time/dates';
import type { NamedProject, TimerPlan } from './chatConfirmations';
import { matchNamed, type Resolved } from './chatResolution';
import type { ChatToolDependencies } from './chatTool';
import { workFields } from './logTimeTool';

/**
 * General timers (no task) in the chat timer tool: picked by name, started by name, and stopped
 * onto a project (and its module) that the model names as New Task's project and module are named.
 */

/** What the timer tool reads for a general timer. */
export interface GeneralTimerInput {
  readonly name?: unknown;
  readonly project?: unknown;
  readonly module?: unknown;
  readonly workType?: unknown;
  readonly billable?: unknown;
  readonly description?: unknown;
}

/** The longest name Intervals keeps for a timer. */
const MAX_NAME = 255;

const given = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const folded = (text: string): string => text.replace(/\s+/g, ' ').trim().toLocaleLowerCase();

/** Whether the input names a general timer. */
export function namesGeneral(input: GeneralTimerInput): boolean {
  return given(input.name);
}

/** A general timer's name as the input gives it, checked: not blank, at most 255 characters. */
export function generalName(input: GeneralTimerInput): Resolved<string> {
  const name = given(input.name) ? input.name.replace(/\s+/g, ' ').trim() : '';
  if (name === '') {
    return { ok: false, message: l10n.t('"name" is blank: give the general timer a name.') };
  }
  return name.length > MAX_NAME ? { ok: false, message: l10n.t('"name" holds at most {0} characters.', MAX_NAME) } : { ok: true, value: name };
}

/** The one general timer called `name` (case and spacing aside), or undefined with how many are. */
export function generalTimerNamed(entries: readonly TimerEntry[], name: string): { entry: TimerEntry | undefined; count: number } {
  const wanted = folded(name);
  const matches = entries.filter((entry) => entry.timer.taskId === undefined && folded(entry.timer.name ?? '') === wanted);
  return { entry: matches.length === 1 ? matches[0] : undefined, count: matches.length };
}

/** The argument that names `entry` to the timer commands: its id, else (not on Intervals yet) its key. */
export function timerTarget(entry: TimerEntry): Record<string, unknown> {
  if (entry.timer.taskId !== undefined) {
    return { taskId: entry.timer.taskId };
  }
  return entry.timer.id !== undefined ? { timerId: entry.timer.id } : { key: entry.key };
}

/** The project (and module, needed when it has modules) a general timer's time goes to. */
async function projectOf(deps: Pick<ChatToolDependencies, 'lookups'>, input: GeneralTimerInput): Promise<Resolved<{ projectId: number; moduleId?: number; named: NamedProject }>> {
  if (!given(input.project)) {
    return {
      ok: false,
      message: l10n.t('"project" is needed to stop a general timer: its time is logged on a project (a project id or words of its name), and on a "module" when the project has modules. Ask the user which project. Nothing was done.'),
    };
  }
  const project = matchNamed(input.project, await deps.lookups.activeProjects(), (each) => each.name, (each) => each.id, 'project');
  if (!project.ok) {
    return project;
  }
  const modules = (await deps.lookups.projectModules(project.value.id)).filter((each) => each.active);
  const base = { projectId: project.value.id, named: { projectName: project.value.name, module: null } };
  if (modules.length === 0) {
    return given(input.module) ? { ok: false, message: l10n.t('module: the project {0} has no modules; leave "module" out.', project.value.name) } : { ok: true, value: base };
  }
  if (!given(input.module)) {
    const names = modules.map((each) => `"${each.name}" (${each.moduleId})`).join(', ');
    return { ok: false, message: l10n.t('"module" is needed: the project {0} has modules ({1}). Ask the user which one. Nothing was done.', project.value.name, names) };
  }
  const module = matchNamed(input.module, modules, (each) => each.name, (each) => each.moduleId, 'module');
  return module.ok ? { ok: true, value: { ...base, moduleId: module.value.moduleId, named: { projectName: project.value.name, module: module.value.name } } } : module;
}

/** Stop and Log for a general timer: onto the project given, without asking; what the confirmation says of it. */
export async function generalStop(
  deps: Pick<ChatToolDependencies, 'lookups' | 'timers' | 'rounding'>,
  entry: TimerEntry,
  input: GeneralTimerInput,
): Promise<Resolved<{ arg: Record<string, unknown>; plan: TimerPlan }>> {
  const project = await projectOf(deps, input);
  if (!project.ok) {
    return project;
  }
  const fields = await workFields(deps, project.value.projectId, input);
  if (!fields.ok) {
    return fields;
  }
  const hours = checkHours(Math.max(deps.timers.elapsed(entry), 60) / 3600, deps.rounding());
  if (!hours.ok) {
    return { ok: false, message: hours.message };
  }
  const { workTypeId, workType, billable, description } = fields.value;
  const arg = {
    ...timerTarget(entry),
    projectId: project.value.projectId,
    ...(project.value.moduleId !== undefined ? { moduleId: project.value.moduleId } : {}),
    worktypeId: workTypeId,
    billable,
    ...(description ? { description } : {}),
    prompt: false,
  };
  const entryPlan = { task: project.value.named, date: toIsoDate(deps.timers.now()), seconds: hours.seconds, workType, billable, description };
  return { ok: true, value: { arg, plan: { action: 'stop', timer: { general: entry.timer.name ?? '' }, entry: entryPlan } } };
}
