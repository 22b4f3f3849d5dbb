import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

/** esbuild's metafile as `npm run build` writes it to dist/meta.json (only the parts read here). */
interface Metafile {
  readonly inputs: Record<string, { readonly imports: readonly { readonly path: string }[] }>;
  readonly outputs: Record<string, { readonly bytes: number; readonly inputs: Record<string, { readonly bytesInOutput: number }> }>;
}

/** What one JavaScript file of dist/ holds, by the part of the product it comes from. */
export interface BundleFile {
  /** File name in dist/, e.g. `extension.js`. */
  readonly name: string;
  readonly bytes: number;
  /** undici and what only it pulls in. */
  readonly httpBytes: number;
  /** fast-xml-parser and the packages it pulls in. */
  readonly xmlBytes: number;
  /** The extension's own code (src/). */
  readonly ownBytes: number;
}

export const HTTP_PACKAGE = 'undici';
export const XML_PACKAGE = 'fast-xml-parser';

/** The JavaScript files of a built dist/ folder and what is in each, from dist/meta.json. */
export function bundleFiles(distDir: string): BundleFile[] {
  const meta = JSON.parse(readFileSync(join(distDir, 'meta.json'), 'utf8')) as Metafile;
  const http = packagesReachedFrom(meta, HTTP_PACKAGE);
  const xml = packagesReachedFrom(meta, XML_PACKAGE);
  return Object.entries(meta.outputs)
    .filter(([path]) => path.endsWith('.js'))
    .map(([path, output]) => {
      let httpBytes = 0;
      let xmlBytes = 0;
      let ownBytes = 0;
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        const owner = packageOf(input);
        if (owner !== undefined && http.has(owner)) {
          httpBytes += bytesInOutput;
        } else if (owner !== undefined && xml.has(owner)) {
          xmlBytes += bytesInOutput;
        } else if (input.startsWith('src/')) {
          ownBytes += bytesInOutput;
        }
      }
      const name = basename(path);
      // The file on disk, not the metafile's figure, in case it was built again since.
      return { name, bytes: statSync(join(distDir, name)).size, httpBytes, xmlBytes, ownBytes };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The files among `files` whose names are in `loaded`, summed. */
export function loadedBytes(files: readonly BundleFile[], loaded: readonly string[]): { bytes: number; httpBytes: number; xmlBytes: number } {
  const picked = files.filter((file) => loaded.includes(file.name));
  const sum = (pick: (file: BundleFile) => number): number => picked.reduce((total, file) => total + pick(file), 0);
  return { bytes: sum((file) => file.bytes), httpBytes: sum((file) => file.httpBytes), xmlBytes: sum((file) => file.xmlBytes) };
}

/** `node_modules/@scope/name/lib/x.js` → `@scope/name`; undefined outside node_modules. */
function packageOf(input: string): string | undefined {
  const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  return match?.[1];
}

/** The package and every package its bundled files import, directly or not. */
function packagesReachedFrom(meta: Metafile, root: string): Set<string> {
  const reached = new Set<string>([root]);
  const queue = Object.keys(meta.inputs).filter((input) => packageOf(input) === root);
  const seen = new Set(queue);
  while (queue.length > 0) {
    const input = queue.pop() as string;
    for (const { path } of meta.inputs[input]?.imports ?? []) {
      const owner = packageOf(path);
      if (owner === undefined || seen.has(path) || !(path in meta.inputs)) {
        continue;
      }
      seen.add(path);
      reached.add(owner);
      queue.push(path);
    }
  }
  return reached;
}
