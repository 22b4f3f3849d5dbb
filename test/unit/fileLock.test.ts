import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FileLock, FileLockOptions, processIsAlive } from '../../src/outbox/fileLock';
import { nodeStateFileSystem } from '../../src/outbox/stateFileSystem';

const DEAD_PID = 999_999_001;
const OTHER_LIVE_PID = 999_999_002;

describe('FileLock', () => {
  let folder: string;
  let lockPath: string;
  let clock: number;

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'intervals-lock-'));
    lockPath = path.join(folder, 'outbox.json.lock');
    clock = 1_000_000;
  });

  afterEach(() => {
    fs.rmSync(folder, { recursive: true, force: true });
  });

  function lock(owner: string, extra: Partial<FileLockOptions> = {}): FileLock {
    return new FileLock(lockPath, {
      owner,
      now: () => clock,
      sleep: () => new Promise((resolve) => setImmediate(resolve)),
      isProcessAlive: (pid) => pid !== DEAD_PID,
      processStartedAt: () => undefined,
      staleMs: 30_000,
      ...extra,
    });
  }

  function writeLock(content: object | string): void {
    fs.writeFileSync(lockPath, typeof content === 'string' ? content : JSON.stringify(content));
  }

  function ageLock(ms: number): void {
    const then = new Date(Date.now() - ms);
    fs.utimesSync(lockPath, then, then);
  }

  function readLock(): { owner: string; pid: number; at: number } {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { owner: string; pid: number; at: number };
  }

  it('creates a lock file naming its owner and removes it on release', async () => {
    const a = lock('a');
    await a.acquire();
    assert.deepEqual(readLock(), { owner: 'a', pid: process.pid, at: clock });
    await a.release();
    assert.equal(fs.existsSync(lockPath), false);
  });

  it('makes a second holder wait until the first releases', async () => {
    const a = lock('a');
    await a.acquire();
    let waits = 0;
    const b = lock('b', {
      sleep: async () => {
        waits++;
        if (waits === 3) {
          await a.release();
        }
      },
    });
    await b.acquire();
    assert.equal(waits, 3);
    assert.equal(readLock().owner, 'b');
    await b.release();
  });

  it('gives up with a clear error when a live holder keeps the lock', async () => {
    writeLock({ owner: 'other', pid: OTHER_LIVE_PID, at: clock });
    const a = lock('a', { maxWaits: 5 });
    await assert.rejects(a.acquire(), /Timed out waiting for the lock .* held by process 999999002/);
    assert.equal(readLock().owner, 'other');
  });

  it('breaks at once the lock of a process that no longer exists, and says so', async () => {
    writeLock({ owner: 'crashed', pid: DEAD_PID, at: clock });
    const problems: string[] = [];
    let waits = 0;
    const a = lock('a', { onProblem: (message) => problems.push(message), sleep: async () => void waits++ });
    await a.acquire();
    assert.equal(readLock().owner, 'a');
    assert.equal(waits, 0);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /stale lock left by process 999999001/);
    assert.deepEqual(fs.readdirSync(folder), ['outbox.json.lock']);
  });

  it('never breaks the lock of a live holder, however long ago it was taken (a stalled window)', async () => {
    writeLock({ owner: 'stalled', pid: OTHER_LIVE_PID, at: clock - 60 * 60_000 });
    ageLock(60 * 60_000);
    const a = lock('a', { maxWaits: 3 });
    await assert.rejects(a.acquire(), /Timed out waiting for the lock .* held by process 999999002/);
    assert.equal(readLock().owner, 'stalled');
  });

  it('breaks the lock of a process id now used by a process started after the lock was taken', async () => {
    writeLock({ owner: 'crashed', pid: OTHER_LIVE_PID, at: clock - 60_000 });
    const a = lock('a', { processStartedAt: (pid) => (pid === OTHER_LIVE_PID ? clock - 1_000 : undefined) });
    await a.acquire();
    assert.equal(readLock().owner, 'a');
  });

  it('keeps the lock of a live holder whose process started before it took the lock', async () => {
    writeLock({ owner: 'holder', pid: OTHER_LIVE_PID, at: clock - 60_000 });
    const a = lock('a', { maxWaits: 2, processStartedAt: () => clock - 120_000 });
    await assert.rejects(a.acquire(), /Timed out/);
  });

  it('waits on a fresh unreadable lock (its holder is writing it)', async () => {
    writeLock('');
    const a = lock('a', { maxWaits: 3 });
    await assert.rejects(a.acquire(), /Timed out waiting for the lock .* held by process \?/);
    assert.equal(fs.readFileSync(lockPath, 'utf8'), '');
  });

  it('breaks at once an empty or half-written lock older than the stale limit on disk, whichever acquire looks', async () => {
    for (const leftover of ['', '{"owner":"cut sh']) {
      writeLock(leftover);
      ageLock(30_001);
      const problems: string[] = [];
      let waits = 0;
      const a = lock(`a${leftover.length}`, { maxWaits: 2, onProblem: (message) => problems.push(message), sleep: async () => void waits++ });
      await a.acquire();
      assert.equal(waits, 0, 'no wait: the file itself says how old it is');
      assert.match(problems[0] ?? '', /stale lock left by a process that died while taking it/);
      await a.release();
    }
  });

  it('a holder stalled between creating and writing its lock, taken for dead meanwhile, does not go on as holder', async () => {
    const files = nodeStateFileSystem();
    let stalled = true;
    const a = lock('a', {
      maxWaits: 1,
      files: {
        ...files,
        createExclusive: async (file, content) => {
          await files.createExclusive(file, '');
          if (stalled) {
            stalled = false;
            // Meanwhile another window judged the empty lock stale, broke it and took the lock;
            // our content lands in the file we created, which is no longer the lock.
            fs.renameSync(file, `${file}.gone`);
            writeLock({ owner: 'b', pid: OTHER_LIVE_PID, at: clock });
            fs.writeFileSync(`${file}.gone`, content);
          } else {
            fs.writeFileSync(file, content);
          }
        },
      },
    });
    await assert.rejects(a.acquire(), /Timed out/);
    assert.equal(readLock().owner, 'b');
  });

  it('puts back a fresh lock that replaced the stale one between the check and the break', async () => {
    writeLock({ owner: 'crashed', pid: DEAD_PID, at: clock });
    let raced = false;
    let waits = 0;
    const fresh = { owner: 'fresh', pid: OTHER_LIVE_PID, at: clock };
    const a = lock('a', {
      isProcessAlive: (pid) => {
        if (pid === DEAD_PID && !raced) {
          // Another window breaks the stale lock and takes the lock right now.
          raced = true;
          writeLock(fresh);
        }
        return pid !== DEAD_PID;
      },
      sleep: async () => {
        waits++;
        assert.deepEqual(readLock(), fresh, 'the fresh holder keeps its lock while we wait');
        if (waits === 2) {
          fs.rmSync(lockPath);
        }
      },
    });
    await a.acquire();
    assert.equal(raced, true);
    assert.equal(waits, 2);
    assert.equal(readLock().owner, 'a');
    assert.deepEqual(fs.readdirSync(folder), ['outbox.json.lock']);
  });

  it('does not delete a lock that now belongs to someone else', async () => {
    const a = lock('a');
    await a.acquire();
    writeLock({ owner: 'b', pid: process.pid, at: clock });
    await a.release();
    assert.equal(readLock().owner, 'b');
  });

  it('releases the lock when the guarded action throws', async () => {
    const a = lock('a');
    await assert.rejects(
      a.withLock(async () => {
        throw new Error('inside');
      }),
      /inside/,
    );
    assert.equal(fs.existsSync(lockPath), false);
  });

  it('lets only one of many holders in at a time', async () => {
    let inside = 0;
    let most = 0;
    let total = 0;
    // Waits here are turns of the event loop, not time: on a busy machine one holder may lose many
    // turns in a row, and giving up is another test's subject. This one is about exclusion.
    const holders = Array.from({ length: 8 }, (_, index) => lock(`h${index}`, { maxWaits: Number.MAX_SAFE_INTEGER }));
    await Promise.all(
      holders.map((holder) =>
        holder.withLock(async () => {
          inside++;
          most = Math.max(most, inside);
          await new Promise((resolve) => setImmediate(resolve));
          total++;
          inside--;
        }),
      ),
    );
    assert.equal(total, 8);
    assert.equal(most, 1);
  });

  it('tells a running process from one that is gone', () => {
    assert.equal(processIsAlive(process.pid), true);
    assert.equal(processIsAlive(DEAD_PID), false);
  });
});
