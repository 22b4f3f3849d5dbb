import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { StartWorkResult } from '../../src/commands/git/startWork';
import type { LinkFolderResult } from '../../src/commands/git/linkFolder';
import { ContextKey } from '../../src/common/contextKeys';
import type { GitExtensionExports, GitRepository } from '../../src/git/gitApi';
import type { GitBridge } from '../../src/gitExtension/gitBridge';
import { isRunning } from '../../src/timer/timerModel';
import { answerNotifications, answerPrompts, extensionGraph, fakeServer, type Graph, selected, setSetting, settled, signIn, signOut } from './helpers';
import { accept, ScriptedAsker } from './scriptedAsker';

/** Demo tasks: id → local id 1000 + id; tasks 1 and 2 are in project 1, task 8 in project 2. */
const HOMEPAGE = 1;
const FIX_IMG = 2;
const PUSH = 8;

describe('Work from your branch', () => {
  let graph: Graph;
  const fake = fakeServer();
  const workspace = (): string => (vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? assert.fail('the tests open a workspace folder'));
  const alpha = (): string => path.join(workspace(), 'alpha');
  const beta = (): string => path.join(workspace(), 'beta');
  let bridge: GitBridge;
  let questions: string[] = [];
  let roundTrips = 0;

  /** The machine's git, for what a user would do in a terminal (the extension itself uses the Git API only). */
  const git = (cwd: string, ...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' }).trim();

  async function makeRepository(dir: string): Promise<void> {
    await fs.rm(dir, { recursive: true, force: true });
    await fs.mkdir(dir, { recursive: true });
    git(dir, 'init', '-q');
    await fs.writeFile(path.join(dir, 'README.md'), '# test\n');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'first');
  }

  const repository = (dir: string): GitRepository => bridge.repositories.find((repo) => repo.rootUri.fsPath === dir) ?? assert.fail(`${dir} is open`);
  const head = (dir: string): string => git(dir, 'rev-parse', '--abbrev-ref', 'HEAD');
  const running = (taskId: number): boolean => graph.timers.entries.some((entry) => entry.task?.id === taskId && isRunning(entry.timer));
  const startWork = (arg?: unknown) => vscode.commands.executeCommand<StartWorkResult>('intervals.startWork', arg);

  /** Checks out through the Git API, as the Source Control view does, then lets the extension react. */
  async function switchTo(dir: string, branch: string): Promise<void> {
    await repository(dir).checkout(branch);
    await settled();
    await workbenchRoundTrip();
  }

  /**
   * The workbench echoes every commit message set from the extension host back to it; a command
   * that runs in the workbench answers only after those echoes, so once it returns the commit
   * message boxes hold what was last set.
   */
  async function workbenchRoundTrip(): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'intervals.test.roundTrip', ++roundTrips);
  }

  /** Types into a repository's commit message box as the user would. */
  async function typeCommitMessage(box: { value: string }, text: string): Promise<void> {
    box.value = text;
    await workbenchRoundTrip();
    assert.equal(box.value, text);
  }

  function whenRepositories(count: number): Promise<void> {
    return new Promise((resolve) => {
      const check = (): void => {
        if (bridge.repositories.length >= count) {
          listener.dispose();
          resolve();
        }
      };
      const listener = bridge.onDidChangeRepositories(check);
      check();
    });
  }

  async function clearTimers(): Promise<void> {
    for (const row of await fake.control.rows('timer')) {
      await fake.control.deleteRow('timer', row.id);
    }
    await fs.writeFile(path.join(graph.stateFolder, 'timers.json'), JSON.stringify({ version: 1, personId: null, records: [], tasks: [], deletions: [] }));
    await graph.timers.load();
  }

  before(async () => {
    graph = await extensionGraph();
    bridge = (await graph.git()).bridge;
  });

  after(async () => {
    answerNotifications(graph, undefined);
    answerPrompts(graph, undefined);
    for (const key of ['branchTimer', 'branchTimerPauseOnOther', 'commitMessageTask', 'startWorkStatus']) {
      await setSetting(`intervals.${key}`, undefined);
    }
    await vscode.workspace.getConfiguration('intervals', vscode.workspace.workspaceFolders?.[0]?.uri).update('defaultProject', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    await setSetting('git.enabled', false);
    await signOut();
    await fs.rm(path.join(workspace(), '.vscode'), { recursive: true, force: true });
  });

  describe('without the Git extension', () => {
    it('hides every git feature while the Git extension is disabled, and refuses Start Work without failing', async () => {
      await signIn('admin');
      assert.equal(vscode.workspace.getConfiguration('git').get('enabled'), false, 'the test profile starts with git disabled');
      assert.equal(bridge.available, false);
      assert.equal(graph.contextKeys.get(ContextKey.gitAvailable), false);
      await fake.control.clearRequests();
      const result = await startWork({ taskId: FIX_IMG });
      assert.equal(result.status, 'invalid');
      assert.match(result.status === 'invalid' ? result.message : '', /Git extension enabled/);
      assert.deepEqual(await fake.control.requests(), [], 'nothing was asked of Intervals');
      assert.equal(running(FIX_IMG), false);
    });

    it('treats an absent Git extension as off: no repositories, the context key false, nothing thrown', async () => {
      const told: boolean[] = [];
      const Bridge = bridge.constructor as typeof GitBridge;
      const absent = new Bridge({ getExtension: () => undefined, onAvailability: (available) => told.push(available), log: graph.log });
      await absent.attach();
      assert.deepEqual(absent.repositories, []);
      assert.equal(absent.available, false);
      assert.equal(absent.activeRepository(), undefined);
      assert.deepEqual(told, [false]);
      absent.dispose();
    });
  });

  describe('with repositories open', () => {
    before(async () => {
      await makeRepository(alpha());
      await makeRepository(beta());
      await setSetting('git.enabled', true);
      const exports = await vscode.extensions.getExtension<GitExtensionExports>('vscode.git')?.activate();
      assert.ok(exports, 'the Git extension is built in');
      if (!exports.enabled) {
        await new Promise<void>((resolve) => {
          const listener = exports.onDidChangeEnablement((enabled) => enabled && (listener.dispose(), resolve()));
        });
      }
      for (const dir of [alpha(), beta()]) {
        await vscode.commands.executeCommand('git.openRepository', dir);
      }
      await whenRepositories(2);
      await settled();
    });

    beforeEach(async () => {
      await fake.control.reset();
      await signIn('admin');
      await clearTimers();
      questions = [];
      answerNotifications(graph, (_severity, message) => {
        questions.push(message);
        return Promise.resolve(undefined);
      });
      for (const dir of [alpha(), beta()]) {
        if (head(dir) !== 'main') {
          await switchTo(dir, 'main');
        }
        for (const branch of git(dir, 'for-each-ref', '--format=%(refname:short)', 'refs/heads').split('\n')) {
          if (branch !== 'main' && branch !== '') {
            git(dir, 'branch', '-q', '-D', branch);
          }
        }
        await typeCommitMessage(repository(dir).inputBox, '');
      }
      await fake.control.clearRequests();
    });

    afterEach(async () => {
      // What "Not for This Branch" keeps for the workspace.
      await graph.context.workspaceState.update('intervals.git.quietBranches', undefined);
      answerNotifications(graph, undefined);
      answerPrompts(graph, undefined);
      await settled();
      await clearTimers();
    });

    it('shows the git features once the Git extension is on', () => {
      assert.equal(bridge.available, true);
      assert.equal(graph.contextKeys.get(ContextKey.gitAvailable), true);
    });

    it('Start Work creates and checks out the task branch, sets the status and starts the timer', async () => {
      const result = await startWork({ taskId: FIX_IMG, repository: alpha(), status: 'In Progress' });
      assert.deepEqual(result, { status: 'done', repository: alpha(), branch: '1002-fix-broken-img-tags-on-about', created: true, taskId: FIX_IMG });
      assert.equal(head(alpha()), '1002-fix-broken-img-tags-on-about');
      assert.equal(running(FIX_IMG), true);
      assert.equal((await fake.control.row('task', FIX_IMG)).statusid, 2, 'In Progress');
      await settled();
      assert.deepEqual(questions, [], 'the switch Start Work made asks nothing');

      await switchTo(alpha(), 'main');
      const again = await startWork({ taskId: FIX_IMG, repository: alpha(), timer: false });
      assert.equal(again.status === 'done' && again.created, false, 'the task branch is checked out again, not made twice');
      assert.equal(head(alpha()), '1002-fix-broken-img-tags-on-about');
    });

    it('Start Work finds a branch already naming the task, and refuses a bad branch name without asking', async () => {
      git(alpha(), 'branch', 'feature/1008-old-title');
      const result = await startWork({ taskId: PUSH, repository: alpha(), timer: false });
      assert.equal(result.status === 'done' && result.branch, 'feature/1008-old-title');
      const refused = await startWork({ taskId: PUSH, repository: alpha(), branch: 'bad..name' });
      assert.equal(refused.status, 'invalid');
      const nowhere = await startWork({ taskId: PUSH, repository: '/no/such/repository' });
      assert.equal(nowhere.status, 'invalid');
    });

    it('a checkout git refuses shows git reason and changes nothing in Intervals', async () => {
      git(alpha(), 'checkout', '-q', '-b', '1001-homepage');
      await fs.writeFile(path.join(alpha(), 'README.md'), '# changed on the branch\n');
      git(alpha(), 'commit', '-q', '-am', 'branch change');
      git(alpha(), 'checkout', '-q', 'main');
      await fs.writeFile(path.join(alpha(), 'README.md'), '# typed, not committed\n');
      await fake.control.clearRequests();
      try {
        const result = await startWork({ taskId: HOMEPAGE, repository: alpha(), status: 'In Progress' });
        assert.equal(result.status, 'failed');
        assert.match(result.status === 'failed' ? result.message : '', /Could not check out 1001-homepage: .*overwritten by checkout/s);
        assert.equal(running(HOMEPAGE), false);
        const writes = (await fake.control.requests()).filter((request) => request.method !== 'GET');
        assert.deepEqual(writes, [], 'no status, no timer');
      } finally {
        git(alpha(), 'checkout', '--', 'README.md');
      }
    });

    it('a switch to a task branch: off does nothing, ask asks, auto starts the timer', async () => {
      for (const branch of ['1002-img', '1008-push', '1001-home']) {
        git(alpha(), 'branch', branch);
      }
      await setSetting('intervals.branchTimer', 'off');
      await switchTo(alpha(), '1002-img');
      assert.deepEqual(questions, []);
      assert.equal(running(FIX_IMG), false);

      await setSetting('intervals.branchTimer', 'ask');
      answerNotifications(graph, (_severity, message) => (questions.push(message), Promise.resolve('Start')));
      await switchTo(alpha(), '1008-push');
      assert.deepEqual(questions, ['Start the timer on #1008 Push notifications (iOS & Android)?']);
      assert.equal(running(PUSH), true);

      await setSetting('intervals.branchTimer', 'auto');
      questions = [];
      await switchTo(alpha(), '1001-home');
      assert.deepEqual(questions, []);
      assert.equal(running(HOMEPAGE), true);
      assert.equal(running(PUSH), false, 'the timer switched');
    });

    it('"Not for This Branch" is not asked again; a branch naming no task pauses only with branchTimerPauseOnOther', async () => {
      git(alpha(), 'branch', '1008-push');
      await setSetting('intervals.branchTimer', 'ask');
      answerNotifications(graph, (_severity, message) => (questions.push(message), Promise.resolve('Not for This Branch')));
      await switchTo(alpha(), '1008-push');
      await switchTo(alpha(), 'main');
      await switchTo(alpha(), '1008-push');
      assert.equal(questions.length, 1);
      assert.equal(running(PUSH), false);

      await vscode.commands.executeCommand('intervals.startTimer', { taskId: PUSH });
      await switchTo(alpha(), 'main');
      assert.equal(running(PUSH), true, 'a branch naming no task leaves the timer alone');
      await setSetting('intervals.branchTimerPauseOnOther', true);
      await switchTo(alpha(), '1008-push');
      await switchTo(alpha(), 'main');
      assert.equal(running(PUSH), false, 'paused on the switch to main');
      assert.equal(graph.timers.entries.length, 1, 'paused, not discarded');
    });

    it('looks a branch name up once, also when its number is no task', async () => {
      git(alpha(), 'branch', '999999-no-such-task');
      for (let round = 0; round < 3; round++) {
        await switchTo(alpha(), '999999-no-such-task');
        await switchTo(alpha(), 'main');
      }
      const lookups = (await fake.control.requests()).filter((request) => request.path === '/task/' && request.query.localid === '999999');
      assert.equal(lookups.length, 1);
      assert.deepEqual(questions, []);
    });

    it('puts #1234 into an empty commit message, never over typed text', async () => {
      git(alpha(), 'branch', '1008-push');
      await setSetting('intervals.branchTimer', 'off');
      await setSetting('intervals.commitMessageTask', 'prefix');
      const box = repository(alpha()).inputBox;
      await switchTo(alpha(), '1008-push');
      assert.equal(box.value, '#1008 ');
      await switchTo(alpha(), 'main');
      assert.equal(box.value, '', 'the number it put there goes with the branch');
      await typeCommitMessage(box, '');
      await typeCommitMessage(box, 'typed by hand');
      await switchTo(alpha(), '1008-push');
      assert.equal(box.value, 'typed by hand');
      await typeCommitMessage(box, '');
      await setSetting('intervals.commitMessageTask', 'suffix');
      await switchTo(alpha(), 'main');
      await switchTo(alpha(), '1008-push');
      assert.equal(box.value, '\n\n#1008');
    });

    it('with two repositories, Start Work asks which, the active editor one first', async () => {
      await vscode.window.showTextDocument(vscode.Uri.file(path.join(beta(), 'README.md')));
      const asker = new ScriptedAsker([accept]);
      answerPrompts(graph, asker);
      const result = await startWork({ taskId: PUSH, timer: false });
      assert.equal(result.status === 'done' && result.repository, beta());
      const offered = asker.asked[0]?.kind === 'pick' ? asker.asked[0].request.items.map((item) => item.description) : [];
      assert.deepEqual(offered, [beta(), alpha()]);
      assert.equal(head(beta()), '1008-push-notifications-ios-android');
      assert.equal(head(alpha()), 'main');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('the status bar tooltip and the Tasks view mark the branch task; Reveal Branch Task selects it', async () => {
      await vscode.window.showTextDocument(vscode.Uri.file(path.join(alpha(), 'README.md')));
      await startWork({ taskId: HOMEPAGE, repository: alpha() });
      await settled();
      assert.equal(graph.branchTask.value?.taskId, HOMEPAGE);
      assert.equal(graph.contextKeys.get(ContextKey.branchHasTask), true);
      graph.statusBar.flush();
      assert.match(graph.statusBar.view?.tooltip ?? '', /^Branch 1001-homepage-hero-navigation: this task$/m);
      const shown = selected(graph.taskTree.view, (node) => node?.id === `task:${HOMEPAGE}`);
      assert.equal(await vscode.commands.executeCommand('intervals.revealBranchTask'), true);
      await shown;
      await settled();
      const node = graph.taskTree.provider.taskNode(HOMEPAGE);
      assert.ok(node);
      const item = await graph.taskTree.provider.getTreeItem(node);
      assert.match(String(item.description), /current branch$/);
      assert.match(String(item.contextValue), /\bbranch\b/);
      await switchTo(alpha(), 'main');
      assert.equal(graph.branchTask.value, undefined);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('Link Folder to Project: the status bar warns while a timer of another project runs', async () => {
      await vscode.commands.executeCommand('intervals.startTimer', { taskId: PUSH });
      const linked = await vscode.commands.executeCommand<LinkFolderResult>('intervals.linkFolderToProject', { projectId: 1 });
      assert.deepEqual(linked, { status: 'done', folder: workspace(), projectId: 1 });
      await settled();
      graph.statusBar.flush();
      assert.equal(graph.statusBar.view?.warning, true);
      assert.match(graph.statusBar.view?.tooltip ?? '', /This folder is linked to another project/);
      await vscode.commands.executeCommand('intervals.linkFolderToProject', { projectId: 2 });
      await settled();
      graph.statusBar.flush();
      assert.equal(graph.statusBar.view?.warning, false);
      const refused = await vscode.commands.executeCommand<LinkFolderResult>('intervals.linkFolderToProject', { projectId: 'x' });
      assert.equal(refused.status, 'invalid');
      await vscode.commands.executeCommand('intervals.linkFolderToProject', { projectId: null });
      await settled();
      assert.equal(graph.settings.defaultProject(vscode.workspace.workspaceFolders?.[0]?.uri), undefined);
    });
  });
});
