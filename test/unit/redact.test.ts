import * as assert from 'node:assert/strict';
import { Redactor } from '../../src/api/redaction';

describe('Redactor (the log and messages)', () => {
  const token = 'k7d9s8f7g6h5j4';

  it('blanks Authorization header values before any token is known', () => {
    assert.equal(new Redactor().redact('Authorization: Basic QWxhZGRpbjpvcGVu'), 'Authorization: Basic ***');
  });

  it('blanks a kept token as is, URL-encoded and inside Basic credentials', () => {
    const redactor = new Redactor();
    redactor.keep(token);
    const basic = Buffer.from(`${token}:X`).toString('base64');
    assert.equal(redactor.redact(`token ${token}, basic ${basic}, query ?t=${encodeURIComponent(token)}`), 'token ***, basic ***, query ?t=***');
  });

  it('stops blanking a token once every holder let it go, and ignores ones too short to be tokens', () => {
    const redactor = new Redactor();
    const first = redactor.keep(token);
    const second = redactor.keep(token);
    first();
    first();
    assert.equal(redactor.redact(`token ${token}`), 'token ***', 'still kept by the second holder');
    second();
    assert.equal(redactor.redact(`token ${token}`), `token ${token}`);
    redactor.keep('abc');
    assert.equal(redactor.redact('abc'), 'abc');
  });
});
