import * as assert from 'node:assert/strict';
import { afterEach, before, beforeEach, describe, it } from 'mocha';
import { startTestProxy, type TestProxy } from '../unit/helpers/httpProxy';
import { extensionGraph, fakeServer, type Graph, setSetting, signIn, signOut } from './helpers';

// VS Code's proxy settings in the extension host, with a real proxy on loopback: they apply to
// the signed-in account's requests as soon as they change. Other features send requests of their
// own meanwhile, so the tests prove the route by what happens when the proxy is not there.

/** Nothing listens here: a request sent through it fails. */
const DEAD_PROXY = 'http://127.0.0.1:9';

describe('Sign in: connection settings', () => {
  let graph: Graph;
  let proxy: TestProxy | undefined;
  const fake = fakeServer();

  async function update(section: string, value: unknown): Promise<void> {
    const before = graph.session.client;
    await setSetting(`http.${section}`, value);
    assert.notEqual(graph.session.client, before, `the session takes up the new ${section}`);
  }

  async function me(): Promise<string> {
    const client = graph.session.client;
    assert.ok(client, 'signed in');
    return (await client.me()).firstName ?? '';
  }

  before(async () => {
    graph = await extensionGraph();
  });

  beforeEach(async () => {
    await fake.control.reset();
    await signIn('admin');
    proxy = await startTestProxy();
  });

  afterEach(async () => {
    for (const section of ['proxy', 'noProxy', 'proxyStrictSSL']) {
      await setSetting(`http.${section}`, undefined);
    }
    await signOut();
    await proxy?.close();
  });

  it('sends the requests through http.proxy as soon as it is set, and directly once it is cleared', async () => {
    assert.ok(proxy);
    // NO_PROXY of the machine running the tests must not decide: name another host.
    await update('noProxy', ['example.invalid']);
    await update('proxy', proxy.url);
    assert.equal(await me(), 'Ada');
    assert.ok(
      proxy.seen.some((request) => request.method === 'CONNECT' && request.target === new URL(fake.url).host),
      'the proxy carried requests to Intervals',
    );

    // With the proxy gone, requests fail: they depend on it.
    await proxy.close();
    proxy = undefined;
    await assert.rejects(me(), (error: Error & { kind?: string }) => error.kind === 'network');
    assert.equal(graph.session.state.signedIn, true, 'a proxy that is down does not sign out');

    // Cleared, requests go directly again.
    await update('proxy', undefined);
    assert.equal(await me(), 'Ada');
  });

  it('keeps the hosts in http.noProxy off the proxy', async () => {
    await update('noProxy', ['127.0.0.1']);
    await update('proxy', DEAD_PROXY);
    assert.equal(await me(), 'Ada', 'the request went directly, past a proxy that would have failed it');
  });

  it('fails the requests through a proxy that is not there, and says it could not reach Intervals', async () => {
    await update('noProxy', ['example.invalid']);
    await update('proxy', DEAD_PROXY);
    await assert.rejects(me(), (error: Error & { kind?: string }) => error.kind === 'network');
  });
});
