import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { TimerListing } from '../../src/commands/timer/showTimers';
import type { TimerEntry } from '../../src/timer/timerService';
import { extensionGraph, fakeServer, type Graph, setClock, settled, signIn, signOut } from './helpers';

const ADMIN = 1;
const TASK = 1; // local id 1001

describe('General timers', () => {
  let graph: Graph;
  const fake = fakeServer();

  const start = (arg: unknown) => vscode.commands.executeCommand<TimerEntry | undefined>('intervals.startTimer', arg);
  const adminTimers = async () => (await fake.control.rows('timer')).filter((row) => row.personid === ADMIN);

  async function clearTimers(): Promise<void> {
    for (const row of await fake.control.rows('timer')) {
      await fake.control.deleteRow('timer', row.id);
    }
    await fs.mkdir(graph.stateFolder, { recursive: true });
    await fs.writeFile(path.join(graph.stateFolder, 'timers.json'), JSON.stringify({ version: 1, personId: null, records: [], tasks: [], deletions: [] }));
    await graph.timers.load();
  }

  before(async () => {
    graph = await extensionGraph();
  });

  beforeEach(async () => {
    await fake.control.reset();
    await signIn('admin');
    await graph.work.idle();
    setClock(graph, 0);
    await clearTimers();
  });

  afterEach(async () => {
    setClock(graph, 0);
    await graph.work.idle();
    await clearTimers();
  });

  after(async () => {
    await signOut();
  });

  it('startTimer { name } starts a general timer on the service, pausing the task timer', async () => {
    await start({ taskId: TASK });
    const entry = await start({ name: '  Client call  ' });
    const rows = await adminTimers();
    const general = rows.find((row) => row.taskid === null);
    assert.equal(general?.name, 'Client call');
    assert.notEqual(general?.starttime, null);
    assert.equal(rows.find((row) => row.taskid === TASK)?.starttime, null);
    assert.equal(entry?.timer.id, general?.id);
    assert.equal(entry?.timer.name, 'Client call');
  });

  it('the status bar and Show Timers show the general timer by its name', async () => {
    await start({ name: 'Standup $(zap)' });
    await settled();
    graph.statusBar.flush();
    const view = graph.statusBar.view;
    assert.match(view?.text ?? '', /^\$\(clock\) 0:00 Standup \\\$\(zap\)$/);
    assert.match(view?.tooltip ?? '', /^General timer: Standup \$\(zap\)$/m);
    const listing = await vscode.commands.executeCommand<TimerListing[]>('intervals.showTimers', {});
    assert.deepEqual(
      listing.map((item) => [item.taskId, item.label, item.running]),
      [[undefined, 'General timer: Standup \\$(zap)', true]],
    );
  });

  it('pauses and resumes a general timer by its timer id', async () => {
    const entry = await start({ name: 'Review' });
    await vscode.commands.executeCommand('intervals.pauseTimer', { timerId: entry?.timer.id });
    assert.equal((await adminTimers())[0]?.starttime, null);
    await vscode.commands.executeCommand('intervals.resumeTimer', { timerId: entry?.timer.id });
    assert.notEqual((await adminTimers())[0]?.starttime, null);
  });

  it('resuming a paused general timer pauses the running task timer, as starting does', async () => {
    const general = await start({ name: 'Support' });
    await start({ taskId: TASK });
    assert.equal((await adminTimers()).find((row) => row.taskid === null)?.starttime, null);
    await vscode.commands.executeCommand('intervals.resumeTimer', { timerId: general?.timer.id });
    const rows = await adminTimers();
    assert.notEqual(rows.find((row) => row.taskid === null)?.starttime, null);
    assert.equal(rows.find((row) => row.taskid === TASK)?.starttime, null);
    const running = graph.timers.entries.filter((entry) => entry.timer.startedAt !== null);
    assert.deepEqual(
      running.map((entry) => entry.timer.name),
      ['Support'],
    );
  });

  it('refuses a blank name without asking or starting anything', async () => {
    const refused = (await start({ name: '   ' })) as unknown as { status: string; message: string };
    assert.equal(refused.status, 'invalid');
    assert.match(refused.message, /name " {3}" is not a name of 1 to 255 characters/);
    assert.equal((await adminTimers()).length, 0);
  });
});
