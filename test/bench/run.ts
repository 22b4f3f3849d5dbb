import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Benchmark, BenchRow } from './benchmark';

/**
 * `npm run bench`: runs every compiled `*.bench.js` beside this file (or only those whose name
 * contains the first argument), prints one Markdown table and writes it, with the raw rows, to
 * test-results/bench.{md,json}. Figures are reported, never asserted.
 */
async function main(): Promise<void> {
  const filter = process.argv[2];
  const files = readdirSync(__dirname)
    .filter((name) => name.endsWith('.bench.js') && (!filter || name.includes(filter)))
    .sort();
  if (files.length === 0) {
    throw new Error(`No benchmarks found in ${__dirname}${filter ? ` matching "${filter}"` : ''}.`);
  }
  const rows: BenchRow[] = [];
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(join(__dirname, file)) as { benchmarks?: Benchmark[] };
    for (const benchmark of loaded.benchmarks ?? []) {
      process.stderr.write(`running ${benchmark.name}…\n`);
      rows.push(...(await benchmark.run()));
    }
  }
  const table = [
    '| benchmark | metric | value | note |',
    '|---|---|---:|---|',
    ...rows.map((row) => `| ${row.benchmark} | ${row.metric} | ${format(row.value)} ${row.unit} | ${row.note ?? ''} |`),
  ].join('\n');
  process.stdout.write(`${table}\n`);
  const out = resolve('test-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'bench.md'), `${table}\n`);
  writeFileSync(join(out, 'bench.json'), `${JSON.stringify({ node: process.version, at: new Date().toISOString(), rows }, null, 2)}\n`);
}

function format(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 1);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
