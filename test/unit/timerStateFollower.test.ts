import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TaskSummary } from '../../src/tasks/taskReference';
import { StateFileFollower } from '../../src/timer/stateFileFollower';
import { TimerService } from '../../src/timer/timerService';
import { TIMER_STATE_FILE, TimerStateFile } from '../../src/timer/timerStateFile';

// The follower with a real (signed-out) timer service, a real state file and a real file watch: a watch
// event reports a write, maybe long after it, and most report this window's own writes.

const TASK: TaskSummary = { id: 3, localId: 103, title: 'Checkout flow', projectId: 1, project: 'Website', clientId: 1, client: 'Acme' };
const OTHER: TaskSummary = { id: 4, localId: 104, title: 'Footer', projectId: 1, project: 'Website', clientId: 1, client: 'Acme' };
const NOW = new Date('2026-03-11T10:00:00Z');

describe('StateFileFollower', () => {
  let folder: string;
  const disposables: { dispose(): void }[] = [];

  beforeEach(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'timer-follower-'));
  });

  afterEach(async () => {
    disposables.splice(0).forEach((disposable) => disposable.dispose());
    await fs.rm(folder, { recursive: true, force: true });
  });

  function signedOutService(owner: string): TimerService {
    const service = new TimerService({ state: new TimerStateFile({ folder, owner }), account: () => undefined, now: () => NOW, allowMultipleTimers: () => true });
    disposables.push(service);
    return service;
  }

  /** A window's service and its follower; every reload, every look at the file and every scheduled reload is counted. */
  function followedWindow() {
    const timers = signedOutService('this window');
    const scheduled: string[] = [];
    const looks: { text: string | undefined; held: boolean }[] = [];
    const waiters: { until: () => boolean; resolve: () => void }[] = [];
    const changed = () => waiters.filter((waiter) => waiter.until()).forEach((waiter) => (waiters.splice(waiters.indexOf(waiter), 1), waiter.resolve()));
    let loads = 0;
    const target = {
      load: async () => {
        await timers.load();
        loads++;
        changed();
      },
      holds: (text: string | undefined) => {
        const held = timers.holds(text);
        looks.push({ text, held });
        changed();
        return held;
      },
    };
    const work = {
      schedule: (label: string, _delayMs: number, run: () => unknown) => {
        scheduled.push(label);
        const handle = setImmediate(run);
        return () => clearImmediate(handle);
      },
    };
    const problems: string[] = [];
    const follower = new StateFileFollower({ folder, target, work, onProblem: (problem) => problems.push(problem) });
    disposables.push(follower);
    const until = (condition: () => boolean) => new Promise<void>((resolve) => (condition() ? resolve() : waiters.push({ until: condition, resolve })));
    return { timers, follower, scheduled, looks, problems, until, loads: () => loads };
  }

  it("starts no reload for a late watch event of the window's own write, and reloads for another window's", async () => {
    const other = signedOutService('other window');
    await other.start(TASK);
    const window = followedWindow();
    await window.follower.ready;
    // The first reload, for a write before the watch began: the window now holds the file.
    await window.until(() => window.loads() === 1);
    assert.equal(window.timers.snapshot.records.length, 1);
    assert.deepEqual(window.scheduled, ['timer state reload']);

    // A watch event for what the window holds already (as one for its own write arriving late).
    const file = path.join(folder, TIMER_STATE_FILE);
    await fs.writeFile(file, await fs.readFile(file, 'utf8'));
    await window.until(() => window.looks.length > 0);
    assert.deepEqual(
      window.looks.map((look) => look.held),
      window.looks.map(() => true),
    );
    assert.deepEqual(window.scheduled, ['timer state reload'], 'no reload for a file the window holds');

    // Another window's change is read.
    await other.start(OTHER);
    await window.until(() => window.loads() === 2);
    assert.deepEqual(
      window.timers.snapshot.records.map((record) => record.timer.taskId),
      [TASK.id, OTHER.id],
    );
    assert.deepEqual(window.problems, []);
  });

  it('holds the text it last wrote, not another state', async () => {
    const timers = signedOutService('this window');
    await timers.start(TASK);
    const text = await fs.readFile(path.join(folder, TIMER_STATE_FILE), 'utf8');
    assert.equal(timers.holds(text), true);
    assert.equal(timers.holds(undefined), false);
    assert.equal(timers.holds(text.replace(`"taskId":${TASK.id}`, `"taskId":${OTHER.id}`)), false);
  });
});
