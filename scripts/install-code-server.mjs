/* global process, console */
// Installs the VS Code server (the `code-server` npm package, which ships VS Code's web build)
// into .vscode-test/ so the integration and UI tests run in a real extension host, offline.
//
// code-server's own postinstall refuses to run as root under current npm and lets
// @vscode/ripgrep download its binary from the internet, so this script does that postinstall's
// work itself with every install script off: native modules are compiled from source against the
// local Node headers and ripgrep comes from the system (`rg` on PATH).
//
// The system packages this needs, and the tests after it (Chromium, ripgrep, a compiler), are
// installed first when missing (see system-packages.mjs).
//
// Idempotent: a marker records the version, Node ABI and platform of a finished install; a second
// run with the same inputs does nothing. `--force` reinstalls.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSystemPackages } from './system-packages.mjs';

const CODE_SERVER_VERSION = '4.100.3';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const installDir = join(root, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
const packageDir = join(installDir, 'node_modules', 'code-server');
const vscodeDir = join(packageDir, 'lib', 'vscode');
const marker = join(installDir, '.installed.json');
const wanted = {
  version: CODE_SERVER_VERSION,
  modules: process.versions.modules,
  platform: `${process.platform}-${process.arch}`,
};

// Native modules VS Code's server loads; everything else in lib/vscode is plain JavaScript.
const nativeModules = ['kerberos', 'node-pty', '@parcel/watcher', '@vscode/spdlog', '@vscode/deviceid', 'native-watchdog'];

function isInstalled() {
  if (!existsSync(marker) || !existsSync(join(packageDir, 'out', 'node', 'entry.js'))) {
    return false;
  }
  try {
    const found = JSON.parse(readFileSync(marker, 'utf8'));
    return Object.entries(wanted).every(([key, value]) => found[key] === value);
  } catch {
    return false;
  }
}

function which(command) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command);
    if (dir && existsSync(candidate)) {
      return candidate;
    }
  }
  return undefined;
}

/** Headers of the running Node, so node-gyp never tries to download them. */
function nodeHeadersDir() {
  const prefix = dirname(dirname(process.execPath));
  return existsSync(join(prefix, 'include', 'node', 'node.h')) ? prefix : undefined;
}

function npm(args, cwd, extraEnv = {}) {
  const nodedir = nodeHeadersDir();
  execFileSync('npm', args, {
    cwd,
    stdio: 'inherit',
    env: {
      ...process.env,
      // node-pty's build script calls npx, which would otherwise stop to ask.
      npm_config_yes: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
      ...(nodedir ? { npm_config_nodedir: nodedir } : {}),
      ...extraEnv,
    },
  });
}

function relink(target, path) {
  try {
    lstatSync(path);
    rmSync(path, { recursive: true, force: true });
  } catch {
    // Nothing there yet.
  }
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(target, path);
}

function step(name, action) {
  const started = Date.now();
  console.log(`[install-code-server] ${name}…`);
  action();
  console.log(`[install-code-server] ${name}: ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

function install() {
  const rg = which('rg');
  if (!rg) {
    throw new Error('ripgrep (`rg`) is not on PATH; install it first (Debian: apt-get install ripgrep).');
  }
  if (!nodeHeadersDir()) {
    console.warn('[install-code-server] Node headers not found next to node; node-gyp may try to download them.');
  }
  const started = Date.now();
  rmSync(installDir, { recursive: true, force: true });
  mkdirSync(installDir, { recursive: true });
  // A private package.json keeps npm from walking up into the project's own.
  writeFileSync(join(installDir, 'package.json'), JSON.stringify({ name: 'code-server-host', private: true }, null, 2));

  step(`npm install code-server@${CODE_SERVER_VERSION}`, () =>
    npm(['install', '--no-save', '--no-package-lock', '--ignore-scripts', `code-server@${CODE_SERVER_VERSION}`], installDir),
  );
  step('npm rebuild argon2', () => npm(['rebuild', 'argon2'], installDir));
  step('npm install (lib/vscode)', () => npm(['install', '--omit=dev', '--ignore-scripts'], vscodeDir));
  step(`npm rebuild ${nativeModules.join(' ')}`, () => npm(['rebuild', ...nativeModules], vscodeDir));
  step('link ripgrep, node_modules.asar and helper scripts', () => {
    relink(rg, join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'));
    relink('node_modules', join(vscodeDir, 'node_modules.asar'));
    relink('code-linux.sh', join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
    relink('browser-linux.sh', join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
  });
  step('npm install (lib/vscode/extensions)', () =>
    npm(['install', '--omit=dev', '--ignore-scripts'], join(vscodeDir, 'extensions')),
  );

  step('check that the native modules load', () => {
    // npm may skip install scripts it was not told to allow; a missing binary must fail here,
    // not as a half-working server later.
    for (const name of nativeModules) {
      execFileSync(process.execPath, ['-e', `require(${JSON.stringify(name)})`], { cwd: vscodeDir, stdio: 'inherit' });
    }
    execFileSync(process.execPath, ['-e', 'require("argon2")'], { cwd: packageDir, stdio: 'inherit' });
  });

  writeFileSync(marker, JSON.stringify({ ...wanted, installedAt: new Date().toISOString() }, null, 2));
  console.log(`[install-code-server] code-server ${CODE_SERVER_VERSION} installed in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

if (!ensureSystemPackages()) {
  process.exit(1);
}
if (process.argv.includes('--force') || !isInstalled()) {
  install();
} else {
  console.log(`[install-code-server] code-server ${CODE_SERVER_VERSION} already installed in ${installDir}`);
}
