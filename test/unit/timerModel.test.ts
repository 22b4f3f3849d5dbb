import * as assert from 'node:assert/strict';
import {
  IDLE_CHOICES,
  LocalTimerRecord,
  ServerTimer,
  TimerState,
  TimerTransition,
  adjustElapsed,
  adjustStart,
  elapsedSeconds,
  findServerTimer,
  isRunning,
  pauseTimer,
  reconcileTimer,
  recordTransition,
  resolveIdle,
  resumeTimer,
  runSeconds,
  startTimer,
  syncedRecord,
  timerFromServer,
  toPatch,
  unsentSeconds,
} from '../../src/timer/timerModel';
import { recordFromJson, recordToJson } from '../../src/timer/timerRecordJson';

/** An instant on 22 April 2026, UTC. */
function at(hours: number, minutes = 0, seconds = 0, ms = 0): Date {
  return new Date(Date.UTC(2026, 3, 22, hours, minutes, seconds, ms));
}

/** The server's spelling of the same instant. */
function stamp(hours: number, minutes = 0, seconds = 0): string {
  const two = (value: number): string => String(value).padStart(2, '0');
  return `2026-04-22 ${two(hours)}:${two(minutes)}:${two(seconds)}`;
}

function running(since: Date, accumulatedSeconds = 0, extra: Partial<TimerState> = {}): TimerState {
  return { id: 7, taskId: 42, accumulatedSeconds, startedAt: since, ...extra };
}

function paused(accumulatedSeconds: number, extra: Partial<TimerState> = {}): TimerState {
  return { id: 7, taskId: 42, accumulatedSeconds, startedAt: null, ...extra };
}

function server(time: number, startTime: string | null, id = 7, taskId: number | null = 42): ServerTimer {
  return { id, taskId, time, startTime };
}

/** Applies transitions one after another to a record, as the timer service would. */
function apply(record: LocalTimerRecord | null, ...steps: Array<(timer: TimerState) => TimerTransition>): LocalTimerRecord {
  let current = record;
  for (const step of steps) {
    if (!current) {
      throw new Error('a record is needed before a step that reads the timer');
    }
    current = recordTransition(current, step(current.timer));
  }
  if (!current) {
    throw new Error('no record');
  }
  return current;
}

function ok(adjustment: ReturnType<typeof adjustStart>): TimerTransition {
  if (!adjustment.ok) {
    throw new Error(adjustment.message);
  }
  return adjustment;
}

describe('timer model: elapsed time', () => {
  it('counts recorded seconds while paused', () => {
    assert.equal(elapsedSeconds(paused(125), at(12)), 125);
    assert.equal(isRunning(paused(125)), false);
  });

  it('adds whole seconds of the current run while running', () => {
    const timer = running(at(8), 100);
    assert.equal(isRunning(timer), true);
    assert.equal(elapsedSeconds(timer, at(9, 0, 0, 999)), 100 + 3600);
    assert.equal(elapsedSeconds(timer, at(9, 0, 1)), 100 + 3601);
  });

  it('clamps a run to zero when the clock jumped back before its start', () => {
    assert.equal(elapsedSeconds(running(at(8), 100), at(7, 59)), 100);
    assert.equal(runSeconds(at(8), at(7)), 0);
    assert.equal(runSeconds(null, at(7)), 0);
  });
});

