import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PollLease, nextPollDelayMs } from '../../src/timer/pollLease';
import { parseTimerState, serializeTimerState } from '../../src/timer/timerStateFile';

describe('PollLease', () => {
  let folder: string;
  let now = 1_000_000;

  beforeEach(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'lease-'));
    now = 1_000_000;
  });

  afterEach(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('lets one window poll per interval; the others follow until it runs out', async () => {
    const a = new PollLease(folder, 'a', () => now);
    const b = new PollLease(folder, 'b', () => now);
    const c = new PollLease(folder, 'c', () => now);
    assert.equal(await a.tryTake(59_000), true);
    assert.equal(await b.tryTake(59_000), false);
    assert.equal(await c.tryTake(59_000), false);
    assert.equal(await a.tryTake(59_000), false, 'not the holder either while its answer is fresh');
    now += 59_001;
    assert.equal(await b.tryTake(59_000), true);
    assert.equal(await a.tryTake(59_000), false);
  });

  it('a lease stamped far ahead (clock set back) does not block polling', async () => {
    const a = new PollLease(folder, 'a', () => now);
    assert.equal(await a.tryTake(59_000), true);
    now -= 10 * 60 * 60_000;
    assert.equal(await new PollLease(folder, 'b', () => now).tryTake(59_000), true);
  });

  it('a damaged lease file is taken over', async () => {
    await fs.writeFile(path.join(folder, 'timers.poll.json'), '{');
    assert.equal(await new PollLease(folder, 'a', () => now).tryTake(59_000), true);
  });
});

describe('nextPollDelayMs', () => {
  it('polls at the setting while polls succeed', () => {
    assert.equal(nextPollDelayMs(60, 0, () => 0.5), 60_000);
    assert.equal(nextPollDelayMs(5, 0, () => 0.5), 15_000, 'never faster than 15 s');
  });

  it('backs off after failures, up to 15 minutes, and honours the service’s wait', () => {
    // Without jitter (the random draw at its top): 30 s doubling, never below the setting, capped at 15 min.
    const delays = [1, 2, 3, 4, 5, 6, 10].map((failures) => nextPollDelayMs(60, failures, () => 1));
    assert.deepEqual(delays, [60_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000]);
    const jittered = nextPollDelayMs(60, 5, () => 0);
    assert.equal(jittered, 240_000, 'jitter takes off up to half');
    assert.equal(nextPollDelayMs(60, 1, () => 0, 300_000), 300_000);
  });
});

describe('timer state file format', () => {
  it('round-trips records, tasks and deletions', () => {
    const state = {
      personId: 1,
      records: [
        {
          timer: { id: 5, taskId: 3, accumulatedSeconds: 60, startedAt: new Date('2026-03-11T09:00:00Z') },
          pending: [{ kind: 'start' as const, at: Date.parse('2026-03-11T09:00:00Z') }],
          base: { time: 60, startTime: null },
        },
      ],
      tasks: [{ id: 3, localId: 1003, title: 'T', projectId: 1, project: 'P', clientId: null, client: null }],
      deletions: [7],
      orphans: [],
      parked: [],
      syncVersion: 4,
    };
    assert.deepEqual(parseTimerState(serializeTimerState(state)), state);
  });

  it('drops what it cannot read and reports a broken file', () => {
    const problems: string[] = [];
    assert.deepEqual(parseTimerState('nope', (message) => problems.push(message)).records, []);
    assert.equal(problems.length, 1);
    const partial = parseTimerState(JSON.stringify({ personId: 'x', records: [{ timer: 1 }], tasks: [{ id: 'a' }], deletions: ['1', 2] }));
    assert.deepEqual(partial, { personId: null, records: [], tasks: [], deletions: [2], orphans: [], parked: [], syncVersion: 0 });
  });
});
