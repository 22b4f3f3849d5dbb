/**
 * Runs the extension's tests in VS Code's server (code-server) with headless Chromium as the
 * window, offline:
 *
 *   node out/test/runners/codeServer.js integration   # test/integration inside the extension host
 *   node out/test/runners/codeServer.js e2e           # test/e2e driving the workbench UI
 *   node out/test/runners/codeServer.js e2e --vsix [intervals-vscode.vsix]
 *                                                     # the same against the installed package,
 *                                                     # after test/packaging (what it holds)
 *   node out/test/runners/codeServer.js e2e-de --vsix  # test/e2e-de: the UI in German
 *
 * It builds nothing: `npm run test:integration` bundles the extension (`npm run test:e2e` packages
 * it), compiles the tests and installs code-server first. Both modes start the fake Intervals
 * server in this process and point `intervals.apiUrl` at it through the test profile's user
 * settings.
 *
 * Environment: INTERVALS_TEST_TIMEOUT_SECONDS (hard limit of the whole run, default 600),
 * INTERVALS_TEST_VERBOSE=1 (also print the workbench's own log lines and code-server's output).
 */
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { SUITE_NAME_ENV, RESULTS_FILE_ENV, summaryLine, type SuiteSummary } from '../mocha/summaryReporter';
import { launchChromium, openWorkbenchPage, saveFailureArtifacts, type WorkbenchLogFile, type WorkbenchPage } from './browser';
import { startCodeServer, workbenchUrl, type CodeServer } from './codeServerHost';
import { findTestFiles } from '../mocha/loadMocha';
import { runE2eSuite } from './e2eSuite';
import { EXTENSIONS_DIR_ENV, VSIX_FILE_ENV } from './environmentVariables';
import { packagedExtension, packagedRunTestFiles } from './packagedRun';
import { UI_REQUESTS_ENV, answerUiRequest, parseUiRequest } from './uiRequests';
import { freshResultsDir, makeSampleRepository, makeScratchDir, repoRoot, startFakeServer, testUserSettings, type RunningFake } from './testSetup';

/** `e2e-de`: the German UI tests (test/e2e-de), with VS Code's display language German. */
type Mode = 'integration' | 'e2e' | 'e2e-de';

const verbose = process.env.INTERVALS_TEST_VERBOSE === '1';

