import * as assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { Task } from '../../src/api/types';
import type { CreateProjectResult } from '../../src/commands/projects/createProject';
import type { WriteResult } from '../../src/commands/writes';
import type { RecordedRequest } from '../fake-intervals/server';
import { answerNotifications, answerPrompts, extensionGraph, fakeServer, type Graph, runClockFrom, setClock, signIn, signOut, typeIntoQuickInput } from './helpers';
import { accept, choose, ScriptedAsker, type, watchSteps, type Answer } from './scriptedAsker';

// Demo account: client 1 "Acme & Sons" has "Website Redesign" (1, with modules) and "Mobile
// App"; Globex Corporation (5) has the inactive "Legacy Portal"; "Internal Tools" (6) has no client.
const WEBSITE = 1;
const TODAY = new Date(2026, 2, 11);

describe('New Project and New Task forms', () => {
  const fake = fakeServer();
  let graph: Graph;

  before(async () => {
    graph = await extensionGraph();
  });

  beforeEach(async () => {
    await fake.control.reset();
    await signIn('admin');
    for (const key of ['intervals.lastAnswers.newProject', 'intervals.lastAnswers.newTask']) {
      await graph.context.globalState.update(key, undefined);
    }
    graph.lookups.clear();
    runClockFrom(graph, TODAY);
    await fake.control.clearRequests();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    answerPrompts(graph, undefined);
    answerNotifications(graph, undefined);
    setClock(graph, 0);
  });

  after(async () => {
    await signOut();
  });

  function script(...answers: Answer[]): ScriptedAsker {
    const asker = new ScriptedAsker(answers);
    answerPrompts(graph, asker);
    return asker;
  }

  async function posts(resource: string): Promise<RecordedRequest[]> {
    return (await fake.control.requests()).filter((r) => r.method === 'POST' && r.path.replace(/^\/+/, '').split('/')[0] === resource);
  }

  it('warns at the name step when the client already has a project of that name, and creates it when confirmed', async () => {
    answerNotifications(graph, () => Promise.resolve(undefined));
    const asker = script(choose('Acme & Sons'), (asked) => {
      assert.ok(asked.kind === 'input');
      const { warning, validate } = asked.request;
      assert.equal(warning?.('website redesign '), 'A project "Website Redesign" already exists for Acme & Sons; Enter creates another one.');
      assert.equal(validate?.('Website Redesign'), undefined, 'a warning, not a refusal');
      assert.equal(warning?.('Website Relaunch'), undefined);
      assert.equal(warning?.('Internal Tools'), undefined, "another client's project is no concern");
      return 'Website Redesign';
    }, accept, accept, accept, accept, accept);
    const result = await vscode.commands.executeCommand<CreateProjectResult>('intervals.createProject');
    assert.equal(asker.remaining, 0);
    assert.equal(result.status, 'done');
    const [post] = await posts('project');
    assert.equal(post.body?.name, 'Website Redesign');
    const same = (await fake.control.rows('project')).filter((p) => p.name === 'Website Redesign' && p.clientid === 1);
    assert.equal(same.length, 2);
  });

  it('names an inactive project and a project without a client in the warning', async () => {
    const warnings: Array<string | undefined> = [];
    const nameStep = (name: string): Answer => (asked) => {
      assert.ok(asked.kind === 'input');
      warnings.push(asked.request.warning?.(name));
      return undefined;
    };
    script(choose('Globex Corporation'), nameStep('Legacy Portal'));
    await vscode.commands.executeCommand<CreateProjectResult>('intervals.createProject');
    script(choose('No client'), nameStep('internal tools'));
    await vscode.commands.executeCommand<CreateProjectResult>('intervals.createProject');
    assert.deepEqual(warnings, [
      'An inactive project "Legacy Portal" already exists for Globex Corporation; Enter creates another one.',
      'A project "Internal Tools" already exists without a client; Enter creates another one.',
    ]);
    assert.equal((await posts('project')).length, 0);
  });

  it('shows the warning in the real input box, where Enter goes on', async () => {
    const steps = watchSteps(graph.asker);
    try {
      let step = steps.next();
      const pending = vscode.commands.executeCommand<CreateProjectResult>('intervals.createProject');
      await step; // the client, "No client" first
      step = steps.next();
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      const name = await step;
      step = steps.next();
      typeIntoQuickInput('Internal Tools');
      await step;
      assert.deepEqual(
        steps.shown.map((shown) => shown.step),
        [1, 2, 3],
        'Enter on a name in use moves on to the start date',
      );
      const message = (name.widget as vscode.InputBox).validationMessage;
      assert.ok(typeof message === 'object');
      assert.equal(message.severity, vscode.InputBoxValidationSeverity.Warning);
      assert.match(message.message, /already exists without a client/);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.equal((await pending).status, 'cancelled');
    } finally {
      steps.dispose();
    }
  });

  it('offers "No module" first, the default, and sends no module for it', async () => {
    const asker = script(
      (asked) => {
        assert.ok(asked.kind === 'pick');
        assert.equal(asked.request.items[0].label, 'No module');
        assert.equal(asked.request.active, null, 'No module is the default');
        assert.ok(asked.request.items.some((item) => item.label === 'Development'), 'the modules follow');
        return accept(asked);
      },
      type('Tidy the footer'),
      accept,
      accept,
      accept,
      accept,
      accept,
      accept,
      accept,
    );
    const result = await vscode.commands.executeCommand<WriteResult<Task>>('intervals.createTask', { project: { id: WEBSITE } });
    assert.equal(asker.remaining, 0);
    assert.equal(result.status, 'done');
    const [post] = await posts('task');
    assert.equal(post.body?.projectid, WEBSITE);
    assert.equal(post.body?.moduleid, undefined);
    assert.equal(result.status === 'done' && result.item.moduleId, null);
  });
});
