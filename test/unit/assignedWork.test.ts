import * as assert from 'node:assert/strict';
import { projectIdsOf, projectsIn } from '../../src/tasks/assignedWork';
import { groupProjectsByClient } from '../../src/tasks/taskGroups';
import { makeProject, makeTask } from './helpers/taskBuilders';

describe('assigned work', () => {
  const projects = [
    makeProject({ id: 1, name: 'Website', clientId: 1, client: 'Acme' }),
    makeProject({ id: 2, name: 'Mobile', clientId: 1, client: 'Acme' }),
    makeProject({ id: 3, name: 'Brand', clientId: 2, client: 'Bolt' }),
    makeProject({ id: 4, name: 'Tools', clientId: null, client: null }),
    makeProject({ id: 5, name: 'Training', clientId: null, client: null }),
  ];

  it('reads the projects of the tasks, each once, leaving out tasks without a project', () => {
    const ids = projectIdsOf([
      makeTask({ id: 1, projectId: 2 }),
      makeTask({ id: 2, projectId: 2 }),
      makeTask({ id: 3, projectId: 5 }),
      makeTask({ id: 4, projectId: null }),
    ]);
    assert.deepEqual([...ids].sort(), [2, 5]);
    assert.equal(projectIdsOf([]).size, 0);
  });

  it('keeps only the projects holding a task, in their order, ignoring projects that are not listed', () => {
    const shown = projectsIn(projects, new Set([5, 2, 99]));
    assert.deepEqual(
      shown.map((project) => project.id),
      [2, 5],
    );
  });

  it('leaves out the clients with none of the tasks, and counts only the projects that stay', () => {
    const groups = groupProjectsByClient(projectsIn(projects, projectIdsOf([makeTask({ projectId: 1 }), makeTask({ projectId: 4 })])));
    assert.deepEqual(
      groups.map((group) => [group.clientId, group.projects.map((project) => project.id)]),
      [
        [1, [1]],
        [null, [4]],
      ],
    );
  });

  it('leaves nothing when no task is assigned', () => {
    assert.deepEqual(groupProjectsByClient(projectsIn(projects, projectIdsOf([]))), []);
  });
});
