import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { backoffDelay } from '../../src/outbox/backoff';
import {
  FailureKind,
  Outbox,
  OutboxItem,
  OutboxOptions,
  RECEIPT_LIMIT,
  RECEIPT_MAX_AGE_MS,
  ReconcileAnswer,
  parseOutboxFile,
} from '../../src/outbox/outbox';

interface Payload {
  hours: number;
}

class TestFailure extends Error {
  constructor(
    message: string,
    readonly kind: FailureKind,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

const DEAD_PID = 999_999_001;
const OTHER_LIVE_PID = 999_999_002;
const START = Date.UTC(2026, 3, 22, 8);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function lockWait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.min(ms, 5)));
}

function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

describe('backoffDelay', () => {
  const options = { baseMs: 1000, maxMs: 60_000 };
  const rows: Array<[attempts: number, random: number, delay: number]> = [
    [1, 0, 500],
    [1, 0.5, 750],
    [1, 0.999, 1000],
    [2, 0, 1000],
    [3, 0, 2000],
    [4, 0.5, 6000],
    [7, 0, 30_000],
    [7, 0.999, 59_970],
    [8, 0, 30_000],
    [1000, 1, 60_000],
    [0, 0, 500],
    [1, -3, 500],
    [1, 7, 1000],
  ];
  for (const [attempts, random, delay] of rows) {
    it(`waits ${delay} ms after ${attempts} attempt(s) with random ${random}`, () => {
      assert.equal(backoffDelay(attempts, () => random, options), delay);
    });
  }

  it('uses sensible defaults', () => {
    assert.equal(backoffDelay(1, () => 0), 1000);
    assert.equal(backoffDelay(100, () => 0.999), Math.round(7.5 * 60_000 + 0.999 * 7.5 * 60_000));
  });
});

describe('parseOutboxFile', () => {
  it('accepts a well-formed file and explains what is wrong with others', () => {
    const item = { id: 'x', kind: 'time', payload: {}, createdAt: 1, attempts: 0, nextAttemptAt: 1, state: 'pending' };
    assert.deepEqual(parseOutboxFile(JSON.stringify({ version: 1, items: [item] })), { ok: true, items: [item], receipts: [] });
    assert.deepEqual(parseOutboxFile('{"version":1,"items":['), { ok: false, reason: 'not valid JSON', items: [], receipts: [] });
    assert.deepEqual(parseOutboxFile('[]'), { ok: false, reason: 'no item list', items: [], receipts: [] });
    assert.deepEqual(parseOutboxFile('{"version":2,"items":[]}'), { ok: false, reason: 'unknown version 2', items: [], receipts: [] });
    const damaged = parseOutboxFile(JSON.stringify({ version: 1, items: [item, { ...item, state: 'lost' }, { ...item, payload: undefined }] }));
    assert.deepEqual(damaged, { ok: false, reason: '2 damaged item(s)', items: [item], receipts: [] });
  });

  it('reads receipts and drops damaged ones', () => {
    const receipt = { itemId: 'x', ref: 'time:1:5', at: 1 };
    const parsed = parseOutboxFile(JSON.stringify({ version: 1, items: [], receipts: [receipt, { itemId: 'y', ref: 5, at: 1 }, 'z'] }));
    assert.deepEqual(parsed, { ok: true, items: [], receipts: [receipt] });
  });
});