describe('timer model: transitions', () => {
  it('starts a new timer at the current whole second', () => {
    const result = startTimer(at(8, 0, 0, 750), { taskId: 42, accumulatedSeconds: 0 });
    assert.deepEqual(result.timer, { taskId: 42, accumulatedSeconds: 0, startedAt: at(8) });
    assert.deepEqual(result.patch, { time: 0, startTime: stamp(8) });
    assert.deepEqual(result.op, { kind: 'start', at: at(8).getTime() });
  });

  it('pauses by adding the run to the recorded seconds', () => {
    const result = pauseTimer(running(at(8), 60), at(9, 30, 30, 700));
    assert.deepEqual(result.timer, paused(60 + 5430));
    assert.deepEqual(result.patch, { time: 5490, startTime: null });
    assert.deepEqual(result.op, { kind: 'pause', at: at(9, 30, 30).getTime(), runStartedAt: at(8).getTime(), seconds: 5490 });
  });

  it('leaves a paused timer alone when paused again', () => {
    const timer = paused(60);
    assert.deepEqual(pauseTimer(timer, at(9)), { timer, patch: null, op: null });
  });

  it('pauses without adding anything when the clock jumped back', () => {
    const result = pauseTimer(running(at(8), 60), at(7, 30));
    assert.equal(result.timer.accumulatedSeconds, 60);
    assert.equal(result.timer.startedAt, null);
  });

  it('resumes a paused timer from now and keeps its seconds and identity', () => {
    const result = resumeTimer(paused(300), at(10, 0, 0, 400));
    assert.deepEqual(result.timer, running(at(10), 300));
    assert.deepEqual(result.patch, { time: 300, startTime: stamp(10) });
    assert.deepEqual(result.op, { kind: 'start', at: at(10).getTime() });
  });

  it('leaves a running timer alone when resumed again', () => {
    const timer = running(at(8));
    assert.deepEqual(resumeTimer(timer, at(9)), { timer, patch: null, op: null });
  });

  it('adds up several runs with pauses between them', () => {
    let timer = startTimer(at(8)).timer;
    timer = pauseTimer(timer, at(8, 20)).timer;
    timer = resumeTimer(timer, at(9)).timer;
    timer = pauseTimer(timer, at(9, 10)).timer;
    timer = resumeTimer(timer, at(11)).timer;
    assert.equal(elapsedSeconds(timer, at(11, 5)), 35 * 60);
  });

  it('moves the start of a running timer', () => {
    const result = ok(adjustStart(running(at(9)), at(8, 30, 0, 500), at(10)));
    assert.deepEqual(result.timer, running(at(8, 30)));
    assert.deepEqual(result.patch, { time: 0, startTime: stamp(8, 30) });
    assert.deepEqual(result.op, { kind: 'setStart', startedAt: at(8, 30).getTime() });
    assert.equal(elapsedSeconds(result.timer, at(10)), 5400);
  });

  it('refuses to move the start of a paused timer or into the future', () => {
    const pausedResult = adjustStart(paused(10), at(8), at(10));
    assert.equal(pausedResult.ok, false);
    assert.match(pausedResult.ok ? '' : pausedResult.message, /paused/);
    const future = adjustStart(running(at(9)), at(10, 0, 1), at(10));
    assert.equal(future.ok, false);
    assert.match(future.ok ? '' : future.message, /future/);
  });

  it('sets the elapsed time of a running timer, which keeps running from now', () => {
    const result = ok(adjustElapsed(running(at(8), 100), 1800, at(10)));
    assert.deepEqual(result.timer, running(at(10), 1800));
    assert.deepEqual(result.patch, { time: 1800, startTime: stamp(10) });
    assert.deepEqual(result.op, { kind: 'setElapsed', at: at(10).getTime(), seconds: 1800 });
    assert.equal(elapsedSeconds(result.timer, at(10, 1)), 1860);
  });

  it('sets the elapsed time of a paused timer', () => {
    const result = ok(adjustElapsed(paused(100), 0, at(10)));
    assert.deepEqual(result.timer, paused(0));
    assert.deepEqual(result.patch, { time: 0, startTime: null });
  });

  it('refuses a negative or non-numeric elapsed time', () => {
    for (const seconds of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const result = adjustElapsed(paused(100), seconds, at(10));
      assert.equal(result.ok, false, String(seconds));
      assert.match(result.ok ? '' : result.message, /zero or more/);
    }
  });

  it('describes the whole state in every patch, so a patch sent twice changes nothing', () => {
    // Absolute values, never a difference: the same patch applied twice leaves the same timer.
    const paused = pauseTimer(running(at(8), 600), at(9));
    assert.deepEqual(paused.patch, { time: 600 + 3600, startTime: null });
    const resumed = resumeTimer(paused.timer, at(10));
    assert.deepEqual(resumed.patch, { time: 600 + 3600, startTime: stamp(10) });
    assert.deepEqual(toPatch({ ...paused.timer, id: 99, taskId: 43 }), { time: 600 + 3600, startTime: null }, 'the patch holds the state, not who owns it');
    assert.deepEqual(pauseTimer(paused.timer, at(9, 30)).patch, null);
  });
});

