import mochaExport from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Mocha class. Mocha 11 exports the class itself; Mocha 12 exports an object whose `Mocha`
 * property is the class. Resolving it here keeps every runner working across that change.
 */
export function mochaClass(): typeof mochaExport {
  const loaded: unknown = mochaExport;
  if (typeof loaded === 'function') {
    return loaded as typeof mochaExport;
  }
  const nested = (loaded as { Mocha?: unknown } | undefined)?.Mocha;
  if (typeof nested === 'function') {
    return nested as typeof mochaExport;
  }
  throw new Error('The installed mocha exports neither a class nor an object with a Mocha class.');
}

/** Compiled test files under `dir` whose names end in `.test.js`, sorted so runs are repeatable. */
export function findTestFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => join(dir, name));
}
