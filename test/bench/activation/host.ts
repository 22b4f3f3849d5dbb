import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { Session } from 'node:inspector';
import { performance } from 'node:perf_hooks';
import type * as vscode from 'vscode';
import type { ExtensionGraph } from '../../../src/extension';
import { FakeIntervalsControl } from '../../fake-intervals/control';
import { fakeServerFromEnvironment } from '../../runners/environmentVariables';

/**
 * The part of the activation benchmark that runs in the extension host (see harness.ts for how it
 * gets there). Each start loads a fresh copy of the bundle and calls its `activate` with the
 * harness's real ExtensionContext; the figures go to the file named by RESULTS_ENV.
 */

export const RESULTS_ENV = 'INTERVALS_BENCH_RESULTS';
/** A file to write a CPU profile of one signed-out and one signed-in start to (`.cpuprofile`, for DevTools). */
export const PROFILE_ENV = 'INTERVALS_BENCH_PROFILE';
export const RUNS = 9;
/** How long the fake holds every API answer in the run that shows the timer before any answer. */
export const HELD_ANSWER_MS = 5_000;
const TASK_ID = 1;
const TIMER_ITEM_ID = 'intervals.timer';
const RUNNING_ICON = '$(clock)';

export type ScenarioName = 'signedOut' | 'signedIn' | 'runningTimer';
export const SCENARIOS: readonly ScenarioName[] = ['signedOut', 'signedIn', 'runningTimer'];

export interface StartSample {
  readonly loadMs: number;
  readonly activateMs: number;
  /** From the start of `require` to `activate` returning. */
  readonly totalMs: number;
  /** Files of dist/ in Node's module cache when `activate` returned. */
  readonly loadedAtReturn: string[];
  /** The same once start-up's own work (reading secrets and state, the first poll) was over. */
  readonly loadedAfterStartUp: string[];
  /** `METHOD /path` of every API request the fake answered during start-up. */
  readonly requests: string[];
  /** When the timer's status bar item first showed a running timer, in ms from the start of `require`. */
  readonly timerShownMs?: number;
}

export interface HeldAnswersProof {
  readonly timerShownMs: number | undefined;
  readonly text: string;
  /** API answers the fake had sent when the timer showed. */
  readonly answeredBefore: number;
  /** Requests the fake was holding while the item showed the timer. */
  readonly heldWhileShown: string[];
}

export interface ActivationResults {
  /** The first start in this extension host: nothing of the bundle's dependencies loaded yet. */
  readonly cold: StartSample;
  readonly scenarios: Record<ScenarioName, StartSample[]>;
  readonly heldAnswers: HeldAnswersProof;
}

interface ExtensionModule {
  activate(context: vscode.ExtensionContext): ExtensionGraph | undefined;
  deactivate?(): Promise<void> | void;
}

interface Started {
  readonly module: ExtensionModule;
  readonly graph: ExtensionGraph | undefined;
  readonly began: number;
  readonly sample: Pick<StartSample, 'loadMs' | 'activateMs' | 'totalMs' | 'loadedAtReturn'>;
}

/** Called by the harness's test entry with the harness extension's own `vscode` API. */
export async function run(api: typeof vscode, harnessDir: string): Promise<void> {
  const resultsFile = process.env[RESULTS_ENV];
  if (!resultsFile) {
    throw new Error(`${RESULTS_ENV} is not set: run this through npm run bench.`);
  }
  const harness = api.extensions.all.find((extension) => extension.extensionPath === harnessDir);
  if (!harness) {
    throw new Error(`The benchmark harness in ${harnessDir} is not loaded.`);
  }
  const context = (await harness.activate()) as vscode.ExtensionContext;
  const bench = new ActivationBench(api, context, join(harnessDir, 'dist'));
  const results = await bench.measure();
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
}

class ActivationBench {
  private readonly fake = fakeServerFromEnvironment();
  private readonly control = new FakeIntervalsControl(this.fake.url);
  private readonly bundle: string;
  private readonly texts: { id: string; text: string; at: number }[] = [];
  private starts = 0;

  constructor(
    private readonly api: typeof vscode,
    private readonly context: vscode.ExtensionContext,
    private readonly distDir: string,
  ) {
    this.bundle = readFileSync(join(distDir, 'extension.js'), 'utf8');
    this.followStatusBarItems();
  }