describe('Outbox', () => {
  let folder: string;
  let clock: number;
  let problems: string[];
  /** Items a drain looked up although it must not have: the outbox swallows a throwing reconciler. */
  let unexpectedLookups: string[];
  const outboxes: Outbox<Payload>[] = [];

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'intervals-outbox-'));
    clock = START;
    problems = [];
    unexpectedLookups = [];
  });

  afterEach(() => {
    outboxes.splice(0).forEach((outbox) => outbox.dispose());
    assert.deepEqual(unexpectedLookups, [], 'no drain of this test may look an item up');
    fs.rmSync(folder, { recursive: true, force: true });
  });

  function open(extra: Partial<OutboxOptions> = {}): Outbox<Payload> {
    const outbox = new Outbox<Payload>({
      folder,
      classify: (error) => (error instanceof TestFailure ? { kind: error.kind, retryAfterMs: error.retryAfterMs } : 'retryable'),
      now: () => clock,
      random: () => 0.5,
      // Only lock and rename retries sleep. Two windows wait on each other's lock while real file
      // I/O (fsync) happens, so a wait must take real time: bare ticks run out the bounded waits.
      sleep: lockWait,
      backoff: { baseMs: 2000, maxMs: 60_000 },
      isProcessAlive: (pid) => pid !== DEAD_PID,
      onProblem: (message) => problems.push(message),
      ...extra,
    });
    outboxes.push(outbox);
    return outbox;
  }

  function file(): string {
    return path.join(folder, 'outbox.json');
  }

  function readFileItems(): OutboxItem[] {
    return (JSON.parse(fs.readFileSync(file(), 'utf8')) as { items: OutboxItem[] }).items;
  }

  function writeFileItems(items: unknown[]): void {
    fs.writeFileSync(file(), JSON.stringify({ version: 1, items }));
  }

  /** For drains that must not look anything up; a call is recorded and fails the test afterwards. */
  const neverReconcile = async (item: OutboxItem<Payload>): Promise<ReconcileAnswer> => {
    unexpectedLookups.push(item.id);
    throw new Error('the reconciler must not be called for a pending item');
  };

  describe('storage', () => {
    it('stores added items durably with their bookkeeping', async () => {
      const outbox = open();
      const item = await outbox.add('time', { hours: 1.5 }, { key: 'entry' });
      assert.match(item.id, UUID);
      assert.deepEqual(item, {
        id: item.id,
        kind: 'time',
        payload: { hours: 1.5 },
        key: 'entry',
        createdAt: START,
        attempts: 0,
        nextAttemptAt: START,
        state: 'pending',
      });
      assert.deepEqual(readFileItems(), [item]);
      const reopened = open();
      assert.deepEqual(await reopened.list(), [item]);
    });

    it('keeps the order in which items were added', async () => {
      const outbox = open();
      for (const hours of [1, 2, 3]) {
        await outbox.add('time', { hours });
      }
      assert.deepEqual((await outbox.list()).map((item) => item.payload.hours), [1, 2, 3]);
    });

    it('creates a missing folder on the first write and reads a missing file as empty', async () => {
      folder = path.join(folder, 'globalStorage', 'intervals');
      const outbox = open();
      assert.deepEqual(await outbox.list(), []);
      assert.equal(fs.existsSync(file()), false, 'reading alone writes nothing');
      await outbox.add('time', { hours: 1 });
      assert.equal(readFileItems().length, 1);
    });

    it('leaves no temporary or lock files behind after a write', async () => {
      const outbox = open();
      await outbox.add('time', { hours: 1 });
      await outbox.add('time', { hours: 2 });
      assert.deepEqual(fs.readdirSync(folder), ['outbox.json']);
    });

    it('removes an item on request and says whether it was there', async () => {
      const outbox = open();
      const item = await outbox.add('time', { hours: 1 });
      assert.equal(await outbox.remove(item.id), true);
      assert.equal(await outbox.remove(item.id), false);
      assert.deepEqual(await outbox.list(), []);
    });

    it('sets a corrupt file aside, says so, and starts empty', async () => {
      fs.writeFileSync(file(), '{ this is not json');
      const outbox = open();
      assert.deepEqual(await outbox.list(), []);
      const copies = fs.readdirSync(folder).filter((name) => name.endsWith('.corrupt'));
      assert.deepEqual(copies, [`outbox.json.${START}.corrupt`]);
      assert.equal(fs.readFileSync(path.join(folder, copies[0]), 'utf8'), '{ this is not json');
      assert.equal(problems.length, 1);
      assert.match(problems[0], /unreadable \(not valid JSON\); a copy was kept at .*\.corrupt and the outbox starts empty/);
      assert.deepEqual(readFileItems(), [], 'the file is valid again');
      await outbox.add('time', { hours: 1 });
      assert.equal((await outbox.list()).length, 1);
    });

    it('recovers from a file cut short by a crash in an older, non-atomic write', async () => {
      const writer = open();
      await writer.add('time', { hours: 1 });
      await writer.add('time', { hours: 2 });
      const full = fs.readFileSync(file(), 'utf8');
      const truncated = full.slice(0, Math.floor(full.length / 2));
      fs.writeFileSync(file(), truncated);
      const outbox = open();
      assert.deepEqual(await outbox.list(), []);
      const copy = fs.readdirSync(folder).find((name) => name.endsWith('.corrupt'));
      assert.ok(copy);
      assert.equal(fs.readFileSync(path.join(folder, copy), 'utf8'), truncated);
    });

    it('keeps the readable items of a partly damaged file', async () => {
      const good = { id: 'good', kind: 'time', payload: { hours: 1 }, createdAt: 1, attempts: 0, nextAttemptAt: 1, state: 'pending' };
      writeFileItems([good, { id: 'bad', kind: 'time' }]);
      const outbox = open();
      assert.deepEqual(await outbox.list(), [good]);
      assert.match(problems[0], /1 damaged item\(s\).*1 readable item\(s\) were kept/);
      assert.equal(fs.readdirSync(folder).filter((name) => name.endsWith('.corrupt')).length, 1);
    });

    it('ignores a temporary file left by a crash during a write, and removes it at the first change', async () => {
      const writer = open();
      const item = await writer.add('time', { hours: 1 });
      const leftover = path.join(folder, 'outbox.json.0b7a6c1e-0000-4000-8000-000000000000.tmp');
      fs.writeFileSync(leftover, '{"version":1,"items":[{"id":"half');
      const outbox = open();
      assert.deepEqual(await outbox.list(), [item], 'a read ignores it');
      await outbox.add('time', { hours: 2 });
      assert.equal(fs.existsSync(leftover), false, 'the first change removes it');
      assert.match(problems.join('\n'), /Removed 1 unfinished write/);
    });

    it('reports changes to listeners, including changes made by another window', async () => {
      const outbox = open();
      const seen: number[] = [];
      outbox.onDidChange((items) => seen.push(items.length));
      const item = await outbox.add('time', { hours: 1 });
      await outbox.list();
      assert.deepEqual(seen, [1], 'a read that finds nothing new reports nothing');
      await open().add('time', { hours: 2 });
      await outbox.list();
      assert.deepEqual(seen, [1, 2]);
      await outbox.remove(item.id);
      assert.deepEqual(seen, [1, 2, 1]);
    });
  });

  describe('receipts', () => {
    it('gives a result to the first item that reserves it, and again to that item only', async () => {
      const outbox = open();
      assert.equal(await outbox.reserve('a', 'time:1:100'), true);
      assert.equal(await outbox.reserve('b', 'time:1:100'), false, 'another item holds it');
      assert.equal(await outbox.reserve('a', 'time:1:100'), true, 'the holder asking again');
      assert.equal(await outbox.reserve('b', 'time:1:101'), true);
      assert.deepEqual(await outbox.receipts(), [
        { itemId: 'a', ref: 'time:1:100', at: START },
        { itemId: 'b', ref: 'time:1:101', at: START },
      ]);
    });

    it('keeps receipts on disk after their items are gone, seen by another window, without telling item listeners', async () => {
      const first = open();
      const item = await first.add('time', { hours: 1 });
      let changes = 0;
      first.onDidChange(() => changes++);
      assert.equal(await first.reserve(item.id, 'time:1:7'), true);
      assert.equal(changes, 0, 'a receipt is not an item change');
      await first.drain(async () => undefined, neverReconcile);
      const second = open();
      assert.deepEqual(await second.list(), []);
      assert.equal(await second.reserve('other', 'time:1:7'), false);
    });

    it('drops receipts older than the age limit and beyond the count limit, oldest first', async () => {
      const outbox = open();
      await outbox.reserve('old', 'time:1:1');
      clock += RECEIPT_MAX_AGE_MS;
      await outbox.reserve('new', 'time:1:2');
      assert.deepEqual((await outbox.receipts()).map((receipt) => receipt.itemId), ['new']);
      const receipts = Array.from({ length: RECEIPT_LIMIT + 5 }, (_, index) => ({ itemId: `i${index}`, ref: `r${index}`, at: clock }));
      fs.writeFileSync(file(), JSON.stringify({ version: 1, items: [], receipts }));
      const kept = await outbox.receipts();
      assert.equal(kept.length, RECEIPT_LIMIT);
      assert.equal(kept[0]?.ref, 'r5');
    });
  });

  describe('attempts and backoff', () => {
    it('waits longer after each retryable failure, up to the cap', async () => {
      const outbox = open();
      const { id } = await outbox.add('time', { hours: 1 });
      const delays: number[] = [];
      for (let attempt = 1; attempt <= 7; attempt++) {
        const item = await outbox.markAttempt(id, { result: 'retryable', error: new Error(`try ${attempt}`) });
        assert.ok(item);
        assert.equal(item.attempts, attempt);
        assert.equal(item.state, 'pending');
        assert.equal(item.lastError, `try ${attempt}`);
        delays.push(item.nextAttemptAt - clock);
      }
      assert.deepEqual(delays, [1500, 3000, 6000, 12_000, 24_000, 45_000, 45_000]);
    });

    it('is due again only once its delay has passed', async () => {
      const outbox = open();
      const { id } = await outbox.add('time', { hours: 1 });
      await outbox.markAttempt(id, { result: 'retryable', error: new Error('offline') });
      assert.deepEqual(await outbox.due(), []);
      assert.deepEqual(await outbox.due(START + 1499), []);
      assert.deepEqual((await outbox.due(START + 1500)).map((item) => item.id), [id]);
      assert.equal(await outbox.nextDueAt(), START + 1500);
    });

    it('honours a longer wait asked for by the server', async () => {
      const outbox = open();
      const { id } = await outbox.add('time', { hours: 1 });
      const item = await outbox.markAttempt(id, { result: 'retryable', error: new Error('rate limited'), retryAfterMs: 20_000 });
      assert.equal(item?.nextAttemptAt, START + 20_000);
    });

    it('marks an attempt whose outcome is unknown as uncertain', async () => {
      const outbox = open();
      const { id } = await outbox.add('time', { hours: 1 });
      const item = await outbox.markAttempt(id, { result: 'uncertain', error: new Error('timeout') });
      assert.equal(item?.state, 'uncertain');
      assert.equal(item?.lookupAfter, START + 120_000, 'looked up no sooner than two minutes later');
      assert.equal(item?.nextAttemptAt, START + 120_000);
    });

    it('keeps a refused item as failed, never due, until the user retries it', async () => {
      const outbox = open();
      const { id } = await outbox.add('time', { hours: 1 });
      const item = await outbox.markAttempt(id, { result: 'fatal', error: new Error('Validation error: worktype') });
      assert.equal(item?.state, 'failed');
      assert.equal(item?.lastError, 'Validation error: worktype');
      assert.deepEqual(await outbox.due(START + 365 * 86_400_000), []);
      assert.equal(await outbox.nextDueAt(), undefined);
      assert.equal((await outbox.list()).length, 1, 'a failed item is kept');
      assert.equal(await outbox.retry(id), true);
      const [again] = await outbox.due();
      assert.equal(again.id, id);
      assert.equal(again.state, 'pending');
      assert.equal(await outbox.retry('missing'), false);
    });

    it('removes an item once it is done', async () => {
      const outbox = open();
      const { id } = await outbox.add('time', { hours: 1 });
      assert.equal(await outbox.markAttempt(id, { result: 'done' }), undefined);
      assert.deepEqual(await outbox.list(), []);
      assert.equal(await outbox.markAttempt('missing', { result: 'retryable', error: 'x' }), undefined);
    });

    it('sends items of one key strictly in order; a failed one holds back the rest of its key only', async () => {
      const outbox = open();
      const first = await outbox.add('timer', { hours: 1 }, { key: 'timer:7' });
      const second = await outbox.add('timer', { hours: 2 }, { key: 'timer:7' });
      const other = await outbox.add('time', { hours: 3 });
      assert.deepEqual((await outbox.due()).map((item) => item.id), [first.id, other.id]);
      await outbox.markAttempt(first.id, { result: 'fatal', error: new Error('refused') });
      assert.deepEqual((await outbox.due()).map((item) => item.id), [other.id]);
      await outbox.remove(first.id);
      assert.deepEqual((await outbox.due()).map((item) => item.id), [second.id, other.id]);
    });

    it('replaces queued whole-state writes of the same key, but never one that may have been delivered', async () => {
      const outbox = open();
      const old = await outbox.add('timer', { hours: 1 }, { key: 'timer:7' });
      const doubtful = await outbox.add('timer', { hours: 2 }, { key: 'timer:8' });
      await outbox.markAttempt(doubtful.id, { result: 'uncertain', error: new Error('timeout') });
      await outbox.add('timer', { hours: 3 }, { key: 'timer:7', supersede: true });
      await outbox.add('timer', { hours: 4 }, { key: 'timer:8', supersede: true });
      const list = await outbox.list();
      assert.deepEqual(list.map((item) => item.payload.hours), [2, 3, 4]);
      assert.equal(list.some((item) => item.id === old.id), false);
    });
  });

  describe('drain', () => {
    it('sends every due item once, oldest first, and removes it', async () => {
      const outbox = open();
      for (const hours of [1, 2, 3]) {
        await outbox.add('time', { hours });
      }
      const sent: number[] = [];
      const report = await outbox.drain(async (item) => void sent.push(item.payload.hours), neverReconcile);
      assert.deepEqual(sent, [1, 2, 3]);
      assert.deepEqual(report, { sent: 3, confirmed: 0, retrying: 0, failed: 0 });
      assert.deepEqual(await outbox.list(), []);
    });

    it('keeps every failed item, sorted by the classification of its error', async () => {
      const outbox = open({ describeError: (error) => `[${error instanceof Error ? error.message : 'unknown'}]` });
      const retryable = await outbox.add('time', { hours: 1 });
      const uncertain = await outbox.add('time', { hours: 2 });
      const fatal = await outbox.add('time', { hours: 3 });
      const fine = await outbox.add('time', { hours: 4 });
      const failures: Record<number, Error> = {
        1: new TestFailure('offline', 'retryable'),
        2: new TestFailure('timed out after sending', 'uncertain'),
        3: new TestFailure('Validation error', 'fatal'),
      };
      const report = await outbox.drain(async (item) => {
        const failure = failures[item.payload.hours];
        if (failure) {
          throw failure;
        }
      }, neverReconcile);
      assert.deepEqual(report, { sent: 1, confirmed: 0, retrying: 2, failed: 1 });
      const byId = new Map((await outbox.list()).map((item) => [item.id, item]));
      assert.equal(byId.has(fine.id), false);
      assert.deepEqual(
        [retryable, uncertain, fatal].map(({ id }) => [byId.get(id)?.state, byId.get(id)?.lastError, byId.get(id)?.attempts]),
        [
          ['pending', '[offline]', 1],
          ['uncertain', '[timed out after sending]', 1],
          ['failed', '[Validation error]', 1],
        ],
      );
      assert.equal(byId.get(retryable.id)?.claim, undefined, 'the claim is released');
    });

    it('looks an uncertain item up first and does not send it again when it arrived', async () => {
      const outbox = open();
      const { id } = await outbox.add('time', { hours: 1 });
      await outbox.markAttempt(id, { result: 'uncertain', error: new Error('connection dropped') });
      clock += 120_000;
      const looked: string[] = [];
      let sends = 0;
      const report = await outbox.drain(
        async () => void sends++,
        async (item) => {
          looked.push(item.id);
          return 'exists';
        },
      );
      assert.deepEqual(looked, [id]);
      assert.equal(sends, 0);
      assert.deepEqual(report, { sent: 0, confirmed: 1, retrying: 0, failed: 0 });
      assert.deepEqual(await outbox.list(), []);
    });

    it('sends an uncertain item that the server does not have', async () => {
      const outbox = open();
      const { id } = await outbox.add('time', { hours: 1 });
      await outbox.markAttempt(id, { result: 'uncertain', error: new Error('timeout') });
      clock += 120_000;
      const sent: string[] = [];
      const report = await outbox.drain(async (item) => void sent.push(item.id), async () => 'absent');
      assert.deepEqual(sent, [id]);
      assert.equal(report.sent, 1);
    });

    it('keeps an uncertain item uncertain, unsent, while the lookup cannot tell', async () => {
      const outbox = open();
      const first = await outbox.add('time', { hours: 1 });
      const second = await outbox.add('time', { hours: 2 });
      await outbox.markAttempt(first.id, { result: 'uncertain', error: new Error('timeout') });
      await outbox.markAttempt(second.id, { result: 'uncertain', error: new Error('timeout') });
      clock += 120_000;
      let sends = 0;
      const report = await outbox.drain(
        async () => void sends++,
        async (item) => {
          if (item.id === second.id) {
            throw new Error('lookup failed: offline');
          }
          return 'unknown';
        },
      );
      assert.equal(sends, 0);
      assert.deepEqual(report, { sent: 0, confirmed: 0, retrying: 2, failed: 0 });
      const [a, b] = await outbox.list();
      assert.deepEqual([a.state, a.attempts], ['uncertain', 2]);
      assert.match(a.lastError ?? '', /Could not find out whether an earlier attempt reached the server/);
      assert.deepEqual([b.state, b.lastError], ['uncertain', 'lookup failed: offline']);
    });

    it('treats an error the classifier cannot handle as uncertain rather than losing the item', async () => {
      const outbox = open({
        classify: () => {
          throw new Error('classifier bug');
        },
      });
      await outbox.add('time', { hours: 1 });
      await outbox.drain(async () => {
        throw new Error('strange');
      }, neverReconcile);
      const [item] = await outbox.list();
      assert.equal(item.state, 'uncertain');
      assert.equal(item.lastError, 'strange');
    });

    it('tries each item at most once per drain, even with no delay between attempts', async () => {
      const outbox = open({ backoff: { baseMs: 0, maxMs: 0 } });
      await outbox.add('time', { hours: 1 });
      let sends = 0;
      const report = await outbox.drain(async () => {
        sends++;
        throw new TestFailure('offline', 'retryable');
      }, neverReconcile);
      assert.equal(sends, 1);
      assert.equal(report.retrying, 1);
    });

    it('sends the next item of a key in the same drain once the one before it is done, but not after a failure', async () => {
      const outbox = open();
      await outbox.add('timer', { hours: 1 }, { key: 'a' });
      await outbox.add('timer', { hours: 2 }, { key: 'a' });
      await outbox.add('timer', { hours: 3 }, { key: 'b' });
      await outbox.add('timer', { hours: 4 }, { key: 'b' });
      const sent: number[] = [];
      await outbox.drain(async (item) => {
        if (item.payload.hours === 3) {
          throw new TestFailure('offline', 'retryable');
        }
        sent.push(item.payload.hours);
      }, neverReconcile);
      assert.deepEqual(sent, [1, 2]);
      assert.deepEqual((await outbox.list()).map((item) => item.payload.hours), [3, 4]);
    });

    it('also sends an item added while it runs', async () => {
      const outbox = open();
      await outbox.add('time', { hours: 1 });
      const sent: number[] = [];
      await outbox.drain(async (item) => {
        sent.push(item.payload.hours);
        if (item.payload.hours === 1) {
          await outbox.add('time', { hours: 2 });
        }
      }, neverReconcile);
      assert.deepEqual(sent, [1, 2]);
    });

    it('runs one drain at a time: a second call joins the first', async () => {
      const outbox = open();
      await outbox.add('time', { hours: 1 });
      await outbox.add('time', { hours: 2 });
      const sent: number[] = [];
      const send = async (item: OutboxItem<Payload>): Promise<void> => {
        await tick();
        sent.push(item.payload.hours);
      };
      const first = outbox.drain(send, neverReconcile);
      const second = outbox.drain(send, neverReconcile);
      assert.equal(first, second);
      await Promise.all([first, second]);
      assert.deepEqual(sent, [1, 2]);
      const third = outbox.drain(send, neverReconcile);
      assert.notEqual(third, first, 'a finished drain is not reused');
      assert.deepEqual(await third, { sent: 0, confirmed: 0, retrying: 0, failed: 0 });
    });

    it('does not offer an item that is being sent', async () => {
      const outbox = open();
      await outbox.add('time', { hours: 1 });
      let dueWhileSending: OutboxItem<Payload>[] | undefined;
      await outbox.drain(async () => {
        dueWhileSending = await outbox.due();
      }, neverReconcile);
      assert.deepEqual(dueWhileSending, []);
    });
  });

  describe('several windows on one folder', () => {
    it('merges the items both windows add instead of overwriting', async () => {
      const a = open();
      const b = open();
      await Promise.all(
        Array.from({ length: 10 }, (_, index) => (index % 2 === 0 ? a : b).add('time', { hours: index })),
      );
      const hours = (await a.list()).map((item) => item.payload.hours).sort((x, y) => x - y);
      assert.deepEqual(hours, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      assert.deepEqual(await b.list(), await a.list());
    });

    it('never sends the same item from two windows draining at once', async () => {
      const a = open();
      const b = open();
      for (let index = 0; index < 12; index++) {
        await a.add('time', { hours: index });
      }
      const sends = new Map<number, string[]>();
      const sender = (name: string) => async (item: OutboxItem<Payload>): Promise<void> => {
        await tick();
        sends.set(item.payload.hours, [...(sends.get(item.payload.hours) ?? []), name]);
        await tick();
      };
      const [reportA, reportB] = await Promise.all([a.drain(sender('a'), neverReconcile), b.drain(sender('b'), neverReconcile)]);
      assert.equal(sends.size, 12);
      for (const [hours, by] of sends) {
        assert.equal(by.length, 1, `item ${hours} was sent by ${by.join(' and ')}`);
      }
      assert.equal(reportA.sent + reportB.sent, 12);
      assert.deepEqual(await a.list(), []);
    });

    it('leaves alone an item another live window is sending', async () => {
      const { id } = await open().add('time', { hours: 1 });
      const [item] = readFileItems();
      writeFileItems([{ ...item, claim: { owner: 'other-window', pid: OTHER_LIVE_PID, until: START + 60_000 } }]);
      const outbox = open();
      assert.deepEqual(await outbox.due(), []);
      assert.equal(await outbox.nextDueAt(), START + 60_000);
      let sends = 0;
      const report = await outbox.drain(async () => void sends++, neverReconcile);
      assert.equal(sends, 0, 'nothing is sent');
      assert.deepEqual(report, { sent: 0, confirmed: 0, retrying: 0, failed: 0 });
      const [kept] = await outbox.list();
      assert.equal(kept.id, id);
      assert.equal(kept.attempts, 0);
      assert.equal(kept.claim?.owner, 'other-window', 'the other window keeps its claim');
    });

    it('treats an item claimed by a window that crashed as uncertain and looks it up first', async () => {
      await open().add('time', { hours: 1 });
      const [item] = readFileItems();
      // Its window crashed long ago: any request it had on the way has landed by now.
      writeFileItems([{ ...item, claim: { owner: 'crashed-window', pid: DEAD_PID, until: START - 300_000 } }]);
      const outbox = open();
      const looked: OutboxItem<Payload>[] = [];
      const sent: string[] = [];
      const report = await outbox.drain(
        async (sending) => void sent.push(sending.id),
        async (uncertain) => {
          looked.push(uncertain);
          return 'absent';
        },
      );
      assert.equal(looked.length, 1);
      assert.equal(looked[0].state, 'uncertain');
      assert.equal(looked[0].attempts, 1);
      assert.match(looked[0].lastError ?? '', /interrupted before its outcome was known/);
      assert.deepEqual(sent, [item.id]);
      assert.equal(report.sent, 1);
    });

    it('takes over an item whose lease ran out without sending it twice', async () => {
      const a = open({ leaseMs: 60_000 });
      const b = open({ leaseMs: 60_000 });
      const { id } = await a.add('time', { hours: 1 });
      let sends = 0;
      let releaseA: () => void = () => undefined;
      const aSending = new Promise<void>((resolve) => {
        releaseA = resolve;
      });
      let aStarted: () => void = () => undefined;
      const started = new Promise<void>((resolve) => {
        aStarted = resolve;
      });
      const drainA = a.drain(async () => {
        sends++;
        aStarted();
        await aSending;
      }, neverReconcile);
      await started;
      clock += 60_001 + 120_000;
      // Window A's request arrived but its answer is slow; B finds the lease long expired.
      const reportB = await b.drain(
        async () => void sends++,
        async () => 'exists',
      );
      assert.deepEqual(reportB, { sent: 0, confirmed: 1, retrying: 0, failed: 0 });
      releaseA();
      const reportA = await drainA;
      assert.equal(reportA.sent, 1);
      assert.equal(sends, 1);
      assert.equal((await a.list()).some((item) => item.id === id), false);
    });

    it('does not let a window whose lease ran out overwrite the window that took over', async () => {
      const a = open({ leaseMs: 60_000 });
      await a.add('time', { hours: 1 });
      let proceed: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => {
        proceed = resolve;
      });
      let started: () => void = () => undefined;
      const aStarted = new Promise<void>((resolve) => {
        started = resolve;
      });
      const drainA = a.drain(async () => {
        started();
        await gate;
        throw new TestFailure('offline', 'retryable');
      }, neverReconcile);
      await aStarted;
      clock += 60_001;
      const [item] = readFileItems();
      const takeover = { owner: 'window-b', pid: OTHER_LIVE_PID, until: clock + 60_000 };
      writeFileItems([{ ...item, state: 'uncertain', claim: takeover }]);
      proceed();
      await drainA;
      const [after] = readFileItems();
      assert.deepEqual(after.claim, takeover);
      assert.equal(after.state, 'uncertain');
    });
  });
});
