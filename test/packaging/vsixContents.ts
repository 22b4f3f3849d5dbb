/**
 * What the `.vsix` must hold, and reading one back. A `.vsix` is a zip: VS Code's manifest
 * (`extension.vsixmanifest`, `[Content_Types].xml`) and the extension's files under `extension/`.
 * vsce stores the README, CHANGELOG and LICENSE under names of its own.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { inflateRawSync } from 'node:zlib';

/** Added by vsce to every package. */
const VSIX_OWN_FILES = ['[Content_Types].xml', 'extension.vsixmanifest'];

/** Files vsce renames as it packs them: repository path → path in the package. */
const RENAMED: Record<string, string> = {
  'README.md': 'extension/readme.md',
  'CHANGELOG.md': 'extension/changelog.md',
  LICENSE: 'extension/LICENSE.txt',
};

/**
 * The files of `root` the installed extension needs, by their repository paths: the bundles (no
 * source maps, no esbuild's dist/meta.json), the icons and the walkthrough's media (not the README's
 * screenshots), the manifest with its strings, the strings bundles, and the README, CHANGELOG and LICENSE the Marketplace shows.
 */
export function neededFiles(root: string): string[] {
  const files = [
    ...filesIn(root, 'dist').filter((path) => path.endsWith('.js')),
    ...filesIn(root, 'media'),
    ...filesIn(root, 'media/walkthrough', true),
    'package.json',
    ...filesIn(root, '.').filter((path) => /^package\.nls(\.[\w-]+)?\.json$/.test(path)),
    ...filesIn(root, 'l10n').filter((path) => path.endsWith('.json')),
    'README.md',
    'CHANGELOG.md',
    'LICENSE',
  ];
  return files.sort();
}

/** The entries a package of `neededFiles` has, as vsce names them. */
export function expectedEntries(repositoryPaths: readonly string[]): string[] {
  return [...VSIX_OWN_FILES, ...repositoryPaths.map(entryName)].sort();
}

/** The name of a repository file in the package. */
export function entryName(repositoryPath: string): string {
  return RENAMED[repositoryPath] ?? `extension/${repositoryPath}`;
}

export interface ContentsDifference {
  /** In the package but not needed. */
  readonly extra: string[];
  /** Needed but not in the package. */
  readonly missing: string[];
}

export function compareEntries(actual: readonly string[], expected: readonly string[]): ContentsDifference {
  const have = new Set(actual);
  const want = new Set(expected);
  return {
    extra: actual.filter((name) => !want.has(name)).sort(),
    missing: expected.filter((name) => !have.has(name)).sort(),
  };
}

/**
 * The files the manifest names (the entry point, icons, walkthrough media), as repository paths:
 * each must be in the package, or VS Code shows a broken image or fails to start the extension.
 */
export function manifestFiles(manifest: unknown): string[] {
  const found = new Set<string>();
  const visit = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      if (FILE_KEYS.has(key) && !value.startsWith('$(') && !/^[a-z]+:/i.test(value)) {
        found.add(posix.normalize(value.replace(/^\.\//, '')));
      }
    } else if (Array.isArray(value)) {
      value.forEach((item) => visit(item, key));
    } else if (value && typeof value === 'object') {
      for (const [name, item] of Object.entries(value)) {
        visit(item, FILE_KEYS.has(key) && (name === 'dark' || name === 'light' || name === 'hc' || name === 'hcLight') ? key : name);
      }
    }
  };
  visit(manifest, '');
  return [...found].sort();
}

/** Manifest keys whose string values are paths of files in the extension. */
const FILE_KEYS = new Set(['main', 'browser', 'icon', 'image', 'markdown', 'svg']);

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly compressedSize: number;
  readonly localHeaderOffset: number;
}

/** The entries of a zip file, from its central directory. */
export function zipEntries(zip: Buffer): ZipEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) {
    throw new Error('Not a zip file: no end of central directory record.');
  }
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) {
      throw new Error(`Damaged zip: no central directory header at ${offset}.`);
    }
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    entries.push({
      name: zip.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: zip.readUInt16LE(offset + 10),
      compressedSize: zip.readUInt32LE(offset + 20),
      localHeaderOffset: zip.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The bytes of one entry of a zip file. */
export function zipEntryContent(zip: Buffer, entry: ZipEntry): Buffer {
  const header = entry.localHeaderOffset;
  if (zip.readUInt32LE(header) !== 0x04034b50) {
    throw new Error(`Damaged zip: no local header for ${entry.name}.`);
  }
  const start = header + 30 + zip.readUInt16LE(header + 26) + zip.readUInt16LE(header + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    return Buffer.from(data);
  }
  if (entry.method === 8) {
    return inflateRawSync(data);
  }
  throw new Error(`${entry.name} uses zip method ${entry.method}, which this reader does not know.`);
}

/**
 * The README or CHANGELOG as vsce packed it, with the repository's address taken out of the links
 * it made absolute: equal to the source when vsce changed nothing but relative links (no Intervals
 * task number such as #1003 turned into a link to a GitHub issue).
 */
export function withoutBaseUrls(packed: string, repositoryUrl: string): string {
  const base = repositoryUrl.replace(/\.git$/, '').replace(/\/$/, '');
  return packed.split(`${base}/raw/HEAD/`).join('').split(`${base}/blob/HEAD/`).join('');
}

/** Link and image targets of Markdown text that are neither absolute nor anchors in the page. */
export function relativeLinks(markdown: string): string[] {
  const targets = [...markdown.matchAll(/\]\(([^)\s]+)[^)]*\)|<img[^>]+src="([^"]+)"/g)].map((match) => match[1] ?? match[2] ?? '');
  return targets.filter((target) => !/^[a-z][a-z+.-]*:/i.test(target) && !target.startsWith('#'));
}

function filesIn(root: string, dir: string, recursive = false): string[] {
  const full = join(root, dir);
  if (!existsSync(full)) {
    return [];
  }
  return readdirSync(full, { recursive, encoding: 'utf8' })
    .map((name) => posix.join(dir, name.split('\\').join('/')))
    .filter((path) => statSync(join(root, path)).isFile());
}
