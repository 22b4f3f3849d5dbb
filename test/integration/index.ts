import { join } from 'node:path';
import { findTestFiles, mochaClass } from '../mocha/loadMocha';
import { SummaryReporter } from '../mocha/summaryReporter';
import { installIsolation, isolateSuites } from './isolation';

/**
 * Entry point VS Code calls in the extension host (`--extensionTestsPath`): runs every compiled
 * `test/integration/**\/*.test.js` with mocha and rejects when any failed or none ran, which makes
 * the host exit non-zero. Each top-level suite starts afresh and no test may leave work running
 * (see isolation.ts).
 */
export async function run(): Promise<void> {
  const Mocha = mochaClass();
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 20_000,
    forbidOnly: true,
    failZero: true,
    color: false,
    reporter: SummaryReporter,
    // Lets a developer run one part of the suite: INTERVALS_TEST_GREP="Task tree" npm run test:integration
    ...(process.env.INTERVALS_TEST_GREP ? { grep: process.env.INTERVALS_TEST_GREP } : {}),
  });
  const files = findTestFiles(__dirname);
  for (const file of files) {
    mocha.addFile(file);
  }
  if (files.length === 0) {
    throw new Error(`No integration tests found under ${join(__dirname)}.`);
  }
  // Loaded here rather than by run(), so that every top-level suite can be given its fresh start.
  const loader = mocha as unknown as { lazyLoadFiles(enable: boolean): void; loadFiles(): void };
  loader.lazyLoadFiles(true);
  loader.loadFiles();
  installIsolation(mocha);
  isolateSuites(mocha.suite);
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) {
    throw new Error(`${failures} integration test(s) failed.`);
  }
}
