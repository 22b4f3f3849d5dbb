import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { PickRequest } from '../../src/prompts/asker';
import type { TimerAdjustment } from '../../src/timer/timerModel';
import type { TimerEntry } from '../../src/timer/timerService';
import type { TaskTreeNode } from '../../src/views/tasks/nodes/taskTreeNode';
import { answerPrompts, extensionGraph, fakeServer, type Graph, runClockFrom, setClock, settled, signIn, signOut } from './helpers';
import { choose, dismiss, ScriptedAsker, type, type Answer } from './scriptedAsker';

const TASK = 1; // local id 1001
const OTHER_TASK = 8;
const THIRD_TASK = 3; // local id 1003

describe('Timer flows', () => {
  let graph: Graph;
  const fake = fakeServer();

  const start = (taskId: number) => vscode.commands.executeCommand<TimerEntry | undefined>('intervals.startTimer', { taskId });

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
    answerPrompts(graph, undefined);
    setClock(graph, 0);
    await graph.work.idle();
    await clearTimers();
  });

  after(async () => {
    await signOut();
  });

  describe('status bar', () => {
    it('after a pause, keeps showing the paused timer, with the others counted', async () => {
      await start(TASK);
      await start(THIRD_TASK);
      await start(OTHER_TASK);
      await vscode.commands.executeCommand('intervals.adjustTimer', { elapsed: '0:59' });
      await vscode.commands.executeCommand('intervals.pauseTimer');
      await settled();
      graph.statusBar.flush();
      const view = graph.statusBar.view;
      const number = graph.timers.find({ taskId: OTHER_TASK })?.task?.localId;
      assert.match(view?.text ?? '', new RegExp(`^\\$\\(debug-pause\\) 0:59 #${number} .* \\+2$`));
      assert.match(view?.tooltip ?? '', /^Paused: 0:59 \(59 min\)$/m);
      assert.match(view?.tooltip ?? '', /^#1001 .*: paused, 0:00$/m);
    });

    it('the tooltip tells the time the text shows', async () => {
      await start(THIRD_TASK);
      await vscode.commands.executeCommand('intervals.adjustTimer', { elapsed: 59 * 60 + 45 });
      await vscode.commands.executeCommand('intervals.pauseTimer');
      await settled();
      graph.statusBar.flush();
      const view = graph.statusBar.view;
      assert.match(view?.text ?? '', /^\$\(debug-pause\) 0:59 #1003 /);
      assert.ok(view?.tooltip.includes('Paused: 0:59 (59 min)'), view?.tooltip);
      assert.ok(!/Paused: 1 h/.test(view?.tooltip ?? ''), view?.tooltip);
    });
  });

  /** Runs `command` with its prompts answered by `answers`; returns what it returned and what was asked. */
  async function withAnswers<T>(answers: Answer[], command: () => Thenable<T>): Promise<{ result: T; asker: ScriptedAsker }> {
    const asker = new ScriptedAsker(answers);
    answerPrompts(graph, asker);
    try {
      return { result: await command(), asker };
    } finally {
      answerPrompts(graph, undefined);
    }
  }

  const pickOf = (asker: ScriptedAsker, index = 0) => {
    const asked = asker.asked[index];
    assert.equal(asked?.kind, 'pick', `step ${index} is a pick`);
    return asked.request as PickRequest<unknown>;
  };
  const runningTask = (value: unknown) => (value as TimerEntry | undefined)?.timer.taskId;

  describe('pickers', () => {
    it('list the running timer first and preselect it', async () => {
      await start(OTHER_TASK);
      await start(TASK);
      assert.equal(graph.timers.entries[0]?.timer.taskId, OTHER_TASK, 'Intervals lists the paused timer first');
      for (const command of ['intervals.adjustTimer', 'intervals.discardTimer', 'intervals.stopTimer', 'intervals.showTimers']) {
        const { asker } = await withAnswers([dismiss], () => vscode.commands.executeCommand(command));
        const pick = pickOf(asker);
        assert.equal(runningTask(pick.items[0]?.value), TASK, `${command}: the running timer first`);
        assert.equal(runningTask(pick.active), TASK, `${command}: and preselected`);
        assert.equal(pick.items[0]?.icon, 'clock');
        assert.match(pick.items[0]?.description ?? '', /^Running · 0:\d\d/);
      }
      assert.equal(graph.timers.entries.length, 2, 'nothing was discarded');
    });

    it('Pause, Adjust and Stop skip the picker when one timer fits', async () => {
      await start(OTHER_TASK);
      await start(TASK);
      const paused = await withAnswers([], () => vscode.commands.executeCommand<TimerEntry>('intervals.pauseTimer'));
      assert.equal(paused.asker.asked.length, 0, 'Pause asked nothing: one timer runs');
      assert.equal(paused.result.timer.taskId, TASK);
      await graph.timers.discard({ taskId: OTHER_TASK });
      const adjusted = await withAnswers([type('20m')], () => vscode.commands.executeCommand<TimerAdjustment>('intervals.adjustTimer'));
      assert.equal(adjusted.asker.asked[0]?.kind, 'input', 'Adjust asks for the time at once');
      assert.equal(adjusted.result.ok, true);
      const stopped = await withAnswers([dismiss], () => vscode.commands.executeCommand('intervals.stopTimer'));
      const first = stopped.asker.asked[0];
      assert.ok(first && !(first.kind === 'pick' && first.request.placeholder === 'Choose a timer'), 'Stop goes to logging at once');
      await settled();
    });
  });

  describe('Adjust Timer', () => {
    // 06:29 on a fixed day: "at 9:15" cannot be today.
    const EARLY = new Date(2026, 2, 11, 6, 29, 0);

    it('previews the result as it is typed, and offers yesterday when the time is still ahead today', async () => {
      runClockFrom(graph, EARLY);
      await start(TASK);
      const { result, asker } = await withAnswers([type('at 9:15'), choose('Started yesterday 09:15 → 21 h 14 min (over 8 h)')], () =>
        vscode.commands.executeCommand<TimerAdjustment>('intervals.adjustTimer'),
      );
      const input = asker.asked[0];
      assert.ok(input?.kind === 'input');
      assert.equal(input.request.explain?.('at 5:24'), 'Started 05:24 → 1 h 5 min');
      assert.equal(input.request.explain?.('45m'), '→ 45 min');
      assert.match(input.request.explain?.('at 9:15') ?? '', /^09:15 today is later than now \(06:29\); .*Enter offers started yesterday 09:15 → 21 h 14 min \(over 8 h\)\.$/);
      assert.equal(input.request.validate?.('at 9:15'), undefined, 'Enter is allowed, to offer yesterday');
      assert.match(pickOf(asker, 1).placeholder, /^09:15 today is later than now \(06:29\): start it yesterday\?$/);
      assert.equal(result.ok, true);
      const seconds = graph.timers.elapsed(graph.timers.find({ taskId: TASK }) as TimerEntry);
      assert.ok(seconds >= (21 * 60 + 14) * 60 && seconds < (21 * 60 + 15) * 60, `21 h 14 min: ${seconds}`);
      await settled();
    });

    it('asks to confirm a result over the warning hours, and types again on request', async () => {
      await start(TASK);
      const { result, asker } = await withAnswers([type('9h'), choose('Type another time'), type('1h')], () =>
        vscode.commands.executeCommand<TimerAdjustment>('intervals.adjustTimer'),
      );
      assert.match(pickOf(asker, 1).placeholder, /over 8 h/);
      assert.equal(pickOf(asker, 1).items[0]?.label, 'Set the timer to 9 h');
      const again = asker.asked[2];
      assert.ok(again?.kind === 'input' && again.request.value === '9h', 'the text typed is kept to change');
      assert.equal(result.ok, true);
      const seconds = graph.timers.elapsed(graph.timers.find({ taskId: TASK }) as TimerEntry);
      assert.ok(seconds >= 3600 && seconds < 3610, `set to an hour: ${seconds}`);
      await settled();
    });

    it('with an argument object, refuses a time still ahead today and takes "yesterday 9:15"', async () => {
      runClockFrom(graph, EARLY);
      await start(TASK);
      const refused = await vscode.commands.executeCommand<TimerAdjustment>('intervals.adjustTimer', { startedAt: '9:15' });
      assert.equal(refused.ok, false);
      assert.match(!refused.ok ? refused.message : '', /later than now today; to mean yesterday, pass "yesterday 9:15"/);
      assert.ok(graph.timers.elapsed(graph.timers.entries[0] as TimerEntry) < 60, 'the timer is unchanged');
      const done = await vscode.commands.executeCommand<TimerAdjustment>('intervals.adjustTimer', { startedAt: 'yesterday 9:15' });
      assert.equal(done.ok, true);
      const seconds = graph.timers.elapsed(graph.timers.entries[0] as TimerEntry);
      assert.ok(seconds >= (21 * 60 + 14) * 60 && seconds < (21 * 60 + 15) * 60, `21 h 14 min: ${seconds}`);
      await settled();
    });
  });

  describe('Tasks tree', () => {
    async function taskNode(taskId: number): Promise<TaskTreeNode> {
      const tree = graph.taskTree.provider;
      for (const root of await tree.getChildren()) {
        for (const project of root.kind === 'client' || root.kind === 'noClient' ? await tree.getChildren(root) : []) {
          const found = project.kind === 'project' ? (await tree.getChildren(project)).find((node) => node.kind === 'task' && node.task.id === taskId) : undefined;
          if (found) {
            return found;
          }
        }
      }
      assert.fail(`task ${taskId} is in the tree`);
    }
    // The Markdown source, its escapes taken out.
    const tooltipOf = (item: vscode.TreeItem) => (item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip)).replace(/\\(.)/g, '$1');

    it('marks a task with a paused timer, and its tooltip names the timer', async () => {
      await start(TASK);
      await vscode.commands.executeCommand('intervals.adjustTimer', { elapsed: '0:35' });
      await start(OTHER_TASK);
      const paused = graph.taskTree.provider.getTreeItem(await taskNode(TASK));
      assert.match(String(paused.description), /timer paused/);
      assert.equal((paused.iconPath as vscode.ThemeIcon).id, 'watch');
      assert.equal(paused.contextValue, 'task paused');
      assert.match(tooltipOf(paused), /Timer: paused, 0:35/);
      const running = graph.taskTree.provider.getTreeItem(await taskNode(OTHER_TASK));
      assert.match(tooltipOf(running), /Timer: running, 0:0\d/);
      const none = graph.taskTree.provider.getTreeItem(await taskNode(THIRD_TASK));
      assert.ok(!/Timer/.test(tooltipOf(none)), 'a task without a timer names none');
      await settled();
    });
  });
});
