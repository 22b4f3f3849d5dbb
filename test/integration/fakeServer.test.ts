import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { FakeIntervalsControl } from '../fake-intervals/control';
import { fakeServerFromEnvironment } from '../runners/environmentVariables';

// The runner starts the fake Intervals API in its own process; the tests in the extension host
// reach it only through the environment and HTTP. This pins that plumbing down.
describe('Fake Intervals API, seen from the extension host', () => {
  it('answers its control endpoint at the address the runner passed down', async () => {
    const fake = fakeServerFromEnvironment();
    const info = await new FakeIntervalsControl(fake.url).info();
    assert.equal(info.url, fake.url);
    assert.deepEqual(info.tokens, fake.tokens);
  });

  it('answers the API with the demo token and refuses a wrong one', async () => {
    const fake = fakeServerFromEnvironment();
    const token = fake.tokens.admin;
    assert.ok(token, 'the runner passes the admin token');
    const me = await fetch(new URL('me/', fake.url), {
      headers: { Accept: 'application/json', Authorization: `Basic ${Buffer.from(`${token}:X`).toString('base64')}` },
    });
    assert.equal(me.status, 200);
    const wrong = await fetch(new URL('me/', fake.url), {
      headers: { Accept: 'application/json', Authorization: `Basic ${Buffer.from('wrongtoken1:X').toString('base64')}` },
    });
    assert.equal(wrong.status, 401);
  });
});
