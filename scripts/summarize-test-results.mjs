/* global process, console */
// Adds up the summaries the test suites wrote to test-results/<suite>/summary.json and prints one
// line per suite and a closing total, `total: N passed, N failed`. Exits non-zero when a suite
// that was expected (arguments, e.g. `unit integration e2e`) left no summary or had failures.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const suites = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
let missing = 0;
for (const suite of suites) {
  const file = join('test-results', suite, 'summary.json');
  if (!existsSync(file)) {
    console.log(`${suite}: no results (${file} missing)`);
    missing++;
    continue;
  }
  const summary = JSON.parse(readFileSync(file, 'utf8'));
  passed += summary.passed;
  failed += summary.failed;
  skipped += summary.skipped;
  console.log(`${suite}: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped (${(summary.durationMs / 1000).toFixed(1)}s)`);
}
console.log(`total: ${passed} passed, ${failed + missing} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed + missing > 0 ? 1 : 0);
