import * as assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { TaskNote } from '../../src/api/types';
import type { TaskTreeNode } from '../../src/views/tasks/nodes/taskTreeNode';
import type { WriteResult } from '../../src/commands/writes';
import type { RecordedRequest } from '../fake-intervals/server';
import { answerNotifications, answerPrompts, extensionGraph, fakeServer, type Graph, signIn, signOut } from './helpers';
import { choose, ScriptedAsker, type, type Answer, type AskedRequest } from './scriptedAsker';

// Demo account: task 1 "Homepage hero & navigation" has two notes, one holding HTML and a Markdown link.
const HERO = 1;

describe('Task notes', () => {
  const fake = fakeServer();
  let graph: Graph;

  before(async () => {
    graph = await extensionGraph();
  });

  beforeEach(async () => {
    await fake.control.reset();
    await signIn('admin');
    await fake.control.clearRequests();
  });

  afterEach(() => {
    answerPrompts(graph, undefined);
    answerNotifications(graph, undefined);
  });

  after(async () => {
    await signOut();
  });

  async function notePosts(): Promise<RecordedRequest[]> {
    return (await fake.control.requests()).filter((r) => r.method === 'POST' && r.path.replace(/^\/+/, '').split('/')[0] === 'tasknote');
  }

  function script(...answers: Answer[]): ScriptedAsker {
    const asker = new ScriptedAsker(answers);
    answerPrompts(graph, asker);
    return asker;
  }

  function notices(): string[] {
    const seen: string[] = [];
    answerNotifications(graph, (_severity, message) => {
      seen.push(message);
      return Promise.resolve(undefined);
    });
    return seen;
  }

  describe('Add Note to Task', () => {
    it('asks the note and who may read it, private by default, and posts it', async () => {
      const asker = script(type('  Reviewed the <b>hero</b> on Safari.  '), (asked: AskedRequest) => {
        assert.equal(asked.kind, 'pick');
        const request = asked.kind === 'pick' ? asked.request : undefined;
        assert.equal(request?.active, false, 'private is the default');
        return choose('Public')(asked);
      });
      const result = await vscode.commands.executeCommand<WriteResult<TaskNote>>('intervals.addTaskNote', { taskId: HERO });
      assert.equal(result.status, 'done');
      assert.equal(asker.asked.length, 2);
      const posts = await notePosts();
      assert.equal(posts.length, 1);
      assert.deepEqual(posts[0].body, { taskid: HERO, note: 'Reviewed the <b>hero</b> on Safari.', public: 't' });
      const rows = await fake.control.rows('tasknote');
      assert.equal(rows.at(-1)?.note, 'Reviewed the <b>hero</b> on Safari.');
    });

    it('posts from an argument object without asking, private unless public: true', async () => {
      const asker = script();
      const result = await vscode.commands.executeCommand<WriteResult<TaskNote>>('intervals.addTaskNote', { taskId: HERO, note: 'Shipped.' });
      assert.equal(result.status, 'done');
      assert.equal(result.status === 'done' && result.item.public, false);
      assert.equal(asker.asked.length, 0);
      const posts = await notePosts();
      assert.deepEqual(posts[0].body, { taskid: HERO, note: 'Shipped.', public: 'f' });
    });

    it('refuses a bad argument with a message and sends nothing', async () => {
      const seen = notices();
      const asker = script();
      for (const arg of [{ taskId: HERO, note: 42 }, { taskId: 'x', note: 'Hi' }, { taskId: HERO, note: 'Hi', public: 'yes' }]) {
        const result = await vscode.commands.executeCommand<WriteResult<TaskNote> | undefined>('intervals.addTaskNote', arg);
        assert.notEqual(result?.status, 'done', JSON.stringify(arg));
      }
      assert.equal(seen.length, 3);
      assert.match(seen.join('\n'), /note[\s\S]*taskId[\s\S]*public/);
      const blank = await vscode.commands.executeCommand<WriteResult<TaskNote>>('intervals.addTaskNote', { taskId: HERO, note: '   ' });
      assert.equal(blank.status, 'invalid');
      assert.match(blank.status === 'invalid' ? blank.message : '', /a note of 1 to 10000 characters/);
      assert.equal(asker.asked.length, 0);
      assert.equal((await notePosts()).length, 0);
    });

    it('sends nothing when the note is dismissed', async () => {
      script(() => undefined);
      const result = await vscode.commands.executeCommand<WriteResult<TaskNote>>('intervals.addTaskNote', { taskId: HERO });
      assert.equal(result.status, 'cancelled');
      assert.equal((await notePosts()).length, 0);
    });

    it('is on the task context menu and in the palette', () => {
      const manifest = vscode.extensions.all.find((e) => e.packageJSON?.name === 'intervals-vscode')?.packageJSON as {
        contributes: { menus: Record<string, { command: string; when?: string }[]>; commands: { command: string }[] };
      };
      assert.ok(manifest.contributes.commands.some((c) => c.command === 'intervals.addTaskNote'));
      const context = manifest.contributes.menus['view/item/context'].find((m) => m.command === 'intervals.addTaskNote');
      assert.match(context?.when ?? '', /viewItem =~ \/\\btask\\b\//);
    });
  });

  describe('Latest notes in a task tooltip', () => {
    async function heroNode(): Promise<TaskTreeNode> {
      const provider = graph.taskTree.provider;
      await graph.taskTree.setFilters({ showClosed: false, assignedToMe: false });
      provider.refresh();
      for (const root of await provider.getChildren()) {
        for (const child of root.kind === 'client' || root.kind === 'noClient' ? await provider.getChildren(root) : []) {
          if (child.kind === 'project' && child.project.id === 1) {
            const task = (await provider.getChildren(child)).find((node) => node.kind === 'task' && node.task.id === HERO);
            assert.ok(task, 'the hero task is in the tree');
            return task;
          }
        }
      }
      assert.fail('project 1 is in the tree');
    }

    async function noteLists(): Promise<RecordedRequest[]> {
      return (await fake.control.requests()).filter((r) => r.method === 'GET' && r.path.replace(/^\/+/, '').split('/')[0] === 'tasknote');
    }

    it('loads the notes only when the tooltip is resolved, newest first, as plain text', async () => {
      const node = await heroNode();
      const provider = graph.taskTree.provider;
      const item = provider.getTreeItem(node);
      assert.equal((await noteLists()).length, 0, 'drawing the row reads no notes');
      const source = new vscode.CancellationTokenSource();
      const resolved = await provider.resolveTreeItem(item, node, source.token);
      source.dispose();
      const lists = await noteLists();
      assert.equal(lists.length, 1);
      assert.equal(lists[0].query.taskid, String(HERO));
      assert.equal(lists[0].query.sortdir, 'DESC');
      assert.equal(lists[0].query.limit, '3');
      const tooltip = resolved.tooltip;
      assert.ok(tooltip instanceof vscode.MarkdownString);
      assert.equal(tooltip.isTrusted, false);
      assert.equal(tooltip.supportHtml, false);
      assert.equal(tooltip.supportThemeIcons, false);
      const text = tooltip.value;
      assert.ok(text.includes('Latest notes'), text);
      assert.ok(!text.includes('<b>'), 'no HTML');
      assert.ok(!text.includes('[spacing](https'), 'no link can form');
      assert.ok(text.includes('\\[spacing\\]\\(https\\:'), text);
      assert.ok(text.indexOf('Check contrast') < text.indexOf('Hero copy approved'), 'newest first');
      assert.match(text, /Ada Lovelace, .*private\\:/);
      assert.match(text, /Grace Hopper, .*public\\:/);
    });

    it('shows a note just added the next time the tooltip is resolved', async () => {
      await vscode.commands.executeCommand('intervals.addTaskNote', { taskId: HERO, note: 'Fresh <i>news</i>' });
      const node = await heroNode();
      const provider = graph.taskTree.provider;
      const source = new vscode.CancellationTokenSource();
      const resolved = await provider.resolveTreeItem(provider.getTreeItem(node), node, source.token);
      source.dispose();
      const text = (resolved.tooltip as vscode.MarkdownString).value;
      assert.ok(text.indexOf('Fresh news') >= 0 && text.indexOf('Fresh news') < text.indexOf('Check contrast'), text);
    });
  });
});
