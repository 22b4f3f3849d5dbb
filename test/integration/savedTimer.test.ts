import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { isRunning } from '../../src/timer/timerModel';
import { extensionGraph, fakeServer, type Graph, settled, signIn, signOut } from './helpers';

const TASK = 1; // "Homepage hero & navigation", local id 1001

describe('A timer saved on this computer', () => {
  let graph: Graph;
  const fake = fakeServer();

  before(async () => {
    graph = await extensionGraph();
  });

  after(async () => {
    await fake.control.clearFaults();
    await signOut();
  });

  it('shows in the status bar as soon as the account is known, without an answer from Intervals', async () => {
    await signIn('admin');
    await vscode.commands.executeCommand('intervals.startTimer', { taskId: TASK });
    await settled();
    await signOut();
    assert.equal(graph.timers.entries.length, 0, 'signed out, no timer is shown');

    // The timer list that signing in asks for is refused: what shows comes from the state file.
    await fake.control.clearRequests();
    await fake.control.failNext(1, { status: 403, code: 10 }, { method: 'GET', resource: 'timer' });
    await signIn('admin');

    const timerRequests = (await fake.control.requests()).filter((request) => request.method === 'GET' && request.resource === 'timer');
    assert.deepEqual(
      timerRequests.map((request) => request.status),
      [403],
      'signing in asked for the timers once, and was refused',
    );
    const running = graph.timers.entries.find((entry) => isRunning(entry.timer));
    assert.equal(running?.timer.taskId, TASK);
    assert.match(graph.statusBar.view?.text ?? '', /^\$\(clock\) \d+:\d\d #1001 /);
  });
});
