import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import {
  compareEntries,
  entryName,
  expectedEntries,
  manifestFiles,
  neededFiles,
  relativeLinks,
  withoutBaseUrls,
  zipEntries,
  zipEntryContent,
} from '../packaging/vsixContents';

/** A zip of `files` (deflated, or stored when `stored`), laid out as the format describes. */
function makeZip(files: Record<string, string>, stored = false): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const raw = Buffer.from(text);
    const data = stored ? raw : deflateRawSync(raw);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('Package contents (.vsix)', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'intervals-vsix-'));
    const files = [
      'dist/extension.js',
      'dist/extension.js.map',
      'dist/commands.js',
      'dist/meta.json',
      'media/icon.png',
      'media/intervals.svg',
      'media/screenshots/tasks-view.png',
      'media/walkthrough/sign-in.png',
      'media/walkthrough/dark/sign-in.png',
      'package.json',
      'package-lock.json',
      'package.nls.json',
      'package.nls.de.json',
      'l10n/bundle.l10n.json',
      'l10n/bundle.l10n.de.json',
      'l10n/parts/views.json',
      'src/extension.ts',
      'README.md',
      'CHANGELOG.md',
      'LICENSE',
      'tsconfig.json',
    ];
    for (const file of files) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), file);
    }
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('needs the bundles, icons, walkthrough media, manifest, strings and the Marketplace texts, nothing else', () => {
    assert.deepEqual(neededFiles(root), [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/commands.js',
      'dist/extension.js',
      'l10n/bundle.l10n.de.json',
      'l10n/bundle.l10n.json',
      'media/icon.png',
      'media/intervals.svg',
      'media/walkthrough/dark/sign-in.png',
      'media/walkthrough/sign-in.png',
      'package.json',
      'package.nls.de.json',
      'package.nls.json',
    ]);
  });

  it('names the files as vsce packs them, with its own manifest', () => {
    assert.equal(entryName('README.md'), 'extension/readme.md');
    assert.equal(entryName('CHANGELOG.md'), 'extension/changelog.md');
    assert.equal(entryName('LICENSE'), 'extension/LICENSE.txt');
    assert.deepEqual(expectedEntries(['dist/extension.js', 'LICENSE']), ['[Content_Types].xml', 'extension.vsixmanifest', 'extension/LICENSE.txt', 'extension/dist/extension.js']);
  });

  it('reports what a package holds too much of and what it lacks', () => {
    const expected = expectedEntries(['dist/extension.js', 'media/walkthrough/sign-in.png']);
    const actual = ['[Content_Types].xml', 'extension.vsixmanifest', 'extension/dist/extension.js', 'extension/dist/extension.js.map'];
    assert.deepEqual(compareEntries(actual, expected), { extra: ['extension/dist/extension.js.map'], missing: ['extension/media/walkthrough/sign-in.png'] });
    assert.deepEqual(compareEntries(expected, expected), { extra: [], missing: [] });
  });

  it('finds the files a manifest names, and not codicons, commands or addresses', () => {
    const manifest = {
      main: './dist/extension.js',
      icon: 'media/icon.png',
      contributes: {
        commands: [{ command: 'intervals.signIn', icon: '$(sign-in)' }],
        viewsContainers: { activitybar: [{ id: 'intervals', icon: 'media/intervals.svg' }] },
        walkthroughs: [
          {
            steps: [
              { id: 'a', media: { image: 'media/walkthrough/a.png', altText: 'A' } },
              { id: 'b', media: { image: { dark: 'media/walkthrough/b-dark.png', light: 'media/walkthrough/b.png', hc: 'media/walkthrough/b.png' }, altText: 'B' } },
              { id: 'c', media: { markdown: 'media/walkthrough/c.md' } },
              { id: 'd', media: { svg: 'media/walkthrough/d.svg', altText: 'D' } },
            ],
          },
        ],
      },
      repository: { url: 'https://example.com/x.git' },
    };
    assert.deepEqual(manifestFiles(manifest), [
      'dist/extension.js',
      'media/icon.png',
      'media/intervals.svg',
      'media/walkthrough/a.png',
      'media/walkthrough/b-dark.png',
      'media/walkthrough/b.png',
      'media/walkthrough/c.md',
      'media/walkthrough/d.svg',
    ]);
  });

  it('reads the names and contents of a zip, deflated or stored', () => {
    for (const stored of [false, true]) {
      const zip = makeZip({ 'extension/package.json': '{"name":"x"}', 'extension/dist/extension.js': 'exports.activate = () => 1;\n'.repeat(50) }, stored);
      const entries = zipEntries(zip);
      assert.deepEqual(entries.map((entry) => entry.name), ['extension/package.json', 'extension/dist/extension.js']);
      assert.equal(zipEntryContent(zip, entries[1]!).toString('utf8'), 'exports.activate = () => 1;\n'.repeat(50));
    }
    assert.throws(() => zipEntries(Buffer.from('not a zip')), /Not a zip file/);
  });

  it('tells relative links from absolute ones and anchors, and undoes only the rewritten ones', () => {
    const markdown = '![Tree](media/screenshots/tree.png) [set-up](#set-up) [Intervals](https://www.myintervals.com/) <img src="media/a.png"> [log](CHANGELOG.md)';
    assert.deepEqual(relativeLinks(markdown), ['media/screenshots/tree.png', 'media/a.png', 'CHANGELOG.md']);
    const base = 'https://github.com/acme/ext';
    const packed = `![Tree](${base}/raw/HEAD/media/screenshots/tree.png) [set-up](#set-up) [log](${base}/blob/HEAD/CHANGELOG.md) #1003`;
    assert.deepEqual(relativeLinks(packed), []);
    assert.equal(withoutBaseUrls(packed, `${base}.git`), '![Tree](media/screenshots/tree.png) [set-up](#set-up) [log](CHANGELOG.md) #1003');
    const issueLinked = packed.replace('#1003', `[#1003](${base}/issues/1003)`);
    assert.notEqual(withoutBaseUrls(issueLinked, base), '![Tree](media/screenshots/tree.png) [set-up](#set-up) [log](CHANGELOG.md) #1003');
  });
});
