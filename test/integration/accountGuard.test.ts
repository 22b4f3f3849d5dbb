import * as assert from 'node:assert/strict';
import { afterEach, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { answerNotifications, closeQuickInput, extensionGraph, fakeServer, type Graph, settled, signOut, token, typeIntoQuickInput } from './helpers';

// A command that needs an account, run signed out: the offer to sign in comes first (answered
// here through the test hook, since a notification cannot be clicked from the extension host).

describe('Sign in: commands offer sign-in first', () => {
  let graph: Graph;
  const fake = fakeServer();
  let offers: string[] = [];

  before(async () => {
    graph = await extensionGraph();
  });

  beforeEach(async () => {
    await signOut();
    await fake.control.reset();
    offers = [];
  });

  afterEach(async () => {
    answerNotifications(graph, undefined);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await signOut();
  });

  it('does nothing and sends nothing when the offer is dismissed', async () => {
    answerNotifications(graph, (_severity, message) => {
      offers.push(message);
      return Promise.resolve(undefined);
    });
    const picked = await vscode.commands.executeCommand('intervals.findTask', { pick: true });
    assert.equal(picked, undefined);
    assert.deepEqual(offers, ['Sign in to Intervals to find a task.']);
    const sent = (await fake.control.requests()).filter((request) => request.path.startsWith('/task') || request.path.startsWith('/me'));
    assert.equal(sent.length, 0, 'the command sent nothing (no token check, no task list)');
    assert.equal(graph.session.state.signedIn, false);
  });

  it('signs in through the token prompt when the offer is taken, then carries on with the command', async () => {
    answerNotifications(graph, (_severity, message) => {
      offers.push(message);
      typeIntoQuickInput(token('admin'));
      return Promise.resolve('Sign In');
    });
    // Once signed in, the command goes on to its task picker; closing it ends the command.
    closeQuickInput('Type a task title', { once: 'loaded' });
    const picked = await vscode.commands.executeCommand('intervals.findTask', { pick: true });
    assert.equal(picked, undefined);
    // The new account's timers are read at once.
    await settled();
    assert.equal(graph.session.state.signedIn, true, 'the typed token signed in');
    assert.ok((await fake.control.requests()).some((request) => request.path.startsWith('/task')), 'the task picker asked Intervals for the open tasks');
    assert.equal(offers.length, 1);
    const checks = (await fake.control.requests()).filter((request) => request.path.startsWith('/me'));
    assert.equal(checks.length, 1, 'the token was checked once');
  });
});
