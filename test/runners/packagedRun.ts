import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findTestFiles } from '../mocha/loadMocha';
import { e2eTestFiles } from './e2eSuite';
import { repoRoot } from './testSetup';

/**
 * The UI suite against the packaged extension (`npm run test:e2e`, which packages first): VS Code's
 * server installs the `.vsix`, the window loads no extension under development, and the tests of
 * what the package holds run before the UI tests.
 */

/** The `.vsix` named after `--vsix` (the one `npm run package` writes when no file follows), or none. */
export function packagedExtension(args: readonly string[]): string | undefined {
  const at = args.indexOf('--vsix');
  if (at < 0) {
    return undefined;
  }
  const named = args[at + 1];
  const file = resolve(named && !named.startsWith('--') ? named : join(repoRoot, 'intervals-vscode.vsix'));
  if (!existsSync(file)) {
    throw new Error(`${file} does not exist; run \`npm run package\` first (npm run test:e2e does).`);
  }
  return file;
}

/** The tests of a run against the package: what it holds first, then the UI tests. */
export function packagedRunTestFiles(): string[] {
  return [...findTestFiles(join(repoRoot, 'out', 'test', 'packaging')), ...e2eTestFiles()];
}
