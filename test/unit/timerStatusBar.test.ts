import * as assert from 'node:assert/strict';
import {
  TimerStatusBarController,
  msUntilNextMinute,
  timerStatusView,
  type TimerStatusView,
} from '../../src/statusBar/timerStatusBarController';
import type { TaskSummary } from '../../src/tasks/taskReference';
import type { TimerEntry } from '../../src/timer/timerService';

const T0 = Date.parse('2026-03-11T09:00:00Z');
const TASK: TaskSummary = { id: 3, localId: 1003, title: 'Checkout flow with a rather long title', projectId: 1, project: 'Website', clientId: 1, client: 'Acme' };

function entry(accumulatedSeconds: number, startedAt: number | null, task: TaskSummary | null = TASK): TimerEntry {
  const timer = { id: 9, ...(task ? { taskId: task.id } : {}), accumulatedSeconds, startedAt: startedAt === null ? null : new Date(startedAt) };
  return { key: '9', timer, task: task ?? undefined, unsynced: false };
}

/** A scheduler driven by hand: `advance` runs what falls due, in order. */
class FakeScheduler {
  now = T0;
  private jobs: Array<{ at: number; run: () => void; id: number }> = [];
  private next = 0;
  schedule(ms: number, run: () => void): () => void {
    const id = this.next++;
    this.jobs.push({ at: this.now + ms, run, id });
    return () => {
      this.jobs = this.jobs.filter((job) => job.id !== id);
    };
  }
  get pending(): number {
    return this.jobs.length;
  }
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      this.jobs.sort((a, b) => a.at - b.at || a.id - b.id);
      const job = this.jobs[0];
      if (!job || job.at > end) {
        break;
      }
      this.jobs.shift();
      this.now = job.at;
      job.run();
    }
    this.now = end;
  }
}

