import * as assert from 'node:assert/strict';
import { IntervalsClient } from '../../src/api/client';
import { proxyDispatcher } from '../../src/connection/proxyDispatcher';
import { startFakeIntervals, type FakeIntervals } from '../fake-intervals/server';
import { startTestProxy, type TestProxy } from './helpers/httpProxy';

// Requests from the API client through a real local proxy: which set-ups send them through it,
// and which hosts NO_PROXY / `http.noProxy` keep direct. The fake API listens on 127.0.0.1.

describe('Proxy dispatcher', () => {
  let fake: FakeIntervals;
  let proxy: TestProxy;
  const clients: IntervalsClient[] = [];

  before(async () => {
    fake = await startFakeIntervals({ port: 0, host: '127.0.0.1' });
    proxy = await startTestProxy();
  });

  after(async () => {
    await proxy.close();
    await fake.close();
  });

  beforeEach(() => {
    fake.reset();
    proxy.seen.length = 0;
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map(async (client) => client.close()));
  });

  async function signedInName(settings: Parameters<typeof proxyDispatcher>[0], env: NodeJS.ProcessEnv, baseUrl = fake.url): Promise<string> {
    const dispatcher = proxyDispatcher(settings, env);
    const client = new IntervalsClient({ baseUrl, token: fake.tokens.admin, limiter: false, ...(dispatcher ? { dispatcher } : {}) });
    clients.push(client);
    try {
      const me = await client.me();
      return me.firstName ?? '';
    } finally {
      await dispatcher?.close();
    }
  }

  const port = (): string => new URL(fake.url).port;

  it('connects directly when neither http.proxy nor a proxy variable is set', async () => {
    assert.equal(proxyDispatcher({ strictSSL: true }, { NO_PROXY: '127.0.0.1' }), undefined);
    assert.equal(await signedInName({ strictSSL: true }, {}), 'Ada');
    assert.deepEqual(proxy.seen, []);
  });

  it('sends requests through http.proxy', async () => {
    assert.equal(await signedInName({ url: proxy.url, strictSSL: true }, {}), 'Ada');
    assert.deepEqual(
      proxy.seen.map((request) => `${request.method} ${request.target}`),
      [`CONNECT 127.0.0.1:${port()}`],
    );
    assert.equal(fake.requests.length, 1, 'the request reached the API through the tunnel');
  });

  it('passes the credentials of an http.proxy address to the proxy, not to Intervals', async () => {
    const withUser = proxy.url.replace('http://', 'http://alice:s3cret@');
    assert.equal(await signedInName({ url: withUser, strictSSL: true }, {}), 'Ada');
    assert.equal(proxy.seen[0]?.proxyAuthorization, `Basic ${Buffer.from('alice:s3cret').toString('base64')}`);
  });

  it('prefers http.proxy over the environment', async () => {
    const env = { HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9' };
    assert.equal(await signedInName({ url: proxy.url, strictSSL: true }, env), 'Ada');
    assert.equal(proxy.seen.length, 1);
  });

  it('keeps the hosts in http.noProxy off http.proxy', async () => {
    assert.equal(await signedInName({ url: proxy.url, strictSSL: true, noProxy: ['127.0.0.1'] }, {}), 'Ada');
    assert.deepEqual(proxy.seen, []);
  });

  it('keeps the hosts in NO_PROXY off http.proxy when http.noProxy is empty', async () => {
    assert.equal(await signedInName({ url: proxy.url, strictSSL: true, noProxy: [] }, { NO_PROXY: 'example.com,127.0.0.1' }), 'Ada');
    assert.deepEqual(proxy.seen, []);
  });

  it('uses HTTP_PROXY from the environment for an http:// address', async () => {
    assert.equal(await signedInName({ strictSSL: true }, { HTTP_PROXY: proxy.url }), 'Ada');
    assert.deepEqual(
      proxy.seen.map((request) => request.target),
      [`127.0.0.1:${port()}`],
    );
  });

  it('reads the lower-case variables too', async () => {
    assert.equal(await signedInName({ strictSSL: true }, { http_proxy: proxy.url }), 'Ada');
    assert.equal(proxy.seen.length, 1);
  });

  it('leaves an http:// address direct when only HTTPS_PROXY is set', async () => {
    assert.equal(await signedInName({ strictSSL: true }, { HTTPS_PROXY: 'http://127.0.0.1:9' }), 'Ada');
    assert.deepEqual(proxy.seen, []);
  });

  it('bypasses the proxy for a host in NO_PROXY, with or without its port', async () => {
    for (const noProxy of ['127.0.0.1', `127.0.0.1:${port()}`, 'localhost, 127.0.0.1']) {
      assert.equal(await signedInName({ strictSSL: true }, { HTTP_PROXY: proxy.url, NO_PROXY: noProxy }), 'Ada', noProxy);
    }
    assert.deepEqual(proxy.seen, []);
  });

  it('still proxies a host NO_PROXY does not name', async () => {
    assert.equal(await signedInName({ strictSSL: true }, { HTTP_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1:1' }), 'Ada');
    assert.equal(proxy.seen.length, 1, 'localhost and another port of 127.0.0.1 do not cover this address');
  });

  it('reads nothing from the process environment when given another one', async () => {
    const saved = process.env.HTTP_PROXY;
    process.env.HTTP_PROXY = 'http://127.0.0.1:9';
    try {
      assert.equal(proxyDispatcher({ strictSSL: true }, {}), undefined);
      assert.equal(await signedInName({ strictSSL: true }, { HTTP_PROXY: proxy.url }), 'Ada');
      assert.equal(proxy.seen.length, 1, 'the given HTTP_PROXY was used, not the process one');
    } finally {
      if (saved === undefined) {
        delete process.env.HTTP_PROXY;
      } else {
        process.env.HTTP_PROXY = saved;
      }
    }
  });
});
