import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLoopbackHost } from '../../src/api/baseUrl';
import { DEMO_TOKENS } from '../fake-intervals/fixture';
import { commandLinks, readWalkthroughs, whenRegExp, type WalkthroughStep } from '../walkthroughManifest';

const repoRoot = join(__dirname, '..', '..', '..');

function step(id: string): WalkthroughStep {
  const found = readWalkthroughs(repoRoot).raw[0]?.steps.find((candidate) => candidate.id === id);
  assert.ok(found, `the walkthrough has a step ${id}`);
  return found;
}

/** Addresses a user may type into `intervals.apiUrl`. */
const ADDRESSES = [
  'https://api.myintervals.com/',
  'https://api.myintervals.com',
  'HTTPS://API.MYINTERVALS.COM/',
  'http://127.0.0.1:4321/',
  'http://127.0.0.1',
  'https://127.1.2.3:8443/api/',
  'http://localhost:8080/',
  'http://LOCALHOST/',
  'http://[::1]:3000/',
  'http://[::ffff:127.0.0.1]:3000/',
  'http://localhost.evil.example/',
  'http://127.0.0.1.evil.example/',
  'http://evil.example/127.0.0.1/',
  'https://localhost-api.example.com/',
  'http://10.0.0.1/',
  'http://192.168.1.20:8080/',
  'https://intervals.example.com:8443/',
];

describe('Walkthrough manifest', () => {
  it('offers the demo account exactly where intervals.apiUrl names this machine, and the sign-in step everywhere else', () => {
    const demo = step('tryDemo');
    const signIn = step('signIn');
    assert.ok(demo.when, 'the demo step has a when clause');
    assert.equal(signIn.when, `!(${demo.when})`, 'the sign-in step shows exactly when the demo step does not');
    const loopback = whenRegExp(demo.when);
    for (const address of ADDRESSES) {
      assert.equal(loopback.test(address), isLoopbackHost(new URL(address).hostname), `the demo step for ${address}`);
    }
    assert.equal(loopback.test('https://api.myintervals.com/'), false, 'never for the real service');
  });

  it("signs in with the fake server's demo token, as `npm run demo` prints it", () => {
    const english = readWalkthroughs(repoRoot).english[0]?.steps.find((candidate) => candidate.id === 'tryDemo');
    const buttons = commandLinks(english?.description ?? '').filter((link) => link.button);
    assert.deepEqual(
      buttons.map((link) => [link.command, link.args]),
      [['intervals.signIn', { token: DEMO_TOKENS.admin }]],
    );
  });

  it('has its German with the same buttons, in the German manifest strings', () => {
    const english = JSON.parse(readFileSync(join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const german = JSON.parse(readFileSync(join(repoRoot, 'package.nls.de.json'), 'utf8')) as Record<string, string>;
    const keys = Object.keys(english).filter((key) => key.startsWith('walkthrough.'));
    assert.ok(keys.length > 10);
    assert.deepEqual(Object.keys(german).filter((key) => key.startsWith('walkthrough.')).sort(), keys.sort());
    for (const key of keys) {
      const strip = (text: string) => commandLinks(text).map(({ command, args, button }) => ({ command, args, button }));
      assert.deepEqual(strip(german[key] ?? ''), strip(english[key] ?? ''), `${key}: the same command links`);
    }
  });
});
