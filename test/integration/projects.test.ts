import * as assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { Project, Task } from '../../src/api/types';
import type { CreateProjectResult } from '../../src/commands/projects/createProject';
import type { DataChange } from '../../src/common/dataChanges';
import type { WriteResult } from '../../src/commands/writes';
import { dayInWords } from '../../src/time/dates';
import type { RecordedRequest } from '../fake-intervals/server';
import { answerNotifications, answerPrompts, changeSeen, extensionGraph, fakeServer, type Graph, runClockFrom, selected, setClock, settled, signIn, signOut } from './helpers';
import { accept, back, choose, dismiss, ScriptedAsker, type, type Answer, type AskedRequest } from './scriptedAsker';

// Demo account (test/fake-intervals/fixture.ts): Ada Lovelace (1) is the Administrator, Ravi
// Patel (3) a Resource on projects 1, 2, 5, 6 and 10; project 1 "Website Redesign" has modules
// Planning…Deployment, project 6 "Internal Tools" none. Statuses: Open (1) first; priorities:
// Normal (3) is the default.
const ADA = 1;
const RAVI = 3;
const WEBSITE = 1;
const INTERNAL_TOOLS = 6;
const GLOBEX = 5;
const TODAY = new Date(2026, 2, 11); // a Wednesday
const TODAY_ISO = '2026-03-11';