describe('timer model: idle time', () => {
  const timer = running(at(8), 600);
  const rows: Array<[choice: (typeof IDLE_CHOICES)[number], idleStart: Date, expected: TimerState, total: number]> = [
    ['keep', at(9), timer, 600 + 7200],
    ['discard', at(9), running(at(10), 600 + 3600), 600 + 3600],
    ['stopAtIdleStart', at(9), paused(600 + 3600), 600 + 3600],
    // Idle since before the run started: the whole run was idle.
    ['discard', at(7), running(at(10), 600), 600],
    ['stopAtIdleStart', at(7), paused(600), 600],
    // An idle start after now (a clock jump) takes nothing away.
    ['stopAtIdleStart', at(11), paused(600 + 7200), 600 + 7200],
  ];
  for (const [choice, idleStart, expected, total] of rows) {
    it(`${choice} with idle from ${idleStart.toISOString().slice(11, 16)} leaves ${total} s`, () => {
      const result = resolveIdle(timer, idleStart, at(10), choice);
      assert.deepEqual(result.timer, expected);
      assert.equal(elapsedSeconds(result.timer, at(10)), total);
      assert.equal(result.patch === null, choice === 'keep');
    });
  }

  it('does nothing to a paused timer', () => {
    for (const choice of IDLE_CHOICES) {
      assert.deepEqual(resolveIdle(paused(5), at(9), at(10), choice), { timer: paused(5), patch: null, op: null });
    }
  });
});

describe('timer model: server timers', () => {
  it('reads a running and a paused server timer', () => {
    assert.deepEqual(timerFromServer(server(90, stamp(8))), running(at(8), 90));
    assert.deepEqual(timerFromServer(server(90, null)), paused(90));
    assert.deepEqual(timerFromServer(server(90, '')), paused(90));
  });

  it('leaves out a missing task id and rounds and clamps the seconds', () => {
    assert.deepEqual(timerFromServer(server(89.6, null, 3, null)), { id: 3, accumulatedSeconds: 90, startedAt: null });
    assert.equal(timerFromServer(server(-5, null)).accumulatedSeconds, 0);
  });

  it('refuses a start time it cannot read instead of guessing', () => {
    assert.throws(() => timerFromServer(server(0, 'soon')), RangeError);
  });

  it('finds the server timer by id, or by task for a timer created offline', () => {
    const timers = [server(0, null, 1, 10), server(0, null, 2, 42), server(0, null, 3, null)];
    const byId: LocalTimerRecord = { timer: paused(0, { id: 3, taskId: 99 }), pending: [], base: null };
    assert.equal(findServerTimer(byId, timers)?.id, 3);
    const byTask: LocalTimerRecord = { timer: { taskId: 42, accumulatedSeconds: 0, startedAt: null }, pending: [], base: null };
    assert.equal(findServerTimer(byTask, timers)?.id, 2);
    const general: LocalTimerRecord = { timer: { accumulatedSeconds: 0, startedAt: null }, pending: [], base: null };
    assert.equal(findServerTimer(general, timers), null);
    const gone: LocalTimerRecord = { timer: paused(0, { id: 8 }), pending: [], base: null };
    assert.equal(findServerTimer(gone, timers), null);
  });
});

describe('timer model: local records', () => {
  it('starts a record for a timer created here with no base', () => {
    const record = recordTransition(null, startTimer(at(8), { taskId: 42, accumulatedSeconds: 0 }));
    assert.deepEqual(record.pending, [{ kind: 'start', at: at(8).getTime() }]);
    assert.equal(record.base, null);
  });

  it('remembers the server state the first unsent change was made on', () => {
    const synced = syncedRecord(server(0, stamp(8)));
    assert.deepEqual(synced, { timer: running(at(8)), pending: [], base: { time: 0, startTime: stamp(8) } });
    const record = apply(synced, (t) => pauseTimer(t, at(9)), (t) => resumeTimer(t, at(9, 30)));
    assert.deepEqual(record.base, { time: 0, startTime: stamp(8) });
    assert.equal(record.pending.length, 2);
    assert.deepEqual(record.timer, running(at(9, 30), 3600));
  });

  it('ignores a transition that changed nothing', () => {
    const synced = syncedRecord(server(10, null));
    assert.equal(recordTransition(synced, pauseTimer(synced.timer, at(9))), synced);
  });

  it('survives JSON and rejects what is not a record', () => {
    const record = apply(syncedRecord(server(10, stamp(8))), (t) => pauseTimer(t, at(9)));
    const restored = recordFromJson(JSON.parse(JSON.stringify(recordToJson(record))));
    assert.deepEqual(restored, record);
    const offline = recordTransition(null, startTimer(at(8)));
    assert.deepEqual(recordFromJson(JSON.parse(JSON.stringify(recordToJson(offline)))), offline);
    const broken: unknown[] = [
      null,
      [],
      { timer: {}, pending: [], base: null },
      { timer: { accumulatedSeconds: 1, startedAt: 'not a date' }, pending: [], base: null },
      { timer: { accumulatedSeconds: 1, startedAt: null }, pending: [{ kind: 'pause', at: 1 }], base: null },
      { timer: { accumulatedSeconds: 1, startedAt: null }, pending: [{ kind: 'explode' }], base: null },
      { timer: { accumulatedSeconds: 1, startedAt: null }, pending: [], base: { time: '1' } },
      { timer: { id: '7', accumulatedSeconds: 1, startedAt: null }, pending: [], base: null },
    ];
    for (const value of broken) {
      assert.equal(recordFromJson(value), undefined, JSON.stringify(value));
    }
  });
});

