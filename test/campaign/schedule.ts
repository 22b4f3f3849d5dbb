import { parseOutboxFile } from '../../src/outbox/outboxFile';
import { comparableText } from '../../src/timeLog/timeEntryDraft';
import { elapsedSeconds, timerFromServer } from '../../src/timer/timerModel';
import { Killed, MemoryFolder } from './memoryFileSystem';
import type { Random } from './random';
import { SimulatedIntervals, type Storage } from './simulatedIntervals';
import { DATE, FOLDER, SimWindow, entryInput } from './simWindow';

const TASKS = [11, 12, 13] as const;
/** The task whose identical entries (1 h, no description) are logged again and again. */
const SAME_TASK = 11;
const START = Date.UTC(2026, 4, 19, 8);

export interface ScheduleResult {
  steps: number;
  kills: number;
  clockSteps: number;
  log: string[];
  /** Broken invariants; empty when the schedule passed. */
  broken: string[];
}

interface ModelTimer {
  seconds: number;
  runningSince: number | null;
}

/**
 * One schedule: two windows on one folder log entries and run timers while faults hit the service,
 * the disk and the clock; then the faults stop, time passes and the invariants are checked.
 * The model is what the user did: entries expected on the service, time tracked per task.
 */
export class Schedule {
  private now = START;
  private readonly clock = { now: () => this.now, advance: (ms: number) => void (this.now += ms) };
  private readonly folder = new MemoryFolder(() => this.now);
  private readonly server: SimulatedIntervals;
  private readonly dead = new Set<number>();
  private readonly windows: SimWindow[] = [];
  private readonly problems: string[] = [];
  private readonly log: string[] = [];
  private nextPid = 4000;
  private serial = 0;
  private kills = 0;
  private clockSteps = 0;
  /** Unique entries: 'must' be on the service exactly once, or 'may' (lost with a window before it was kept). */
  private readonly unique = new Map<string, 'must' | 'may'>();
  private identical = { must: 0, may: 0, webApp: 0 };
  private readonly model = new Map<number, ModelTimer>();
  private readonly loggedSeconds = new Map<number, number>();

  constructor(
    private readonly random: Random,
    private readonly steps: number,
  ) {
    const storage: Storage = { descriptions: random.pick(['raw', 'escaped', 'stripped'] as const) };
    this.server = new SimulatedIntervals(random, this.clock, random.pick([0.15, 0.3, 0.5]), storage);
    this.windows.push(this.open('A'), this.open('B'));
    this.log.push(`storage ${storage.descriptions}`);
  }

  get faultsSurvived(): ReadonlyMap<string, number> {
    return this.server.survived;
  }

  async run(): Promise<ScheduleResult> {
    for (let step = 0; step < this.steps; step++) {
      const index = this.random.int(0, 1);
      await this.act(index);
      if (process.env.INTERVALS_CAMPAIGN_TRACE) {
        await this.trace(index);
      }
      this.pass(this.random.chance(0.05) ? this.random.int(3600, 3 * 3600) : this.random.int(1, 40));
    }
    const broken = await this.healAndCheck();
    return { steps: this.steps, kills: this.kills, clockSteps: this.clockSteps, log: this.log, broken };
  }

  /** With INTERVALS_CAMPAIGN_TRACE set: what the window and the model hold after each step. */
  private async trace(index: number): Promise<void> {
    const window = this.windows[index];
    await window.timers.load().catch(() => undefined);
    const now = new Date(this.now);
    const product = window.timers.entries.map((entry) => `${entry.timer.taskId}:${window.timers.elapsed(entry, now)}${entry.timer.startedAt ? 'r' : 'p'}${entry.timer.id ?? '-'}`);
    const model = [...this.model].map(([task, timer]) => `${task}:${timer.seconds + (timer.runningSince !== null ? (this.now - timer.runningSince) / 1000 : 0)}${timer.runningSince !== null ? 'r' : 'p'}`);
    const server = this.server.timers.map((timer) => `${timer.taskId}:${elapsedSeconds(timerFromServer(timer), now)}${timer.startTime ? 'r' : 'p'}${timer.id}`);
    const state = window.timers.snapshot;
    const detail = `orphans ${JSON.stringify(state.orphans)} deletions ${JSON.stringify(state.deletions)} records ${JSON.stringify(state.records.map((record) => [record.timer.id, record.timer.taskId, record.pending.length, record.sentWrites]))}`;
    this.log.push(`   requests: ${this.server.trace.splice(0).join(', ')} problems: ${this.problems.splice(0).join(' / ')}`);
    this.log.push(`   [t=${(this.now - START) / 1000} window ${product.join(' ')} | model ${model.join(' ')} | server ${server.join(' ')} | ${detail}]`);
  }

  private open(name: string): SimWindow {
    const pid = this.nextPid++;
    return new SimWindow(`${name}${pid}`, pid, {
      folder: this.folder,
      server: this.server,
      clock: this.clock,
      isAlive: (candidate) => !this.dead.has(candidate),
      random: () => this.random.next(),
      problems: this.problems,
    });
  }

