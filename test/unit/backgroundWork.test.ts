import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { BackgroundWork, SOON_MS } from '../../src/common/backgroundWork';

/** Timers that fire only when the test says, on a clock the test moves. */
class ManualTimers {
  now = 0;
  private next = 1;
  readonly armed = new Map<number, { at: number; run: () => void; ms: number }>();

  readonly setTimer = (run: () => void, ms: number): number => {
    const handle = this.next++;
    this.armed.set(handle, { at: this.now + ms, run, ms });
    return handle;
  };

  readonly clearTimer = (handle: never): void => {
    this.armed.delete(handle as unknown as number);
  };

  /** Moves the clock on and fires what came due, in order. */
  advance(ms: number): void {
    this.now += ms;
    for (const [handle, timer] of [...this.armed].sort(([, a], [, b]) => a.at - b.at)) {
      if (timer.at <= this.now) {
        this.armed.delete(handle);
        timer.run();
      }
    }
  }
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  for (let turn = 0; turn < 5; turn++) {
    await Promise.resolve();
  }
  return settled;
}

describe('BackgroundWork', () => {
  function make(): { work: BackgroundWork; timers: ManualTimers } {
    const timers = new ManualTimers();
    return { work: new BackgroundWork(() => timers.now, timers.setTimer, timers.clearTimer), timers };
  }

  it('names the work under way until it settles, whether it succeeds or fails', async () => {
    const { work } = make();
    const ok = deferred();
    const failing = Promise.reject(new Error('offline'));
    void work.track('sync', ok.promise);
    void work.track('poll', failing).catch(() => undefined);
    assert.deepEqual([...work.snapshot().running].sort(), ['poll', 'sync']);
    await failing.catch(() => undefined);
    await Promise.resolve();
    assert.deepEqual(work.snapshot().running, ['sync']);
    ok.resolve();
    await work.idle();
    assert.deepEqual(work.snapshot().running, []);
  });

  it('idle() waits for running work and for timers due soon, not for later wake-ups', async () => {
    const { work, timers } = make();
    work.schedule('poll', 60_000, () => undefined);
    assert.equal(await isSettled(work.idle()), true, 'a wake-up a minute away is not work under way');

    const reload = deferred();
    work.schedule('reload', 50, () => reload.promise);
    const idle = work.idle();
    assert.equal(await isSettled(idle), false, 'a debounce about to fire is');
    timers.advance(50);
    assert.deepEqual(work.snapshot().running, ['reload'], 'the promise the callback returned is tracked');
    assert.equal(await isSettled(idle), false);
    reload.resolve();
    assert.equal(await isSettled(idle), true);
    assert.deepEqual(work.snapshot(), { running: [], soon: [], later: ['poll'] });
  });

  it('sorts armed timers into soon and later by their due time', () => {
    const { work } = make();
    work.schedule('redraw', 0, () => undefined);
    work.schedule('debounce', SOON_MS, () => undefined);
    work.schedule('retry', SOON_MS + 1, () => undefined);
    assert.deepEqual(work.snapshot(), { running: [], soon: ['redraw', 'debounce'], later: ['retry'] });
  });

  it('clamps a delay beyond what a timer takes instead of letting it fire at once', () => {
    const { work, timers } = make();
    let fired = false;
    work.schedule('retry after', Number.POSITIVE_INFINITY, () => (fired = true));
    const [armed] = [...timers.armed.values()];
    assert.equal(armed?.ms, 2 ** 31 - 1);
    timers.advance(1);
    assert.equal(fired, false);
  });

  it('cancels a timer, and every timer when disposed; nothing is armed after that', () => {
    const { work, timers } = make();
    const fired: string[] = [];
    const cancel = work.schedule('a', 10, () => fired.push('a'));
    work.schedule('b', 10, () => fired.push('b'));
    cancel();
    assert.deepEqual(work.snapshot().soon, ['b']);
    work.dispose();
    timers.advance(100);
    assert.equal(fired.length, 0);
    assert.equal(timers.armed.size, 0);
    work.schedule('c', 0, () => fired.push('c'));
    timers.advance(1);
    assert.equal(fired.length, 0, 'a disposed owner arms nothing');
  });

  it('scheduler(label) gives a Schedule whose timers carry the label', () => {
    const { work, timers } = make();
    const schedule = work.scheduler('time entry retry');
    let ran = 0;
    const cancel = schedule(5_000, () => ran++);
    assert.deepEqual(work.snapshot().later, ['time entry retry']);
    cancel();
    timers.advance(10_000);
    assert.equal(ran, 0);
  });
});
