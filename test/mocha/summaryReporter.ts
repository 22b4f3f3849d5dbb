import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type Mocha from 'mocha';
import { mochaClass } from './loadMocha';

/** What a suite run leaves in its results file; `.ci/run` adds these up. */
export interface SuiteSummary {
  readonly suite: string;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly durationMs: number;
  /** Every test that ran, by full title, with its outcome (read by the soak runner). */
  readonly tests?: readonly TestOutcome[];
}

export interface TestOutcome {
  readonly title: string;
  readonly state: 'passed' | 'failed';
  /** The first line of the failure, for a failed test. */
  readonly error?: string;
}

/** Environment variable naming the JSON file a run writes its summary to (optional). */
export const RESULTS_FILE_ENV = 'INTERVALS_TEST_RESULTS_FILE';
/** Environment variable naming the suite in that file (`unit`, `integration`, `e2e`). */
export const SUITE_NAME_ENV = 'INTERVALS_TEST_SUITE';

export function summaryLine(summary: Pick<SuiteSummary, 'passed' | 'failed' | 'skipped'>): string {
  const skipped = summary.skipped > 0 ? `, ${summary.skipped} skipped` : '';
  return `${summary.passed} passed, ${summary.failed} failed${skipped}`;
}

/**
 * Mocha's spec reporter, followed by one plain `N passed, N failed` line that CI reads as the
 * count, and (when asked) a JSON summary for adding suites up. Asked through the environment
 * (runners) or reporter options `suite=...` and `resultsFile=...` (.mocharc.json).
 */
export class SummaryReporter extends mochaClass().reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const started = Date.now();
    const reporterOptions = (options as { reporterOption?: Record<string, string> } | undefined)?.reporterOption ?? {};
    const suite = process.env[SUITE_NAME_ENV] ?? reporterOptions.suite ?? 'mocha';
    const file = process.env[RESULTS_FILE_ENV] ?? reporterOptions.resultsFile;
    const tests: TestOutcome[] = [];
    runner.on(mochaClass().Runner.constants.EVENT_TEST_PASS, (test: Mocha.Test) => {
      tests.push({ title: test.fullTitle(), state: 'passed' });
    });
    runner.on(mochaClass().Runner.constants.EVENT_TEST_FAIL, (test: Mocha.Test, error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      tests.push({ title: test.fullTitle(), state: 'failed', error: message.split('\n')[0] });
      // Said at once, not only in the report at the end: a run stopped half-way still tells why.
      console.log(`[failed] ${test.fullTitle()}: ${message.split('\n')[0]}`);
    });
    runner.once(mochaClass().Runner.constants.EVENT_RUN_END, () => {
      const stats = runner.stats;
      const summary: SuiteSummary = {
        suite,
        passed: stats?.passes ?? 0,
        failed: stats?.failures ?? 0,
        skipped: stats?.pending ?? 0,
        durationMs: Date.now() - started,
        tests,
      };
      console.log(summaryLine(summary));
      if (file) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
      }
    });
  }
}
