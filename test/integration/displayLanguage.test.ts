import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { InputRequest, PickManyRequest, PickRequest } from '../../src/prompts/asker';
import { opening } from './scriptedAsker';
import { EXTENSION_ID, answerPrompts, extensionGraph, fakeServer, settled, signIn, signOut, type Graph } from './helpers';

const TASK = 1; // "Homepage hero & navigation"

/** The display-language module every bundle of the running extension shares (dist/display-locale.js). */
interface DisplayLocaleModule {
  displayLocale(): string;
  setDisplayLocale(language: string | undefined): void;
}

describe('Display language formatting', () => {
  let graph: Graph;
  let shared: DisplayLocaleModule;
  const fake = fakeServer();

  before(async () => {
    graph = await extensionGraph();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    // The very file dist/extension.js and dist/commands.js require: Node's module cache hands out one instance.
    shared = require(join(extension.extensionPath, 'dist', 'display-locale.js')) as DisplayLocaleModule; // eslint-disable-line @typescript-eslint/no-require-imports
    await fake.control.reset();
    await signIn('admin');
  });

  afterEach(() => {
    shared.setDisplayLocale(vscode.env.language);
    answerPrompts(graph, undefined);
  });

  after(async () => {
    await signOut();
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  it('is set from VS Code’s display language at activation', () => {
    assert.equal(shared.displayLocale().toLowerCase(), vscode.env.language.toLowerCase());
  });

  /** Runs Log Time on a task up to its duration step; what that step makes of `typed`, then cancels. */
  async function durationExplained(typed: string): Promise<string | undefined> {
    let explained: string | undefined;
    let asked = false;
    answerPrompts(graph, {
      async pick<T>(request: PickRequest<T>): Promise<T | undefined> {
        const items = [...request.items, ...(request.more ? await request.more().catch(() => []) : [])];
        return (opening({ ...request, items }) ?? items[0])?.value;
      },
      pickMany<T>(step: PickManyRequest<T>): Promise<T[] | undefined> {
        return Promise.reject(new Error(`no multiple choice expected (${step.placeholder ?? ''})`));
      },
      input(step: InputRequest): Promise<string | undefined> {
        const meaning = step.explain?.(typed);
        if (!asked && step.validate?.(typed) === undefined && meaning?.includes('=')) {
          asked = true;
          explained = meaning;
          return Promise.resolve(undefined);
        }
        return Promise.resolve(step.value || 'today');
      },
    });
    // Given only the task, Log Time asks for the rest: the day, then the duration.
    await vscode.commands.executeCommand('intervals.logTime', { taskId: TASK });
    await settled();
    assert.ok(asked, 'Log Time asked for the duration');
    return explained;
  }

  it('formats the amounts the lazily loaded commands show for the language the extension set', async () => {
    assert.equal(await durationExplained('1,5'), '1 h 30 min = 1.50 h', 'English: a decimal point, and 1,5 is read as 1.5 hours');
    shared.setDisplayLocale('de');
    assert.equal(await durationExplained('1,5'), '1 h 30 min = 1,50 h', 'German: a decimal comma (the strings stay the English bundle here)');
    assert.equal(await durationExplained('1.5'), '1 h 30 min = 1,50 h', 'and 1.5 is still read as 1.5 hours');
  });
});
