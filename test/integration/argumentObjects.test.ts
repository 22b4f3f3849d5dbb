import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { COMMAND_ARGUMENTS, type ArgumentObject, type CommandId, type NoArgumentObject } from '../../src/commands/argumentObjects';
import type { Asker } from '../../src/prompts/asker';
import { answerNotifications, answerPrompts, eventually, EXTENSION_ID, extensionGraph, fakeServer, type Graph, signIn } from './helpers';

// The argument-object contract, over every contributed command: ids are numbers or strings of
// digits; a value that does not fit is refused with a clear message, nothing is asked and
// nothing is sent. Which command takes which keys, and why one takes none, is in
// src/commands/argumentObjects.ts, which the README's command reference is written from.

type Args = Record<string, unknown>;

/** A command that takes an argument object with keys (src/commands/argumentObjects.ts says which). */
interface Row {
  readonly command: string;
  /** An argument object holding one value the command cannot use, and the key it names. */
  readonly invalid: { readonly arg: Args; readonly key: string };
}

const TABLE: readonly Row[] = [
  { command: 'intervals.signIn', invalid: { arg: { token: 12345678901 }, key: 'token' } },
  { command: 'intervals.findTask', invalid: { arg: { value: 42 }, key: 'value' } },
  { command: 'intervals.openTaskInBrowser', invalid: { arg: { taskId: 'homepage' }, key: 'taskId' } },
  { command: 'intervals.copyTaskLink', invalid: { arg: { taskId: '#1001' }, key: 'taskId' } },
  { command: 'intervals.copyTaskId', invalid: { arg: { taskId: 0 }, key: 'taskId' } },
  { command: 'intervals.pinTask', invalid: { arg: { taskId: 'top' }, key: 'taskId' } },
  { command: 'intervals.unpinTask', invalid: { arg: { taskId: -3 }, key: 'taskId' } },
  { command: 'intervals.showClientTasks', invalid: { arg: { clientId: 'acme' }, key: 'clientId' } },
  { command: 'intervals.tasks.showActions', invalid: { arg: { taskId: 'first' }, key: 'taskId' } },
  { command: 'intervals.startTimer', invalid: { arg: { taskId: 'abc' }, key: 'taskId' } },
  { command: 'intervals.pauseTimer', invalid: { arg: { timerId: 'x' }, key: 'timerId' } },
  { command: 'intervals.resumeTimer', invalid: { arg: { taskId: -1 }, key: 'taskId' } },
  { command: 'intervals.stopTimer', invalid: { arg: { taskId: 1, date: '2026-02-30', prompt: false }, key: 'date' } },
  { command: 'intervals.discardTimer', invalid: { arg: { timerId: 'seven', confirm: false }, key: 'timerId' } },
  { command: 'intervals.adjustTimer', invalid: { arg: { elapsed: 'a while' }, key: 'elapsed' } },
  { command: 'intervals.logTime', invalid: { arg: { taskId: 'abc', hours: 1 }, key: 'taskId' } },
  { command: 'intervals.thisWeek', invalid: { arg: { date: 'last week' }, key: 'date' } },
  { command: 'intervals.openTimesheet', invalid: { arg: { week: 'next week' }, key: 'week' } },
  { command: 'intervals.editTimeEntry', invalid: { arg: { entryId: 1, hours: true }, key: 'hours' } },
  { command: 'intervals.deleteTimeEntry', invalid: { arg: { entryId: 'first', confirm: false }, key: 'entryId' } },
  { command: 'intervals.logAgainToday', invalid: { arg: { entryId: 1.5 }, key: 'entryId' } },
  { command: 'intervals.retrySync', invalid: { arg: { id: 7 }, key: 'id' } },
  { command: 'intervals.discardWaitingEntry', invalid: { arg: { id: 7, confirm: false }, key: 'id' } },
  { command: 'intervals.timeReport', invalid: { arg: { range: 'forever' }, key: 'range' } },
  {
    command: 'intervals.createProject',
    invalid: { arg: { clientId: 'acme', name: 'Refused', dateStart: '2026-04-01', billable: true, active: true }, key: 'clientId' },
  },
  { command: 'intervals.createTask', invalid: { arg: { projectId: 1, title: 'Refused', dateDue: '2026-13-01' }, key: 'dateDue' } },
  { command: 'intervals.setTaskStatus', invalid: { arg: { taskId: 1, statusId: 'done' }, key: 'statusId' } },
  { command: 'intervals.addTaskNote', invalid: { arg: { taskId: 1, note: 'Hi', public: 'yes' }, key: 'public' } },
  { command: 'intervals.assignTask', invalid: { arg: { taskId: 1, assigneeIds: ['me'] }, key: 'assigneeIds' } },
  { command: 'intervals.startWork', invalid: { arg: { taskId: 'abc' }, key: 'taskId' } },
  { command: 'intervals.linkFolderToProject', invalid: { arg: { projectId: 'website' }, key: 'projectId' } },
];

function contributedCommands(): string[] {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  const manifest = JSON.parse(readFileSync(join(extension.extensionPath, 'package.json'), 'utf8')) as {
    contributes: { commands: Array<{ command: string }> };
  };
  return manifest.contributes.commands.map((entry) => entry.command);
}

/** Fails on any step of the extension's own prompts: a refused argument must not ask. */
const NEVER_ASK: Asker = {
  input: (step) => Promise.reject(new Error(`asked "${step.prompt ?? step.title}" instead of refusing the argument`)),
  pick: (step) => Promise.reject(new Error(`asked "${step.placeholder ?? step.title}" instead of refusing the argument`)),
  pickMany: (step) => Promise.reject(new Error(`asked "${step.placeholder ?? step.title}" instead of refusing the argument`)),
};