describe('Projects and tasks', () => {
  const fake = fakeServer();
  let graph: Graph;
  let changes: DataChange[] = [];
  let listener: vscode.Disposable | undefined;

  before(async () => {
    graph = await extensionGraph();
    listener = graph.changes.onDidChange((change) => changes.push(change));
  });

  beforeEach(async () => {
    await fake.control.reset();
    await signIn('admin');
    // Each test starts from the defaults, not from what an earlier test answered.
    for (const key of ['intervals.lastAnswers.newProject', 'intervals.lastAnswers.newTask']) {
      await graph.context.globalState.update(key, undefined);
    }
    graph.lookups.clear();
    runClockFrom(graph, TODAY);
    await fake.control.clearRequests();
    changes = [];
  });

  afterEach(async () => {
    answerPrompts(graph, undefined);
    answerNotifications(graph, undefined);
    setClock(graph, 0);
    await fake.control.clearFaults();
  });

  after(async () => {
    listener?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await signOut();
  });

  async function writes(method: 'POST' | 'PUT', resource: string): Promise<RecordedRequest[]> {
    return (await fake.control.requests()).filter((r) => r.method === method && r.path.replace(/^\/+/, '').split('/')[0] === resource);
  }

  function script(...answers: Answer[]): ScriptedAsker {
    const asker = new ScriptedAsker(answers);
    answerPrompts(graph, asker);
    return asker;
  }

  /** Answers the error notifications in turn (e.g. 'Retry'), and keeps what they said and offered. */
  function answerErrors(...answers: (string | undefined)[]): { message: string; actions: readonly string[] }[] {
    const notices: { message: string; actions: readonly string[] }[] = [];
    answerNotifications(graph, (_severity, message, actions) => {
      notices.push({ message, actions });
      return Promise.resolve(answers.shift());
    });
    return notices;
  }

  function placeholders(asker: ScriptedAsker): string[] {
    return asker.asked.map((a: AskedRequest) => (a.kind === 'input' ? a.request.prompt : a.request.placeholder));
  }

  describe('New Project', () => {
    it('creates a project from an argument, announces it and asks nothing', async () => {
      const result = await vscode.commands.executeCommand<CreateProjectResult>('intervals.createProject', {
        clientId: GLOBEX,
        name: 'Rocket <Launch>',
        dateStart: '2026-04-01',
        billable: true,
        active: true,
        dateEnd: '2026-06-30',
        description: 'Phase 1',
      });
      assert.equal(result.status, 'done');
      const posts = await writes('POST', 'project');
      assert.equal(posts.length, 1);
      assert.deepEqual(posts[0].body, {
        name: 'Rocket <Launch>',
        clientid: GLOBEX,
        datestart: '2026-04-01',
        billable: 't',
        active: 't',
        dateend: '2026-06-30',
        description: 'Phase 1',
      });
      assert.equal(posts[0].status, 201);
      const project = result.status === 'done' ? result.item : undefined;
      assert.ok(project);
      const row = await fake.control.row('project', project.id);
      assert.equal(row.name, 'Rocket <Launch>');
      assert.deepEqual(
        changes.map((c) => [c.resource, c.id]),
        [['project', project.id]],
      );
      assert.equal((changes[0].item as Project).name, 'Rocket <Launch>');
    });

    it('asks for client, name, dates, billable, active and description with steps, defaults and back', async () => {
      const asker = script(
        choose('Globex Corporation'),
        back,
        accept, // the client chosen before is the default on the way back
        (asked) => {
          assert.equal(asked.kind === 'input' && asked.request.validate?.('   '), 'Enter a project name.');
          return 'Kiosk v2';
        },
        accept, // start: today
        accept, // billable: a client's project is billable by default
        accept, // active
        (asked) => {
          assert.equal(asked.kind === 'input' && asked.request.validate?.('2026-03-01'), 'This date is before the start date (2026-03-11).');
          assert.match((asked.kind === 'input' && asked.request.validate?.('31/02')) || '', /not a date/);
          return '2026-12-31';
        },
        type('Touch screens'),
      );
      const result = await vscode.commands.executeCommand<CreateProjectResult>('intervals.createProject');
      assert.equal(result.status, 'done');
      assert.equal(asker.remaining, 0);
      assert.deepEqual(
        asker.asked.map((a) => [a.request.title, a.request.step, a.request.totalSteps]),
        [
          ['New Project', 1, 7],
          ['New Project', 2, 7],
          ['New Project', 1, 7],
          ['New Project', 2, 7],
          ['New Project', 3, 7],
          ['New Project', 4, 7],
          ['New Project', 5, 7],
          ['New Project', 6, 7],
          ['New Project', 7, 7],
        ],
      );
      const clientStep = asker.asked[0];
      assert.ok(clientStep.kind === 'pick');
      assert.equal(clientStep.request.items[0].label, 'No client', 'a project without client is offered first');
      const startStep = asker.asked[4];
      assert.ok(startStep.kind === 'input');
      assert.equal(startStep.request.value, TODAY_ISO, 'the start date defaults to today');
      assert.equal(startStep.request.placeholder, 'Start date', 'the step names its date');
      const endStep = asker.asked[7];
      assert.equal(endStep.kind === 'input' && endStep.request.placeholder, 'End date (empty for none)');
      assert.equal(endStep.kind === 'input' && endStep.request.explain?.('next fri'), dayInWords(new Date(2026, 2, 13)));
      assert.equal(startStep.request.explain?.('yesterday'), dayInWords(new Date(2026, 2, 10)), 'the step says which day a typed date means');
      assert.equal(startStep.request.explain?.('2026-02-30'), undefined, 'and nothing for a date that does not exist');
      const [post] = await writes('POST', 'project');
      assert.deepEqual(post.body, {
        name: 'Kiosk v2',
        clientid: GLOBEX,
        datestart: TODAY_ISO,
        billable: 't',
        active: 't',
        dateend: '2026-12-31',
        description: 'Touch screens',
      });
    });

    it('makes an internal project not billable by default and sends no client', async () => {
      script(choose('No client'), type('Hiring'), accept, accept, accept, accept, accept);
      const result = await vscode.commands.executeCommand<CreateProjectResult>('intervals.createProject');
      assert.equal(result.status, 'done');
      const [post] = await writes('POST', 'project');
      assert.deepEqual(post.body, { name: 'Hiring', datestart: TODAY_ISO, billable: 'f', active: 't' });
    });

    it('offers the client of the last new project first next time, until it is gone', async () => {
      script(choose('Globex Corporation'), type('Kiosk v3'), accept, accept, accept, accept, accept);
      assert.equal((await vscode.commands.executeCommand<CreateProjectResult>('intervals.createProject')).status, 'done');
      const again = script(dismiss);
      assert.equal((await vscode.commands.executeCommand<CreateProjectResult>('intervals.createProject')).status, 'cancelled');
      const clientStep = again.asked[0];
      assert.equal(clientStep.kind === 'pick' && clientStep.request.active, GLOBEX);
      await fake.control.deleteRow('client', GLOBEX);
      graph.lookups.clear();
      const gone = script(dismiss);
      await vscode.commands.executeCommand<CreateProjectResult>('intervals.createProject');
      assert.equal(gone.asked[0]?.kind === 'pick' && gone.asked[0].request.active, null, 'a client that is gone is not the default');
    });

    it('sends nothing when a step is dismissed', async () => {
      script(choose('No client'), dismiss);
      const result = await vscode.commands.executeCommand<CreateProjectResult>('intervals.createProject');
      assert.equal(result.status, 'cancelled');
      assert.equal((await writes('POST', 'project')).length, 0);
    });

    it('refuses an argument with an empty name or an end before the start, and sends nothing', async () => {
      const empty = await vscode.commands.executeCommand<CreateProjectResult>('intervals.createProject', { name: '  ', clientId: null });
      assert.deepEqual(empty, { status: 'invalid', message: 'Enter a project name.' });
      const reversed = await vscode.commands.executeCommand<CreateProjectResult>('intervals.createProject', {
        name: 'Reversed',
        dateStart: '2026-05-01',
        dateEnd: '2026-04-01',
      });
      assert.equal(reversed.status, 'invalid');
      assert.equal((await writes('POST', 'project')).length, 0);
    });

    it("tells a Resource user that their role may not create projects, with the service's reason", async () => {
      await signIn('resource');
      const result = await vscode.commands.executeCommand<CreateProjectResult>('intervals.createProject', { name: 'Mine', clientId: null });
      assert.equal(result.status, 'failed');
      assert.match(result.status === 'failed' ? result.message : '', /role does not allow/);
      const [post] = await writes('POST', 'project');
      assert.equal(post.status, 403);
      assert.equal((await fake.control.rows('project')).some((p) => p.name === 'Mine'), false);
      assert.equal(changes.length, 0);
    });

    it('shows the new project selected in the Tasks view', async () => {
      const result = await vscode.commands.executeCommand<CreateProjectResult>('intervals.createProject', { name: 'Brand New', clientId: GLOBEX });
      assert.equal(result.status, 'done');
      const id = result.status === 'done' ? result.item.id : 0;
      const node = await selected(graph.taskTree.view, (row) => row?.kind === 'project' && row.project.id === id);
      assert.equal(node?.kind === 'project' && node.project.id, id, 'the new project is selected in the tree');
    });

    it("shows the service's validation reason", async () => {
      const result = await vscode.commands.executeCommand<CreateProjectResult>('intervals.createProject', { name: 'Ghost', clientId: 999 });
      assert.equal(result.status, 'failed');
      assert.match(result.status === 'failed' ? result.message : '', /client 999 does not exist/);
    });

    it('creates a project with tasks, and keeps the project when a task fails', async () => {
      const result = await vscode.commands.executeCommand<CreateProjectResult>('intervals.createProject', {
        name: 'Launch',
        clientId: null,
        tasks: [{ title: 'Plan' }, { title: 'Bad owner', ownerId: 999 }, { title: 'Ship', assigneeIds: [ADA] }],
      });
      assert.equal(result.status, 'done');
      const done = result as Extract<CreateProjectResult, { status: 'done' }>;
      assert.deepEqual(
        done.tasks?.map((t) => t.title),
        ['Plan', 'Ship'],
      );
      assert.equal(done.taskFailures?.length, 1);
      assert.equal(done.taskFailures?.[0].title, 'Bad owner');
      assert.match(done.taskFailures?.[0].message ?? '', /person 999/);
      const project = await fake.control.row('project', done.item.id);
      assert.equal(project.name, 'Launch', 'the project is kept');
      const tasks = (await fake.control.rows('task')).filter((t) => t.projectid === done.item.id);
      assert.deepEqual(tasks.map((t) => t.title).sort(), ['Plan', 'Ship']);
    });
  });

  describe('New Task', () => {
    it('creates a task from an argument with the default status, priority, owner and open date', async () => {
      const result = await vscode.commands.executeCommand<WriteResult<Task>>('intervals.createTask', { projectId: WEBSITE, title: 'Fix footer' });
      assert.equal(result.status, 'done');
      const [post] = await writes('POST', 'task');
      assert.deepEqual(post.body, { projectid: WEBSITE, title: 'Fix footer', statusid: 1, priorityid: 3, ownerid: ADA, dateopen: TODAY_ISO });
      const task = result.status === 'done' ? result.item : undefined;
      assert.ok(task);
      assert.deepEqual(
        changes.map((c) => [c.resource, c.id, c.projectId]),
        [['task', task.id, WEBSITE]],
      );
    });

    it('passes every field of the argument on', async () => {
      const result = await vscode.commands.executeCommand<WriteResult<Task>>('intervals.createTask', {
        projectId: String(WEBSITE),
        moduleId: 3,
        title: 'Search',
        statusId: 2,
        priorityId: 1,
        ownerId: 2,
        assigneeIds: [RAVI, ADA],
        dateOpen: '2026-03-09',
        dateDue: '2026-03-20',
        description: 'Full text',
      });
      assert.equal(result.status, 'done');
      const [post] = await writes('POST', 'task');
      assert.deepEqual(post.body, {
        projectid: WEBSITE,
        moduleid: 3,
        title: 'Search',
        statusid: 2,
        priorityid: 1,
        ownerid: 2,
        assigneeid: `${RAVI},${ADA}`,
        dateopen: '2026-03-09',
        datedue: '2026-03-20',
        description: 'Full text',
      });
    });

    it('starts from the project, status and priority of the last new task', async () => {
      const pickedLabel = (asked: AskedRequest): string | undefined =>
        asked.kind === 'pick' ? asked.request.items.find((i) => i.value === asked.request.active)?.label : undefined;
      script(choose('Internal Tools'), type('Rotate keys'), choose('In Progress'), choose('High'), accept, accept, accept, accept, accept);
      assert.equal((await vscode.commands.executeCommand<WriteResult<Task>>('intervals.createTask')).status, 'done');
      const again = script(accept, type('Rotate more keys'), accept, accept, accept, accept, accept, accept, accept);
      assert.equal((await vscode.commands.executeCommand<WriteResult<Task>>('intervals.createTask')).status, 'done');
      assert.deepEqual(
        again.asked.filter((a) => a.kind === 'pick').slice(0, 3).map(pickedLabel),
        ['Internal Tools', 'In Progress', 'High'],
      );
      const posts = await writes('POST', 'task');
      assert.deepEqual(
        posts.map((post) => [post.body?.projectid, post.body?.statusid, post.body?.priorityid]),
        [
          [INTERNAL_TOOLS, 2, 2],
          [INTERNAL_TOOLS, 2, 2],
        ],
      );
    });

    it('asks from the module on when run on a project node, with defaults and validation', async () => {
      const asker = script(
        choose('Development'),
        (asked) => {
          assert.equal(asked.kind === 'input' && asked.request.validate?.(''), 'Enter a task title.');
          return 'Dark mode';
        },
        (asked) => {
          assert.equal(asked.kind === 'pick' && asked.request.items.find((i) => i.value === asked.request.active)?.label, 'Open');
          return accept(asked);
        },
        (asked) => {
          assert.equal(asked.kind === 'pick' && asked.request.items.find((i) => i.value === asked.request.active)?.label, 'Normal');
          return accept(asked);
        },
        (asked) => {
          assert.equal(asked.kind === 'pick' && asked.request.active, ADA, 'the owner defaults to the signed-in person');
          return accept(asked);
        },
        (asked) => {
          assert.ok(asked.kind === 'pickMany');
          const offered = asked.request.items.map((i) => i.value);
          assert.ok(offered.includes(RAVI), 'a team member is offered');
          assert.ok(!offered.includes(7), 'someone not on the project is not offered');
          return choose('Ravi Patel')(asked);
        },
        (asked) => {
          assert.equal(asked.kind === 'input' && asked.request.placeholder, 'Open date', 'the step names its date');
          assert.equal(asked.kind === 'input' && asked.request.explain?.('mon'), dayInWords(new Date(2026, 2, 9)), 'an open date\'s weekday is the last one');
          return accept(asked); // open date: today
        },
        (asked) => {
          assert.equal(asked.kind === 'input' && asked.request.validate?.('2026-03-10'), 'This date is before the open date (2026-03-11).');
          assert.equal(asked.kind === 'input' && asked.request.placeholder, 'Due date (empty for none)');
          // Wednesday 11 March 2026: a due date's weekday is the next one.
          assert.equal(asked.kind === 'input' && asked.request.explain?.('mon'), dayInWords(new Date(2026, 2, 16)));
          assert.equal(asked.kind === 'input' && asked.request.explain?.('tomorrow'), dayInWords(new Date(2026, 2, 12)));
          assert.equal(asked.kind === 'input' && asked.request.explain?.('+7'), dayInWords(new Date(2026, 2, 18)));
          assert.equal(asked.kind === 'input' && asked.request.explain?.('dec 18'), dayInWords(new Date(2026, 11, 18)));
          assert.equal(asked.kind === 'input' && asked.request.explain?.('18 dec'), dayInWords(new Date(2026, 11, 18)));
          return '2026-03-13';
        },
        accept,
      );
      const result = await vscode.commands.executeCommand<WriteResult<Task>>('intervals.createTask', { project: { id: WEBSITE } });
      assert.equal(result.status, 'done');
      assert.equal(asker.remaining, 0);
      assert.deepEqual(
        asker.asked.map((a) => a.request.step),
        [2, 3, 4, 5, 6, 7, 8, 9, 10],
      );
      const [post] = await writes('POST', 'task');
      assert.deepEqual(post.body, {
        projectid: WEBSITE,
        moduleid: 3,
        title: 'Dark mode',
        statusid: 1,
        priorityid: 3,
        ownerid: ADA,
        dateopen: TODAY_ISO,
        assigneeid: String(RAVI),
        datedue: '2026-03-13',
      });
      const people = (await fake.control.requests()).filter((r) => r.path.startsWith('/person'));
      assert.ok(people.some((r) => r.query.projectid === String(WEBSITE)), 'assignees are asked for with the project filter');
    });

    it('asks for the project from the palette and skips the module step when the project has none', async () => {
      const asker = script(choose('Internal Tools'), type('Backups'), accept, accept, accept, accept, accept, accept, accept);
      const result = await vscode.commands.executeCommand<WriteResult<Task>>('intervals.createTask');
      assert.equal(result.status, 'done');
      assert.deepEqual(placeholders(asker).slice(0, 2), ['Project of the task', 'Task title']);
      assert.deepEqual(
        asker.asked.map((a) => a.request.step),
        [1, 3, 4, 5, 6, 7, 8, 9, 10],
      );
      const [post] = await writes('POST', 'task');
      assert.equal(post.body?.projectid, INTERNAL_TOOLS);
      assert.equal(post.body?.moduleid, undefined);
    });

    it('refuses an argument without a title and sends nothing', async () => {
      const result = await vscode.commands.executeCommand<WriteResult<Task>>('intervals.createTask', { projectId: WEBSITE, title: '' });
      assert.deepEqual(result, { status: 'invalid', message: 'Enter a task title.' });
      assert.equal((await writes('POST', 'task')).length, 0);
    });

    it("shows the service's reason when a Resource user creates a task on a project they cannot access", async () => {
      await signIn('resource');
      const result = await vscode.commands.executeCommand<WriteResult<Task>>('intervals.createTask', { projectId: 3, title: 'Sneaky' });
      assert.equal(result.status, 'failed');
      assert.match(result.status === 'failed' ? result.message : '', /role does not allow.*project 3/);
    });
  });

  describe('Set Task Status and Assign Task', () => {
    async function someTask(): Promise<Task> {
      const result = await vscode.commands.executeCommand<WriteResult<Task>>('intervals.createTask', { projectId: WEBSITE, title: 'To change' });
      assert.equal(result.status, 'done');
      await fake.control.clearRequests();
      changes = [];
      return result.item;
    }

    it('sets the status from an argument and announces the updated task', async () => {
      const task = await someTask();
      const result = await vscode.commands.executeCommand<WriteResult<Task>>('intervals.setTaskStatus', { taskId: task.id, statusId: 2 });
      assert.equal(result.status, 'done');
      const [put] = await writes('PUT', 'task');
      assert.equal(put.path, `/task/${task.id}/`);
      assert.deepEqual(put.body, { statusid: 2 });
      assert.equal(changes.length, 1);
      assert.equal(changes[0].projectId, WEBSITE);
      assert.equal((changes[0].item as Task).status, 'In Progress');
    });

    it('updates the task in the Tasks view in place', async () => {
      const task = await someTask();
      await vscode.commands.executeCommand('intervals.tasks.reveal', { taskId: task.id });
      const node = graph.taskTree.provider.taskNode(task.id);
      assert.ok(node);
      await vscode.commands.executeCommand('intervals.setTaskStatus', { taskId: task.id, statusId: 2 });
      assert.equal(graph.taskTree.provider.taskNode(task.id)?.task.status, 'In Progress');
      await vscode.commands.executeCommand('intervals.assignTask', { taskId: task.id, assigneeIds: [RAVI] });
      assert.deepEqual(graph.taskTree.provider.taskNode(task.id)?.task.assigneeIds, [RAVI]);
      assert.strictEqual(graph.taskTree.provider.taskNode(task.id), node, 'the same node, changed in place, not a reloaded one');
    });

    it('asks for the status of a tree node with the current one selected', async () => {
      const task = await someTask();
      const asker = script((asked) => {
        assert.ok(asked.kind === 'pick');
        assert.equal(asked.request.active, 1, 'the current status is selected');
        assert.equal(asked.request.title, `Set Status of #${task.localId} To change`);
        return choose('Closed')(asked);
      });
      const result = await vscode.commands.executeCommand<WriteResult<Task>>('intervals.setTaskStatus', { task });
      assert.equal(result.status, 'done');
      assert.equal(asker.remaining, 0);
      assert.equal((await fake.control.row('task', task.id)).statusid, 5);
    });

    it('answers the real quick pick of statuses', async () => {
      const task = await someTask();
      const shown = new Promise<number>((resolve) => {
        const subscription = graph.asker.onDidShow((position) => {
          subscription.dispose();
          resolve(position.step);
        });
      });
      const pending = vscode.commands.executeCommand<WriteResult<Task>>('intervals.setTaskStatus', { taskId: task.id });
      assert.equal(await shown, 1);
      // Open (the current status) is selected; one down is In Progress.
      await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      const result = await pending;
      assert.equal(result.status, 'done');
      assert.equal((await fake.control.row('task', task.id)).statusid, 2);
    });

    it('asks for the status in a single step, drawn without a step counter', async () => {
      const task = await someTask();
      const shown = new Promise<{ step?: number; totalSteps?: number; title?: string }>((resolve) => {
        const subscription = graph.asker.onDidShow((position) => {
          subscription.dispose();
          const { step, totalSteps, title } = position.widget;
          resolve({ step, totalSteps, title });
        });
      });
      const pending = vscode.commands.executeCommand<WriteResult<Task>>('intervals.setTaskStatus', { taskId: task.id });
      assert.deepEqual(await shown, { step: undefined, totalSteps: undefined, title: `Set Status of #${task.localId} To change` }, 'no "1/1"');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      assert.equal((await pending).status, 'done');
    });

    it('assigns from an argument, and clears the assignees with an empty list', async () => {
      const task = await someTask();
      const assigned = await vscode.commands.executeCommand<WriteResult<Task>>('intervals.assignTask', { taskId: task.id, assigneeIds: [RAVI, ADA] });
      assert.equal(assigned.status, 'done');
      assert.deepEqual((await fake.control.row('task', task.id)).assigneeids, [RAVI, ADA]);
      const cleared = await vscode.commands.executeCommand<WriteResult<Task>>('intervals.assignTask', { taskId: task.id, assigneeIds: [] });
      assert.equal(cleared.status, 'done');
      const puts = await writes('PUT', 'task');
      assert.deepEqual(
        puts.map((p) => p.body),
        [{ assigneeid: `${RAVI},${ADA}` }, { assigneeid: '' }],
      );
      assert.deepEqual((await fake.control.row('task', task.id)).assigneeids, []);
      assert.deepEqual(
        changes.map((c) => [c.resource, c.id]),
        [
          ['task', task.id],
          ['task', task.id],
        ],
      );
    });

    it('asks for the assignees among the people on the project, current ones selected', async () => {
      const task = await someTask();
      await vscode.commands.executeCommand('intervals.assignTask', { taskId: task.id, assigneeIds: [ADA] });
      const asker = script((asked) => {
        assert.ok(asked.kind === 'pickMany');
        assert.deepEqual(asked.request.selected, [ADA]);
        return choose('Ravi Patel', 'Ada Lovelace')(asked);
      });
      const result = await vscode.commands.executeCommand<WriteResult<Task>>('intervals.assignTask', { taskId: task.id });
      assert.equal(result.status, 'done');
      assert.equal(asker.remaining, 0);
      assert.deepEqual((await fake.control.row('task', task.id)).assigneeids, [RAVI, ADA]);
    });

    it('refuses an argument with a bad status id without sending anything', async () => {
      const task = await someTask();
      const result = await vscode.commands.executeCommand<WriteResult<Task>>('intervals.setTaskStatus', { taskId: task.id, statusId: 'x' });
      assert.equal(result.status, 'invalid');
      assert.equal((await writes('PUT', 'task')).length, 0);
    });

    it('offers Retry when a status change fails, and sends the same status again', async () => {
      const task = await someTask();
      const notices = answerErrors('Retry');
      await fake.control.failNext(1, { status: 500, code: 1, message: 'Database hiccup' }, { method: 'PUT', resource: 'task' });
      const failed = await vscode.commands.executeCommand<WriteResult<Task>>('intervals.setTaskStatus', { taskId: task.id, statusId: 2 });
      assert.equal(failed.status, 'failed');
      await changeSeen(graph, changes, () => true);
      await settled();
      assert.equal(changes.length, 1, 'the retried change is announced');
      assert.deepEqual(
        notices.map((n) => n.actions),
        [['Retry', 'Show Log']],
      );
      assert.match(notices[0].message, /^Could not update the task\. Intervals had a problem answering \(HTTP 500\)/);
      const puts = await writes('PUT', 'task');
      assert.deepEqual(
        puts.map((p) => p.status),
        [500, 202],
      );
      assert.deepEqual(puts[1].body, { statusid: 2 });
      assert.equal((await fake.control.row('task', task.id)).statusid, 2);
    });

    it("shows the service's reason for an inactive status", async () => {
      const task = await someTask();
      const result = await vscode.commands.executeCommand<WriteResult<Task>>('intervals.setTaskStatus', { taskId: task.id, statusId: 6 });
      assert.equal(result.status, 'failed');
      assert.match(result.status === 'failed' ? result.message : '', /status 6/);
    });
  });

  describe('Retrying a failed create', () => {
    async function tasksTitled(title: string): Promise<{ id: number; projectid: number }[]> {
      return (await fake.control.rows('task')).filter((t) => t.title === title);
    }

    it('offers Retry after a server error on New Task, and the retry sends every answer of the form once more', async () => {
      const notices = answerErrors('Retry');
      await fake.control.failNext(1, { status: 500, code: 1, message: 'Database hiccup' }, { method: 'POST', resource: 'task' });
      const asker = script(
        choose('Internal Tools'),
        type('Rotate keys'),
        choose('In Progress'),
        choose('High'),
        accept, // owner: you
        choose('Ravi Patel'),
        accept, // open: today
        type('2026-03-20'),
        type('Every quarter'),
      );
      const result = await vscode.commands.executeCommand<WriteResult<Task>>('intervals.createTask');
      assert.equal(result.status, 'failed');
      await changeSeen(graph, changes, (c) => c.resource === 'task');
      await settled();
      assert.equal(notices.length, 1);
      assert.match(notices[0].message, /^Could not create the task\. Intervals had a problem answering \(HTTP 500\)/);
      assert.deepEqual(notices[0].actions, ['Retry', 'Show Log']);
      assert.equal(asker.asked.length, 9, 'the retry asks nothing');
      const posts = await writes('POST', 'task');
      assert.deepEqual(
        posts.map((p) => p.status),
        [500, 201],
      );
      assert.deepEqual(posts[1].body, {
        projectid: INTERNAL_TOOLS,
        title: 'Rotate keys',
        statusid: 2,
        priorityid: 2,
        ownerid: ADA,
        assigneeid: String(RAVI),
        dateopen: TODAY_ISO,
        datedue: '2026-03-20',
        description: 'Every quarter',
      });
      // A 500 may come after the service stored the task: the retry looked before sending again.
      const lookups = (await fake.control.requests()).filter((r) => r.method === 'GET' && r.path.startsWith('/task') && r.query.title === 'Rotate keys');
      assert.equal(lookups.length, 1);
      const rows = await tasksTitled('Rotate keys');
      assert.equal(rows.length, 1);
      assert.deepEqual(
        changes.map((c) => [c.resource, c.id, c.projectId]),
        [['task', rows[0].id, INTERNAL_TOOLS]],
      );
    });

    it('after New Task lost the answer of a create that went through, Retry finds that task and sends nothing', async () => {
      const notices: { message: string; actions: readonly string[] }[] = [];
      let old: { id: number } | undefined;
      answerNotifications(graph, async (_severity, message, actions) => {
        notices.push({ message, actions });
        // The same task stamped long ago (with a newer id, so only the stamp tells them apart) is
        // not the one the lost answer was about.
        old = await fake.control.insertRow('task', {
          title: 'Renew certificates',
          projectid: INTERNAL_TOOLS,
          ownerid: ADA,
          dateopen: TODAY_ISO,
          datecreated: '2025-01-06 10:00:00',
        });
        return 'Retry';
      });
      await fake.control.commitThenDropNext(1, { method: 'POST', resource: 'task' });
      const result = await vscode.commands.executeCommand<WriteResult<Task>>('intervals.createTask', { projectId: INTERNAL_TOOLS, title: 'Renew certificates' });
      assert.equal(result.status, 'failed');
      await changeSeen(graph, changes, (c) => c.resource === 'task');
      await settled();
      assert.equal(notices.length, 1);
      assert.match(notices[0].message, /^Could not create the task\. /);
      assert.ok(notices[0].actions.includes('Retry'));
      const posts = await writes('POST', 'task');
      assert.equal(posts.length, 1, 'the task is not sent again');
      assert.equal(posts[0].fault, 'commitThenDrop');
      const rows = await tasksTitled('Renew certificates');
      assert.equal(rows.length, 2, 'the old task and the one the lost answer was about, no third');
      const made = rows.find((row) => row.id !== old?.id);
      assert.ok(made && old && made.id < old.id);
      assert.deepEqual(
        changes.map((c) => [c.resource, c.id, c.projectId]),
        [['task', made.id, INTERNAL_TOOLS]],
      );
    });

    it('after New Project lost the answer of a create that went through, Retry finds that project and sends nothing', async () => {
      const notices = answerErrors('Retry');
      await fake.control.commitThenDropNext(1, { method: 'POST', resource: 'project' });
      const result = await vscode.commands.executeCommand<CreateProjectResult>('intervals.createProject', { name: 'Lost Answer', clientId: GLOBEX });
      assert.equal(result.status, 'failed');
      await changeSeen(graph, changes, (c) => c.resource === 'project');
      await settled();
      assert.deepEqual(
        notices.map((n) => n.actions),
        [['Retry', 'Show Log']],
      );
      assert.equal((await writes('POST', 'project')).length, 1, 'the project is not sent again');
      const rows = (await fake.control.rows('project')).filter((p) => p.name === 'Lost Answer');
      assert.equal(rows.length, 1);
      assert.equal(rows[0].clientid, GLOBEX);
      assert.deepEqual(
        changes.map((c) => [c.resource, c.id]),
        [['project', rows[0].id]],
      );
    });
  });
});
