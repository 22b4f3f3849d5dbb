import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'mocha';
import { workbench } from '../e2e/workbench';
import { EXTENSIONS_DIR_ENV, VSIX_FILE_ENV } from '../runners/environmentVariables';
import { repoRoot } from '../runners/testSetup';
import { compareEntries, entryName, expectedEntries, manifestFiles, neededFiles, relativeLinks, withoutBaseUrls, zipEntries, zipEntryContent } from './vsixContents';

interface Manifest {
  readonly name: string;
  readonly publisher: string;
  readonly version: string;
  readonly repository: { readonly url: string };
}

function packaged(): { zip: Buffer; names: string[]; read(name: string): Buffer } {
  const file = process.env[VSIX_FILE_ENV];
  assert.ok(file, `the runner names the installed package in ${VSIX_FILE_ENV}`);
  const zip = readFileSync(file);
  const entries = zipEntries(zip);
  return {
    zip,
    names: entries.map((entry) => entry.name).sort(),
    read(name: string): Buffer {
      const entry = entries.find((candidate) => candidate.name === name);
      assert.ok(entry, `${name} is in the package`);
      return zipEntryContent(zip, entry);
    },
  };
}

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Manifest;

describe('The packaged extension (.vsix)', () => {
  it('holds only what the extension needs, and all of it', () => {
    const { names } = packaged();
    const { extra, missing } = compareEntries(names, expectedEntries(neededFiles(repoRoot)));
    assert.deepEqual({ extra, missing }, { extra: [], missing: [] }, `the package holds:\n${names.join('\n')}`);
    for (const forbidden of [/\.map$/, /meta\.json$/, /screenshots\//, /l10n\/parts\//, /^extension\/(src|test|out|node_modules)\//]) {
      assert.deepEqual(names.filter((name) => forbidden.test(name)), [], `nothing matching ${forbidden}`);
    }
  });

  it('holds every file its manifest names: the entry point, icons and walkthrough media', () => {
    const { names, read } = packaged();
    const packedManifest = JSON.parse(read('extension/package.json').toString('utf8')) as unknown;
    const named = manifestFiles(packedManifest);
    assert.ok(named.includes('dist/extension.js') && named.includes('media/icon.png'), `the manifest names its entry point and icon: ${named.join(', ')}`);
    assert.deepEqual(named.filter((path) => !names.includes(entryName(path))), [], 'no file the manifest names is left out');
  });

  it('holds the very bundles the other suites test, from dist/', () => {
    const { names, read } = packaged();
    const bundles = names.filter((name) => name.startsWith('extension/dist/'));
    assert.ok(bundles.includes('extension/dist/extension.js'));
    for (const name of bundles) {
      const built = readFileSync(join(repoRoot, name.slice('extension/'.length)));
      assert.ok(read(name).equals(built), `${name} is the build in dist/`);
    }
  });

  it('keeps its README and CHANGELOG as written, their relative links pointing at the repository', () => {
    const { read } = packaged();
    for (const [source, name] of [['README.md', 'extension/readme.md'], ['CHANGELOG.md', 'extension/changelog.md']]) {
      const packed = read(name).toString('utf8');
      assert.deepEqual(relativeLinks(packed), [], `${name}: no relative link or image the Marketplace cannot show`);
      assert.equal(withoutBaseUrls(packed, manifest.repository.url), readFileSync(join(repoRoot, source), 'utf8'), `${name}: nothing changed but the relative links`);
    }
    assert.ok(read('extension/readme.md').toString('utf8').includes('/raw/HEAD/media/screenshots/'), 'the screenshots come from the repository');
  });

  it('is the Intervals extension the window runs, installed from the package', async () => {
    const extensionsDir = process.env[EXTENSIONS_DIR_ENV];
    assert.ok(extensionsDir, `the runner names the extensions folder in ${EXTENSIONS_DIR_ENV}`);
    const folder = `${manifest.publisher}.${manifest.name}-${manifest.version}`;
    assert.ok(readdirSync(extensionsDir).includes(folder), `${folder} is installed in ${extensionsDir}`);
    const installed = readFileSync(join(extensionsDir, folder, 'dist', 'extension.js'));
    assert.ok(installed.equals(packaged().read('extension/dist/extension.js')), 'the installed bundle is the packaged one');
    assert.equal(existsSync(join(extensionsDir, folder, 'src')), false, 'no sources installed');

    const ui = workbench();
    await ui.runCommand('Extensions: Show Enabled Extensions');
    const row = ui.page.locator('.extensions-viewlet .monaco-list-row').filter({ hasText: 'Browse Intervals tasks' }).first();
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    await ui.screenshot('installed-extension');
  });
});
