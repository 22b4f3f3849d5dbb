// Bundles the extension into dist/. `--production` minifies; `--watch` rebuilds on change.
//
// dist/extension.js is what VS Code loads at start-up, with dist/vscode-l10n.js (the strings
// lookup every bundle shares) and dist/display-locale.js (the display language every bundle
// formats dates, durations and numbers for). The HTTP stack and the XML parser are
// bundled apart, as dist/undici.js and dist/fast-xml-parser.js, which src/api/lazyDependencies.ts
// requires on the first request that needs them; the command table and the commands' code, as
// dist/commands.js, which src/extension.ts requires when the first command runs; the Git
// integration, as dist/git.js, which it requires once start-up is over; the chat tools' code, as
// dist/chat.js, which src/chat/chatTools.ts requires on a tool's first use. dist/meta.json
// is esbuild's account of which sources went into which file, for `npm run bench`.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = dirname(fileURLToPath(import.meta.url));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * Packages bundled into a file of their own, by package name → file name in dist/: the HTTP stack
 * and the XML parser load on demand; @vscode/l10n is shared by extension.js, commands.js and git.js,
 * so the strings bundle configured at activation is the one every file translates with.
 */
const ownFiles = { undici: 'undici', 'fast-xml-parser': 'fast-xml-parser', '@vscode/l10n': 'vscode-l10n' };

/**
 * Source modules bundled into a file of their own, by source → file name in dist/: module state
 * every bundle must share (bundled into each, the lazily loaded bundles would hold a copy of their
 * own that activation never set). Every import of the module resolves to that file.
 */
const sharedModules = { 'src/time/displayLocale.ts': 'display-locale' };
const sharedModuleNames = Object.keys(sharedModules).map((source) => source.slice(source.lastIndexOf('/') + 1, -'.ts'.length));

/** In the extension's bundle, a require of such a package becomes a require of its file beside it. */
const onDemandFiles = {
  name: 'on-demand-files',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(ownFiles).map((name) => name.replace('/', '\\/')).join('|')})$`);
    build.onResolve({ filter }, (args) => (args.kind === 'entry-point' ? undefined : { path: `./${ownFiles[args.path]}.js`, external: true }));
    build.onResolve({ filter: new RegExp(`/(${sharedModuleNames.join('|')})$`) }, (args) => {
      if (args.kind === 'entry-point') {
        return undefined;
      }
      const source = Object.keys(sharedModules).find((file) => join(args.resolveDir, `${args.path}.ts`) === join(root, file));
      return source ? { path: `./${sharedModules[source]}.js`, external: true } : undefined;
    });
    // extension.ts requires the command table when the first command runs: from dist/commands.js.
    build.onResolve({ filter: /^\.\/commands\/index$/ }, (args) => (args.kind === 'require-call' ? { path: './commands.js', external: true } : undefined));
    // ... the chat tools' code on a tool's first use: from dist/chat.js.
    build.onResolve({ filter: /^\.\/chatToolSet$/ }, (args) => (args.kind === 'require-call' ? { path: './chat.js', external: true } : undefined));
    // ... and the Git integration once start-up is over, or on the first git command: from dist/git.js.
    build.onResolve({ filter: /^\.\/gitExtension\/index$/ }, (args) => (args.kind === 'require-call' ? { path: './git.js', external: true } : undefined));
  },
};

/**
 * Every `import * as vscode from 'vscode'` would otherwise copy the whole API object into a
 * namespace object of its own when the bundle loads (one copy per importing file, ~60 of them);
 * routed through one re-exporting module, the copy is made once.
 */
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

const options = {
  entryPoints: [
    { in: 'src/extension.ts', out: 'extension' },
    { in: 'src/commands/index.ts', out: 'commands' },
    { in: 'src/gitExtension/index.ts', out: 'git' },
    { in: 'src/chat/chatToolSet.ts', out: 'chat' },
    ...Object.entries(ownFiles).map(([name, file]) => ({ in: name, out: file })),
    ...Object.entries(sharedModules).map(([source, file]) => ({ in: source, out: file })),
  ],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outdir: 'dist',
  external: ['vscode'],
  plugins: [onDemandFiles, vscodeOnce],
  minify: production,
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'info',
  metafile: true,
};

if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
} else {
  const result = await esbuild.build(options);
  writeFileSync('dist/meta.json', JSON.stringify(result.metafile));
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith('.js')) {
      console.log(`${file}: ${(output.bytes / 1024).toFixed(1)} KiB`);
    }
  }
}
