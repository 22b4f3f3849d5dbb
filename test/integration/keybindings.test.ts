import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type ParseError } from 'jsonc-parser';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';

// The extension's default keybindings against VS Code's own: the defaults of the VS Code the tests
// run in (built-in extensions included), for the platform it runs on.

interface Keybinding {
  readonly key: string;
  readonly mac?: string;
  readonly command: string;
  readonly when?: string;
}

const MODIFIERS = ['ctrl', 'shift', 'alt', 'meta'];

/** A key sequence written one way: parts lower-case, modifiers in one order, `cmd` as `meta`. */
function normalise(sequence: string): string[] {
  return sequence
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .map((part) => {
      const keys = part.split('+').map((key) => (key === 'cmd' || key === 'win' ? 'meta' : key));
      const modifiers = MODIFIERS.filter((modifier) => keys.includes(modifier));
      return [...modifiers, ...keys.filter((key) => !MODIFIERS.includes(key))].join('+');
    });
}

/** Why `ours` would take a key from a built-in binding (or lose it to one), or undefined. */
function collision(ours: string[], builtIn: string[]): string | undefined {
  if (ours.join(' ') === builtIn.join(' ')) {
    return 'the same keys';
  }
  if (builtIn.length === 1 && ours.length > 1 && ours[0] === builtIn[0]) {
    return 'its first part is that key';
  }
  if (ours.length === 1 && builtIn.length > 1 && builtIn[0] === ours[0]) {
    return 'it starts that chord';
  }
  return undefined;
}

describe('Default keybindings', () => {
  let ours: Keybinding[];
  let builtIn: Keybinding[];

  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const manifest = JSON.parse(readFileSync(join(extension.extensionPath, 'package.json'), 'utf8')) as { contributes: { keybindings: Keybinding[] } };
    ours = manifest.contributes.keybindings;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse('vscode://defaultsettings/keybindings.json'));
    const errors: ParseError[] = [];
    const all = parse(document.getText(), errors) as Keybinding[];
    assert.deepEqual(errors, [], 'the default keybindings read as JSONC');
    builtIn = all.filter((binding) => !binding.command.startsWith('intervals.'));
    assert.ok(builtIn.length > 500, `VS Code's defaults are listed (${builtIn.length})`);
  });

  it('start and stop the timer, log time and find a task, on Windows, Linux and macOS', () => {
    for (const command of ['intervals.startTimer', 'intervals.stopTimer', 'intervals.logTime', 'intervals.findTask']) {
      const binding = ours.find((each) => each.command === command);
      assert.ok(binding?.key && binding.mac, `${command} has a key and a mac key`);
      assert.equal(binding.when, undefined, `${command} works everywhere`);
    }
  });

  it('are global, or only in the extension\'s own views', () => {
    const elsewhere = ours.filter((binding) => binding.when !== undefined && !/\bfocusedView == intervals\.\w+/.test(binding.when));
    assert.deepEqual(elsewhere, []);
  });

  it('take no key from a built-in keybinding of this VS Code (the global ones: a key in our own view is ours)', () => {
    const platformKey = (binding: Keybinding) => (process.platform === 'darwin' ? (binding.mac ?? binding.key) : binding.key);
    const found: string[] = [];
    const global = ours.filter((binding) => binding.when === undefined);
    assert.ok(global.length >= 4);
    for (const binding of global) {
      const keys = normalise(platformKey(binding));
      for (const other of builtIn) {
        const why = collision(keys, normalise(other.key));
        if (why) {
          found.push(`${binding.command} (${keys.join(' ')}) and ${other.command} (${other.key}): ${why}`);
        }
      }
    }
    assert.deepEqual(found, []);
  });

  it('finds a collision when there is one (the check itself)', () => {
    const quickOpen = builtIn.find((binding) => binding.command === 'workbench.action.quickOpen');
    assert.ok(quickOpen, 'Quick Open has a default key');
    const key = normalise(quickOpen.key);
    assert.equal(collision(key, key), 'the same keys');
    assert.equal(collision([...key, 'x'], key), 'its first part is that key');
    assert.equal(collision(['ctrl+k', 'ctrl+alt+q'], normalise('ctrl+k ctrl+c')), undefined, 'a chord that shares only its first part with another');
  });
});
