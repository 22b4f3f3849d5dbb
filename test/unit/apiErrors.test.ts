import * as assert from 'node:assert/strict';
import { userMessage } from '../../src/api/errorMessages';
import { errorFromAnswer, kindFor, parseErrorBody, parseRetryAfter } from '../../src/api/errorParsing';
import { IntervalsError, isRetryable, type IntervalsErrorKind } from '../../src/api/errors';

describe('errors: parsing any error body', () => {
  it('reads the JSON envelope with an error member', () => {
    const body = JSON.stringify({
      personid: '123',
      status: 'Bad Request',
      code: 400,
      error: { code: 18, message: 'Validation error', verbose: ['date: must be YYYY-MM-DD', 'time is required'] },
    });
    const parsed = parseErrorBody(body, 'application/json', 400);
    assert.equal(parsed.shape, 'json');
    assert.equal(parsed.code, 18);
    assert.equal(parsed.message, 'Validation error');
    assert.deepEqual(parsed.verbose, ['date: must be YYYY-MM-DD', 'time is required']);
    assert.deepEqual(parsed.fields, [{ field: 'date', message: 'must be YYYY-MM-DD' }, { message: 'time is required' }]);
  });

  it('reads a flat {code, message}', () => {
    const parsed = parseErrorBody('{"code":"14","message":"Resource requested does not exist"}', 'application/json', 404);
    assert.equal(parsed.code, 14);
    assert.equal(parsed.message, 'Resource requested does not exist');
  });

  it('does not mistake the HTTP status in a flat body for an API code', () => {
    assert.equal(parseErrorBody('{"code":404,"message":"Not Found"}', 'application/json', 404).code, undefined);
    assert.equal(parseErrorBody('{"status":"Not Found","code":"404"}', 'application/json', 404).code, undefined);
  });

  it('reads the XML envelope, verbose as items or repeated elements', () => {
    const items = parseErrorBody(
      '<?xml version="1.0"?><intervals status="Bad Request" code="400"><error><code>18</code><message>Validation error</message><verbose><item>name: required</item><item>active: required</item></verbose></error></intervals>',
      'application/xml',
      400,
    );
    assert.equal(items.shape, 'xml');
    assert.equal(items.code, 18);
    assert.deepEqual(items.verbose, ['name: required', 'active: required']);
    assert.deepEqual(items.fields.map((field) => field.field), ['name', 'active']);
    const repeated = parseErrorBody(
      '<intervals><error><code>18</code><message>Validation error</message><verbose>a</verbose><verbose>b</verbose></error></intervals>',
      undefined,
      400,
    );
    assert.deepEqual(repeated.verbose, ['a', 'b']);
    const single = parseErrorBody('<intervals><error><code>14</code><message>Gone</message><verbose/></error></intervals>', undefined, 404);
    assert.equal(single.code, 14);
    assert.deepEqual(single.verbose, []);
  });

  it('reads verbose detail given as field objects or a field map', () => {
    const objects = parseErrorBody(JSON.stringify({ error: { code: 18, message: 'Validation error', verbose: [{ field: 'date', message: 'bad date' }] } }), undefined, 400);
    assert.deepEqual(objects.fields, [{ field: 'date', message: 'bad date' }]);
    assert.deepEqual(objects.verbose, ['date: bad date']);
    const map = parseErrorBody(JSON.stringify({ error: { code: 18, message: 'Validation error', verbose: { date: 'bad date', time: 'missing' } } }), undefined, 400);
    assert.deepEqual(map.fields, [
      { field: 'date', message: 'bad date' },
      { field: 'time', message: 'missing' },
    ]);
  });

  it('takes the first line of a text body', () => {
    const parsed = parseErrorBody('Service Unavailable\nmore detail', 'text/plain', 503);
    assert.equal(parsed.shape, 'text');
    assert.equal(parsed.message, 'Service Unavailable');
  });

  it('recognises an HTML page and an empty body', () => {
    assert.equal(parseErrorBody('<!DOCTYPE html><html><body>Bad gateway</body></html>', 'text/html', 502).shape, 'html');
    assert.equal(parseErrorBody('<html><head><title>x</title></head></html>', undefined, 502).shape, 'html');
    assert.equal(parseErrorBody('', undefined, 500).shape, 'empty');
    assert.equal(parseErrorBody('   \n', undefined, 500).shape, 'empty');
  });

  it('survives JSON that is not an object and broken JSON', () => {
    assert.equal(parseErrorBody('[1,2]', 'application/json', 500).code, undefined);
    assert.equal(parseErrorBody('{"code": 18,', 'application/json', 400).shape, 'text');
  });
});

