import * as assert from 'node:assert/strict';
import { branchNameFor, DEFAULT_BRANCH_TEMPLATE, isValidBranchName, sanitizeBranchName, slugify, taskNumberIn, taskPattern } from '../../src/git/branchNames';
import { BranchTaskLookup } from '../../src/git/branchTasks';
import type { TaskSummary } from '../../src/tasks/taskReference';

const task = (localId: number, title = `Task ${localId}`): TaskSummary => ({ id: localId + 10_000, localId, title, projectId: 7, project: 'Site', clientId: 1, client: 'Acme' });

describe('Branch names', () => {
  describe('the task number of a branch', () => {
    it('finds the number at the start or after /, - or _', () => {
      assert.equal(taskNumberIn('1234-fix-login'), 1234);
      assert.equal(taskNumberIn('feature/1234-login'), 1234);
      assert.equal(taskNumberIn('bug_1234'), 1234);
      assert.equal(taskNumberIn('fix-88'), 88);
      assert.equal(taskNumberIn('42'), 42);
    });

    it('finds none in a name without a number, or with one inside a word or too long', () => {
      for (const name of ['main', 'develop', 'feature/login', 'v2-login', 'release1234', 'x/12345678-too-long', 'hotfix/0']) {
        assert.equal(taskNumberIn(name), undefined, name);
      }
    });

    it('takes the first of several numbers', () => {
      assert.equal(taskNumberIn('feature/12-then-34'), 12);
      assert.equal(taskNumberIn('team_5/1234-login'), 5);
    });

    it('reads a pattern of the user, its first group or its whole match, and falls back on a broken one', () => {
      assert.equal(taskNumberIn('JIRA-77-login', taskPattern('JIRA-(\\d+)')), 77);
      assert.equal(taskNumberIn('x9y', taskPattern('\\d')), 9);
      assert.equal(taskNumberIn('1234-login', taskPattern('([unclosed')), 1234);
      assert.equal(taskNumberIn('login', taskPattern('(abc)')), undefined);
    });
  });

  describe('the branch name of a task', () => {
    it('fills the default template with the number and the slug of the title', () => {
      assert.equal(DEFAULT_BRANCH_TEMPLATE, '{localid}-{slug}');
      assert.equal(branchNameFor(DEFAULT_BRANCH_TEMPLATE, task(1234, 'Fix login')), '1234-fix-login');
    });

    it('folds unicode titles to ASCII, lower case', () => {
      assert.equal(slugify('Größe ändern: Café Œuvre'), 'grosse-andern-cafe-oeuvre');
      assert.equal(slugify('Zürich – Łódź façade'), 'zurich-lodz-facade');
      assert.equal(branchNameFor('{localid}-{slug}', task(5, '日本語のタイトル')), '5');
      assert.equal(branchNameFor('{slug}', task(5, '日本語')), 'task-5');
    });

    it('keeps a very long title to 50 characters, cut between words', () => {
      const slug = slugify('Make the report page load every entry of the range before it draws anything at all');
      assert.ok(slug.length <= 50, slug);
      assert.equal(slug, 'make-the-report-page-load-every-entry-of-the');
      assert.equal(slugify('a'.repeat(80)).length, 50);
    });

    it('replaces what git refuses in a branch name', () => {
      const name = branchNameFor('{project}/{localid}-{slug}', { ...task(9, 'a~b^c:d?e*f[g\\h'), project: 'Web..Site' });
      assert.equal(name, 'web-site/9-a-b-c-d-e-f-g-h');
      assert.equal(sanitizeBranchName('feature/..x//y.lock'), 'feature/x/y');
      assert.equal(sanitizeBranchName('.hidden/-dash/end.'), 'hidden/dash/end');
      assert.equal(sanitizeBranchName('a@{b} c\td'), 'a-b}-c-d');
      assert.equal(sanitizeBranchName('@'), '');
      assert.ok(isValidBranchName('feature/1234-login'));
      for (const bad of ['', 'a..b', 'a b', 'x.lock', '-x', 'a//b', 'a~1', 'end.', '@']) {
        assert.equal(isValidBranchName(bad), false, bad);
      }
    });

    it('fills {user} and {project}, leaves unknown placeholders to be cleaned', () => {
      assert.equal(branchNameFor('{user}/{localid}', { ...task(3), user: 'Ana Müller' }), 'ana-muller/3');
      assert.equal(branchNameFor('{other}-{localid}', task(3)), '{other}-3');
      assert.equal(branchNameFor('', task(3, 'X')), '3-x');
    });
  });

  describe('the task of a branch', () => {
    it('asks once per branch name, also for a number that is no task, and shares concurrent asks', async () => {
      const asked: number[] = [];
      const lookup = new BranchTaskLookup({
        find: (localId) => {
          asked.push(localId);
          return Promise.resolve(localId === 1234 ? task(1234, 'Fix login') : undefined);
        },
        pattern: () => taskPattern(undefined),
      });
      const [first, second] = await Promise.all([lookup.taskOf('1234-fix-login'), lookup.taskOf('1234-fix-login')]);
      assert.equal(first?.localId, 1234);
      assert.equal(second?.localId, 1234);
      for (let round = 0; round < 20; round++) {
        assert.equal(await lookup.taskOf('999-no-such-task'), undefined);
        await lookup.taskOf('1234-fix-login');
        assert.equal(await lookup.taskOf('main'), undefined);
      }
      assert.deepEqual(asked, [1234, 999]);
    });

    it('asks again after a failed look-up, and after clear', async () => {
      let fail = true;
      let asked = 0;
      const lookup = new BranchTaskLookup({
        find: () => {
          asked++;
          return fail ? Promise.reject(new Error('offline')) : Promise.resolve(task(7));
        },
        pattern: () => taskPattern(undefined),
      });
      await assert.rejects(lookup.taskOf('7-x'), /offline/);
      fail = false;
      assert.equal((await lookup.taskOf('7-x'))?.localId, 7);
      await lookup.taskOf('7-x');
      lookup.clear();
      await lookup.taskOf('7-x');
      assert.equal(asked, 3);
    });
  });
});
