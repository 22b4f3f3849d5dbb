import * as assert from 'node:assert/strict';
import { forgetSecret, redact, registerSecret } from '../../src/common/redact';

describe('redact (the log and messages)', () => {
  const token = 'k7d9s8f7g6h5j4';
  afterEach(() => forgetSecret(token));

  it('blanks Authorization header values before any token is known', () => {
    assert.equal(redact('Authorization: Basic QWxhZGRpbjpvcGVu'), 'Authorization: Basic ***');
  });

  it('blanks a registered token as is, URL-encoded and inside Basic credentials', () => {
    registerSecret(token);
    const basic = Buffer.from(`${token}:X`).toString('base64');
    assert.equal(redact(`token ${token}, basic ${basic}, query ?t=${encodeURIComponent(token)}`), 'token ***, basic ***, query ?t=***');
  });

  it('stops blanking a token once it is forgotten, and ignores ones too short to be tokens', () => {
    registerSecret(token);
    forgetSecret(token);
    assert.equal(redact(`token ${token}`), `token ${token}`);
    registerSecret('abc');
    assert.equal(redact('abc'), 'abc');
  });
});
