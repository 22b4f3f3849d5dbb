import * as assert from 'node:assert/strict';
import type { TimeFilter } from '../../src/api/filters';
import type { TimeEntry } from '../../src/api/types';
import { hoursLoggedOn, type DayTotalSources } from '../../src/timeLog/dayTotal';

function row(date: string, time: number): TimeEntry {
  return {
    id: Math.round(time * 100),
    personId: 1,
    person: null,
    projectId: 1,
    project: null,
    clientId: null,
    client: null,
    moduleId: null,
    module: null,
    taskId: 7,
    task: null,
    workTypeId: 2,
    workType: null,
    milestoneId: null,
    date,
    time,
    billable: true,
    approved: false,
    description: null,
    dateModified: null,
  };
}

describe('hoursLoggedOn', () => {
  const asked: TimeFilter[] = [];
  const problems: string[] = [];
  const sources = (overrides: Partial<DayTotalSources> = {}): DayTotalSources => ({
    shown: () => undefined,
    account: () => ({
      personId: 4,
      api: {
        listAllTime: (filter?: TimeFilter) => {
          asked.push(filter ?? {});
          return Promise.resolve([row('2026-03-02', 5.5), row('2026-03-02', 2), row('2026-03-03', 9)]);
        },
      },
    }),
    onProblem: (message) => problems.push(message),
    ...overrides,
  });

  beforeEach(() => {
    asked.length = 0;
    problems.length = 0;
  });

  it('takes a day of the shown week from the view, asking nothing', async () => {
    assert.equal(await hoursLoggedOn(sources({ shown: (day) => (day === '2026-03-02' ? 3 : undefined) }), '2026-03-02'), 3);
    assert.deepEqual(asked, []);
  });

  it('asks the service for any other day, for this person and day only', async () => {
    assert.equal(await hoursLoggedOn(sources(), '2026-03-02'), 7.5);
    assert.deepEqual(asked, [{ personId: 4, date: '2026-03-02' }]);
  });

  it('counts an empty day as 0 and knows nothing while signed out', async () => {
    assert.equal(await hoursLoggedOn(sources(), '2026-03-04'), 0);
    assert.equal(await hoursLoggedOn(sources({ account: () => undefined }), '2026-03-04'), undefined);
  });

  it('goes on without the day when the lookup fails, and says why in the log', async () => {
    const failing = sources({ account: () => ({ personId: 4, api: { listAllTime: () => Promise.reject(new Error('connection reset')) } }) });
    assert.equal(await hoursLoggedOn(failing, '2026-03-02'), undefined);
    assert.deepEqual(problems, ['Could not read the time logged on 2026-03-02: connection reset']);
  });
});
