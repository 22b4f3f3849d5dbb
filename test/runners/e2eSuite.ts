import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Workbench, setWorkbench } from '../e2e/workbench';
import { findTestFiles, mochaClass } from '../mocha/loadMocha';
import { RESULTS_FILE_ENV, SUITE_NAME_ENV, SummaryReporter } from '../mocha/summaryReporter';
import { repoRoot } from './testSetup';

/** The compiled UI tests: every `test/e2e/**\/*.test.js`. */
export function e2eTestFiles(): string[] {
  return findTestFiles(join(repoRoot, 'out', 'test', 'e2e'));
}

export interface E2eSuiteOptions {
  /** The compiled test files to run; every UI test when absent. */
  readonly files?: readonly string[];
}

/**
 * Runs compiled UI tests (every `test/e2e/**\/*.test.js` unless told which) in this process
 * against the open workbench. Each test reaches the page through `workbench()` from
 * test/e2e/workbench and the fake Intervals API through the same environment variables as the
 * integration tests (`env`); a failing test leaves a screenshot named after it. Returns the exit
 * code.
 */
export async function runE2eSuite(page: Page, resultsDir: string, resultsFile: string, env: Record<string, string>, options: E2eSuiteOptions = {}): Promise<number> {
  Object.assign(process.env, env, { [RESULTS_FILE_ENV]: resultsFile, [SUITE_NAME_ENV]: 'e2e' });
  const workbench = new Workbench(page, resultsDir);
  await workbench.waitUntilReady();
  setWorkbench(workbench);

  const Mocha = mochaClass();
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 60_000,
    forbidOnly: true,
    failZero: true,
    reporter: SummaryReporter,
    // One part of the suite: INTERVALS_TEST_GREP="Review time" npm run test:e2e
    ...(process.env.INTERVALS_TEST_GREP ? { grep: process.env.INTERVALS_TEST_GREP } : {}),
  });
  mocha.rootHooks({
    async afterEach(this: Mocha.Context) {
      const test = this.currentTest;
      if (test?.state === 'failed') {
        await workbench.screenshot(`failed-${test.fullTitle()}`).catch(() => undefined);
      }
    },
  });
  const files = options.files ?? e2eTestFiles();
  for (const file of files) {
    mocha.addFile(file);
  }
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  setWorkbench(undefined);
  return failures === 0 && files.length > 0 ? 0 : 1;
}