  private pass(seconds: number, jump = seconds >= 3600): void {
    this.now += seconds * 1000;
    if (jump) {
      this.clockSteps++;
      this.log.push(`clock +${seconds}s`);
    }
    this.server.catchUp();
  }

  private async act(index: number): Promise<void> {
    const window = this.windows[index];
    const roll = this.random.next();
    const armKill = this.random.chance(0.08);
    if (roll < 0.25) {
      await this.logEntry(window, `e${++this.serial} & <b>fix</b>`, armKill);
    } else if (roll < 0.35) {
      await this.logEntry(window, '', armKill);
    } else if (roll < 0.4) {
      this.webAppEntry();
    } else if (roll < 0.55) {
      await this.startTimer(window, this.random.pick(TASKS));
    } else if (roll < 0.65) {
      await this.pauseTimer(window, this.random.pick(TASKS));
    } else if (roll < 0.75) {
      await this.stopTimer(window, this.random.pick(TASKS));
    } else if (roll < 0.85) {
      await this.killable(window, armKill, 'sync', () => window.sync.sync());
    } else if (roll < 0.9) {
      await this.killable(window, armKill, 'focus', () => window.sync.reconnected());
    } else if (roll < 0.95) {
      await this.quietly('both sync', () => Promise.all(this.windows.map((each) => each.sync.sync())));
    } else {
      await this.quietly('timers', () => window.timers.refresh());
    }
  }

  /** Runs window work that may be killed at a random file operation; a killed window restarts. */
  private async killable(window: SimWindow, armKill: boolean, what: string, work: () => Promise<unknown>): Promise<void> {
    if (armKill) {
      this.folder.armKill(window.name, this.random.int(1, 14));
    }
    try {
      await work();
    } catch (error) {
      if (!(error instanceof Killed)) {
        this.log.push(`${window.name} ${what} failed: ${String(error)}`);
      }
    }
    this.folder.disarm(window.name);
    if (this.folder.isDead(window.name)) {
      this.restart(window);
    }
  }

  private restart(window: SimWindow): void {
    this.kills++;
    this.dead.add(window.pid);
    this.log.push(this.folder.kills.at(-1) ?? `${window.name} killed`);
    window.dispose();
    const index = this.windows.indexOf(window);
    this.windows[index] = this.open(window.name.replace(/\d+$/, ''));
  }

