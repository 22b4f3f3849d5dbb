import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SlidingWindowLimiter } from '../../src/api/rateLimiter';
import { SharedRequestBudget } from '../../src/connection/sharedRequestBudget';

// Intervals counts requests per address: every window of the machine shares one budget.

describe('SharedRequestBudget', () => {
  let folder: string;
  let now: number;
  let sleeps: number[];
  const sleep = (ms: number): Promise<void> => {
    sleeps.push(ms);
    now += ms;
    return new Promise((resolve) => setImmediate(resolve));
  };

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'intervals-budget-'));
    now = 1_000_000;
    sleeps = [];
  });

  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  const windowBudget = () => new SharedRequestBudget({ folder, maxRequests: 5, windowMs: 60_000, now: () => now, sleep });

  /** How many of `starts` fall in any one window of a minute, at most. */
  function busiestMinute(starts: number[]): number {
    return Math.max(...starts.map((start) => starts.filter((other) => other > start - 60_000 && other <= start).length));
  }

  it('lets three windows together start no more than the limit in any minute', async () => {
    const windows = [windowBudget(), windowBudget(), windowBudget()];
    const starts: number[] = [];
    for (let round = 0; round < 4; round++) {
      for (const budget of windows) {
        await budget.acquire();
        starts.push(now);
      }
    }
    assert.equal(starts.length, 12);
    assert.ok(busiestMinute(starts) <= 5, `${busiestMinute(starts)} starts in one minute`);
    assert.ok(sleeps.length > 0, 'the windows waited for each other');
  });

  it('holds every window when the service asked one of them to wait', async () => {
    const [a, b] = [windowBudget(), windowBudget()];
    a.holdUntil(now + 30_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await b.acquire();
    assert.deepEqual(sleeps, [30_000]);
  });

  it('each window counting its own requests, as before, lets three windows send three times the limit', async () => {
    const windows = [1, 2, 3].map(() => new SlidingWindowLimiter({ maxRequests: 5, windowMs: 60_000, now: () => now, sleep }));
    const starts: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const limiter of windows) {
        await limiter.acquire();
        starts.push(now);
      }
    }
    assert.equal(busiestMinute(starts), 15, 'the defect the shared budget removes');
  });

  it('follows the setting at every request; 0 counts nothing (no file either)', async () => {
    let max = 2;
    const budget = new SharedRequestBudget({ folder, maxRequests: () => max, windowMs: 60_000, now: () => now, sleep });
    await budget.acquire();
    await budget.acquire();
    max = 0;
    for (let i = 0; i < 10; i++) {
      await budget.acquire();
    }
    assert.deepEqual(sleeps, []);
    max = 3;
    await budget.acquire();
    await budget.acquire();
    assert.deepEqual(sleeps, [60_000], 'counting again from the two it counted');
  });

  it('counts its own requests when the shared file cannot be used', async () => {
    fs.writeFileSync(path.join(folder, 'blocker'), '');
    const problems: string[] = [];
    const budget = new SharedRequestBudget({ folder: path.join(folder, 'blocker'), maxRequests: 2, windowMs: 60_000, now: () => now, sleep, onProblem: (message) => problems.push(message) });
    await budget.acquire();
    await budget.acquire();
    await budget.acquire();
    assert.deepEqual(sleeps, [60_000]);
    assert.equal(problems.length, 1);
  });
});
