/* global process, console */
// Checks the localisation of the extension; run by `npm run lint`, so by CI.
//
// 1. Every user-facing string in src/ goes through `l10n.t(...)` (from @vscode/l10n): a string
//    literal or template that reads as words (two words, or one capitalised word) anywhere else
//    is reported, unless it is in a place that never reaches a reader (an import, a property
//    name, a comparison, a `case`, a log line) or its line, or the line above, says `l10n-ignore`
//    with the reason (or it is between `l10n-ignore-start` and `l10n-ignore-end` lines).
// 2. `l10n.t` is called inside functions only (a module-level string would be made before the
//    bundle for the display language is configured at activation), never as `vscode.l10n.t`.
// 3. l10n/bundle.l10n.json is what `npm run l10n` extracts from src/ today, and every translation
//    (l10n/bundle.l10n.<lang>.json) has exactly its keys with the same placeholders.
// 4. package.json's user-facing fields are `%key%` references; package.nls.json has every key
//    used and no other, and every package.nls.<lang>.json has the same keys and placeholders.
//
// `node scripts/check-l10n.mjs --write` rewrites l10n/bundle.l10n.json from src/ (what
// `npm run l10n` does). `--list` prints the unlocalised strings only, by folder.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { getL10nJson } from '@vscode/l10n-dev';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const write = process.argv.includes('--write');
const listOnly = process.argv.includes('--list');
const problems = [];

function sourceFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      return sourceFiles(path);
    }
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const files = sourceFiles(join(root, 'src'));

// ---- 1 and 2: strings in src/ ------------------------------------------------------------------

const TWO_WORDS = /[A-Za-z\u00C0-\u024F]{2,}[,.:;!?…]?\s+["'“(]?[A-Za-z\u00C0-\u024F]{2,}/;
const ONE_CAPITALISED_WORD = /^[A-Z][a-z]{2,}[.…:]?$/;
const LOG_METHODS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'appendLine', 'append', 'log', 'child']);

function readsAsWords(text) {
  const trimmed = text.trim();
  return TWO_WORDS.test(trimmed) || ONE_CAPITALISED_WORD.test(trimmed);
}

function isL10nCall(node) {
  return (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === 't' &&
    ts.isIdentifier(node.expression.expression) &&
    node.expression.expression.text === 'l10n'
  );
}

/** Places whose strings never reach a reader. */
function neverShown(node) {
  const parent = node.parent;
  if (!parent) {
    return true;
  }
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isImportTypeNode?.(parent.parent)) {
    return true;
  }
  if (ts.isLiteralTypeNode(parent) || ts.isPropertyAssignment(parent) && parent.name === node) {
    return true;
  }
  if (ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent) && parent.name === node) {
    return true;
  }
  if (ts.isElementAccessExpression(parent) || ts.isCaseClause(parent)) {
    return true;
  }
  if (ts.isBinaryExpression(parent) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(parent.operatorToken.kind)) {
    return true;
  }
  return false;
}

/** Whether the string is an argument of a log call (`log.info('…')`), which stays in English. */
function inLogCall(node) {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression)) {
      const method = current.expression.name.text;
      const target = current.expression.expression.getText();
      if (LOG_METHODS.has(method) && /(^|\.)(log|logger|channel|output)$/i.test(target)) {
        return true;
      }
    }
    if (ts.isFunctionLike(current) || ts.isBlock(current)) {
      return false;
    }
  }
  return false;
}

function insideL10nCall(node) {
  for (let current = node.parent; current; current = current.parent) {
    if (isL10nCall(current)) {
      return true;
    }
    if (ts.isFunctionLike(current)) {
      return false;
    }
  }
  return false;
}

function insideFunction(node) {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current) || ts.isClassStaticBlockDeclaration(current)) {
      return true;
    }
  }
  return false;
}

const unlocalised = [];

