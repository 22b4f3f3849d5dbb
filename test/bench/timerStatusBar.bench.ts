import { TimerStatusBarController, timerStatusView, type StatusBarScheduler } from '../../src/statusBar/timerStatusBarController';
import type { TaskSummary } from '../../src/tasks/taskReference';
import { IdleTracker } from '../../src/timer/idleTracker';
import type { TimerEntry } from '../../src/timer/timerService';
import { median, type Benchmark, type BenchRow } from './benchmark';

const NAME = 'timer status bar (one simulated hour, fake clock)';
const HOUR = 60 * 60_000;
const RUNS = 5;
const T0 = Date.parse('2026-03-11T09:00:00Z');
const TASK: TaskSummary = { id: 3, localId: 1003, title: 'Checkout flow', projectId: 1, project: 'Website', clientId: 1, client: 'Acme' };

/** Runs scheduled jobs in time order as the simulated clock moves; no real waiting. */
class SimulatedScheduler implements StatusBarScheduler {
  now = T0;
  wakeUps = 0;
  private jobs: Array<{ at: number; run: () => void; id: number }> = [];
  private next = 0;
  schedule(ms: number, run: () => void): () => void {
    const id = this.next++;
    this.jobs.push({ at: this.now + ms, run, id });
    return () => {
      this.jobs = this.jobs.filter((job) => job.id !== id);
    };
  }
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      let first: { at: number; run: () => void; id: number } | undefined;
      for (const job of this.jobs) {
        if (!first || job.at < first.at) {
          first = job;
        }
      }
      if (!first || first.at > end) {
        break;
      }
      this.jobs = this.jobs.filter((job) => job !== first);
      this.now = first.at;
      this.wakeUps++;
      first.run();
    }
    this.now = end;
  }
}

function cpuMs(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

function hourOf(entries: TimerEntry[]): { cpu: number; renders: number; wakeUps: number } {
  const scheduler = new SimulatedScheduler();
  let renders = 0;
  const controller = new TimerStatusBarController({
    sink: { render: () => renders++ },
    entries: () => entries,
    now: () => new Date(scheduler.now),
    warningHours: () => 8,
    scheduler,
  });
  const cpu = cpuMs(() => {
    controller.update();
    scheduler.advance(HOUR);
  });
  controller.dispose();
  return { cpu, renders, wakeUps: scheduler.wakeUps };
}

const running: TimerEntry = { key: '9', timer: { id: 9, taskId: 3, accumulatedSeconds: 0, startedAt: new Date(T0) }, task: TASK, unsynced: false };
const paused: TimerEntry = { ...running, timer: { ...running.timer, startedAt: null } };

/**
 * What the status bar controller costs per hour (the item's own redraw in VS Code is not
 * included: it is counted, as renders). Also what a seconds display would cost, the reason the
 * item shows minutes, and what idle detection costs per editor event.
 */
export const benchmarks: Benchmark[] = [
  {
    name: NAME,
    run(): Promise<BenchRow[]> {
      const runs = Array.from({ length: RUNS }, () => hourOf([running]));
      const idle = Array.from({ length: RUNS }, () => hourOf([paused]));
      const none = Array.from({ length: RUNS }, () => hourOf([]));
      const perSecond = median(
        Array.from({ length: RUNS }, () =>
          cpuMs(() => {
            for (let second = 0; second < 3600; second++) {
              timerStatusView([running], new Date(T0 + second * 1000), 8);
            }
          }),
        ),
      );
      const tracker = new IdleTracker(T0, true);
      const events = 100_000;
      const perEvent = median(
        Array.from({ length: RUNS }, () =>
          cpuMs(() => {
            for (let index = 0; index < events; index++) {
              tracker.activity(T0 + index * 50, 10 * 60_000);
            }
          }),
        ),
      ) / events;
      const first = runs[0] ?? { renders: 0, wakeUps: 0 };
      return Promise.resolve([
        { benchmark: NAME, metric: 'CPU per hour, running timer', value: median(runs.map((run) => run.cpu)), unit: 'ms' },
        { benchmark: NAME, metric: 'redraws per hour, running timer', value: first.renders, unit: '', note: `${first.wakeUps} wake-ups` },
        { benchmark: NAME, metric: 'CPU per hour, paused timer', value: median(idle.map((run) => run.cpu)), unit: 'ms', note: `${idle[0]?.wakeUps ?? 0} wake-ups, ${idle[0]?.renders ?? 0} redraw` },
        { benchmark: NAME, metric: 'CPU per hour, no timer', value: median(none.map((run) => run.cpu)), unit: 'ms', note: `${none[0]?.wakeUps ?? 0} wake-ups` },
        { benchmark: NAME, metric: 'CPU per hour if it ticked every second', value: perSecond, unit: 'ms', note: 'view computed 3600 times, not done' },
        { benchmark: NAME, metric: 'idle detection per editor event', value: perEvent * 1000, unit: 'µs' },
      ]);
    },
  },
];
