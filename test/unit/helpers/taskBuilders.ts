import type { Project, Task } from '../../../src/api/types';

/** A complete normalised task with plain defaults; tests state only what they look at. */
export function makeTask(fields: Partial<Task> = {}): Task {
  const id = fields.id ?? 1;
  return {
    id,
    localId: 1000 + id,
    title: `Task ${id}`,
    description: null,
    projectId: 1,
    project: 'Website',
    clientId: 1,
    client: 'Acme',
    moduleId: null,
    module: null,
    statusId: 1,
    status: 'Open',
    priorityId: 3,
    priority: 'Normal',
    ownerId: 1,
    owner: 'Ada Lovelace',
    assigneeIds: [],
    assignees: null,
    followerIds: [],
    milestoneId: null,
    milestone: null,
    dateCreated: null,
    dateOpen: '2026-01-01',
    dateDue: null,
    dateClosed: null,
    dateModified: null,
    estimate: null,
    timerId: null,
    timerStartTime: null,
    ...fields,
  };
}

export function makeProject(fields: Partial<Project> = {}): Project {
  const id = fields.id ?? 1;
  return {
    id,
    localId: 100 + id,
    name: `Project ${id}`,
    description: null,
    clientId: 1,
    client: 'Acme',
    managerId: null,
    manager: null,
    dateStart: null,
    dateEnd: null,
    active: true,
    billable: true,
    budget: null,
    ...fields,
  };
}
