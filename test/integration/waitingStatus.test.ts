import * as assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { LogTimeResult } from '../../src/commands/time/logTime';
import { extensionGraph, fakeServer, type Graph, moveClock, setClock, settled, signIn, signOut } from './helpers';

describe('Entries waiting to sync (status bar)', () => {
  const fake = fakeServer();
  let graph: Graph;

  before(async () => {
    graph = await extensionGraph();
  });

  beforeEach(async () => {
    await fake.control.reset();
    await signIn('admin');
    for (const item of await graph.sync.waiting()) {
      await graph.sync.discard(item.id);
    }
  });

  afterEach(async () => {
    setClock(graph, 0);
    await fake.control.clearFaults();
    for (const item of await graph.sync.waiting()) {
      await graph.sync.discard(item.id);
    }
  });

  after(async () => {
    await signOut();
  });

  it('counts an entry kept after a dropped connection, and hides once it is sent', async () => {
    assert.equal(graph.waitingStatus.view.visible, false);
    await fake.control.dropNext(1, { method: 'POST', resource: 'time' });
    const result = await vscode.commands.executeCommand<LogTimeResult>('intervals.logTime', { taskId: 1, hours: 0.5, worktypeId: 1, description: 'kept while offline' });
    assert.equal(result.status, 'queued');
    await settled();
    assert.ok(graph.waitingStatus.view.visible, 'the status bar counts the waiting entry');
    assert.equal(graph.waitingStatus.view.text, '$(cloud-upload) 1');
    // A send dropped after it went out may have arrived: it is looked up once the wait has passed.
    moveClock(graph, 10 * 60_000);
    await vscode.commands.executeCommand('intervals.retrySync');
    await settled();
    assert.ok(!graph.waitingStatus.view.visible, 'the item hides once the entry is sent');
    assert.equal((await fake.control.rows('time')).filter((row) => row.description === 'kept while offline').length, 1);
  });

  it('warns about an entry Intervals refused on a later attempt', async () => {
    await fake.control.dropNext(1, { method: 'POST', resource: 'time' });
    await vscode.commands.executeCommand<LogTimeResult>('intervals.logTime', { taskId: 1, hours: 0.5, worktypeId: 1, description: 'refused later' });
    await fake.control.failNext(1, { status: 403, code: 10 }, { method: 'POST', resource: 'time' });
    moveClock(graph, 10 * 60_000);
    await vscode.commands.executeCommand('intervals.retrySync');
    await settled();
    assert.ok(graph.waitingStatus.view.warning, 'the item warns');
    assert.equal(graph.waitingStatus.view.text, '$(warning) 1');
    assert.match(graph.waitingStatus.view.tooltip, /refused by Intervals: retry or discard it in My Time/);
  });
});
