/* global process, console */
// Fails when files under src/ import each other in a loop, type-only imports included: a cycle
// is two files that cannot be understood (or moved) apart. Run by `npm run lint`.
//
// Reads each file's imports with the TypeScript compiler's own pre-processor and resolves them
// as tsc does, then looks for strongly connected components of the import graph (Tarjan).
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');
const sourceRoot = join(root, 'src');

function sourceFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
const options = config?.options ?? {};
const files = sourceFiles(sourceRoot);
const known = new Set(files);

/** The files of src/ that `file` imports. */
function importsOf(file) {
  const info = ts.preProcessFile(ts.sys.readFile(file) ?? '', true, true);
  return info.importedFiles
    .map((imported) => ts.resolveModuleName(imported.fileName, file, options, ts.sys).resolvedModule?.resolvedFileName)
    .filter((target) => target !== undefined && known.has(target));
}

const edges = new Map(files.map((file) => [file, importsOf(file)]));

/** Tarjan's strongly connected components; those of more than one file are cycles. */
function cycles() {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (file) => {
    index.set(file, counter);
    low.set(file, counter);
    counter++;
    stack.push(file);
    onStack.add(file);
    for (const target of edges.get(file)) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file), low.get(target)));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file), index.get(target)));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || edges.get(file).includes(file)) {
        found.push(component);
      }
    }
  };
  for (const file of files) {
    if (!index.has(file)) {
      visit(file);
    }
  }
  return found;
}

const found = cycles();
if (found.length > 0) {
  for (const component of found) {
    const members = new Set(component);
    console.error(`Import cycle of ${component.length} files:`);
    for (const file of component.sort()) {
      const inside = edges.get(file).filter((target) => members.has(target)).map((target) => relative(root, target));
      console.error(`  ${relative(root, file)} -> ${inside.join(', ')}`);
    }
  }
  process.exit(1);
}
console.log(`No import cycles among ${files.length} files of src/.`);
