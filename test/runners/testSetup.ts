import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFakeIntervals, type FakeIntervals } from '../fake-intervals/server';
import { fakeServerEnvironment } from './environmentVariables';

/** The extension's folder (the one with package.json); this file runs from out/test/runners/. */
export const repoRoot = resolve(__dirname, '..', '..', '..');

/** Where a suite leaves screenshots, logs and its summary: test-results/<suite>/, emptied per run. */
export function freshResultsDir(suite: string): string {
  const dir = join(repoRoot, 'test-results', suite);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A throwaway folder for one run's user data, extensions and workspace. */
export function makeScratchDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `intervals-${prefix}-`));
}

export interface RunningFake {
  readonly server: FakeIntervals;
  readonly env: Record<string, string>;
}

/** The fake Intervals API on a free loopback port, and the variables that tell the tests about it. */
export async function startFakeServer(): Promise<RunningFake> {
  const server = await startFakeIntervals({ port: 0, host: '127.0.0.1' });
  const env = fakeServerEnvironment({
    url: server.url,
    controlUrl: new URL('__control/', server.url).toString(),
    tokens: server.tokens,
  });
  return { server, env };
}

/**
 * User settings of the test instance: the extension talks to the fake server and polls only when a
 * test asks, and VS Code itself
 * stays quiet (no telemetry, update checks, welcome page, gallery lookups or trust prompts).
 */
export function testUserSettings(fakeUrl: string): Record<string, unknown> {
  return {
    'intervals.apiUrl': fakeUrl,
    // The suites send far more than a person would; the budget of all windows has its own tests.
    'intervals.requestsPerMinute': 0,
    // The tests poll when they mean to (hooks.timers.poll()); a poll of the clock's choosing could
    // land in the middle of a test that counts requests.
    'intervals.timerPollSeconds': 3600,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'update.showReleaseNotes': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'git.enabled': false,
    'npm.fetchOnlinePackageInfo': false,
    'chat.disableAIFeatures': true,
  };
}

export function writeUserSettings(userDataDir: string, settings: Record<string, unknown>): void {
  const userDir = join(userDataDir, 'User');
  mkdirSync(userDir, { recursive: true });
  writeFileSync(join(userDir, 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}

/** Resolves after `ms`, or never holds the process open on its own. */
export function delay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms).unref());
}

/**
 * A git repository with one commit in `dir`, made with the machine's git, for the UI tests of
 * working from a branch (VS Code's Git extension finds it in the workspace).
 */
export function makeSampleRepository(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const git = (...args: string[]): void => {
    execFileSync('git', ['-c', 'user.name=Demo', '-c', 'user.email=demo@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, stdio: 'ignore' });
  };
  git('init', '-q');
  writeFileSync(join(dir, 'README.md'), '# Website\n');
  git('add', '.');
  git('commit', '-q', '-m', 'First commit');
}
