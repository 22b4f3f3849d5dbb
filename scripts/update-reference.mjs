/* global process, console, Buffer */
// Writes the README's command and settings references from what the extension itself holds:
// package.json (commands, settings) with package.nls.json (their English text), and
// src/commands/argumentObjects.ts, the argument objects every command checks before it runs,
// with the words args.ts refuses a value with. `npm run reference` rewrites the README between
// the marker comments; `--check` (run by `npm run lint`) fails when the README is not what it
// would write. `--readme <path>` works on another file.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const readmeAt = process.argv.indexOf('--readme');
const readmePath = readmeAt > 0 ? resolve(process.argv[readmeAt + 1]) : join(root, 'README.md');

/** The argument table and the named kinds of args.ts, bundled from src/ (none of it needs vscode). */
async function loadArguments() {
  const result = await esbuild.build({
    stdin: {
      contents: "export * as kinds from './src/commands/args'; export { COMMAND_ARGUMENTS } from './src/commands/argumentObjects';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    external: ['vscode'],
    // @vscode/l10n requires Node's fs: give the ES module a require of its own.
    banner: { js: `import { createRequire } from 'node:module'; const require = createRequire(${JSON.stringify(`${root}/`)});` },
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8'));
const english = (value) => (typeof value === 'string' ? value.replace(/^%(.+)%$/, (whole, key) => nls[key] ?? whole) : value);
const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n+/g, ' ');

/** What a kind expects, in the words it refuses a value with (asked about a missing value). */
function expectedOf(kind) {
  const read = kind(undefined);
  return read.ok ? 'anything: the command reads it itself' : read.expected;
}

function commandsReference({ kinds, COMMAND_ARGUMENTS }) {
  const names = new Map(Object.entries(kinds).filter(([, value]) => typeof value === 'function' && value.length === 1).map(([name, kind]) => [kind, name]));
  const legend = new Map();
  const kindName = (key, kind) => {
    const name = names.get(kind) ?? key;
    const expected = expectedOf(kind);
    if (legend.has(name) && legend.get(name) !== expected) {
      throw new Error(`Two kinds of value are called ${name}: name the kind in src/commands/args.ts.`);
    }
    legend.set(name, expected);
    return name;
  };
  const rows = manifest.contributes.commands.map(({ command, title }) => {
    const entry = COMMAND_ARGUMENTS[command];
    if (!entry) {
      throw new Error(`${command} has no entry in src/commands/argumentObjects.ts.`);
    }
    const name = `\`${command}\`<br>${english(title)}`;
    if ('none' in entry) {
      return `| ${name} | none: ${cell(entry.none)} |`;
    }
    const internal = new Set(entry.internal ?? []);
    const needs = new Set(entry.needs ?? []);
    const keys = Object.entries(entry.keys)
      .filter(([key]) => !internal.has(key))
      .map(([key, kind]) => `${key}${needs.has(key) ? '' : '?'}: ${kindName(key, kind)}`);
    const object = keys.length > 0 ? `\`{ ${keys.join(', ')} }\`` : '`{}`';
    return `| ${name} | ${cell(object)}${entry.about ? `: ${cell(entry.about)}` : ''} |`;
  });
  const values = [...legend].sort(([a], [b]) => a.localeCompare(b)).map(([name, expected]) => `| \`${name}\` | ${cell(expected)} |`);
  return [
    '| Command | Argument object (`?`: may be left out) |',
    '| --- | --- |',
    ...rows,
    '',
    'What each value must be (a value that is not is refused with these words):',
    '',
    '| Value | What it must be |',
    '| --- | --- |',
    ...values,
  ].join('\n');
}

function defaultText(setting) {
  const value = setting.default;
  const shown = value === '' ? 'empty' : value === null || value === undefined ? 'none' : `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
  const range = setting.minimum !== undefined && setting.maximum !== undefined ? ` (${setting.minimum}–${setting.maximum})` : '';
  return `${shown}${range}`;
}

function settingsReference() {
  const properties = Object.entries(manifest.contributes.configuration.properties);
  properties.sort(([a, x], [b, y]) => (x.order ?? 0) - (y.order ?? 0) || a.localeCompare(b));
  const rows = properties.map(([key, setting]) => {
    const description = english(setting.markdownDescription ?? setting.description ?? '').replace(/`?#(intervals\.[\w.]+)#`?/g, '`$1`');
    const values = (setting.enum ?? []).map((value, index) => `\`${value}\`: ${english(setting.enumDescriptions?.[index] ?? '')}`.trim());
    const text = values.length > 0 ? `${description} ${values.join(' ')}` : description;
    return `| \`${key}\` | ${cell(defaultText(setting))} | ${cell(text)} |`;
  });
  return ['| Setting | Default | What it does |', '| --- | --- | --- |', ...rows].join('\n');
}

function replaceBetween(text, name, content) {
  const start = `<!-- reference:${name} (written by npm run reference) -->`;
  const end = `<!-- /reference:${name} -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) {
    throw new Error(`${readmePath} has no "${start}" … "${end}" markers.`);
  }
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}

const readme = readFileSync(readmePath, 'utf8');
const written = replaceBetween(replaceBetween(readme, 'commands', commandsReference(await loadArguments())), 'settings', settingsReference());
if (check) {
  if (written !== readme) {
    console.error(`${readmePath}: the command or settings reference is not what package.json and src/commands/argumentObjects.ts say: run npm run reference`);
    process.exit(1);
  }
  console.log('README: the command and settings references are up to date.');
} else if (written !== readme) {
  writeFileSync(readmePath, written);
  console.log(`${readmePath}: references rewritten.`);
} else {
  console.log(`${readmePath}: references already up to date.`);
}