describe('errors: kinds', () => {
  const byCode: Array<[code: number, status: number, kind: IntervalsErrorKind]> = [
    [1, 500, 'server'],
    [2, 401, 'unauthorized'],
    [3, 401, 'unauthorized'],
    [4, 503, 'server'],
    [5, 418, 'forbidden'],
    [6, 402, 'forbidden'],
    [7, 401, 'unauthorized'],
    [8, 401, 'unauthorized'],
    [9, 401, 'unauthorized'],
    [10, 403, 'forbidden'],
    [11, 400, 'rateLimited'],
    [12, 400, 'rateLimited'],
    [13, 400, 'notFound'],
    [14, 404, 'notFound'],
    [15, 400, 'validation'],
    [16, 400, 'validation'],
    [17, 400, 'validation'],
    [18, 400, 'validation'],
    [19, 500, 'server'],
    [20, 502, 'server'],
  ];
  for (const [code, status, kind] of byCode) {
    it(`code ${code} (HTTP ${status}) is ${kind}`, () => {
      assert.equal(kindFor(status, code), kind);
    });
  }

  it('falls back on the HTTP status when no code came', () => {
    assert.equal(kindFor(401, undefined), 'unauthorized');
    assert.equal(kindFor(403, undefined), 'forbidden');
    assert.equal(kindFor(404, undefined), 'notFound');
    assert.equal(kindFor(400, undefined), 'validation');
    assert.equal(kindFor(429, undefined), 'rateLimited');
    assert.equal(kindFor(500, undefined), 'server');
    assert.equal(kindFor(503, undefined), 'server');
    assert.equal(kindFor(408, undefined), 'timeout');
  });

  it('treats 429 as rate limited whatever the body says', () => {
    assert.equal(kindFor(429, 18), 'rateLimited');
  });
});

