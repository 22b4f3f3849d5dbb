import * as assert from 'node:assert/strict';
import type { ProjectInput, TaskInput } from '../../src/api/types';
import { CREATED_STAMP_SLACK_MS, projectMadeBy, taskMadeBy } from '../../src/tasks/unansweredCreate';
import { formatUtcTimestamp } from '../../src/time/timestamps';
import { makeProject, makeTask } from './helpers/taskBuilders';

const SENT_AT = new Date(Date.UTC(2026, 2, 11, 9, 30, 0));
const INPUT: TaskInput = { projectId: 1, title: 'Fix footer', statusId: 1, priorityId: 3, ownerId: 1, dateOpen: '2026-03-11' };

/** A stamp `minutes` after the attempt was sent (negative: before). */
function stamp(minutes: number): string {
  return formatUtcTimestamp(new Date(SENT_AT.getTime() + minutes * 60_000));
}

describe('unanswered create: finding the task it made', () => {
  const made = makeTask({ id: 40, title: 'Fix footer', projectId: 1, ownerId: 1, dateOpen: '2026-03-11', dateCreated: stamp(0) });

  it('finds the task with the same project, title, open date, owner and module, created since the attempt', () => {
    assert.equal(taskMadeBy(INPUT, SENT_AT, [made]), made);
    assert.equal(taskMadeBy({ ...INPUT, title: '  Fix footer ' }, SENT_AT, [made]), made, 'titles compare trimmed');
    const inModule = makeTask({ ...made, id: 41, moduleId: 3 });
    assert.equal(taskMadeBy({ ...INPUT, moduleId: 3 }, SENT_AT, [made, inModule]), inModule);
  });

  it('takes no task that differs in what the attempt sent', () => {
    const others = [
      makeTask({ ...made, id: 50, title: 'Fix footer links' }), // the API's title filter matches parts
      makeTask({ ...made, id: 51, projectId: 2 }),
      makeTask({ ...made, id: 52, dateOpen: '2026-03-10' }),
      makeTask({ ...made, id: 53, ownerId: 2 }),
      makeTask({ ...made, id: 54, moduleId: 3 }),
    ];
    assert.equal(taskMadeBy(INPUT, SENT_AT, others), undefined);
  });

  it('takes no identical task made well before the attempt, but allows for time zones and clock skew', () => {
    const old = makeTask({ ...made, id: 30, dateCreated: stamp(-CREATED_STAMP_SLACK_MS / 60_000 - 1) });
    assert.equal(taskMadeBy(INPUT, SENT_AT, [old]), undefined);
    const stampedInAccountZone = makeTask({ ...made, id: 31, dateCreated: stamp(-5 * 60) });
    assert.equal(taskMadeBy(INPUT, SENT_AT, [stampedInAccountZone]), stampedInAccountZone);
    assert.equal(taskMadeBy(INPUT, SENT_AT, [makeTask({ ...made, dateCreated: '2026-03-01' })]), undefined, 'a day alone counts as its end');
    const sameDay = makeTask({ ...made, dateCreated: '2026-03-11' });
    assert.equal(taskMadeBy(INPUT, SENT_AT, [sameDay]), sameDay);
  });

  it('lets the other fields decide when the stamp is missing or unreadable', () => {
    const noStamp = makeTask({ ...made, dateCreated: null });
    assert.equal(taskMadeBy(INPUT, SENT_AT, [noStamp]), noStamp);
    const odd = makeTask({ ...made, dateCreated: 'yesterday-ish' });
    assert.equal(taskMadeBy(INPUT, SENT_AT, [odd]), odd);
  });

  it('takes the newest of several matches', () => {
    const first = makeTask({ ...made, id: 60 });
    const second = makeTask({ ...made, id: 61 });
    assert.equal(taskMadeBy(INPUT, SENT_AT, [second, first]), second);
    assert.equal(taskMadeBy(INPUT, SENT_AT, [first, second]), second, 'in either order');
  });
});

describe('unanswered create: finding the project it made', () => {
  const INPUT_PROJECT: ProjectInput = { name: 'Kiosk', clientId: 5, dateStart: '2026-03-11', billable: true, active: true };

  it('finds the newest project with the same name, client and start date', () => {
    const older = makeProject({ id: 20, name: 'Kiosk', clientId: 5, dateStart: '2026-03-11' });
    const newer = makeProject({ id: 21, name: 'Kiosk', clientId: 5, dateStart: '2026-03-11' });
    assert.equal(projectMadeBy(INPUT_PROJECT, [older, newer]), newer);
    assert.equal(projectMadeBy(INPUT_PROJECT, [newer, older]), newer, 'in either order');
  });

  it('tells no client apart from a client, and takes no project that differs', () => {
    const internal = makeProject({ id: 22, name: 'Kiosk', clientId: null, dateStart: '2026-03-11' });
    assert.equal(projectMadeBy(INPUT_PROJECT, [internal]), undefined);
    assert.equal(projectMadeBy({ ...INPUT_PROJECT, clientId: undefined }, [internal]), internal);
    const others = [
      makeProject({ id: 23, name: 'Kiosk v2', clientId: 5, dateStart: '2026-03-11' }),
      makeProject({ id: 24, name: 'Kiosk', clientId: 5, dateStart: '2026-03-12' }),
    ];
    assert.equal(projectMadeBy(INPUT_PROJECT, others), undefined);
  });
});
