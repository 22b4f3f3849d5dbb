import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Outbox } from '../../src/outbox/outbox';
import { listSetAside, type DamageReport } from '../../src/outbox/setAside';
import { nodeStateFileSystem } from '../../src/outbox/stateFileSystem';

describe('Outbox: a damaged file', () => {
  let folder: string;
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('is set aside, its readable items kept, and reported once for the user', async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-damage-'));
    const good = { id: 'good', kind: 'time', payload: { hours: 1 }, createdAt: 1, attempts: 0, nextAttemptAt: 1, state: 'pending' };
    const text = JSON.stringify({ version: 1, items: [good, { id: 'bad' }] });
    fs.writeFileSync(path.join(folder, 'outbox.json'), text);
    const reports: DamageReport[] = [];
    const outbox = new Outbox({ folder, classify: () => 'retryable', now: () => 42, onDamaged: (report) => reports.push(report) });
    assert.deepEqual((await outbox.list()).map((item) => item.id), ['good']);
    await outbox.list();
    assert.equal(reports.length, 1);
    assert.deepEqual({ reason: reports[0].reason, kept: reports[0].kept }, { reason: '1 damaged item(s)', kept: 1 });
    assert.deepEqual(await listSetAside(nodeStateFileSystem(), folder), [path.join(folder, 'outbox.json.42.corrupt')]);
    assert.equal(fs.readFileSync(reports[0].copy, 'utf8'), text);
    outbox.dispose();
  });
});