describe('timer model: reconciliation', () => {
  const now = at(10);

  it('none: neither side has the timer', () => {
    assert.deepEqual(reconcileTimer(null, null, now), { rule: 'none', timer: null, send: { kind: 'none' } });
  });

  it('serverOnly: adopts a timer started elsewhere', () => {
    const result = reconcileTimer(null, server(30, stamp(9)), now);
    assert.equal(result.rule, 'serverOnly');
    assert.deepEqual(result.timer, running(at(9), 30));
    assert.deepEqual(result.send, { kind: 'none' });
  });

  it('adoptServer: with nothing pending the server is the truth', () => {
    const local = syncedRecord(server(0, stamp(8)));
    const result = reconcileTimer(local, server(4000, null), now);
    assert.equal(result.rule, 'adoptServer');
    assert.deepEqual(result.timer, paused(4000));
    assert.deepEqual(result.send, { kind: 'none' });
  });

  it('dropDeleted: a timer deleted on the server with nothing pending is forgotten', () => {
    const result = reconcileTimer(syncedRecord(server(0, stamp(8))), null, now);
    assert.deepEqual(result, { rule: 'dropDeleted', timer: null, send: { kind: 'none' } });
  });

  it('createOffline: a timer started offline is created with its local state', () => {
    const local = recordTransition(null, startTimer(at(9), { taskId: 42, accumulatedSeconds: 0 }));
    const result = reconcileTimer(local, null, now);
    assert.equal(result.rule, 'createOffline');
    assert.deepEqual(result.send, { kind: 'create', taskId: 42, patch: { time: 0, startTime: stamp(9) } });
    assert.deepEqual(result.timer, local.timer);
  });

  it('recreateUnsent: a deleted timer resumed offline comes back with only the new run', () => {
    const local = apply(syncedRecord(server(3600, null)), (t) => resumeTimer(t, at(9)));
    assert.equal(unsentSeconds(local, now), 3600);
    const result = reconcileTimer(local, null, now);
    assert.equal(result.rule, 'recreateUnsent');
    assert.deepEqual(result.timer, { taskId: 42, accumulatedSeconds: 0, startedAt: at(9) });
    assert.deepEqual(result.send, { kind: 'create', taskId: 42, patch: { time: 0, startTime: stamp(9) } });
  });

  it('recreateUnsent: a deleted paused timer raised offline comes back with the difference', () => {
    const local = apply(syncedRecord(server(3600, null)), (t) => ok(adjustElapsed(t, 5400, at(9))));
    const result = reconcileTimer(local, null, now);
    assert.equal(result.rule, 'recreateUnsent');
    assert.deepEqual(result.timer, { taskId: 42, accumulatedSeconds: 1800, startedAt: null });
  });

  it('recreateUnsent: only the unsent part of a run is recreated, still running', () => {
    // The server would show 3600 s at 9:00; the user set 3700 s: 100 s the server never had.
    const local = apply(syncedRecord(server(0, stamp(8))), (t) => ok(adjustElapsed(t, 3700, at(9))));
    assert.equal(unsentSeconds(local, now), 100);
    const result = reconcileTimer(local, null, now);
    assert.equal(result.rule, 'recreateUnsent');
    assert.deepEqual(result.timer, { taskId: 42, accumulatedSeconds: 0, startedAt: at(9, 58, 20) });
    assert.equal(elapsedSeconds(result.timer!, now), 100);
  });

  it('dropDeleted: a deleted timer that was only paused offline is not brought back', () => {
    const local = apply(syncedRecord(server(0, stamp(8))), (t) => pauseTimer(t, at(9)));
    assert.ok(unsentSeconds(local, now) <= 0);
    assert.deepEqual(reconcileTimer(local, null, now), { rule: 'dropDeleted', timer: null, send: { kind: 'none' } });
  });

  it('dropDeleted: pausing and resuming offline does not bring back time the server had', () => {
    const local = apply(
      syncedRecord(server(0, stamp(8))),
      (t) => pauseTimer(t, at(8, 30)),
      (t) => resumeTimer(t, at(8, 40)),
    );
    assert.equal(reconcileTimer(local, null, now).rule, 'dropDeleted');
  });

  it('alreadyApplied: our pause reached the server but the answer was lost', () => {
    const local = apply(syncedRecord(server(0, stamp(8))), (t) => pauseTimer(t, at(9)));
    const result = reconcileTimer(local, server(3600, null), now);
    assert.equal(result.rule, 'alreadyApplied');
    assert.deepEqual(result.timer, paused(3600));
    assert.deepEqual(result.send, { kind: 'none' });
  });

  it('alreadyApplied: a timer created offline is found on the server with its id', () => {
    const local = recordTransition(null, startTimer(at(9), { taskId: 42, accumulatedSeconds: 0 }));
    const result = reconcileTimer(local, server(0, stamp(9), 77), now);
    assert.equal(result.rule, 'alreadyApplied');
    assert.deepEqual(result.timer, running(at(9), 0, { id: 77 }));
  });

  it('merged: server paused and a pending local pause: the time is not added twice', () => {
    // Paused at 9:00 here (3600 s), paused in the web app at 9:06:40 (4000 s).
    const local = apply(syncedRecord(server(0, stamp(8))), (t) => pauseTimer(t, at(9)));
    const result = reconcileTimer(local, server(4000, null), now);
    assert.equal(result.rule, 'merged');
    assert.deepEqual(result.timer, paused(4000));
    assert.deepEqual(result.send, { kind: 'none' });
  });

  it('merged: server running since T1 and paused here at T2: pause at T2 on the server values', () => {
    // The web app changed the recorded time to 600 s meanwhile; the run 8:00-9:00 is added to it.
    const local = apply(syncedRecord(server(0, stamp(8))), (t) => pauseTimer(t, at(9)));
    const result = reconcileTimer(local, server(600, stamp(8)), now);
    assert.equal(result.rule, 'merged');
    assert.deepEqual(result.timer, paused(600 + 3600));
    assert.deepEqual(result.send, { kind: 'update', id: 7, patch: { time: 4200, startTime: null } });
  });

  it('merged: a run started elsewhere before our pause is paused at our pause time', () => {
    const local = apply(syncedRecord(server(0, stamp(8))), (t) => pauseTimer(t, at(9)));
    const result = reconcileTimer(local, server(300, stamp(8, 30)), now);
    assert.deepEqual(result.timer, paused(300 + 1800));
  });

  it('merged: a resume elsewhere after our pause wins over the pause', () => {
    const local = apply(syncedRecord(server(0, stamp(8))), (t) => pauseTimer(t, at(9)));
    const result = reconcileTimer(local, server(3900, stamp(9, 30)), now);
    assert.equal(result.rule, 'merged');
    assert.deepEqual(result.timer, running(at(9, 30), 3900));
    assert.deepEqual(result.send, { kind: 'none' });
  });

  it('merged: our resume reached the server but our later pause did not', () => {
    const local = apply(syncedRecord(server(600, null)), (t) => resumeTimer(t, at(8)), (t) => pauseTimer(t, at(9)));
    const result = reconcileTimer(local, server(600, stamp(8)), now);
    assert.deepEqual(result.timer, paused(4200));
    assert.deepEqual(result.send, { kind: 'update', id: 7, patch: { time: 4200, startTime: null } });
  });

  it('merged: both our writes arrived, then the timer was resumed in the web app', () => {
    const local = apply(syncedRecord(server(600, null)), (t) => resumeTimer(t, at(8)), (t) => pauseTimer(t, at(9)));
    const result = reconcileTimer(local, server(4200, stamp(9, 45)), now);
    assert.deepEqual(result.timer, running(at(9, 45), 4200));
    assert.deepEqual(result.send, { kind: 'none' });
  });

  it('merged: a resume offline starts a server timer that is still paused', () => {
    const local = apply(syncedRecord(server(600, null)), (t) => resumeTimer(t, at(9)));
    const result = reconcileTimer(local, server(900, null), now);
    assert.deepEqual(result.timer, running(at(9), 900));
    assert.deepEqual(result.send, { kind: 'update', id: 7, patch: { time: 900, startTime: stamp(9) } });
  });

  it('merged: a resume offline keeps the start of a timer already resumed elsewhere', () => {
    const local = apply(syncedRecord(server(600, null)), (t) => resumeTimer(t, at(9)));
    const result = reconcileTimer(local, server(600, stamp(8, 50)), now);
    assert.deepEqual(result.timer, running(at(8, 50), 600));
    assert.deepEqual(result.send, { kind: 'none' });
  });

  it('merged: a pause whose clock jumped back before the run adds nothing', () => {
    const local = apply(syncedRecord(server(600, stamp(8))), (t) => pauseTimer(t, at(7, 50)));
    assert.deepEqual(local.timer, paused(600));
    const result = reconcileTimer(local, server(650, stamp(8)), now);
    assert.deepEqual(result.timer, paused(650));
  });

  it('merged: an explicit elapsed-time edit overrides the server time', () => {
    const local = apply(syncedRecord(server(0, stamp(8))), (t) => ok(adjustElapsed(t, 1200, at(9))));
    const result = reconcileTimer(local, server(50, stamp(8)), now);
    assert.deepEqual(result.timer, running(at(9), 1200));
    assert.deepEqual(result.send, { kind: 'update', id: 7, patch: { time: 1200, startTime: stamp(9) } });
  });

  it('merged: a start-time edit is ignored when the server timer was paused meanwhile', () => {
    const local = apply(syncedRecord(server(0, stamp(8))), (t) => ok(adjustStart(t, at(7, 30), at(9))));
    const result = reconcileTimer(local, server(1800, null), now);
    assert.deepEqual(result.timer, paused(1800));
    assert.deepEqual(result.send, { kind: 'none' });
  });

  describe('on a server that did not change, replaying gives exactly the local state', () => {
    const sequences: Array<[name: string, base: ServerTimer, steps: Array<(t: TimerState) => TimerTransition>]> = [
      ['pause', server(0, stamp(8)), [(t) => pauseTimer(t, at(9, 0, 0, 600))]],
      ['resume', server(100, null), [(t) => resumeTimer(t, at(9))]],
      ['pause, resume', server(100, stamp(8)), [(t) => pauseTimer(t, at(8, 30)), (t) => resumeTimer(t, at(9))]],
      ['pause, resume, pause', server(0, stamp(8)), [(t) => pauseTimer(t, at(8, 30)), (t) => resumeTimer(t, at(9)), (t) => pauseTimer(t, at(9, 15, 20))]],
      ['move start', server(0, stamp(8)), [(t) => ok(adjustStart(t, at(7, 45), at(9)))]],
      ['set elapsed while running', server(0, stamp(8)), [(t) => ok(adjustElapsed(t, 60, at(9)))]],
      ['set elapsed while paused', server(500, null), [(t) => ok(adjustElapsed(t, 60, at(9)))]],
      ['discard idle', server(0, stamp(8)), [(t) => resolveIdle(t, at(8, 40), at(9, 30), 'discard')]],
      ['stop at idle start', server(0, stamp(8)), [(t) => resolveIdle(t, at(8, 40), at(9, 30), 'stopAtIdleStart')]],
      ['stop at idle, resume, move start', server(0, stamp(8)), [
        (t) => resolveIdle(t, at(8, 40), at(9, 30), 'stopAtIdleStart'),
        (t) => resumeTimer(t, at(9, 31)),
        (t) => ok(adjustStart(t, at(9, 20), at(9, 32))),
      ]],
    ];
    for (const [name, base, steps] of sequences) {
      it(name, () => {
        const local = apply(syncedRecord(base), ...steps);
        const result = reconcileTimer(local, base, now);
        assert.equal(result.rule, 'merged');
        assert.deepEqual(result.timer, local.timer);
        assert.deepEqual(result.send, { kind: 'update', id: 7, patch: toPatch(local.timer) });
        // Once that update arrives, the next reconciliation sends nothing more.
        const after = server(result.timer!.accumulatedSeconds, toPatch(result.timer!).startTime);
        assert.equal(reconcileTimer(local, after, now).rule, 'alreadyApplied');
      });
    }
  });
});
