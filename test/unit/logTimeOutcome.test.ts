import * as assert from 'node:assert/strict';
import { IntervalsError, type IntervalsErrorKind } from '../../src/api/errors';
import { entryLabel, entryProject, projectTimeLabel, retryArguments, waitingMessage } from '../../src/timeLog/logTimeOutcome';
import { describeTimeFailure, waitReason, type WaitReason } from '../../src/timeLog/timeLogSync';

describe('Log Time outcome', () => {
  describe('retryArguments', () => {
    const task = { id: 7, localId: 1007, title: 'Hero', projectId: 1, project: 'Website', clientId: 2, client: 'Acme' };

    it('opens Log Time again with every answer, the typed duration as typed, and the task for offline use', () => {
      const again = retryArguments({ task, date: '2026-11-27', hoursText: '1h 30m', hours: 1.5, workTypeId: 3, billable: false, description: 'Review', timerId: 12 });
      assert.deepEqual(again, {
        command: 'intervals.logTime',
        args: { taskId: 7, task, date: '2026-11-27', hours: '1h 30m', worktypeId: 3, billable: false, description: 'Review', prompt: true },
      });
    });

    it('falls back to the hours when nothing was typed, and leaves out what was not answered', () => {
      assert.deepEqual(retryArguments({ hours: 0.75 }), { command: 'intervals.logTime', args: { hours: 0.75, prompt: true } });
      assert.deepEqual(retryArguments({}), { command: 'intervals.logTime', args: { prompt: true } });
    });

    it("goes back through Stop Timer for an entry from a timer, which reads the timer's time anew", () => {
      const again = retryArguments({ task, date: '2026-11-27', hours: 1.2, workTypeId: 3, billable: true, description: 'Timed', timerId: 12, fromTimer: true });
      assert.deepEqual(again, { command: 'intervals.stopTimer', args: { taskId: 7, worktypeId: 3, billable: true, description: 'Timed', prompt: true } });
    });
  });

  describe('project time', () => {
    const project = { projectId: 1, project: 'Website Redesign', client: 'Acme', moduleId: 2, module: 'Design' };

    it('opens Log Time again on the project and module, with no task', () => {
      assert.deepEqual(retryArguments({ project, date: '2026-11-27', hours: 2, workTypeId: 3 }), {
        command: 'intervals.logTime',
        args: { projectId: 1, moduleId: 2, date: '2026-11-27', hours: 2, worktypeId: 3, prompt: true },
      });
      assert.deepEqual(retryArguments({ project: { ...project, moduleId: null, module: null }, hours: 1 }).args, { projectId: 1, hours: 1, prompt: true });
    });

    it("goes back through Stop Timer with the general timer's id and the project; a task's timer keeps its task and note choice", () => {
      assert.deepEqual(retryArguments({ project, hours: 1, timerId: 9, fromTimer: true }), { command: 'intervals.stopTimer', args: { projectId: 1, moduleId: 2, timerId: 9, prompt: true } });
      const task = { id: 7, localId: 1007, title: 'Hero', projectId: 1, project: 'Website', clientId: 2, client: 'Acme' };
      assert.deepEqual(retryArguments({ task, description: 'Done', postNote: true, timerId: 9, fromTimer: true }).args, { taskId: 7, description: 'Done', postNote: true, prompt: true });
    });

    it('names project time by project and module, and a project it does not know the name of by its id', () => {
      assert.equal(projectTimeLabel(project), 'Website Redesign › Design');
      assert.equal(projectTimeLabel({ projectId: 6, project: null, module: null }), 'Project 6');
      assert.equal(entryLabel({ project }), 'Website Redesign › Design');
      assert.equal(entryLabel({ task: { id: 7, localId: 1007, title: 'Hero', projectId: 1, project: 'Website', clientId: 2, client: 'Acme' } }), '#1007 Hero');
      assert.deepEqual(entryProject({ project }), project);
      assert.equal(entryProject({}), undefined);
    });
  });

  describe('waitReason', () => {
    const rows: Array<[IntervalsErrorKind | 'plain' | 'none', WaitReason]> = [
      // 'none': this window made no attempt; the caller says why (here: another window has it).
      ['network', 'unreachable'],
      ['timeout', 'unreachable'],
      ['server', 'serverError'],
      ['rateLimited', 'rateLimited'],
      ['unauthorized', 'signedOut'],
      ['plain', 'unreachable'],
      ['none', 'otherWindow'],
    ];
    for (const [kind, reason] of rows) {
      it(`reads ${kind} as ${reason}`, () => {
        const attempt =
          kind === 'none' ? undefined : { error: kind === 'plain' ? new Error('socket hang up') : new IntervalsError({ kind, message: `${kind} failure` }) };
        assert.equal(waitReason(attempt, 'otherWindow'), reason);
      });
    }
  });

  describe('waitingMessage', () => {
    it('says why the entry waits and what happens next, for each reason', () => {
      const what = '1 h on #1007 Hero';
      const messages = (['unreachable', 'serverError', 'rateLimited', 'signedOut', 'otherWindow'] as const).map((reason) => waitingMessage(reason, what));
      assert.match(messages[0], /could not be reached\. 1 h on #1007 Hero is kept and will be sent when the connection is back/);
      assert.match(messages[1], /server error\. .* will be sent again shortly/);
      assert.match(messages[2], /slow down .* once it allows/);
      assert.match(messages[3], /refused the API token\. .* once you sign in again/);
      assert.match(messages[4], /^1 h on #1007 Hero is being sent, or was just sent, by another VS Code window/);
      assert.equal(new Set(messages).size, messages.length, 'no two reasons read the same');
    });
  });
});

describe('describeTimeFailure', () => {
  it('drops the advice to try again from failures the outbox retries by itself, and keeps other advice', () => {
    const network = new IntervalsError({ kind: 'network', message: 'Intervals is not answering. Check your connection and try again.' });
    assert.equal(describeTimeFailure(network), 'Intervals is not answering.');
    const busy = new IntervalsError({ kind: 'rateLimited', message: 'Intervals is busy (too many requests). Try again in 7 s.' });
    assert.equal(describeTimeFailure(busy), 'Intervals is busy (too many requests).');
    const refused = new IntervalsError({ kind: 'validation', message: 'Intervals did not accept the request. Correct the values and try again.' });
    assert.equal(describeTimeFailure(refused), 'Intervals did not accept the request. Correct the values and try again.');
  });
});
