import * as l10n from '@vscode/l10n';
import type { Project, ProjectModule } from '../../api/types';
import type { LookupCache } from '../../lookups/lookupCache';
import { settle, type Choice, type Step, type StepOutcome, type StepPosition } from '../../prompts/asker';
import type { ProjectTime } from '../../timeLog/logTimeOutcome';
import type { LogTimeForm, LogTimeStepsContext } from './logTimeForm';

type Refused = { status: 'invalid' | 'failed'; message: string };

/**
 * The step of project time (time on a project without a task): the project, then the module when
 * the project has modules (Intervals needs one then), as one step of the form: Back from the
 * module asks the project again, Back from the project leaves the step. A given project (and
 * module) is asked only with `prompt: true` or when Back comes to it; a missing module always is.
 */
export function projectTimeStep(context: LogTimeStepsContext, form: LogTimeForm): Step {
  return async (position, visit) => {
    let skipKnown = !form.prompt && !visit.returning;
    for (;;) {
      const given = form.values.project;
      const projectAsked = !(given && skipKnown);
      if (projectAsked) {
        const outcome = await askProject(context, form, position);
        if (outcome !== 'next') {
          return outcome;
        }
      }
      const module = await askModule(context, form, { ...position, canGoBack: true }, skipKnown);
      if (module !== 'back') {
        return module === 'cancel' ? 'cancel' : 'next';
      }
      if (!projectAsked) {
        return 'back';
      }
      skipKnown = false;
    }
  };
}

async function askProject(context: LogTimeStepsContext, form: LogTimeForm, position: StepPosition): Promise<StepOutcome> {
  const given = form.values.project;
  const projects = await load(form, () => context.lookups.activeProjects(), (text) => l10n.t('Could not load the projects: {0}', text));
  if (!projects) {
    return 'cancel';
  }
  const items: Choice<Project>[] = [...projects]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((each) => ({ icon: 'project', label: each.name, ...(each.client ? { description: each.client } : {}), value: each }));
  const active = projects.find((each) => each.id === given?.projectId);
  const answer = await context.asker.pick({ ...position, placeholder: l10n.t('Project to log time on (no task)'), items, ...(active ? { active } : {}) });
  return settle(answer, (chosen) => {
    const same = given?.projectId === chosen.id;
    form.values.project = { projectId: chosen.id, project: chosen.name, client: chosen.client, moduleId: same ? given.moduleId : null, module: same ? given.module : null };
  });
}

/** The project's module: asked when it has modules, unless the known one is one of them and may be kept. */
async function askModule(context: LogTimeStepsContext, form: LogTimeForm, position: StepPosition, keepKnown: boolean): Promise<StepOutcome> {
  const given = form.values.project as ProjectTime;
  const modules = await load(form, () => context.lookups.projectModules(given.projectId), (text) => l10n.t('Could not load the modules of the project: {0}', text));
  if (!modules) {
    return 'cancel';
  }
  if (modules.length === 0) {
    form.values.project = { ...given, moduleId: null, module: null };
    return 'skip';
  }
  const known = modules.find((each) => each.moduleId === given.moduleId);
  if (known && keepKnown) {
    form.values.project = { ...given, module: known.name };
    return 'next';
  }
  const items = [...modules].sort((a, b) => a.name.localeCompare(b.name)).map((each) => ({ icon: 'symbol-module', label: each.name, value: each }));
  const placeholder = given.project ? l10n.t('Module of {0} to log time on', given.project) : l10n.t('Module of the project to log time on');
  return settle(await context.asker.pick({ ...position, placeholder, items, ...(known ? { active: known } : {}) }), (chosen) => {
    form.values.project = { ...given, moduleId: chosen.moduleId, module: chosen.name };
  });
}

async function load<T>(form: LogTimeForm, read: () => Promise<T[]>, failure: (error: string) => string): Promise<T[] | undefined> {
  try {
    return await read();
  } catch (error) {
    form.refusal = { status: 'failed', message: failure(errorText(error)), offerRetry: true };
    return undefined;
  }
}

/**
 * The project time an argument gives (`{ projectId, moduleId? }`), checked against the active
 * projects and their modules: a project with modules needs one of them, unless the module is to
 * be asked. Offline, the ids are kept as given (Intervals checks them when the entry is sent).
 */
export async function givenProjectTime(
  lookups: Pick<LookupCache, 'activeProjects' | 'projectModules'>,
  projectId: number,
  moduleId: number | undefined,
  moduleAsked: boolean,
): Promise<ProjectTime | Refused> {
  let projects: Project[];
  try {
    projects = await lookups.activeProjects();
  } catch {
    return { projectId, project: null, client: null, moduleId: moduleId ?? null, module: null };
  }
  const project = projects.find((each) => each.id === projectId);
  if (!project) {
    return { status: 'invalid', message: l10n.t('Project {0} is not an active project you can log time on.', projectId) };
  }
  let modules: ProjectModule[] | undefined;
  try {
    modules = await lookups.projectModules(projectId);
  } catch {
    modules = undefined;
  }
  const names = (modules ?? []).map((each) => `${each.name} (${each.moduleId})`).join(', ');
  const module = modules?.find((each) => each.moduleId === moduleId);
  if (moduleId !== undefined && modules && !module) {
    return { status: 'invalid', message: l10n.t('Module {0} is not an active module of {1}; use one of {2}.', moduleId, project.name, names || '—') };
  }
  if (moduleId === undefined && modules && modules.length > 0 && !moduleAsked) {
    return { status: 'invalid', message: l10n.t('{0} has modules, so time on the project needs one: give moduleId, one of {1}.', project.name, names) };
  }
  return { projectId, project: project.name, client: project.client, moduleId: moduleId ?? null, module: module?.name ?? null };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