  async measure(): Promise<ActivationResults> {
    const scenarios: Record<ScenarioName, StartSample[]> = { signedOut: [], signedIn: [], runningTimer: [] };
    let cold: StartSample | undefined;
    for (const scenario of SCENARIOS) {
      log(`preparing "${scenario}"`);
      const first = await this.prepare(scenario);
      cold ??= first;
      for (let repetition = 0; repetition < RUNS; repetition++) {
        scenarios[scenario].push(await this.measuredStart());
      }
      const profile = process.env[PROFILE_ENV];
      if (profile && scenario !== 'runningTimer') {
        await this.profiledStart(profile.replace(/(\.cpuprofile)?$/, `-${scenario}.cpuprofile`));
      }
      log(`"${scenario}": ${scenarios[scenario].map((sample) => sample.totalMs.toFixed(1)).join(', ')} ms`);
    }
    const heldAnswers = await this.startWithAnswersHeld();
    return { cold: cold as StartSample, scenarios, heldAnswers };
  }

  /**
   * Brings the account and the state folder to the scenario with the extension's own commands,
   * in a start of its own (the first of all is the cold start, reported on its own).
   */
  private async prepare(scenario: ScenarioName): Promise<StartSample> {
    await this.control.reset();
    for (const row of await this.control.rows('timer')) {
      await this.control.deleteRow('timer', row.id);
    }
    emptyFolder(this.context.globalStorageUri.fsPath);
    const started = this.start();
    const sample = await this.finishStartUp(started);
    if (scenario === 'signedOut') {
      await this.api.commands.executeCommand('intervals.signOut');
    } else {
      const result = await this.api.commands.executeCommand<{ ok?: boolean; message?: string } | undefined>('intervals.signIn', {
        token: this.fake.tokens.admin,
      });
      if (result?.ok !== true) {
        throw new Error(`Signing in failed: ${result?.message ?? 'no answer'}`);
      }
    }
    if (scenario === 'runningTimer') {
      const entry = await this.api.commands.executeCommand<unknown>('intervals.startTimer', { taskId: TASK_ID });
      if (!entry) {
        throw new Error('Starting the timer failed.');
      }
    }
    await this.settle(started.graph);
    await this.stop(started);
    await this.control.clearRequests();
    return sample;
  }

  private async measuredStart(): Promise<StartSample> {
    const started = this.start();
    const sample = await this.finishStartUp(started);
    await this.stop(started);
    await this.control.clearRequests();
    return sample;
  }

