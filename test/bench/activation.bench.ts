import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, openWorkbenchPage, type WorkbenchPage } from '../runners/browser';
import { startCodeServer, workbenchUrl, type CodeServer } from '../runners/codeServerHost';
import { makeScratchDir, repoRoot, startFakeServer, testUserSettings, type RunningFake } from '../runners/testSetup';
import { bundleFiles, loadedBytes, type BundleFile } from './activation/bundleFiles';
import { HARNESS_TESTS_ENTRY, writeHarness } from './activation/harness';
import { HELD_ANSWER_MS, RESULTS_ENV, RUNS, SCENARIOS, type ActivationResults, type ScenarioName } from './activation/host';
import { median, type Benchmark, type BenchRow } from './benchmark';

const NAME = 'activation (code-server extension host)';
const TIMEOUT_MS = 240_000;

const TITLES: Record<ScenarioName, string> = {
  signedOut: 'signed out',
  signedIn: 'signed in, no timer',
  runningTimer: 'signed in, running timer',
};
const GOAL_MS: Record<ScenarioName, number> = { signedOut: 10, signedIn: 25, runningTimer: 25 };
const GOAL_STARTUP_KIB = 300;

/**
 * Module load of dist/extension.js and `activate()` until it returns, measured in the extension
 * host of VS Code's server for three starts (signed out; signed in with no timer; signed in with
 * a running timer in the state file), with what the start loads, and what it asks of the fake
 * Intervals API. Needs `npm run build` and `npm run install:code-server` first.
 */
export const benchmarks: Benchmark[] = [
  {
    name: NAME,
    async run(): Promise<BenchRow[]> {
      const dist = join(repoRoot, 'dist');
      if (!existsSync(join(dist, 'extension.js')) || !existsSync(join(dist, 'meta.json'))) {
        throw new Error('dist/ is not built: run npm run build first.');
      }
      const results = await measureInExtensionHost();
      return rowsOf(results, bundleFiles(dist));
    },
  },
];

async function measureInExtensionHost(): Promise<ActivationResults> {
  const scratchDir = makeScratchDir('bench');
  const harnessDir = join(scratchDir, 'harness');
  const resultsFile = join(scratchDir, 'activation.json');
  writeHarness(harnessDir, repoRoot, join(__dirname, 'activation', 'host.js'));
  let fake: RunningFake | undefined;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let workbench: WorkbenchPage | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    fake = await startFakeServer();
    server = await startCodeServer({ scratchDir, env: { ...fake.env, [RESULTS_ENV]: resultsFile }, settings: testUserSettings(fake.server.url) });
    browser = await launchChromium();
    workbench = await openWorkbenchPage(browser, (line) => {
      if (line.startsWith('[activation bench]') || process.env.INTERVALS_TEST_VERBOSE === '1') {
        process.stderr.write(`${line}\n`);
      }
    });
    await workbench.page.goto(
      workbenchUrl(server, { folder: server.workspaceDir, extensionDevelopmentPath: harnessDir, extensionTestsPath: join(harnessDir, HARNESS_TESTS_ENTRY) }),
    );
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`The activation benchmark did not finish within ${TIMEOUT_MS / 1000}s.`)), TIMEOUT_MS);
    });
    const exit = await Promise.race([workbench.exit, server.exited, timeout]);
    if (exit.code !== 0 || !existsSync(resultsFile)) {
      const hostLog = exit.logs.find((file) => /exthost/i.test(file.relativePath))?.contents ?? '';
      throw new Error(`The activation benchmark failed in the extension host (exit code ${exit.code}).\n${hostLog.slice(-4000)}`);
    }
    return JSON.parse(readFileSync(resultsFile, 'utf8')) as ActivationResults;
  } finally {
    clearTimeout(timer);
    await browser?.close().catch(() => undefined);
    await server?.stop();
    await fake?.server.close();
    rmSync(scratchDir, { recursive: true, force: true });
  }
}

