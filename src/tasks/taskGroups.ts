import * as l10n from '@vscode/l10n';
import type { Project, Task } from '../api/types';

/** A client with its active projects; `clientId` null is the "No client" group. */
export interface ClientGroup {
  readonly clientId: number | null;
  readonly name: string;
  readonly projects: readonly Project[];
}

/** The tasks of one module of a project; `moduleId` null holds the tasks without a module. */
export interface ModuleGroup {
  readonly moduleId: number | null;
  readonly name: string;
  readonly tasks: readonly Task[];
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * Clients come from the projects themselves (each carries its client's id and name), so the
 * first level needs no request of its own and lists only clients with an active project.
 * Sorted by name; the projects without a client come last.
 */
export function groupProjectsByClient(projects: readonly Project[]): ClientGroup[] {
  const byClient = new Map<number | null, { name: string; projects: Project[] }>();
  for (const project of projects) {
    const clientId = project.clientId ?? null;
    let group = byClient.get(clientId);
    if (!group) {
      group = { name: clientId === null ? l10n.t('No client') : project.client?.trim() || l10n.t('Client {0}', clientId), projects: [] };
      byClient.set(clientId, group);
    }
    group.projects.push(project);
  }
  const groups = [...byClient.entries()].map(([clientId, group]) => ({
    clientId,
    name: group.name,
    projects: group.projects.sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id),
  }));
  return groups.sort((a, b) => {
    if ((a.clientId === null) !== (b.clientId === null)) {
      return a.clientId === null ? 1 : -1;
    }
    return collator.compare(a.name, b.name) || (a.clientId ?? 0) - (b.clientId ?? 0);
  });
}

/** Tasks grouped by module in module-name order, the tasks without a module last. */
export function groupTasksByModule(tasks: readonly Task[]): ModuleGroup[] {
  const byModule = new Map<number | null, { name: string; tasks: Task[] }>();
  for (const task of tasks) {
    const moduleId = task.moduleId ?? null;
    let group = byModule.get(moduleId);
    if (!group) {
      group = { name: moduleId === null ? l10n.t('No module') : task.module?.trim() || l10n.t('Module {0}', moduleId), tasks: [] };
      byModule.set(moduleId, group);
    }
    group.tasks.push(task);
  }
  return [...byModule.entries()]
    .map(([moduleId, group]) => ({ moduleId, name: group.name, tasks: group.tasks }))
    .sort((a, b) => {
      if ((a.moduleId === null) !== (b.moduleId === null)) {
        return a.moduleId === null ? 1 : -1;
      }
      return collator.compare(a.name, b.name) || (a.moduleId ?? 0) - (b.moduleId ?? 0);
    });
}
