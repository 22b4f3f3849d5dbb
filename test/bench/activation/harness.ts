import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The harness's entry for the extension host's test runner (`extensionTestsPath`, without `.js`). */
export const HARNESS_TESTS_ENTRY = 'bench';

/**
 * Writes a throwaway extension folder in which the benchmark loads the built bundle itself, as
 * many times as it likes, instead of letting VS Code activate it once:
 *
 * - package.json is the product's manifest (same id, so the same secret storage, commands, views
 *   and authentication provider) with no activation events and a `main` that only hands its
 *   ExtensionContext to the benchmark;
 * - dist/ holds copies of the built JavaScript files: VS Code gives `require('vscode')` the API
 *   of the extension whose folder the calling file is in, so the bundle must lie inside it;
 * - bench.js is the test entry, which passes that extension's `vscode` API to `hostModule`.
 */
export function writeHarness(harnessDir: string, repoRoot: string, hostModule: string): void {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
  const harnessManifest = { ...manifest, main: './harness.js', activationEvents: [], scripts: {}, dependencies: {}, devDependencies: {} };
  mkdirSync(join(harnessDir, 'dist'), { recursive: true });
  mkdirSync(join(harnessDir, 'media'), { recursive: true });
  writeFileSync(join(harnessDir, 'package.json'), `${JSON.stringify(harnessManifest, null, 2)}\n`);
  writeFileSync(join(harnessDir, 'harness.js'), 'exports.activate = (context) => context;\n');
  writeFileSync(
    join(harnessDir, `${HARNESS_TESTS_ENTRY}.js`),
    `const vscode = require('vscode');\nexports.run = () => require(${JSON.stringify(hostModule)}).run(vscode, __dirname);\n`,
  );
  for (const name of readdirSync(repoRoot).filter((file) => /^package\.nls(\.[a-z-]+)?\.json$/.test(file))) {
    copyFileSync(join(repoRoot, name), join(harnessDir, name));
  }
  for (const name of readdirSync(join(repoRoot, 'dist')).filter((file) => file.endsWith('.js'))) {
    copyFileSync(join(repoRoot, 'dist', name), join(harnessDir, 'dist', name));
  }
  for (const name of readdirSync(join(repoRoot, 'media'))) {
    if (statSync(join(repoRoot, 'media', name)).isFile()) {
      copyFileSync(join(repoRoot, 'media', name), join(harnessDir, 'media', name));
    }
  }
}