  /** One start under the inspector's sampling profiler: where the time of `require` and `activate` goes. */
  private async profiledStart(file: string): Promise<void> {
    const session = new Session();
    session.connect();
    const post = (method: string, params?: object): Promise<unknown> =>
      new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 50 });
    await post('Profiler.start');
    const started = this.start();
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    session.disconnect();
    writeFileSync(file, JSON.stringify(profile));
    log(`profile of a start (${started.sample.totalMs.toFixed(1)} ms) written to ${file}`);
    await this.finishStartUp(started);
    await this.stop(started);
    await this.control.clearRequests();
  }

  /**
   * Every API answer is held back: the running timer must come from the state file. The item's
   * text is checked while the fake still holds the requests of the start.
   */
  private async startWithAnswersHeld(): Promise<HeldAnswersProof> {
    await this.control.stallNext(50, HELD_ANSWER_MS);
    const started = this.start();
    // Past the hold, so that a timer that shows only once the service answered is seen too.
    const shown = await waitFor(() => this.timerText(started.began), HELD_ANSWER_MS * 2);
    const answeredBefore = (await this.control.requests()).length;
    let heldWhileShown: string[] = [];
    if (answeredBefore === 0) {
      await waitFor(async () => {
        heldWhileShown = await this.control.inFlight();
        return heldWhileShown.length > 0 || undefined;
      }, HELD_ANSWER_MS / 2);
    }
    const stillShown = this.currentTimerText()?.includes(RUNNING_ICON) ?? false;
    await this.settle(started.graph);
    await this.stop(started);
    await this.control.clearFaults();
    await this.control.clearRequests();
    return {
      timerShownMs: shown?.ms,
      text: shown?.text ?? '',
      answeredBefore,
      heldWhileShown: stillShown ? heldWhileShown : [],
    };
  }

  /** Loads a fresh copy of the bundle and activates it; only this part is timed. */
  private start(): Started {
    const entry = join(this.distDir, 'extension.js');
    // A source V8 has not seen in this process, as on a real start (the text differs by a comment).
    writeFileSync(entry, `${this.bundle}\n// start ${++this.starts}\n`);
    for (const key of Object.keys(require.cache)) {
      if (key.startsWith(this.distDir + sep)) {
        delete require.cache[key];
      }
    }
    const began = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require(entry) as ExtensionModule;
    const loaded = performance.now();
    const graph = module.activate(this.context);
    const returned = performance.now();
    return {
      module,
      graph,
      began,
      sample: { loadMs: loaded - began, activateMs: returned - loaded, totalMs: returned - began, loadedAtReturn: this.loadedFiles() },
    };
  }

  private async finishStartUp(started: Started): Promise<StartSample> {
    await this.settle(started.graph);
    const shown = this.timerText(started.began);
    return {
      ...started.sample,
      loadedAfterStartUp: this.loadedFiles(),
      requests: (await this.control.requests()).map((request) => `${request.method} ${request.path}`),
      ...(shown ? { timerShownMs: shown.ms } : {}),
    };
  }

  /** Until the extension's start-up work is over and the fake has answered what it was sent. */
  private async settle(graph: ExtensionGraph | undefined): Promise<void> {
    await graph?.session.restore();
    for (let round = 0; round < 200; round++) {
      await graph?.work.idle();
      const before = (await this.control.requests()).length;
      const inFlight = await this.control.inFlight();
      await delay(150);
      const quiet = inFlight.length === 0 && (await this.control.requests()).length === before;
      if (quiet && (graph?.work.snapshot().running.length ?? 0) === 0) {
        return;
      }
    }
    throw new Error('The extension did not settle after starting.');
  }

  /** What VS Code does when the extension stops: `deactivate`, then the subscriptions disposed. */
  private async stop(started: Started): Promise<void> {
    await started.module.deactivate?.();
    for (const subscription of this.context.subscriptions.splice(0)) {
      try {
        subscription.dispose();
      } catch (error) {
        log(`disposing failed: ${String(error)}`);
      }
    }
    this.texts.length = 0;
  }

  private loadedFiles(): string[] {
    return Object.keys(require.cache)
      .filter((key) => key.startsWith(this.distDir + sep))
      .map((key) => basename(key))
      .sort();
  }

  /** The first text of the timer's item that shows a running timer, since `began`. */
  private timerText(began: number): { text: string; ms: number } | undefined {
    const first = this.texts.find((entry) => entry.id === TIMER_ITEM_ID && entry.text.includes(RUNNING_ICON) && entry.at >= began);
    return first ? { text: first.text, ms: first.at - began } : undefined;
  }

  private currentTimerText(): string | undefined {
    return this.texts.filter((entry) => entry.id === TIMER_ITEM_ID).at(-1)?.text;
  }

  /**
   * Records what the status bar items are given to show, with the time: the bundle asks the same
   * `vscode` API object (the harness's) for its items, so wrapping the factory sees them all.
   */
  private followStatusBarItems(): void {
    const window = this.api.window as { createStatusBarItem: (...args: unknown[]) => vscode.StatusBarItem };
    const create = window.createStatusBarItem.bind(this.api.window);
    window.createStatusBarItem = (...args: unknown[]) => {
      const item = create(...args);
      const accessor = findAccessor(item, 'text');
      if (accessor) {
        Object.defineProperty(item, 'text', {
          configurable: true,
          get: () => accessor.get.call(item) as string,
          set: (text: string) => {
            this.texts.push({ id: item.id, text, at: performance.now() });
            accessor.set.call(item, text);
          },
        });
      }
      return item;
    };
  }
}

function findAccessor(target: object, name: string): { get: () => unknown; set: (value: unknown) => void } | undefined {
  for (let object: object | null = target; object; object = Object.getPrototypeOf(object) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(object, name);
    if (descriptor?.get && descriptor.set) {
      return { get: descriptor.get, set: descriptor.set };
    }
  }
  return undefined;
}

async function waitFor<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs: number): Promise<T | undefined> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    const value = await check();
    if (value !== undefined) {
      return value;
    }
    await delay(5);
  }
  return undefined;
}

function emptyFolder(folder: string): void {
  let names: string[] = [];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    rmSync(join(folder, name), { recursive: true, force: true });
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function log(message: string): void {
  console.log(`[activation bench] ${message}`);
}
