import * as assert from 'node:assert/strict';
import { afterEach, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { eventually, extensionGraph, fakeServer, type Graph, readLogs, sessionState, setApiUrl, settled, signIn, type SignInOutcome, signOut, token, typeIntoQuickInput } from './helpers';

const SECRET_KEY = 'intervals.credentials';

describe('Sign in and sign out', () => {
  let graph: Graph;
  const fake = fakeServer();

  before(async () => {
    graph = await extensionGraph();
  });

  beforeEach(async () => {
    await fake.control.reset();
    await signOut();
  });

  afterEach(async () => {
    await fake.control.clearFaults();
    await setApiUrl(fake.url);
    await signOut();
  });

  async function requestCount(): Promise<number> {
    return (await fake.control.requests()).length;
  }

  it('signs in with a token argument after checking it against /me/, and keeps it only in SecretStorage', async () => {
    const result = await signIn('admin');
    assert.equal(result.account?.group, 'Administrator');
    assert.ok(result.account?.name, 'the account has a name');
    const me = (await fake.control.requests()).filter((r) => r.path.startsWith('/me'));
    assert.equal(me.length, 1, 'exactly one /me/ request checks the token');

    const stored = await graph.context.secrets.get(SECRET_KEY);
    assert.ok(stored?.includes(token('admin')), 'the token is in SecretStorage');
    assert.equal(graph.session.state.signedIn, true);
    assert.equal(graph.contextKeys.get('intervals.signedIn'), true);

    const settings = JSON.stringify(vscode.workspace.getConfiguration('intervals'));
    assert.ok(!settings.includes(token('admin')), 'the token is not in the settings');
    for (const key of graph.context.globalState.keys()) {
      assert.ok(!JSON.stringify(graph.context.globalState.get(key)).includes(token('admin')), `globalState ${key} has no token`);
    }
    // The log reaches its file on VS Code's schedule: once the sign-in line is there, no line may hold the token or its Basic form.
    await eventually(async () => /Signed in as/.test(await readLogs(graph.context.logUri)), 'the sign-in is logged', 15_000);
    const logs = await readLogs(graph.context.logUri);
    assert.ok(!logs.includes(token('admin')), 'the token is not in the log');
    assert.ok(!logs.includes(Buffer.from(`${token('admin')}:X`).toString('base64')), 'the Authorization header is not in the log');
  });

  it('signs in through the token prompt when run without a token', async () => {
    const result = vscode.commands.executeCommand<SignInOutcome>('intervals.signIn');
    typeIntoQuickInput(token('executive'));
    const outcome = await result;
    assert.equal(outcome?.ok, true, outcome?.message);
    assert.equal(outcome?.account?.group, 'Executive');
    assert.equal(graph.session.state.signedIn, true);
    assert.ok((await graph.context.secrets.get(SECRET_KEY))?.includes(token('executive')));
    // Signing in reads the new account's timers and time entries: let that finish.
    await settled();
  });

  it('refuses a token the server rejects, with a clear message, and stores nothing', async () => {
    const result = await vscode.commands.executeCommand<SignInOutcome>('intervals.signIn', { token: 'zzzzzzzzzzz' });
    assert.equal(result?.ok, false);
    assert.match(result?.message ?? '', /did not accept this token/);
    assert.equal(await graph.context.secrets.get(SECRET_KEY), undefined);
    assert.equal(graph.session.state.signedIn, false);
  });

  for (const [input, pattern] of [
    ['', /Enter your Intervals API token/],
    ['   ', /Enter your Intervals API token/],
    ['abc def ghi', /spaces/],
    ['abc$%^&*()!', /only letters and digits/],
  ] as const) {
    it(`refuses ${JSON.stringify(input)} before sending anything`, async () => {
      const before = await requestCount();
      const result = await vscode.commands.executeCommand<SignInOutcome>('intervals.signIn', { token: input });
      assert.equal(result?.ok, false);
      assert.match(result?.message ?? '', pattern);
      assert.equal(await requestCount(), before, 'no request was sent');
      assert.equal(await graph.context.secrets.get(SECRET_KEY), undefined);
    });
  }

  it('says the server cannot be reached when nothing listens at the API address', async () => {
    await setApiUrl('http://127.0.0.1:9/');
    const result = await vscode.commands.executeCommand<SignInOutcome>('intervals.signIn', { token: token('admin') });
    assert.equal(result?.ok, false);
    assert.match(result?.message ?? '', /Could not reach Intervals at http:\/\/127\.0\.0\.1:9\//);
    assert.equal(await graph.context.secrets.get(SECRET_KEY), undefined);
  });

  it('refuses a plain http:// address that is not this machine', async () => {
    await setApiUrl('http://intervals.example.com/');
    const result = await vscode.commands.executeCommand<SignInOutcome>('intervals.signIn', { token: token('admin') });
    assert.equal(result?.ok, false);
    assert.match(result?.message ?? '', /https/i);
  });

  it('says the server is not the Intervals API when it answers with a web page', async () => {
    await fake.control.failNext(1, { status: 200, code: 0, body: 'html' });
    const result = await vscode.commands.executeCommand<SignInOutcome>('intervals.signIn', { token: token('admin') });
    assert.equal(result?.ok, false);
    assert.match(result?.message ?? '', /did not answer like the Intervals API/);
    assert.equal(await graph.context.secrets.get(SECRET_KEY), undefined);
  });

  it('signs out, clearing the token and the signed-in state', async () => {
    await signIn('manager');
    await signOut();
    assert.equal(await graph.context.secrets.get(SECRET_KEY), undefined);
    assert.equal(graph.session.state.signedIn, false);
    assert.equal(graph.session.client, undefined);
    assert.equal(graph.contextKeys.get('intervals.signedIn'), false);
  });

  it('signs out once when the service answers 401, without a loop of failing requests', async () => {
    await signIn('admin');
    const client = graph.session.client;
    assert.ok(client);
    await fake.control.failNext(5, { status: 401, code: 9, message: 'Invalid auth' });
    await fake.control.clearRequests();
    await assert.rejects(client.me(), (error: Error & { kind?: string }) => error.kind === 'unauthorized');
    await sessionState(graph, (state) => !state.signedIn);
    await settled();
    assert.equal(await graph.context.secrets.get(SECRET_KEY), undefined);
    assert.equal(await requestCount(), 1, 'the 401 was not retried');
  });

  it("does not let a late 401 to the previous account's request sign out the account that replaced it", async () => {
    await signIn('admin');
    const previous = graph.session.client;
    assert.ok(previous);
    await fake.control.stallNext(1, 1_500, { method: 'GET', resource: 'me' });
    const late = previous.me().then(
      () => 'answered',
      (error: Error & { kind?: string }) => error.kind ?? 'failed',
    );
    await eventually(async () => (await fake.control.inFlight()).includes('GET /me/'), 'the request of the previous account is held', 15_000);
    await signIn('manager');
    // The previous token stops working while its request is held: the answer will be a 401.
    await fake.control.updateRow('person', 1, { apitoken: 'revoked-token-0000000000' });
    assert.equal(await late, 'unauthorized');
    await settled();
    const state = graph.session.state;
    assert.ok(state.signedIn && state.account.personId === 2, 'the manager stays signed in');
  });

  it('follows another window signing in and out (SecretStorage change)', async () => {
    const account = { token: token('resource'), apiUrl: fake.url, personId: 4, name: 'Other Window', group: 'Resource' };
    await graph.context.secrets.store(SECRET_KEY, JSON.stringify(account));
    await sessionState(graph, (state) => state.signedIn);
    const state = graph.session.state;
    assert.ok(state.signedIn && state.account.name === 'Other Window');
    assert.equal(graph.contextKeys.get('intervals.signedIn'), true, 'the context key follows');
    await graph.context.secrets.delete(SECRET_KEY);
    await sessionState(graph, (now) => !now.signedIn);
    await settled();
  });

  it('signs out when the API address changes to another server', async () => {
    await signIn('admin');
    await setApiUrl(fake.url.replace('127.0.0.1', 'localhost'));
    await sessionState(graph, (state) => !state.signedIn);
    assert.equal(await graph.context.secrets.get(SECRET_KEY), undefined);
  });
});
