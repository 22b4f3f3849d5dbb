import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { fakeServerFromEnvironment } from '../runners/environmentVariables';

const EXTENSION_ID = 'intervals-vscode.intervals-vscode';

interface Manifest {
  readonly publisher: string;
  readonly name: string;
  readonly contributes?: { readonly commands?: readonly { readonly command: string }[] };
}

describe('Extension activation', () => {
  let extension: vscode.Extension<unknown>;
  let manifest: Manifest;

  before(async () => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `extension ${EXTENSION_ID} is not installed in the test instance`);
    extension = found;
    // Read from disk rather than from extension.packageJSON, so a mismatch between the two shows.
    manifest = JSON.parse(readFileSync(join(extension.extensionPath, 'package.json'), 'utf8')) as Manifest;
    await extension.activate();
  });

  it('is the extension under development, by its publisher and name', () => {
    assert.equal(`${manifest.publisher}.${manifest.name}`, EXTENSION_ID);
  });

  it('activates', () => {
    assert.equal(extension.isActive, true);
  });

  it('registers every command it contributes', async () => {
    const contributed = (manifest.contributes?.commands ?? []).map((entry) => entry.command);
    assert.ok(contributed.includes('intervals.showLog'), 'package.json contributes intervals.showLog');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((command) => !registered.has(command));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('runs Intervals: Show Log without error (the UI suite checks that the Intervals output opens)', async () => {
    await vscode.commands.executeCommand('intervals.showLog');
  });

  it('reads intervals.apiUrl from the user settings, pointing at the fake server', () => {
    const { url } = fakeServerFromEnvironment();
    const setting = vscode.workspace.getConfiguration('intervals').inspect<string>('apiUrl');
    assert.equal(setting?.globalValue, url);
    assert.equal(vscode.workspace.getConfiguration('intervals').get<string>('apiUrl'), url);
    assert.notEqual(setting?.defaultValue, url);
  });
});