describe('timer status bar', () => {
  it('shows a running timer with minutes, the local id and a shortened title', () => {
    const view = timerStatusView([entry(600, T0)], new Date(T0 + 65 * 60_000), 8);
    assert.equal(view.text, '$(clock) 1:15 #1003 Checkout flow with a ra…');
    assert.equal(view.tooltip.split('\n')[0], '#1003 Checkout flow with a rather long title');
    assert.ok(view.tooltip.includes('Project: Website') && view.tooltip.includes('Client: Acme'));
    assert.equal(view.accessibilityLabel, 'Timer running, 1 h 15 min, task #1003 Checkout flow with a rather long title');
    assert.equal(view.warning, false);
  });

  it('writes the time of the tooltip in the hour format', () => {
    const view = timerStatusView([entry(600, T0)], new Date(T0 + 80 * 60_000), 8, 'decimal');
    assert.ok(view.tooltip.split('\n').includes('Running: 1:30 (1.5 h)'), view.tooltip);
    assert.equal(view.accessibilityLabel, 'Timer running, 1.5 h, task #1003 Checkout flow with a rather long title');
  });

  it('shows $(name) in a task title as text, not as an icon', () => {
    const view = timerStatusView([entry(0, T0, { ...TASK, title: '$(bug) [x](command:a)' })], new Date(T0), 8);
    assert.equal(view.text, '$(clock) 0:00 #1003 \\$(bug) [x](command:a)');
  });

  it('shows a paused timer with the pause icon, and hides with no timer', () => {
    assert.match(timerStatusView([entry(90, null)], new Date(T0), 8).text, /^\$\(debug-pause\) 0:01 #1003 /);
    assert.equal(timerStatusView([], new Date(T0), 8).visible, false);
  });

  it('prefers the running timer and counts the others', () => {
    const paused = { ...entry(60, null), key: '1' };
    const view = timerStatusView([paused, entry(0, T0)], new Date(T0), 8);
    assert.match(view.text, /^\$\(clock\) 0:00 #1003 .* \+1$/);
  });

  it('keeps showing the timer just paused rather than another paused one', () => {
    const other = { ...entry(3600, null, { ...TASK, id: 1, localId: 1001, title: 'Homepage' }), key: '1' };
    const third = { ...entry(120, null, { ...TASK, id: 2, localId: 1002, title: 'Footer' }), key: '2' };
    const pausedNow = entry(59 * 60 + 40, null);
    const view = timerStatusView([other, third, pausedNow], new Date(T0), 8, 'hoursMinutes', { key: '9', taskId: 3 });
    assert.equal(view.text, '$(debug-pause) 0:59 #1003 Checkout flow with a ra… +2');
    assert.match(timerStatusView([other, third, pausedNow], new Date(T0), 8).text, /^\$\(debug-pause\) 1:00 #1001 /, 'with nothing shown before, the first');
    assert.match(timerStatusView([other, { ...pausedNow, key: 'task:3' }], new Date(T0), 8, 'hoursMinutes', { key: '9', taskId: 3 }).text, /#1003/, 'found again by its task');
  });

  it('the tooltip tells the same time as the text, and names the other timers', () => {
    const other = { ...entry(35 * 60, null, { ...TASK, id: 1, localId: 1001, title: 'Homepage' }), key: '1' };
    const view = timerStatusView([entry(59 * 60 + 40, null), other], new Date(T0), 8, 'hoursMinutes', { key: '9', taskId: 3 });
    assert.match(view.text, /^\$\(debug-pause\) 0:59 /);
    assert.ok(view.tooltip.includes('Paused: 0:59 (59 min)'), view.tooltip);
    assert.ok(!view.tooltip.includes('1 h'), view.tooltip);
    assert.ok(view.tooltip.includes('#1001 Homepage: paused, 0:35'), view.tooltip);
    assert.match(view.accessibilityLabel, /^Timer paused, 59 min, /);
  });

  it('warns after the configured hours, not when 0', () => {
    assert.equal(timerStatusView([entry(8 * 3600, T0)], new Date(T0), 8).warning, true);
    assert.equal(timerStatusView([entry(8 * 3600, T0)], new Date(T0), 0).warning, false);
    assert.equal(timerStatusView([entry(9 * 3600, null)], new Date(T0), 8).warning, false, 'a paused timer is not running long');
  });

  it('a general timer has no number', () => {
    assert.equal(timerStatusView([entry(0, T0, null)], new Date(T0), 8).text, '$(clock) 0:00 General timer');
  });

  it('wakes at the next whole minute of the run', () => {
    assert.equal(msUntilNextMinute([entry(0, T0)], new Date(T0 + 10_500)), 49_500);
    assert.equal(msUntilNextMinute([entry(0, null)], new Date(T0)), undefined);
  });

  it('coalesces updates and redraws only when the text changes, once a minute while running', () => {
    const scheduler = new FakeScheduler();
    const rendered: TimerStatusView[] = [];
    let entries: TimerEntry[] = [entry(0, T0)];
    const controller = new TimerStatusBarController({
      sink: { render: (view) => rendered.push(view) },
      entries: () => entries,
      now: () => new Date(scheduler.now),
      warningHours: () => 8,
      scheduler,
    });
    controller.update();
    controller.update();
    controller.update();
    scheduler.advance(0);
    assert.equal(rendered.length, 1);
    scheduler.advance(60 * 60_000);
    assert.equal(rendered.length, 61, 'one redraw per minute for an hour');
    assert.equal(rendered.at(-1)?.text.startsWith('$(clock) 1:00'), true);
    controller.update();
    scheduler.advance(0);
    assert.equal(rendered.length, 61, 'nothing changed: no redraw');
    entries = [entry(3600, null)];
    controller.update();
    scheduler.advance(0);
    assert.equal(rendered.length, 62);
    assert.equal(scheduler.pending, 0, 'no wake-ups while paused');
    scheduler.advance(60 * 60_000);
    assert.equal(rendered.length, 62);
    controller.dispose();
  });
});
