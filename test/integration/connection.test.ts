import * as assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { TestHooks } from '../../src/testHooks';
import { startTestProxy, type TestProxy } from '../unit/helpers/httpProxy';
import { eventually, extensionHooks, fakeServer, signIn, signOut } from './helpers';

// VS Code's proxy settings in the extension host, with a real proxy on loopback: they apply to
// the signed-in account's requests as soon as they change.

describe('Sign in: connection settings', () => {
  let hooks: TestHooks;
  let proxy: TestProxy;
  const fake = fakeServer();
  const http = () => vscode.workspace.getConfiguration('http');

  async function update(section: string, value: unknown): Promise<void> {
    const before = hooks.session.client;
    await http().update(section, value, vscode.ConfigurationTarget.Global);
    await eventually(() => hooks.session.client !== before, `the session takes up the new ${section}`);
  }

  before(async () => {
    hooks = await extensionHooks();
    proxy = await startTestProxy();
  });

  beforeEach(async () => {
    await fake.control.reset();
    await signIn('admin');
    proxy.seen.length = 0;
  });

  afterEach(async () => {
    for (const section of ['proxy', 'noProxy', 'proxyStrictSSL']) {
      await http().update(section, undefined, vscode.ConfigurationTarget.Global);
    }
    await signOut();
  });

  after(async () => {
    await proxy.close();
  });

  async function me(): Promise<string> {
    const client = hooks.session.client;
    assert.ok(client, 'signed in');
    return (await client.me()).firstName ?? '';
  }

  it('sends the requests through http.proxy as soon as it is set, and directly once it is cleared', async () => {
    // NO_PROXY of the machine running the tests must not decide: name another host.
    await update('noProxy', ['example.invalid']);
    await update('proxy', proxy.url);
    assert.equal(await me(), 'Ada');
    assert.deepEqual(
      proxy.seen.map((request) => `${request.method} ${request.target}`),
      [`CONNECT ${new URL(fake.url).host}`],
    );
    assert.equal(hooks.session.state.signedIn, true, 'still signed in');

    await update('proxy', undefined);
    assert.equal(await me(), 'Ada');
    assert.equal(proxy.seen.length, 1, 'the request after clearing went directly');
  });

  it('keeps the hosts in http.noProxy off the proxy', async () => {
    await update('noProxy', ['127.0.0.1']);
    await update('proxy', proxy.url);
    assert.equal(await me(), 'Ada');
    assert.deepEqual(proxy.seen, []);
  });
});