describe('errors: errorFromAnswer', () => {
  it('gives an unauthorized error the sign-in message', () => {
    const error = errorFromAnswer({ status: 401, body: '{"error":{"code":9,"message":"Invalid auth"}}' });
    assert.equal(error.kind, 'unauthorized');
    assert.equal(error.message, 'The Intervals token was rejected. Sign in again with a current token.');
    assert.equal(error.code, 9);
    assert.equal(error.status, 401);
    assert.equal(error.serverMessage, 'Invalid auth');
  });

  it('puts the server detail into a validation message and keeps the fields', () => {
    const error = errorFromAnswer({
      status: 400,
      body: JSON.stringify({ error: { code: 18, message: 'Validation error', verbose: ['date: must be YYYY-MM-DD'] } }),
    });
    assert.equal(error.kind, 'validation');
    assert.match(error.message, /^Intervals did not accept the request\. Validation error; date: must be YYYY-MM-DD\. Correct the values/);
    assert.deepEqual(error.fields, [{ field: 'date', message: 'must be YYYY-MM-DD' }]);
  });

  it('says when to try again after a rate limit, with the wait when known', () => {
    const error = errorFromAnswer({ status: 429, body: '', retryAfterMs: 3000 });
    assert.equal(error.kind, 'rateLimited');
    assert.equal(error.retryAfterMs, 3000);
    assert.equal(error.message, 'Intervals is busy (too many requests). Try again in 3 seconds.');
    const unknownWait = errorFromAnswer({ status: 400, body: '{"error":{"code":12,"message":"Too fast"}}' });
    assert.equal(unknownWait.message, 'Intervals is busy (too many requests). Try again in a minute.');
  });

  it('never promises an automatic retry: these messages come once retrying is over, or for writes never repeated', () => {
    const messages = [
      errorFromAnswer({ status: 429, body: '', retryAfterMs: 3000 }).message,
      errorFromAnswer({ status: 500, body: '' }).message,
      errorFromAnswer({ status: 503, body: '' }).message,
      userMessage('network'),
      userMessage('timeout', { timeoutMs: 30_000 }),
      userMessage('timeout'),
    ];
    for (const message of messages) {
      assert.doesNotMatch(message, /retried|will be|automatic/i, message);
      assert.match(message, /try again/i, `${message} says what to do`);
    }
    assert.equal(userMessage('network'), 'Intervals is not answering. Check your connection and try again.');
    assert.equal(userMessage('timeout', { timeoutMs: 30_000 }), 'Intervals did not answer within 30 seconds. Check your connection and try again.');
  });

  it('tells the daily quota apart from going too fast', () => {
    const daily = errorFromAnswer({ status: 400, body: '{"error":{"code":11,"message":"Max requests"}}' });
    assert.match(daily.message, /daily API request limit/);
    assert.equal(isRetryable(daily), false);
    const fast = errorFromAnswer({ status: 400, body: '{"error":{"code":12,"message":"Too fast"}}' });
    assert.equal(isRetryable(fast), true);
  });

  it('flags a 500 on a write as possibly applied, but not a gateway error', () => {
    assert.equal(errorFromAnswer({ status: 500, body: '', method: 'POST' }).mayHaveReachedServer, true);
    assert.equal(errorFromAnswer({ status: 502, body: '<html></html>', method: 'POST' }).mayHaveReachedServer, false);
    assert.equal(errorFromAnswer({ status: 500, body: '', method: 'GET' }).mayHaveReachedServer, false);
    assert.equal(errorFromAnswer({ status: 400, body: '', method: 'POST' }).mayHaveReachedServer, false);
  });

  it('gives every kind a message that says what to do', () => {
    const cases: Array<[status: number, body: string, action: RegExp]> = [
      [401, '', /Sign in again/],
      [403, '{"error":{"code":10,"message":"Permission denied"}}', /Ask an Intervals administrator/],
      [404, '{"error":{"code":14}}', /Refresh/],
      [400, 'oops', /Correct the values/],
      [429, '', /try again/i],
      [500, '<html>oops</html>', /try again/i],
      [503, '{"error":{"code":20,"message":"offline"}}', /try again/i],
    ];
    for (const [status, body, action] of cases) {
      const error = errorFromAnswer({ status, body });
      assert.match(error.message, action, `${status} says what to do: ${error.message}`);
      assert.match(error.message, /\.$/, `${status}: ${error.message}`);
      assert.ok(error.message.length > 20, error.message);
      assert.doesNotMatch(error.message, /undefined|null|\[object/, error.message);
    }
  });
});

describe('errors: isRetryable', () => {
  const make = (kind: IntervalsErrorKind, extra: Partial<{ code: number; networkCode: string }> = {}) =>
    new IntervalsError({ kind, message: 'x', ...extra });
  it('retries network trouble, timeouts, server errors and "too fast"', () => {
    assert.equal(isRetryable(make('network', { networkCode: 'ECONNRESET' })), true);
    assert.equal(isRetryable(make('timeout')), true);
    assert.equal(isRetryable(make('server', { code: 1 })), true);
    assert.equal(isRetryable(make('rateLimited', { code: 12 })), true);
    assert.equal(isRetryable(make('rateLimited')), true);
  });
  it('does not retry what a retry cannot fix', () => {
    for (const kind of ['unauthorized', 'forbidden', 'notFound', 'validation', 'badResponse', 'cancelled'] as const) {
      assert.equal(isRetryable(make(kind)), false, kind);
    }
    assert.equal(isRetryable(make('rateLimited', { code: 11 })), false);
    assert.equal(isRetryable(make('server', { code: 4 })), false);
    assert.equal(isRetryable(make('network', { networkCode: 'CERT_HAS_EXPIRED' })), false);
    assert.equal(isRetryable(new Error('plain')), false);
  });
});

describe('errors: redaction and Retry-After', () => {
  it('redacts message, detail and stack', () => {
    const error = new IntervalsError({ kind: 'server', message: 'token abc123secret', serverMessage: 'abc123secret', verbose: ['x abc123secret'] });
    const clean = error.redacted((text) => text.split('abc123secret').join('***'));
    assert.equal(clean.message, 'token ***');
    assert.equal(clean.serverMessage, '***');
    assert.deepEqual(clean.verbose, ['x ***']);
    assert.doesNotMatch(clean.stack ?? '', /abc123secret/);
    assert.match(clean.stack ?? '', /^IntervalsError: token \*\*\*/);
    assert.equal(clean.name, 'IntervalsError');
    assert.ok(clean instanceof IntervalsError);
  });

  it('parses Retry-After as seconds or as a date', () => {
    const now = Date.parse('2026-05-19T10:00:00Z');
    assert.equal(parseRetryAfter('5', now), 5000);
    assert.equal(parseRetryAfter('Tue, 19 May 2026 10:00:30 GMT', now), 30_000);
    assert.equal(parseRetryAfter('Tue, 19 May 2026 09:00:00 GMT', now), 0);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(undefined, now), undefined);
  });
});
