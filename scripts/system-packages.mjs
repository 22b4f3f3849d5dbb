/* global process, console */
// The Debian/Ubuntu packages the tests and the demo need beyond Node.js and npm, installed when
// missing: Chromium is the window the tests drive, ripgrep is VS Code's search, git is what VS
// Code's Git extension runs (the tests of working from a branch make repositories with it), and
// libkrb5-dev, make, g++ and python3 build VS Code's native modules. As root they are installed with apt-get,
// otherwise with sudo when it needs no password; when neither works, the one command to run is
// printed and the caller exits non-zero.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Each package and how to tell it is there. */
const PACKAGES = [
  { name: 'chromium', present: () => Boolean(process.env.CHROMIUM_PATH) || onPath('chromium') || onPath('chromium-browser') },
  { name: 'ripgrep', present: () => onPath('rg') },
  { name: 'git', present: () => onPath('git') },
  { name: 'libkrb5-dev', present: () => dpkgHas('libkrb5-dev') || existsSync('/usr/include/krb5.h') },
  { name: 'make', present: () => onPath('make') },
  { name: 'g++', present: () => onPath('g++') },
  { name: 'python3', present: () => onPath('python3') },
];

function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, command)));
}

function dpkgHas(name) {
  return spawnSync('dpkg', ['-s', name], { stdio: 'ignore' }).status === 0;
}

function canSudo() {
  return onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
}

/** The packages that are missing, by name. */
export function missingSystemPackages() {
  return PACKAGES.filter((pkg) => !pkg.present()).map((pkg) => pkg.name);
}

/**
 * Installs what is missing; returns false (after saying what to run) when it cannot. Nothing is
 * done, and nothing printed, when everything is there.
 */
export function ensureSystemPackages() {
  const missing = missingSystemPackages();
  if (missing.length === 0) {
    return true;
  }
  const command = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.platform !== 'linux' || !onPath('apt-get')) {
    console.error(`[system-packages] Missing: ${missing.join(', ')}. Install them with your system's package manager (on Debian/Ubuntu: sudo ${command}).`);
    return false;
  }
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const prefix = root ? [] : canSudo() ? ['sudo'] : undefined;
  if (!prefix) {
    console.error(`[system-packages] Missing: ${missing.join(', ')}. Run this once, then try again:\n\n  sudo apt-get update && sudo ${command}\n`);
    return false;
  }
  console.log(`[system-packages] Installing ${missing.join(', ')} with apt-get${root ? '' : ' (sudo)'}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => {
    const [program, ...rest] = [...prefix, ...args];
    execFileSync(program, rest, { stdio: 'inherit', env });
  };
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...missing]);
  const still = missingSystemPackages();
  if (still.length > 0) {
    console.error(`[system-packages] Still missing after apt-get: ${still.join(', ')}.`);
    return false;
  }
  return true;
}