/** A VS Code prompt left open would keep the command waiting for ever: give up on it clearly. */
const PROMPT_GUARD_MS = 10_000;

async function runWithoutPrompt(command: string, arg: Args): Promise<unknown> {
  let guard: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<'prompted'>((resolve) => {
    guard = setTimeout(() => resolve('prompted'), PROMPT_GUARD_MS);
  });
  try {
    const result = await Promise.race([vscode.commands.executeCommand(command, arg), waited]);
    if (result === 'prompted') {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.fail(`${command} ${JSON.stringify(arg)} is still waiting: it asked instead of refusing`);
    }
    return result;
  } finally {
    clearTimeout(guard);
  }
}

describe('Argument objects of every command', () => {
  let graph: Graph;
  let notices: Array<{ severity: string; message: string }>;
  const fake = fakeServer();

  before(async () => {
    graph = await extensionGraph();
  });

  beforeEach(async () => {
    await fake.control.reset();
    await signIn('admin');
    await fake.control.clearRequests();
    notices = [];
    answerNotifications(graph, (severity, message) => {
      notices.push({ severity, message });
      return Promise.resolve(undefined);
    });
  });

  afterEach(() => {
    answerNotifications(graph, undefined);
    answerPrompts(graph, undefined);
  });

  after(async () => {
    await fake.control.reset();
  });

  it('has the argument object of every contributed command, and a row here for each that has keys', () => {
    const contributed = contributedCommands();
    const described = new Map<string, ArgumentObject | NoArgumentObject>(Object.entries(COMMAND_ARGUMENTS));
    assert.deepEqual(
      contributed.filter((command) => !described.has(command)),
      [],
      'every contributed command is in src/commands/argumentObjects.ts',
    );
    const withKeys = contributed.filter((command) => {
      const entry = described.get(command);
      return entry !== undefined && 'keys' in entry && Object.keys(entry.keys).length > 0;
    });
    assert.deepEqual(TABLE.map((row) => row.command).sort(), withKeys.sort());
  });

  it('is documented in the README: every contributed command and every key a caller may give', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const readme = readFileSync(join(extension.extensionPath, 'README.md'), 'utf8');
    for (const command of contributedCommands()) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${command}\`<br>`));
      assert.ok(row, `the README's command reference has ${command}`);
      const entry: ArgumentObject | NoArgumentObject = COMMAND_ARGUMENTS[command as CommandId];
      if ('none' in entry) {
        assert.match(row, /\| none: /, `${command} takes no argument object`);
        continue;
      }
      for (const key of Object.keys(entry.keys).filter((each) => !entry.internal?.includes(each))) {
        assert.match(row, new RegExp(`[{,] ${key}\\??: `), `${command}: ${key}`);
      }
    }
  });

  for (const row of TABLE) {
    const { arg, key } = row.invalid;
    it(`${row.command} refuses ${JSON.stringify(arg)}: names ${key}, asks nothing, sends nothing`, async () => {
      answerPrompts(graph, NEVER_ASK);
      const result = (await runWithoutPrompt(row.command, arg)) as { status?: string; message?: string } | undefined;
      assert.equal(result?.status, 'invalid', `refused: ${JSON.stringify(result)}`);
      assert.match(result?.message ?? '', new RegExp(`^${row.command.replace(/\./g, '\\.')}: ${key} .* is not .*Nothing was done\\.$`));
      assert.deepEqual(
        notices.map((notice) => notice.severity),
        ['error'],
        'the refusal is shown, for a keybinding or a task that has nowhere else to show it',
      );
      assert.equal(notices[0]?.message, result?.message);
      const writes = (await fake.control.requests()).filter((request) => request.method !== 'GET');
      assert.deepEqual(writes, [], 'nothing sent');
    });
  }

  it('takes ids as strings of digits: a client\'s tasks (clientId "1")', async () => {
    const pending = Promise.resolve(vscode.commands.executeCommand<{ clientId: number | null } | undefined>('intervals.showClientTasks', { clientId: '1', pick: true }));
    let settled = false;
    void pending.finally(() => (settled = true));
    await eventually(async () => {
      if (!settled) {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      }
      return settled;
    }, 'the picker of the client\'s tasks was answered', 10_000);
    assert.equal((await pending)?.clientId, 1);
    const listed = (await fake.control.requests()).filter((request) => request.resource === 'task' && request.query.clientid === '1');
    assert.equal(listed.length, 1, 'the tasks of client 1 were listed');
  });

  it('takes ids as strings of digits: start, pause and discard a timer by "1"', async () => {
    answerPrompts(graph, NEVER_ASK);
    const started = (await runWithoutPrompt('intervals.startTimer', { taskId: '1' })) as { timer: { taskId?: number } } | undefined;
    assert.equal(started?.timer.taskId, 1);
    const paused = (await runWithoutPrompt('intervals.pauseTimer', { taskId: '1' })) as { timer: { startedAt: Date | null } } | undefined;
    assert.equal(paused?.timer.startedAt, null);
    assert.equal(await runWithoutPrompt('intervals.discardTimer', { taskId: '1', confirm: false }), true);
    assert.deepEqual(notices, []);
  });

  it('takes ids as strings of digits: the id of task "1"', async () => {
    const copied = await runWithoutPrompt('intervals.copyTaskId', { taskId: '1' });
    assert.equal(copied, await vscode.env.clipboard.readText());
    assert.match(String(copied), /^\d+$/);
  });
});
