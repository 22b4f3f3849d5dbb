import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Outbox, type OutboxItem, type OutboxOptions } from '../../src/outbox/outbox';

// An attempt whose outcome is unknown may still be applied by the server after the client gave
// up: the item is looked up only well after that, and nothing (backoff, focus, Retry) makes it sooner.

interface Payload {
  hours: number;
}

const DEAD_PID = 999_999_001;
const START = Date.UTC(2026, 3, 22, 8);

describe('Outbox: uncertain items wait before their lookup', () => {
  let folder: string;
  let clock: number;
  let looked: string[];
  let sent: string[];
  const outboxes: Outbox<Payload>[] = [];

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'intervals-uncertain-'));
    clock = START;
    looked = [];
    sent = [];
  });

  afterEach(() => {
    outboxes.splice(0).forEach((outbox) => outbox.dispose());
    fs.rmSync(folder, { recursive: true, force: true });
  });

  function open(extra: Partial<OutboxOptions> = {}): Outbox<Payload> {
    const outbox = new Outbox<Payload>({
      folder,
      classify: () => 'uncertain',
      now: () => clock,
      random: () => 0,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 5))),
      backoff: { baseMs: 2_000, maxMs: 60_000 },
      isProcessAlive: (pid) => pid !== DEAD_PID,
      ...extra,
    });
    outboxes.push(outbox);
    return outbox;
  }

  const drain = (outbox: Outbox<Payload>) =>
    outbox.drain(
      async (item) => void sent.push(item.id),
      async (item: OutboxItem<Payload>) => {
        looked.push(item.id);
        return 'absent';
      },
    );

  it('is not looked up before two minutes have passed, although its backoff is a second', async () => {
    const outbox = open();
    const { id } = await outbox.add('time', { hours: 1 });
    await outbox.markAttempt(id, { result: 'uncertain', error: new Error('timeout') });
    for (const wait of [1_000, 30_000, 60_000, 119_000]) {
      clock = START + wait;
      await drain(outbox);
      assert.deepEqual(looked, [], `not looked up ${wait} ms after the attempt`);
    }
    clock = START + 120_000;
    await drain(outbox);
    assert.deepEqual(looked, [id]);
    assert.deepEqual(sent, [id], 'sent again only after a lookup that found nothing');
  });

  it('waits as long as the caller says (well past the request timeout)', async () => {
    const outbox = open({ uncertainDelayMs: () => 3 * 90_000 });
    const { id } = await outbox.add('time', { hours: 1 });
    const item = await outbox.markAttempt(id, { result: 'uncertain', error: new Error('timeout') });
    assert.equal(item?.lookupAfter, START + 270_000);
    clock = START + 269_999;
    await drain(outbox);
    assert.deepEqual(looked, []);
  });

  it('is not made due before its lookup time by a retry (window focus, the Retry button)', async () => {
    const outbox = open();
    const { id } = await outbox.add('time', { hours: 1 });
    await outbox.markAttempt(id, { result: 'uncertain', error: new Error('timeout') });
    clock = START + 10_000;
    assert.equal(await outbox.retry(id), true);
    await drain(outbox);
    assert.deepEqual(looked, [], 'the retry kept the wait');
    assert.equal((await outbox.get(id))?.nextAttemptAt, START + 120_000);
    clock = START + 200_000;
    await outbox.retry(id);
    await drain(outbox);
    assert.deepEqual(looked, [id]);
  });

  it('a failed lookup does not push the lookup time further: nothing new was sent', async () => {
    const outbox = open();
    const { id } = await outbox.add('time', { hours: 1 });
    await outbox.markAttempt(id, { result: 'uncertain', error: new Error('timeout') });
    clock = START + 120_000;
    await outbox.drain(
      async () => assert.fail('not sent while the lookup fails'),
      async () => {
        throw new Error('offline');
      },
    );
    const item = await outbox.get(id);
    assert.equal(item?.state, 'uncertain');
    assert.equal(item?.lookupAfter, START + 120_000);
    assert.ok((item?.nextAttemptAt ?? 0) < START + 120_000 + 60_000, 'retried on its backoff');
  });

  it('an item whose sender just crashed mid-request waits the same before its lookup', async () => {
    const first = open();
    const { id } = await first.add('time', { hours: 1 });
    const [raw] = (JSON.parse(fs.readFileSync(path.join(folder, 'outbox.json'), 'utf8')) as { items: OutboxItem[] }).items;
    fs.writeFileSync(
      path.join(folder, 'outbox.json'),
      JSON.stringify({ version: 1, items: [{ ...raw, claim: { owner: 'crashed', pid: DEAD_PID, until: START + 600_000, at: START } }] }),
    );
    const outbox = open();
    clock = START + 1_000;
    await drain(outbox);
    assert.deepEqual(looked, [], 'not looked up at once: its request may still be applied');
    const item = await outbox.get(id);
    assert.equal(item?.state, 'uncertain');
    assert.equal(item?.claim, undefined);
    clock = START + 121_000;
    await drain(outbox);
    assert.deepEqual(looked, [id]);
  });
});