for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const where = (node) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line;
    return { line, path: relative(root, file) };
  };
  // `l10n-ignore-start` … `l10n-ignore-end` lines: a block of text that is not shown in VS Code.
  const inBlock = [];
  lines.reduce((open, text, index) => {
    const opens = open ? !/l10n-ignore-end/.test(text) : /l10n-ignore-start/.test(text);
    inBlock[index] = open || opens;
    return opens;
  }, false);
  const ignored = (line) => inBlock[line] || /l10n-ignore/.test(lines[line] ?? '') || /l10n-ignore/.test(lines[line - 1] ?? '');
  const visit = (node) => {
    if (isL10nCall(node)) {
      const { line, path } = where(node);
      if (!insideFunction(node)) {
        problems.push(`${path}:${line + 1}: l10n.t outside a function runs before the display language's strings are loaded; make it a function`);
      }
      return; // its arguments are what is being localised
    }
    if (
      ts.isPropertyAccessExpression(node) &&
      node.name.text === 't' &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'l10n' &&
      node.expression.expression.getText() === 'vscode'
    ) {
      const { line, path } = where(node);
      problems.push(`${path}:${line + 1}: use l10n.t from '@vscode/l10n', not vscode.l10n.t (one lookup for every layer)`);
    }
    let content;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      content = node.text;
    } else if (ts.isTemplateExpression(node)) {
      content = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' x ');
    }
    if (content !== undefined && readsAsWords(content) && !neverShown(node) && !insideL10nCall(node) && !inLogCall(node)) {
      const { line, path } = where(node);
      if (!ignored(line)) {
        unlocalised.push(`${path}:${line + 1}: ${node.getText().slice(0, 100)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

if (listOnly) {
  const byFolder = new Map();
  for (const entry of unlocalised) {
    const folder = entry.split('/').slice(0, 2).join('/');
    byFolder.set(folder, (byFolder.get(folder) ?? 0) + 1);
  }
  console.log(unlocalised.join('\n'));
  console.log([...byFolder].map(([folder, count]) => `${folder}: ${count}`).join('\n'));
  console.log(`${unlocalised.length} unlocalised strings`);
  process.exit(0);
}

for (const entry of unlocalised) {
  problems.push(`${entry}\n    reads as words but is not localised: wrap it in l10n.t(...), or say why not with an "l10n-ignore" comment`);
}

// ---- 3: the strings bundle and its translations ---------------------------------------------------

const placeholders = (message) => [...String(message).matchAll(/\{[^{}]+\}/g)].map((match) => match[0]).sort().join(' ');
const messageOf = (value) => (typeof value === 'string' ? value : value.message);

function compareTranslation(name, base, translation) {
  for (const key of Object.keys(base)) {
    if (!(key in translation)) {
      problems.push(`${name}: missing "${key}"`);
    } else if (placeholders(messageOf(base[key])) !== placeholders(messageOf(translation[key]))) {
      problems.push(`${name}: "${key}" has placeholders ${placeholders(messageOf(translation[key])) || 'none'}, the original ${placeholders(messageOf(base[key])) || 'none'}`);
    }
  }
  for (const key of Object.keys(translation)) {
    if (!(key in base)) {
      problems.push(`${name}: "${key}" is no longer used; remove it`);
    }
  }
}

const extracted = await getL10nJson(files.map((file) => ({ contents: readFileSync(file, 'utf8'), extension: '.ts' })));
const sorted = Object.fromEntries(Object.entries(extracted).sort(([a], [b]) => a.localeCompare(b)));
const bundlePath = join(root, 'l10n', 'bundle.l10n.json');
if (write) {
  writeFileSync(bundlePath, `${JSON.stringify(sorted, null, 2)}\n`);
  console.log(`l10n/bundle.l10n.json: ${Object.keys(sorted).length} strings`);
  process.exit(0);
}
const bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));
if (JSON.stringify(bundle) !== JSON.stringify(sorted)) {
  problems.push('l10n/bundle.l10n.json is not what src/ holds today: run `npm run l10n` and translate what it adds');
}
for (const name of readdirSync(join(root, 'l10n')).filter((entry) => /^bundle\.l10n\.[a-z-]+\.json$/.test(entry))) {
  compareTranslation(`l10n/${name}`, sorted, JSON.parse(readFileSync(join(root, 'l10n', name), 'utf8')));
}

// ---- 4: the manifest -------------------------------------------------------------------------------

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8'));
const used = new Set();
const USER_FACING = new Set(['title', 'shortTitle', 'description', 'markdownDescription', 'displayName', 'category', 'name', 'contents', 'label', 'enumDescriptions', 'markdownEnumDescriptions', 'deprecationMessage', 'markdownDeprecationMessage', 'altText', 'modelDescription', 'userDescription', 'tooltip', 'contextualTitle']);

function visitManifest(value, path, userFacing) {
  if (typeof value === 'string') {
    const reference = /^%(.+)%$/.exec(value);
    if (reference) {
      used.add(reference[1]);
      if (!(reference[1] in nls)) {
        problems.push(`package.json ${path}: "${value}" is not in package.nls.json`);
      }
    } else if (userFacing && readsAsWords(value)) {
      problems.push(`package.json ${path}: "${value.slice(0, 60)}" is shown to users: make it a %key% in package.nls.json`);
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => visitManifest(item, `${path}[${index}]`, userFacing));
    return;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      visitManifest(item, `${path}.${key}`, USER_FACING.has(key));
    }
  }
}
visitManifest(manifest.contributes ?? {}, 'contributes', false);
visitManifest({ displayName: manifest.displayName, description: manifest.description }, '', false);
for (const key of Object.keys(nls)) {
  if (!used.has(key)) {
    problems.push(`package.nls.json: "${key}" is not used in package.json; remove it`);
  }
}
for (const name of readdirSync(root).filter((entry) => /^package\.nls\.[a-z-]+\.json$/.test(entry))) {
  compareTranslation(name, nls, JSON.parse(readFileSync(join(root, name), 'utf8')));
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`\n${problems.length} localisation problem(s).`);
  process.exit(1);
}
console.log(`l10n: ${Object.keys(sorted).length} strings in src/, ${Object.keys(nls).length} in package.nls.json, every translation complete`);
