import * as assert from 'node:assert/strict';
import { IntervalsError, type IntervalsErrorKind } from '../../src/api/errors';
import { retryArguments, waitingMessage } from '../../src/timeLog/logTimeOutcome';
import { waitReason, type WaitReason } from '../../src/timeLog/timeLogSync';

describe('Log Time outcome', () => {
  describe('retryArguments', () => {
    it('carries every answer, the typed duration as typed, and asks again', () => {
      const args = retryArguments({
        task: { id: 7, localId: 1007, title: 'Hero', projectId: 1, project: 'Website', clientId: 2, client: 'Acme' } as never,
        date: '2026-11-27',
        hoursText: '1h 30m',
        hours: 1.5,
        workTypeId: 3,
        billable: false,
        description: 'Review',
        timerId: 12,
      });
      assert.deepEqual(args, { taskId: 7, date: '2026-11-27', hours: '1h 30m', worktypeId: 3, billable: false, description: 'Review', timerId: 12, prompt: true });
    });

    it('falls back to the hours when nothing was typed, and leaves out what was not answered', () => {
      assert.deepEqual(retryArguments({ hours: 0.75 }), { hours: 0.75, prompt: true });
      assert.deepEqual(retryArguments({}), { prompt: true });
    });
  });

  describe('waitReason', () => {
    const rows: Array<[IntervalsErrorKind | 'plain' | 'none', WaitReason]> = [
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
        assert.equal(waitReason(attempt), reason);
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
      assert.match(messages[4], /^1 h on #1007 Hero is being sent by another VS Code window/);
      assert.equal(new Set(messages).size, messages.length, 'no two reasons read the same');
    });
  });
});
