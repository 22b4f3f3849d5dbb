import * as assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReminderClaims } from '../../src/reminders/reminderClaims';

describe('Reminder claims (one window reminds)', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'reminder-claims-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives a claim to the first window only, also when they ask at the same moment', async () => {
    const windows = [new ReminderClaims(join(dir, 'reminders')), new ReminderClaims(join(dir, 'reminders')), new ReminderClaims(join(dir, 'reminders'))];
    const results = await Promise.all(windows.map((window) => window.claim('logTime-2026-11-27')));
    assert.equal(results.filter(Boolean).length, 1);
    assert.equal(await windows[0]?.claim('logTime-2026-11-27'), false, 'not twice either');
    assert.equal(await windows[1]?.claim('logTime-2026-11-28'), true, 'another day is another claim');
  });

  it('lets a claim be given back and taken again', async () => {
    const claims = new ReminderClaims(dir);
    assert.equal(await claims.claim('startTimer-2026-11-27-10'), true);
    await claims.release('startTimer-2026-11-27-10');
    assert.equal(await claims.claim('startTimer-2026-11-27-10'), true);
  });

  it('prunes the claims of days before yesterday and keeps the rest', async () => {
    const claims = new ReminderClaims(dir);
    for (const key of ['logTime-2026-11-20', 'startTimer-2026-11-25-09', 'logTime-2026-11-26', 'startTimer-2026-11-27-10']) {
      await writeFile(join(dir, key), '1\n');
    }
    await claims.prune(new Date(2026, 10, 27, 12, 0));
    assert.deepEqual((await readdir(dir)).sort(), ['logTime-2026-11-26', 'startTimer-2026-11-27-10']);
  });

  it('prunes nothing, quietly, when no claim was ever made', async () => {
    await new ReminderClaims(join(dir, 'never-created')).prune(new Date());
    assert.equal(existsSync(join(dir, 'never-created')), false, 'pruning creates no folder');
  });
});
