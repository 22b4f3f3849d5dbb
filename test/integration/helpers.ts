import * as assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { TestHooks } from '../../src/testHooks';
import { FakeIntervalsControl } from '../fake-intervals/control';
import { fakeServerFromEnvironment, type FakeServerAddress } from '../runners/environmentVariables';
import { UI_REQUESTS_ENV, formatUiRequest } from '../runners/uiRequests';

export const EXTENSION_ID = 'intervals-vscode.intervals-vscode';

/** Activates the extension under test and returns what it exposes in test mode. */
export async function extensionHooks(): Promise<TestHooks> {
  const extension = vscode.extensions.getExtension<TestHooks | undefined>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in the test instance`);
  const hooks = await extension.activate();
  assert.ok(hooks, 'the extension exports its test hooks in test mode');
  await hooks.session.restore();
  return hooks;
}

export function fakeServer(): FakeServerAddress & { control: FakeIntervalsControl } {
  const address = fakeServerFromEnvironment();
  return { ...address, control: new FakeIntervalsControl(address.url) };
}

export function token(role: 'admin' | 'manager' | 'resource' | 'executive'): string {
  const value = fakeServerFromEnvironment().tokens[role];
  assert.ok(value, `the fake server has a ${role} token`);
  return value;
}

export interface SignInOutcome {
  ok: boolean;
  message?: string;
  account?: { personId: number; name: string; group: string; apiUrl: string };
}

export async function signIn(role: 'admin' | 'manager' | 'resource' | 'executive' = 'admin'): Promise<SignInOutcome> {
  const result = await vscode.commands.executeCommand<SignInOutcome>('intervals.signIn', { token: token(role) });
  assert.equal(result?.ok, true, `signing in as ${role}: ${result?.message ?? ''}`);
  // A new account's timers are read at once; let that finish so tests count only their own requests.
  await (await extensionHooks()).timers.settled();
  return result;
}

export async function signOut(): Promise<void> {
  await vscode.commands.executeCommand('intervals.signOut');
}

/** Every file under the extension's log folder, concatenated. */
export async function readLogs(logUri: vscode.Uri): Promise<string> {
  const texts: string[] = [];
  async function walk(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        await walk(path);
      } else {
        texts.push(await readFile(path, 'utf8'));
      }
    }
  }
  await walk(logUri.fsPath);
  return texts.join('\n');
}

/** Polls a condition driven by events the test cannot await directly; fails with `what` on timeout. */
export async function eventually(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      assert.fail(`timed out waiting until ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function setApiUrl(url: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('intervals').update('apiUrl', url, vscode.ConfigurationTarget.Global);
}

/** Types into the quick input that is open (or opens next) and presses Enter, through the runner. */
export function typeIntoQuickInput(text: string): void {
  assert.equal(process.env[UI_REQUESTS_ENV], '1', 'this test types into a VS Code prompt: run it with the code-server runner (npm run test:integration)');
  console.log(formatUiRequest({ kind: 'typeIntoQuickInput', text }));
}
