import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'mocha';
import { COMMAND_ARGUMENTS, type ArgumentObject, type NoArgumentObject } from '../../src/commands/argumentObjects';

const root = resolve(__dirname, '..', '..', '..');
const script = join(root, 'scripts', 'update-reference.mjs');

describe('The command reference (src/commands/argumentObjects.ts, npm run reference)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'intervals-reference-'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  const check = (readme: string) => {
    const path = join(folder, 'README.md');
    writeFileSync(path, readme);
    return spawnSync(process.execPath, [script, '--check', '--readme', path], { encoding: 'utf8' });
  };

  it('says what every key takes, in the words a refusal uses, and names only keys it has', () => {
    const entries = Object.entries(COMMAND_ARGUMENTS) as Array<[string, ArgumentObject | NoArgumentObject]>;
    for (const [command, entry] of entries) {
      if ('none' in entry) {
        assert.ok(entry.none.length > 0, command);
        continue;
      }
      for (const [key, kind] of Object.entries(entry.keys)) {
        const read = kind(undefined);
        assert.ok(read.ok || read.expected.length > 0, `${command}: ${key} says what it expects`);
      }
      for (const key of [...(entry.needs ?? []), ...(entry.internal ?? [])]) {
        assert.ok(key in entry.keys, `${command}: ${key} is one of its keys`);
      }
    }
  });

  it('--check passes on the README as it is', () => {
    const result = check(readFileSync(join(root, 'README.md'), 'utf8'));
    assert.equal(result.status, 0, result.stderr);
  });

  it('--check fails, saying what to run, when the README has drifted', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const drifted = readme.replace(/^\| `intervals\.signIn`<br>.*\n/m, '');
    assert.notEqual(drifted, readme);
    const result = check(drifted);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /run npm run reference/);
    const settings = check(readme.replace('| `intervals.webUrl` |', '| `intervals.webAddress` |'));
    assert.equal(settings.status, 1, 'a settings row that differs');
  });

  it('refuses a README without the markers', () => {
    const result = check('# Intervals\n');
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /no "<!-- reference:commands/);
  });
});
