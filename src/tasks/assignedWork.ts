import type { Project, Task } from '../api/types';

/**
 * The projects holding at least one of a person's tasks, read from one walk of those tasks, so
 * the task tree can leave out, without a request per project, every client and project where
 * "assigned to me" would find nothing. (Modules need no such set: a project's tasks are loaded
 * with the same assignee filter, so the modules drawn from them already hold the person's tasks.)
 */
export function projectIdsOf(tasks: readonly Pick<Task, 'projectId'>[]): ReadonlySet<number> {
  const ids = new Set<number>();
  for (const task of tasks) {
    // A task without a project is listed under none.
    if (task.projectId !== null) {
      ids.add(task.projectId);
    }
  }
  return ids;
}

/** The projects, in their order, that are in the set. */
export function projectsIn(projects: readonly Project[], projectIds: ReadonlySet<number>): Project[] {
  return projects.filter((project) => projectIds.has(project.id));
}
