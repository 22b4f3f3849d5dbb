/**
 * Runs test/integration in desktop VS Code (Electron) through @vscode/test-electron:
 *
 *   npm run test:electron
 *
 * With VSCODE_EXECUTABLE_PATH set it uses that VS Code; otherwise it downloads VS Code
 * (VSCODE_TEST_VERSION, default the version the extension is built against) into .vscode-test/,
 * which needs the internet. Like the code-server runner it starts the fake Intervals server here
 * and points `intervals.apiUrl` at it through a throwaway profile's user settings. On Linux without
 * a display, run it under `xvfb-run -a`.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runTests, TestRunFailedError } from '@vscode/test-electron';
import { RESULTS_FILE_ENV, SUITE_NAME_ENV, summaryLine, type SuiteSummary } from '../mocha/summaryReporter';
import { freshResultsDir, makeScratchDir, repoRoot, startFakeServer, testUserSettings, writeUserSettings, type RunningFake } from './testSetup';

const DEFAULT_VERSION = '1.100.3';

async function main(): Promise<number> {
  // Until a result is known, any way out of this process is a failure.
  process.exitCode = 1;
  const resultsDir = freshResultsDir('electron');
  const resultsFile = join(resultsDir, 'summary.json');
  const scratchDir = makeScratchDir('electron');
  const userDataDir = join(scratchDir, 'user-data');
  const extensionsDir = join(scratchDir, 'extensions');
  const workspaceDir = join(scratchDir, 'workspace');
  let fake: RunningFake | undefined;
  let code = 1;
  try {
    fake = await startFakeServer();
    console.log(`[runner] Fake Intervals API at ${fake.server.url}`);
    writeUserSettings(userDataDir, testUserSettings(fake.server.url));
    mkdirSync(workspaceDir, { recursive: true });
    const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH || undefined;
    code = await runTests({
      ...(vscodeExecutablePath ? { vscodeExecutablePath } : { version: process.env.VSCODE_TEST_VERSION ?? DEFAULT_VERSION }),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(repoRoot, 'out', 'test', 'integration', 'index'),
      extensionTestsEnv: { ...fake.env, [RESULTS_FILE_ENV]: resultsFile, [SUITE_NAME_ENV]: 'electron' },
      launchArgs: [
        workspaceDir,
        `--user-data-dir=${userDataDir}`,
        `--extensions-dir=${extensionsDir}`,
        // Only the extension under test: a developer's installed extensions stay out.
        '--disable-extensions',
        '--disable-telemetry',
        '--no-cached-data',
      ],
    });
  } catch (error) {
    if (error instanceof TestRunFailedError) {
      console.error(error.message);
    } else if (!process.env.VSCODE_EXECUTABLE_PATH && isNetworkError(error)) {
      console.error(
        `[runner] Could not download VS Code ${process.env.VSCODE_TEST_VERSION ?? DEFAULT_VERSION} (${(error as Error).message}). ` +
          'Desktop VS Code tests need the internet, or VSCODE_EXECUTABLE_PATH naming an installed VS Code; ' +
          'offline, `npm run test:integration` runs the same suite in VS Code server.',
      );
    } else {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    code = 1;
  } finally {
    await fake?.server.close();
    rmSync(scratchDir, { recursive: true, force: true });
  }
  let summary: SuiteSummary | undefined;
  try {
    summary = JSON.parse(readFileSync(resultsFile, 'utf8')) as SuiteSummary;
  } catch {
    summary = undefined;
  }
  if (!summary) {
    console.error('[runner] The test run left no summary: the tests did not run to the end.');
  }
  console.log(`electron: ${summaryLine(summary ?? { passed: 0, failed: 1, skipped: 0 })}`);
  return summary ? code : 1;
}

function isNetworkError(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && ['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH'].includes(code);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