async function main(): Promise<number> {
  // Until a result is known, any way out of this process is a failure.
  process.exitCode = 1;
  const mode = parseMode(process.argv[2]);
  const vsix = mode !== 'integration' ? packagedExtension(process.argv.slice(3)) : undefined;
  const timeoutSeconds = Number(process.env.INTERVALS_TEST_TIMEOUT_SECONDS ?? 600);
  const resultsDir = freshResultsDir(mode);
  const resultsFile = join(resultsDir, 'summary.json');
  const scratchDir = makeScratchDir(mode);
  const started = Date.now();

  let fake: RunningFake | undefined;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let workbench: WorkbenchPage | undefined;
  let workbenchLogs: readonly WorkbenchLogFile[] = [];
  let code = 1;
  let timer: NodeJS.Timeout | undefined;

  const hardTimeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The ${mode} run did not finish within ${timeoutSeconds}s (INTERVALS_TEST_TIMEOUT_SECONDS).`)), timeoutSeconds * 1000);
  });
  hardTimeout.catch(() => undefined);
  // Should cleaning up hang too, nothing may keep CI waiting: end the process regardless.
  setTimeout(() => {
    console.error(`[runner] Still running ${timeoutSeconds + 60}s after the start; exiting.`);
    process.exit(1);
  }, (timeoutSeconds + 60) * 1000).unref();

  try {
    fake = await startFakeServer();
    log(`Fake Intervals API at ${fake.server.url}`);
    server = await startCodeServer({
      scratchDir,
      env: { ...fake.env, [RESULTS_FILE_ENV]: resultsFile, [SUITE_NAME_ENV]: mode, [UI_REQUESTS_ENV]: '1' },
      // The UI tests show working from a branch: the Git extension on, a repository in the workspace.
      settings: { ...testUserSettings(fake.server.url), ...(mode === 'e2e' ? { 'git.enabled': true } : {}) },
      locale: mode === 'e2e-de' ? 'de' : process.env.INTERVALS_TEST_LOCALE,
      installExtensions: vsix ? [vsix] : [],
    });
    if (mode === 'e2e') {
      makeSampleRepository(join(server.workspaceDir, 'website'));
    }
    log(`code-server at ${server.url} (${elapsed(started)})${vsix ? `, with ${vsix} installed` : ''}`);
    browser = await launchChromium();
    workbench = await openWorkbenchPage(browser, (line) => {
      const request = parseUiRequest(line);
      if (request && workbench) {
        void answerUiRequest(workbench.page, request);
      } else {
        relay(line);
      }
    });

    const url = workbenchUrl(server, {
      folder: server.workspaceDir,
      // Against the package, the window loads only what the server installed.
      extensionDevelopmentPath: vsix ? undefined : repoRoot,
      extensionTestsPath: mode === 'integration' ? join(repoRoot, 'out', 'test', 'integration', 'index') : undefined,
    });
    await workbench.page.goto(url);

    if (mode === 'integration') {
      const exit = await Promise.race([workbench.exit, server.exited, hardTimeout]);
      workbenchLogs = exit.logs;
      code = exit.code;
    } else {
      const run = mode === 'e2e-de'
        ? runE2eSuite(workbench.page, resultsDir, resultsFile, fake.env, { files: findTestFiles(join(repoRoot, 'out', 'test', 'e2e-de')) })
        : vsix
        ? runE2eSuite(workbench.page, resultsDir, resultsFile, { ...fake.env, [VSIX_FILE_ENV]: vsix, [EXTENSIONS_DIR_ENV]: server.extensionsDir }, { files: packagedRunTestFiles() })
        : runE2eSuite(workbench.page, resultsDir, resultsFile, fake.env);
      code = await Promise.race([run, server.exited, hardTimeout]);
    }
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    code = 1;
  } finally {
    clearTimeout(timer);
    if (code !== 0) {
      await saveFailureArtifacts(resultsDir, workbench, workbenchLogs);
      if (server && existsSync(server.logFile)) {
        copyFileSync(server.logFile, join(resultsDir, 'code-server.log'));
      }
      console.log(`Failure artifacts: ${resultsDir}`);
    } else if (verbose && server) {
      console.log(readFileSync(server.logFile, 'utf8'));
    }
    await browser?.close().catch(() => undefined);
    await server?.stop();
    await fake?.server.close();
    rmSync(scratchDir, { recursive: true, force: true });
  }

  const reported = printFinalSummary(mode, resultsFile, code, started);
  return reported ? code : 1;
}

function parseMode(value: string | undefined): Mode {
  if (value === undefined || value === 'integration') {
    return 'integration';
  }
  if (value === 'e2e' || value === 'e2e-de') {
    return value;
  }
  throw new Error(`Unknown mode "${value}"; expected "integration", "e2e" or "e2e-de".`);
}

/**
 * The workbench forwards both the extension host's output (what the tests print) and its own log.
 * On a closed network the latter reports failed extension gallery lookups; those are hidden unless
 * verbose.
 */
function relay(line: string): void {
  if (verbose || !isOfflineNoise(line)) {
    console.log(line);
  }
}

function isOfflineNoise(line: string): boolean {
  return /^\[(warn|error)\]/.test(line) && /ENOTFOUND|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED|open-vsx|marketplace|gallery/i.test(line);
}

/**
 * The last line is the suite's count, as written by the reporter in the extension host; a run that
 * died before reporting still ends with a count CI can read, and a non-zero exit.
 */
function printFinalSummary(mode: Mode, resultsFile: string, code: number, started: number): boolean {
  let summary: SuiteSummary | undefined;
  try {
    summary = JSON.parse(readFileSync(resultsFile, 'utf8')) as SuiteSummary;
  } catch {
    summary = undefined;
  }
  log(`${mode} run finished with exit code ${code} in ${elapsed(started)}`);
  if (!summary) {
    log('The test run left no summary: the tests did not run to the end.');
  }
  console.log(`${mode}: ${summaryLine(summary ?? { passed: 0, failed: 1, skipped: 0 })}`);
  return summary !== undefined;
}

function log(message: string): void {
  console.log(`[runner] ${message}`);
}

function elapsed(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)}s`;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
