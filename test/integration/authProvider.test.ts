import * as assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { closeQuickInput, extensionGraph, fakeServer, type Graph, settled, signIn, signOut, token, typeIntoQuickInput } from './helpers';

const PROVIDER = 'intervals';
const SECRET_KEY = 'intervals.credentials';

/** Session-change events VS Code forwarded for the Intervals provider since the last `clear()`. */
function recordSessionChanges(): { readonly count: () => number; reaches(count: number): Promise<void>; clear(): void; dispose(): void } {
  let count = 0;
  const waiting = new Set<{ readonly count: number; readonly resolve: () => void }>();
  const subscription = vscode.authentication.onDidChangeSessions((event) => {
    if (event.provider.id === PROVIDER) {
      count++;
      for (const waiter of [...waiting].filter((candidate) => count >= candidate.count)) {
        waiting.delete(waiter);
        waiter.resolve();
      }
    }
  });
  return {
    count: () => count,
    /** Resolves once VS Code has forwarded `target` events (at once if it has). */
    reaches: (target) => (count >= target ? Promise.resolve() : new Promise((resolve) => waiting.add({ count: target, resolve }))),
    clear: () => {
      count = 0;
    },
    dispose: () => subscription.dispose(),
  };
}

describe('Sign in: Accounts menu (authentication provider)', () => {
  let graph: Graph;
  const fake = fakeServer();
  let changes: ReturnType<typeof recordSessionChanges>;

  before(async () => {
    graph = await extensionGraph();
    changes = recordSessionChanges();
  });

  beforeEach(async () => {
    await fake.control.reset();
    await signOut();
  });

  after(async () => {
    changes.dispose();
    await signOut();
  });

  it('offers no session while signed out', async () => {
    assert.deepEqual(await graph.authProvider.getSessions(), []);
    assert.equal(await vscode.authentication.getSession(PROVIDER, [], { silent: true }), undefined);
  });

  it('tells VS Code when the account signs in and out', async () => {
    const before = changes.count();
    await signIn('manager');
    await changes.reaches(before + 1);
    const [session] = await graph.authProvider.getSessions();
    assert.equal(session?.account.label, 'Grace Hopper');
    assert.equal(session?.accessToken, token('manager'));
    const signedIn = changes.count();
    await signOut();
    await changes.reaches(signedIn + 1);
  });

  it('keeps the token from an extension the user has not allowed, and hands the signed-in session to VS Code without a second sign-in', async () => {
    await signIn('admin');
    await fake.control.clearRequests();

    // Silent requests of an extension the user has not allowed get nothing: VS Code guards the
    // token (createIfNone would ask the user in a dialog, which extension tests cannot show).
    assert.equal(await vscode.authentication.getSession(PROVIDER, [], { silent: true }), undefined);

    // What VS Code calls once the user allows it: the signed-in account, no prompt, no request.
    const session = await graph.authProvider.createSession([]);
    assert.equal(session.accessToken, token('admin'));
    assert.equal(session.account.label, 'Ada Lovelace');
    assert.equal(session.account.id, '1');
    const [listed] = await graph.authProvider.getSessions(['any', 'scopes']);
    assert.equal(listed?.id, session.id);
    const checks = (await fake.control.requests()).filter((request) => request.path.startsWith('/me'));
    assert.equal(checks.length, 0, 'no token prompt and no new check of the token');
    assert.equal(graph.session.state.signedIn, true);
  });

  it('signs out when VS Code removes the session (Accounts menu → Sign Out)', async () => {
    const before = changes.count();
    await signIn('admin');
    // Events arrive in order: once the sign-in's has, nothing older can follow.
    await changes.reaches(before + 1);
    const [session] = await graph.authProvider.getSessions();
    assert.ok(session);
    changes.clear();

    await graph.authProvider.removeSession(session.id);

    assert.equal(graph.session.state.signedIn, false);
    assert.equal(await graph.context.secrets.get(SECRET_KEY), undefined);
    assert.equal(graph.contextKeys.get('intervals.signedIn'), false, 'the signed-in context key follows');
    await changes.reaches(1);
    assert.equal(changes.count(), 1, 'VS Code hears the session is gone, once');
    assert.equal(await vscode.authentication.getSession(PROVIDER, [], { silent: true }), undefined);
    assert.deepEqual(await graph.authProvider.getSessions(), []);
  });

  it('ignores the removal of a session that is no longer the current one', async () => {
    await signIn('admin');
    await graph.authProvider.removeSession('intervals-2');
    assert.equal(graph.session.state.signedIn, true, 'the current account stays signed in');
    assert.ok(await graph.context.secrets.get(SECRET_KEY));
  });

  it('asks for the token when VS Code wants a session while signed out, and signs in with it', async () => {
    const created = graph.authProvider.createSession([]);
    typeIntoQuickInput(token('resource'));
    const session = await created;
    // A new account's timers are read at once: let that finish within this test.
    await settled();
    assert.equal(session.account.label, 'Ravi Patel');
    assert.equal(session.accessToken, token('resource'));
    assert.equal(graph.session.state.signedIn, true);
    const checks = (await fake.control.requests()).filter((request) => request.path.startsWith('/me'));
    assert.equal(checks.length, 1, 'the typed token was checked against /me/ once');
  });

  it('creates no session when the token prompt is dismissed', async () => {
    closeQuickInput('API token');
    await assert.rejects(graph.authProvider.createSession([]), /cancelled/);
    assert.equal(graph.session.state.signedIn, false);
    assert.equal(graph.session.client, undefined, 'no client, so nothing can be sent');
  });
});