function rowsOf(results: ActivationResults, files: readonly BundleFile[]): BenchRow[] {
  const rows: BenchRow[] = [];
  const row = (metric: string, value: number, unit: string, note?: string): void => {
    rows.push({ benchmark: NAME, metric, value, unit, ...(note ? { note } : {}) });
  };
  const kib = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;
  const startup = loadedBytes(files, results.cold.loadedAtReturn);
  const total = files.reduce((sum, file) => sum + file.bytes, 0);
  row('bundle loaded at start-up', kib(startup.bytes), 'KiB', `goal ≤ ${GOAL_STARTUP_KIB} KB; ${results.cold.loadedAtReturn.join(', ')}`);
  row('bundle, every file', kib(total), 'KiB', files.map((file) => `${file.name} ${kib(file.bytes)} KiB`).join(', '));
  row('first start in a fresh extension host (signed out): module start → activate returned', results.cold.totalMs, 'ms', `load ${format(results.cold.loadMs)} ms`);

  for (const scenario of SCENARIOS) {
    const samples = results.scenarios[scenario];
    const title = TITLES[scenario];
    row(`${title}: module load`, median(samples.map((sample) => sample.loadMs)), 'ms', spread(samples.map((sample) => sample.loadMs)));
    row(`${title}: activate()`, median(samples.map((sample) => sample.activateMs)), 'ms', spread(samples.map((sample) => sample.activateMs)));
    row(`${title}: module start → activate returned`, median(samples.map((sample) => sample.totalMs)), 'ms', `${spread(samples.map((sample) => sample.totalMs))}; goal ≤ ${GOAL_MS[scenario]} ms`);
    const atReturn = worst(samples.map((sample) => loadedBytes(files, sample.loadedAtReturn)));
    const settled = worst(samples.map((sample) => loadedBytes(files, sample.loadedAfterStartUp)));
    row(`${title}: loaded when activate returned`, kib(atReturn.bytes), 'KiB', `HTTP stack ${kib(atReturn.httpBytes)} KiB, XML parser ${kib(atReturn.xmlBytes)} KiB`);
    row(`${title}: loaded once start-up settled`, kib(settled.bytes), 'KiB', `HTTP stack ${kib(settled.httpBytes)} KiB, XML parser ${kib(settled.xmlBytes)} KiB`);
    const requests = samples.map((sample) => sample.requests);
    const most = requests.reduce((a, b) => (b.length > a.length ? b : a), []);
    row(`${title}: API requests during start-up`, most.length, 'requests', most.length > 0 ? `most in one start: ${most.join(', ')}` : `none in ${samples.length} starts`);
    const shown = samples.flatMap((sample) => (sample.timerShownMs === undefined ? [] : [sample.timerShownMs]));
    if (scenario === 'runningTimer') {
      row(`${title}: timer shown in the status bar`, median(shown), 'ms', `from module start; shown in ${shown.length} of ${samples.length} starts`);
    }
  }

  const held = results.heldAnswers;
  row(
    `signed in, running timer, every API answer held ${HELD_ANSWER_MS / 1000} s: answers received before the timer showed`,
    held.answeredBefore,
    'answers',
    held.timerShownMs === undefined
      ? 'the timer did not show'
      : `shown ${format(held.timerShownMs)} ms after module start as "${held.text}"; held while shown: ${held.heldWhileShown.join(', ') || 'none'}`,
  );
  return rows;
}

/** The start that loaded the most (they should all load the same). */
function worst(values: readonly { bytes: number; httpBytes: number; xmlBytes: number }[]): { bytes: number; httpBytes: number; xmlBytes: number } {
  return values.reduce((a, b) => (b.bytes > a.bytes ? b : a), { bytes: 0, httpBytes: 0, xmlBytes: 0 });
}

function spread(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `median of ${RUNS}, range ${format(sorted[0] ?? 0)}–${format(sorted[sorted.length - 1] ?? 0)}`;
}

function format(value: number): string {
  return value.toFixed(value < 10 ? 2 : 1);
}