  private async quietly(what: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.log.push(`${what} failed: ${String(error)}`);
    }
  }

  private async logEntry(window: SimWindow, description: string, armKill: boolean): Promise<void> {
    const input = description === '' ? entryInput(SAME_TASK, 1, '') : entryInput(this.random.pick(TASKS), this.random.int(1, 16) / 4, description);
    const before = this.evidence(description, input.taskId ?? 0);
    let returned = false;
    await this.killable(window, armKill, `log "${description}"`, async () => {
      await window.sync.submit({ input, taskLabel: '#', project: null, workType: null });
      returned = true;
    });
    // Kept once it is in the outbox file (or already sent): then it must arrive exactly once.
    const kept = returned || this.evidence(description, input.taskId ?? 0) > before;
    this.log.push(`${window.name} log "${description}" ${kept ? 'kept' : 'lost with the window'}`);
    if (description === '') {
      this.identical[kept ? 'must' : 'may']++;
    } else {
      this.unique.set(description, kept ? 'must' : 'may');
    }
  }

  /** An identical entry made in the web app, while none of ours is in doubt (see the README's limits). */
  private webAppEntry(): void {
    const text = this.folder.text(`${FOLDER}/outbox.json`);
    const waiting = text ? parseOutboxFile(text).items.some((item) => (item.payload as { input: { description: string } }).input.description === '') : false;
    if (!waiting) {
      this.server.addWebAppEntry(entryInput(SAME_TASK, 1, ''));
      this.identical.webApp++;
      this.log.push('web app: identical entry');
    }
  }

  /** How many such entries the outbox file and the service hold between them. */
  private evidence(description: string, task: number): number {
    const text = this.folder.text(`${FOLDER}/outbox.json`);
    const items = text ? parseOutboxFile(text).items : [];
    const waiting = items.filter((item) => {
      const input = (item.payload as { input: { description: string; taskId: number } }).input;
      return input.description === description && input.taskId === task;
    }).length;
    const sent = this.server.entries.filter((entry) => entry.taskId === task && comparableText(entry.description) === comparableText(description)).length;
    return waiting + sent;
  }

  /** Pauses the model's running timers at `at` (the moment the service took the action). */
  private modelPause(at: number, only?: number, except?: number): void {
    for (const [task, timer] of this.model) {
      if ((only === undefined || task === only) && task !== except && timer.runningSince !== null) {
        timer.seconds += (at - timer.runningSince) / 1000;
        timer.runningSince = null;
      }
    }
  }

  private async startTimer(window: SimWindow, task: number): Promise<void> {
    // The service takes the time when the action starts; waiting for a lock or the network comes after.
    let at: number;
    try {
      await window.timers.load();
      at = this.now;
      await window.timers.start({ id: task, localId: task, title: `Task ${task}`, projectId: 5, project: 'P', clientId: null, client: null });
    } catch (error) {
      this.log.push(`${window.name} start ${task} failed: ${String(error)}`);
      return;
    }
    this.modelPause(at, undefined, task);
    const timer = this.model.get(task) ?? { seconds: 0, runningSince: null };
    timer.runningSince ??= at;
    this.model.set(task, timer);
    this.log.push(`${window.name} start ${task}`);
  }

  private async pauseTimer(window: SimWindow, task: number): Promise<void> {
    let at: number;
    try {
      await window.timers.load();
      at = this.now;
      if (!(await window.timers.pause({ taskId: task }))) {
        return;
      }
    } catch (error) {
      this.log.push(`${window.name} pause ${task} failed: ${String(error)}`);
      return;
    }
    this.modelPause(at, task);
    this.log.push(`${window.name} pause ${task}`);
  }

  private async stopTimer(window: SimWindow, task: number): Promise<void> {
    let outcome;
    const at = this.now;
    try {
      outcome = await window.stopAndLog(task, `timer ${task} stop ${++this.serial}`);
    } catch (error) {
      this.log.push(`${window.name} stop ${task} failed: ${String(error)}`);
      return;
    }
    this.log.push(`${window.name} stop ${task}: ${JSON.stringify(outcome)}`);
    const timer = this.model.get(task);
    if (outcome.status === 'noTimer' || !timer) {
      return;
    }
    // Paused whatever became of the entry (when its request is refused, the timer keeps its time).
    this.modelPause(at, task);
    if (outcome.status === 'logged' || outcome.status === 'queued') {
      this.loggedSeconds.set(task, (this.loggedSeconds.get(task) ?? 0) + timer.seconds);
      this.model.delete(task);
    }
  }

  /** The faults stop and time passes; every invariant is checked. */
  private async healAndCheck(): Promise<string[]> {
    this.server.healthy = true;
    this.server.flushLate();
    const broken: string[] = [];
    // Past the longest wait an item can have (an hour's server wait, 15 min backoff, the lookup delay).
    for (let round = 0; round < 2; round++) {
      this.pass(61 * 60, false);
      for (const window of this.windows) {
        await this.quietly(`heal ${window.name}`, () => window.sync.sync());
        await this.quietly(`heal timers ${window.name}`, () => window.timers.refresh());
      }
    }
    for (const window of this.windows) {
      await this.quietly(`final timers ${window.name}`, () => window.timers.refresh());
    }
    const left = await this.windows[0].sync.waiting();
    if (left.length > 0) {
      broken.push(`${left.length} entr(ies) still waiting past every backoff bound: ${left.map((item) => `${item.state} ${item.lastError ?? ''}`).join('; ')}`);
    }
    this.checkEntries(broken);
    this.checkTimers(broken);
    return broken;
  }

  private checkEntries(broken: string[]): void {
    for (const [description, expected] of this.unique) {
      const count = this.server.entries.filter((entry) => comparableText(entry.description) === comparableText(description)).length;
      if (count > 1 || (expected === 'must' && count !== 1)) {
        broken.push(`entry "${description}" is on the service ${count} time(s), expected ${expected === 'must' ? 'once' : 'at most once'}`);
      }
    }
    const same = this.server.entries.filter((entry) => entry.taskId === SAME_TASK && entry.date === DATE && entry.time === 1 && (entry.description ?? '') === '').length;
    const least = this.identical.must + this.identical.webApp;
    if (same < least || same > least + this.identical.may) {
      broken.push(`${same} identical 1 h entries on the service; ${this.identical.must} logged, ${this.identical.may} maybe lost with a window, ${this.identical.webApp} from the web app`);
    }
  }

  private checkTimers(broken: string[]): void {
    const now = new Date(this.now);
    for (const task of TASKS) {
      const model = this.model.get(task);
      const tracked = (this.loggedSeconds.get(task) ?? 0) + (model ? model.seconds + (model.runningSince !== null ? (this.now - model.runningSince) / 1000 : 0) : 0);
      const onServer = this.server.timers.filter((timer) => timer.taskId === task).reduce((sum, timer) => sum + elapsedSeconds(timerFromServer(timer), now), 0);
      const logged = this.server.entries
        .filter((entry) => entry.taskId === task && /^timer \d+ stop/.test(entry.description ?? ''))
        .reduce((sum, entry) => sum + entry.time * 3600, 0);
      if (Math.abs(onServer + logged - tracked) > 1) {
        broken.push(`task ${task}: service timer ${onServer} s + logged ${logged.toFixed(1)} s ≠ tracked ${tracked} s`);
      }
    }
    for (const window of this.windows) {
      for (const entry of window.timers.entries) {
        if (entry.unsynced) {
          broken.push(`${window.name}: the timer on task ${entry.timer.taskId ?? '?'} never reached the service`);
        }
      }
    }
  }
}
