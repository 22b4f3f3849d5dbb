import * as assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { DataChange } from '../../src/common/dataChanges';
import type { NotificationSeverity } from '../../src/common/notifier';
import type { ExtensionGraph } from '../../src/extension';
import type { Asker } from '../../src/prompts/asker';
import { FakeIntervalsControl } from '../fake-intervals/control';
import { fakeServerFromEnvironment, type FakeServerAddress } from '../runners/environmentVariables';
import { UI_REQUESTS_ENV, formatUiRequest, type UiRequest } from '../runners/uiRequests';

export const EXTENSION_ID = 'intervals-vscode.intervals-vscode';

/** The objects `activate` built, as the extension returns them in test mode. */
export type Graph = ExtensionGraph;

/** Activates the extension under test and returns the object graph it built. */
export async function extensionGraph(): Promise<Graph> {
  const extension = vscode.extensions.getExtension<Graph | undefined>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in the test instance`);
  const graph = await extension.activate();
  assert.ok(graph, 'the extension returns its object graph in test mode');
  await graph.session.restore();
  return graph;
}

/** Answers a notification in place of the user: the button to choose, or undefined to dismiss it. */
export type NotificationAnswer = (severity: NotificationSeverity, message: string, actions: readonly string[]) => PromiseLike<string | undefined>;

/**
 * Answers the notifications the extension shows through its notifier (the sign-in offer, Retry,
 * Edit and Try Again), since a notification cannot be clicked from the extension host; undefined
 * shows them again. The notifier's own `show` is replaced on the object, as a stub.
 */
export function answerNotifications(graph: Graph, answer: NotificationAnswer | undefined): void {
  const notifier = graph.notifier as unknown as Record<string, unknown>;
  if (answer === undefined) {
    delete notifier.show;
  } else {
    notifier.show = (severity: NotificationSeverity, message: string, ...actions: string[]) => answer(severity, message, actions);
  }
}

/** Answers the steps of the multi-step commands from `asker` (a script) instead of the quick input; undefined puts the quick input back. */
export function answerPrompts(graph: Graph, asker: Asker | undefined): void {
  const target = graph.asker as unknown as Record<string, unknown>;
  for (const method of ['pick', 'pickMany', 'input'] as const) {
    if (asker === undefined) {
      delete target[method];
    } else {
      target[method] = asker[method].bind(asker);
    }
  }
}

const clockOffsets = new WeakMap<object, number>();

/** Sets the extension's clock `offsetMs` ahead of the computer's (negative: behind); 0 puts it back. */
export function setClock(graph: Graph, offsetMs: number): void {
  const clock = graph.clock as unknown as Record<string, unknown>;
  clockOffsets.set(graph.clock, offsetMs);
  if (offsetMs === 0) {
    delete clock.now;
  } else {
    clock.now = () => new Date(Date.now() + offsetMs);
  }
}

/** Moves the extension's clock on by `ms`, as if that much time had passed at once. */
export function moveClock(graph: Graph, ms: number): void {
  setClock(graph, (clockOffsets.get(graph.clock) ?? 0) + ms);
}

/** Sets the extension's clock to run from `date` on (the tests of a fixed "today"). */
export function runClockFrom(graph: Graph, date: Date): void {
  setClock(graph, date.getTime() - Date.now());
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
  await settled();
  return result;
}

export async function signOut(): Promise<void> {
  await vscode.commands.executeCommand('intervals.signOut');
  // Signing out reads the timers file again and stops what waits: let that finish.
  await settled();
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

/** Resolves once the extension's background work (sync passes, polls, reloads, redraws) is done. */
export async function settled(): Promise<void> {
  await (await extensionGraph()).work.idle();
}

/**
 * Resolves with the next data change the extension announces that `matches` (an entry logged, a
 * timer deleted). Call it before the action that causes the change.
 */
export function nextChange(graph: Graph, matches: (change: DataChange) => boolean): Promise<DataChange> {
  return new Promise((resolve) => {
    const listener = graph.changes.onDidChange((change) => {
      if (matches(change)) {
        listener.dispose();
        resolve(change);
      }
    });
  });
}

/**
 * Resolves once `seen` (the changes a test records) holds one that `matches`, at once if it does:
 * for a change made by work the test cannot await (the Retry of a notification).
 */
export function changeSeen(graph: Graph, seen: readonly DataChange[], matches: (change: DataChange) => boolean): Promise<void> {
  return seen.some(matches) ? Promise.resolve() : nextChange(graph, matches).then(() => undefined);
}

/** Resolves once the tree view's first selected row satisfies `matches` (VS Code reports a selection after a reveal). */
export function selected<T>(view: vscode.TreeView<T>, matches: (node: T | undefined) => boolean): Promise<T | undefined> {
  if (matches(view.selection[0])) {
    return Promise.resolve(view.selection[0]);
  }
  return new Promise((resolve) => {
    const listener = view.onDidChangeSelection((event) => {
      if (matches(event.selection[0])) {
        listener.dispose();
        resolve(event.selection[0]);
      }
    });
  });
}

/** Resolves once the account session's state satisfies `matches` (at once if it does). */
export function sessionState(graph: Graph, matches: (state: Graph['session']['state']) => boolean): Promise<void> {
  if (matches(graph.session.state)) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const listener = graph.session.onDidChange((state) => {
      if (matches(state)) {
        listener.dispose();
        resolve();
      }
    });
  });
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

/**
 * Sets a user setting (`intervals.timerWarningHours`, `http.proxy`; undefined removes it) and
 * resolves once VS Code announced the change and the extension finished what the change started
 * (a new client, a sync pass, a reload), so that nothing of it runs on into the test.
 */
export async function setSetting(key: string, value: unknown): Promise<void> {
  const dot = key.indexOf('.');
  const config = vscode.workspace.getConfiguration(key.slice(0, dot));
  const name = key.slice(dot + 1);
  if (JSON.stringify(config.inspect(name)?.globalValue) !== JSON.stringify(value)) {
    // The extension's own listener was registered at activation, so it has run when this one does.
    const announced = new Promise<void>((resolve) => {
      const listener = vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(key)) {
          listener.dispose();
          resolve();
        }
      });
    });
    await config.update(name, value, vscode.ConfigurationTarget.Global);
    await announced;
  }
  await (await extensionGraph()).work.idle();
}

export async function setApiUrl(url: string | undefined): Promise<void> {
  await setSetting('intervals.apiUrl', url);
}

function askThePage(request: UiRequest): void {
  assert.equal(process.env[UI_REQUESTS_ENV], '1', 'this test answers a VS Code prompt: run it with the code-server runner (npm run test:integration)');
  console.log(formatUiRequest(request));
}

/** Types into the quick input that is open (or opens next) and presses Enter, through the runner. */
export function typeIntoQuickInput(text: string): void {
  askThePage({ kind: 'typeIntoQuickInput', text });
}

/**
 * Runs a command that shows a quick pick, has the runner click the row holding `text` once it is
 * drawn (as a user would, after the list loaded), and returns what the command returned.
 */
export async function chooseInQuickPick<T>(command: Thenable<T>, text: string): Promise<T> {
  askThePage({ kind: 'chooseQuickPickItem', text });
  return command;
}

/**
 * Has the runner press Escape in the quick input whose placeholder holds `placeholder`, once it
 * shows (with `once: 'loaded'`, once its list shows rows; with `title`, once its title holds it).
 */
export function closeQuickInput(placeholder: string, options: { once?: 'shown' | 'loaded'; title?: string } = {}): void {
  askThePage({ kind: 'closeQuickInput', placeholder, ...(options.once === 'loaded' ? { loaded: true } : {}), ...(options.title !== undefined ? { title: options.title } : {}) });
}
