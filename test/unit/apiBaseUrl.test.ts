import * as assert from 'node:assert/strict';
import { isLoopbackHost, validateBaseUrl } from '../../src/api/baseUrl';

describe('validateBaseUrl', () => {
  const accepted: Array<[input: string, normalised: string]> = [
    ['https://api.myintervals.com/', 'https://api.myintervals.com/'],
    ['  https://api.myintervals.com  ', 'https://api.myintervals.com/'],
    ['HTTPS://API.MYINTERVALS.COM', 'https://api.myintervals.com/'],
    ['https://unifun.intervalsonline.com/api', 'https://unifun.intervalsonline.com/api/'],
    ['https://example.com:8443/intervals/', 'https://example.com:8443/intervals/'],
    ['http://localhost:3000', 'http://localhost:3000/'],
    ['http://127.0.0.1:45123/', 'http://127.0.0.1:45123/'],
    ['http://127.8.9.10/', 'http://127.8.9.10/'],
    ['http://[::1]:8080/', 'http://[::1]:8080/'],
  ];
  for (const [input, normalised] of accepted) {
    it(`accepts ${JSON.stringify(input)}`, () => {
      assert.deepEqual(validateBaseUrl(input), { ok: true, url: normalised });
    });
  }

  const refused: Array<[input: string, mentions: RegExp]> = [
    ['', /Enter the address/],
    ['api.myintervals.com', /not a web address/],
    ['http://api.myintervals.com/', /must use https/],
    ['http://192.168.1.10/', /must use https/],
    ['http://localhost.example.com/', /must use https/],
    ['http://128.0.0.1/', /must use https/],
    ['ftp://api.myintervals.com/', /must start with https/],
    ['https://token:X@api.myintervals.com/', /Remove the user name/],
    ['https://api.myintervals.com/?x=1', /Remove the query/],
  ];
  for (const [input, mentions] of refused) {
    it(`refuses ${JSON.stringify(input)}`, () => {
      const result = validateBaseUrl(input);
      assert.equal(result.ok, false);
      assert.match((result as { message: string }).message, mentions);
    });
  }
});

describe('isLoopbackHost', () => {
  it('knows loopback names and addresses', () => {
    for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '127.255.255.254', '[::1]', '::1', '[::ffff:7f00:1]']) {
      assert.equal(isLoopbackHost(host), true, host);
    }
  });
  it('refuses everything else', () => {
    for (const host of ['example.com', '10.0.0.1', '127.0.0', '127.0.0.256', '::2', 'localhost.evil.com', '0.0.0.0']) {
      assert.equal(isLoopbackHost(host), false, host);
    }
  });
});
