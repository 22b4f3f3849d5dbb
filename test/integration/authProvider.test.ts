import * as assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { TestHooks } from '../../src/testHooks';
import { eventually, extensionHooks, fakeServer, signIn, signOut, token, typeIntoQuickInput } from './helpers';

const PROVIDER = 'intervals';
const SECRET_KEY = 'intervals.credentials';

/** Session-change events VS Code forwarded for the Intervals provider since the last `clear()`. */
function recordSessionChanges(): { readonly count: () => number; clear(): void; dispose(): void } {
  let count = 0;
  const subscription = vscode.authentication.onDidChangeSessions((event) => {
    if (event.provider.id === PROVIDER) {
      count++;
    }
  });
  return {
    count: () => count,
    clear: () => {
      count = 0;
    },
    dispose: () => subscription.dispose(),
  };
}

describe('Sign in: Accounts menu (authentication provider)', () => {
  let hooks: TestHooks;
  const fake = fakeServer();
  let changes: ReturnType<typeof recordSessionChanges>;

  before(async () => {
    hooks = await extensionHooks();
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
    assert.deepEqual(await hooks.authProvider.getSessions(), []);
    assert.equal(await vscode.authentication.getSession(PROVIDER, [], { silent: true }), undefined);
  });

  it('tells VS Code when the account signs in and out', async () => {
    const before = changes.count();
    await signIn('manager');
    await eventually(() => changes.count() > before, 'VS Code hears of the new session');
    const [session] = await hooks.authProvider.getSessions();
    assert.equal(session?.account.label, 'Grace Hopper');
    assert.equal(session?.accessToken, token('manager'));
    const signedIn = changes.count();
    await signOut();
    await eventually(() => changes.count() > signedIn, 'VS Code hears the session is gone');
  });

  it('keeps the token from an extension the user has not allowed, and hands the signed-in session to VS Code without a second sign-in', async () => {
    await signIn('admin');
    await fake.control.clearRequests();

    // Silent requests of an extension the user has not allowed get nothing: VS Code guards the
    // token (createIfNone would ask the user in a dialog, which extension tests cannot show).
    assert.equal(await vscode.authentication.getSession(PROVIDER, [], { silent: true }), undefined);

    // What VS Code calls once the user allows it: the signed-in account, no prompt, no request.
    const session = await hooks.authProvider.createSession([]);
    assert.equal(session.accessToken, token('admin'));
    assert.equal(session.account.label, 'Ada Lovelace');
    assert.equal(session.account.id, '1');
    const [listed] = await hooks.authProvider.getSessions(['any', 'scopes']);
    assert.equal(listed?.id, session.id);
    const checks = (await fake.control.requests()).filter((request) => request.path.startsWith('/me'));
    assert.equal(checks.length, 0, 'no token prompt and no new check of the token');
    assert.equal(hooks.session.state.signedIn, true);
  });

  it('signs out when VS Code removes the session (Accounts menu → Sign Out)', async () => {
    const before = changes.count();
    await signIn('admin');
    // Events arrive in order: once the sign-in's has, nothing older can follow.
    await eventually(() => changes.count() > before, 'VS Code hears of the new session');
    const [session] = await hooks.authProvider.getSessions();
    assert.ok(session);
    changes.clear();

    await hooks.authProvider.removeSession(session.id);

    assert.equal(hooks.session.state.signedIn, false);
    assert.equal(await hooks.secrets.get(SECRET_KEY), undefined);
    await eventually(() => hooks.contextKeys.get('intervals.signedIn') === false, 'the signed-in context key follows');
    await eventually(() => changes.count() === 1, 'VS Code hears the session is gone');
    assert.equal(await vscode.authentication.getSession(PROVIDER, [], { silent: true }), undefined);
    assert.deepEqual(await hooks.authProvider.getSessions(), []);
  });

  it('ignores the removal of a session that is no longer the current one', async () => {
    await signIn('admin');
    await hooks.authProvider.removeSession('intervals-2');
    assert.equal(hooks.session.state.signedIn, true, 'the current account stays signed in');
    assert.ok(await hooks.secrets.get(SECRET_KEY));
  });

  it('asks for the token when VS Code wants a session while signed out, and signs in with it', async () => {
    const created = hooks.authProvider.createSession([]);
    typeIntoQuickInput(token('resource'));
    const session = await created;
    assert.equal(session.account.label, 'Ravi Patel');
    assert.equal(session.accessToken, token('resource'));
    assert.equal(hooks.session.state.signedIn, true);
    const checks = (await fake.control.requests()).filter((request) => request.path.startsWith('/me'));
    assert.equal(checks.length, 1, 'the typed token was checked against /me/ once');
  });

  it('creates no session when the token prompt is dismissed', async () => {
    let settled = false;
    const created = hooks.authProvider.createSession([]).finally(() => {
      settled = true;
    });
    created.catch(() => undefined);
    await eventually(async () => {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      return settled;
    }, 'the dismissed prompt ends the request');
    await assert.rejects(created, /cancelled/);
    assert.equal(hooks.session.state.signedIn, false);
    assert.equal(hooks.session.client, undefined, 'no client, so nothing can be sent');
  });
});
