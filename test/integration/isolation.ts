import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type Mocha from 'mocha';
import * as vscode from 'vscode';
import { answerNotifications, answerPrompts, EXTENSION_ID, fakeServer, setClock, type Graph } from './helpers';

/**
 * What keeps one integration test from leaning on another. Every top-level suite starts from the
 * same place (nobody signed in, a reset fake server, an empty state folder, no remembered answers,
 * the test profile's settings, the Intervals views closed); after every test, work the test left
 * running (a sync pass, a poll, a request the fake is still answering) fails that test by name;
 * and a suite that leaves a setting changed fails in its "after all" hook.
 */

const SETTINGS_SECTION = 'intervals';

/** The extension's own settings, as the test profile sets them before any test runs. */
let baseline: Map<string, unknown> | undefined;

function settingKeys(): string[] {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  const properties = (extension?.packageJSON as { contributes?: { configuration?: { properties?: Record<string, unknown> } } } | undefined)?.contributes
    ?.configuration?.properties;
  return Object.keys(properties ?? {}).map((key) => key.slice(SETTINGS_SECTION.length + 1));
}

function globalSettings(): Map<string, unknown> {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return new Map(settingKeys().map((key) => [key, config.inspect(key)?.globalValue]));
}

/** Settings that differ from the test profile, as `key: now (was)`. */
function changedSettings(): string[] {
  const now = globalSettings();
  return [...now].filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(baseline?.get(key))).map(([key, value]) => `intervals.${key}: ${JSON.stringify(value)} (was ${JSON.stringify(baseline?.get(key))})`);
}

async function restoreSettings(): Promise<void> {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  for (const [key, value] of globalSettings()) {
    const wanted = baseline?.get(key);
    if (JSON.stringify(value) !== JSON.stringify(wanted)) {
      await config.update(key, wanted, vscode.ConfigurationTarget.Global);
    }
  }
}

/** The object graph of the extension under test, already active (the suites activate it first). */
async function activeGraph(): Promise<Graph> {
  const extension = vscode.extensions.getExtension<Graph | undefined>(EXTENSION_ID);
  const graph = extension?.isActive ? extension.exports : await extension?.activate();
  if (!graph) {
    throw new Error(`${EXTENSION_ID} returns no object graph`);
  }
  return graph;
}

/** Work of the extension under way and requests the fake is answering, by name. */
async function leftUnderWay(graph: Graph): Promise<string[]> {
  const work = graph.work.snapshot();
  const requests = await fakeServer().control.inFlight();
  return [...work.running.map((name) => `${name} running`), ...requests.map((request) => `request ${request} in flight`)];
}

/** Work a window starts by itself when it gains focus: a timer poll and its request. */
function startedByFocus(entry: string): boolean {
  return entry === 'timer poll running' || /^request GET \/timer\/?(\?|\s|$)/.test(entry);
}

/** Waits for the extension's background work, and for the fake to answer what is still in flight. */
async function settle(graph: Graph): Promise<void> {
  await graph.work.idle();
  const control = fakeServer().control;
  // A request no background work awaits (a stalled one the client gave up on) ends on its own.
  for (let round = 0; round < 500 && (await control.inFlight()).length > 0; round++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Removes what the extension keeps on disk (outbox, timers, locks, leases, reminder claims). */
async function emptyStateFolder(folder: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  for (const name of names) {
    await rm(join(folder, name), { recursive: true, force: true });
  }
}

/** Brings the extension and the fake server to the state every suite starts from. */
export async function freshStart(): Promise<void> {
  const graph = await activeGraph();
  await settle(graph);
  await vscode.commands.executeCommand('intervals.signOut');
  await settle(graph);
  const control = fakeServer().control;
  await control.reset();
  await restoreSettings();
  await emptyStateFolder(graph.stateFolder);
  const globalState = graph.context.globalState;
  for (const key of globalState.keys()) {
    await globalState.update(key, undefined);
  }
  await graph.recentTasks.clear();
  graph.lookups.clear();
  await graph.taskTree.setFilters({ showClosed: false, assignedToMe: false });
  graph.taskTree.refresh();
  // The services read the emptied folder again: no timer, nothing waiting.
  await graph.timers.load();
  setClock(graph, 0);
  answerPrompts(graph, undefined);
  answerNotifications(graph, undefined);
  // A view that is not shown asks for nothing: only a test that opens one gets its requests.
  await vscode.commands.executeCommand('workbench.view.explorer');
  await settle(graph);
  await control.clearRequests();
}

/**
 * Root hooks for the integration run: the profile's settings are read once, and whatever the
 * suites' own clean-up started is over before the next test begins.
 */
export function installIsolation(mocha: Mocha): void {
  mocha.rootHooks({
    beforeAll() {
      baseline = globalSettings();
    },
    async afterEach() {
      await settle(await activeGraph());
    },
  });
}

/**
 * Fails a test whose body returns while work it started is still under way: the check runs when
 * the test's own function is done, before any clean-up hook, so it names the test that leaked.
 */
function checkEachTest(suite: Mocha.Suite): void {
  for (const test of suite.tests) {
    const body = test.fn as ((this: Mocha.Context) => unknown) | undefined;
    if (!body || body.length > 0) {
      continue;
    }
    test.fn = async function (this: Mocha.Context) {
      // A window that gains focus asks Intervals for the timers (as it should); on a busy machine
      // the browser may blur and refocus the page while a test drives it. That poll is the
      // window's, not the test's: it is awaited, not blamed on the test.
      let refocused = false;
      const focus = vscode.window.onDidChangeWindowState((state) => (refocused ||= state.focused));
      try {
        await body.call(this);
      } finally {
        focus.dispose();
      }
      const graph = await activeGraph();
      const left = (await leftUnderWay(graph)).filter((entry) => !(refocused && startedByFocus(entry)));
      if (left.length > 0) {
        await settle(graph);
        throw new Error(`The test ended with work under way: ${left.join('; ')}. Await what it started (a command's promise, settled()) before it ends.`);
      }
      if (refocused) {
        await settle(graph);
      }
    };
  }
  suite.suites.forEach(checkEachTest);
}

/**
 * Adds the fresh start (first) and the settings check (last) to every top-level suite, and the
 * check for work left under way to every test.
 */
export function isolateSuites(root: Mocha.Suite): void {
  checkEachTest(root);
  for (const suite of root.suites) {
    suite.beforeAll('fresh start', freshStart);
    const beforeAll = (suite as unknown as { _beforeAll: Mocha.Hook[] })._beforeAll;
    beforeAll.unshift(beforeAll.pop() as Mocha.Hook);
    suite.afterAll('settings are back to the test profile', async () => {
      const changed = changedSettings();
      await restoreSettings();
      if (changed.length > 0) {
        throw new Error(`The suite left settings changed: ${changed.join('; ')}`);
      }
    });
  }
}
