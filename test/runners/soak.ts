/**
 * Runs the integration and UI suites again and again, to show that they pass every time:
 *
 *   npm run test:soak -- --runs 10            # 10 rounds of integration + e2e
 *   npm run test:soak -- --runs 5 --load      # the same while two busy loops keep both cores busy
 *   npm run test:soak -- --runs 3 --suites integration
 *
 * Each round runs each suite in a fresh VS Code server, exactly as `npm test` does. At the end it
 * prints, for every test, how many rounds it passed, the tests that ever failed first, with their
 * first failure; it exits non-zero when any round failed. A failed round's artifacts are kept in
 * test-results/soak/round-<n>-<suite>/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { SuiteSummary } from '../mocha/summaryReporter';
import { repoRoot } from './testSetup';

interface Options {
  readonly runs: number;
  readonly load: boolean;
  readonly suites: readonly string[];
}

interface Tally {
  passed: number;
  failed: number;
  firstError?: string;
}

function parseOptions(argv: readonly string[]): Options {
  let runs = 10;
  let load = false;
  let suites = ['integration', 'e2e'];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--runs') {
      runs = Number(argv[++index]);
    } else if (arg === '--load') {
      load = true;
    } else if (arg === '--suites') {
      suites = String(argv[++index]).split(',').filter(Boolean);
    } else {
      throw new Error(`Unknown option ${arg}; use --runs N [--load] [--suites integration,e2e].`);
    }
  }
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error('--runs takes a whole number of rounds, 1 or more.');
  }
  return { runs, load, suites };
}

/** One busy loop per core, so the suites run on a machine with no idle CPU. */
function startLoad(): ChildProcess[] {
  return Array.from({ length: availableParallelism() }, () =>
    spawn(process.execPath, ['-e', 'for(;;);'], { stdio: 'ignore' }),
  );
}

function runSuite(suite: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, 'out', 'test', 'runners', 'codeServer.js'), suite], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => {
      const lines = output.trimEnd().split('\n');
      const failures = lines.filter((line) => /^\s+\d+\) /.test(line)).slice(0, 20);
      console.log(`  ${lines.at(-1) ?? ''}${failures.length > 0 ? `\n${failures.join('\n')}` : ''}`);
      resolve(code ?? 1);
    });
  });
}

function readSummary(suite: string): SuiteSummary | undefined {
  const file = join(repoRoot, 'test-results', suite, 'summary.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SuiteSummary) : undefined;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const soakDir = join(repoRoot, 'test-results', 'soak');
  rmSync(soakDir, { recursive: true, force: true });
  mkdirSync(soakDir, { recursive: true });
  const tallies = new Map<string, Tally>();
  const roundsFailed = new Map<string, number>();
  const load = options.load ? startLoad() : [];
  const started = Date.now();
  try {
    for (let round = 1; round <= options.runs; round++) {
      for (const suite of options.suites) {
        console.log(`round ${round}/${options.runs} ${suite}${options.load ? ' (under load)' : ''}`);
        const code = await runSuite(suite);
        const summary = readSummary(suite);
        for (const test of summary?.tests ?? []) {
          const key = `${suite}: ${test.title}`;
          const tally = tallies.get(key) ?? { passed: 0, failed: 0 };
          tally[test.state]++;
          tally.firstError ??= test.error;
          tallies.set(key, tally);
        }
        if (code !== 0 || !summary || summary.failed > 0) {
          roundsFailed.set(suite, (roundsFailed.get(suite) ?? 0) + 1);
          cpSync(join(repoRoot, 'test-results', suite), join(soakDir, `round-${round}-${suite}`), { recursive: true });
        }
      }
    }
  } finally {
    for (const child of load) {
      child.kill();
    }
  }
  return report(options, tallies, roundsFailed, Date.now() - started);
}

function report(options: Options, tallies: Map<string, Tally>, roundsFailed: Map<string, number>, elapsedMs: number): number {
  const entries = [...tallies.entries()].sort(([a, x], [b, y]) => y.failed - x.failed || a.localeCompare(b));
  console.log(`\nPass count per test (${options.runs} rounds${options.load ? ', under load' : ''}):`);
  for (const [title, tally] of entries) {
    const total = tally.passed + tally.failed;
    console.log(`${String(tally.passed).padStart(3)}/${total}  ${title}${tally.failed > 0 ? `\n          first failure: ${tally.firstError ?? '?'}` : ''}`);
  }
  const flaky = entries.filter(([, tally]) => tally.failed > 0).length;
  console.log(`\n${entries.length} tests, ${flaky} failed at least once; ${(elapsedMs / 60_000).toFixed(1)} min`);
  for (const suite of options.suites) {
    const failed = roundsFailed.get(suite) ?? 0;
    console.log(`${suite}: ${options.runs - failed}/${options.runs} rounds green`);
  }
  return [...roundsFailed.values()].some((count) => count > 0) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
