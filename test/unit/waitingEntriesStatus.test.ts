import * as assert from 'node:assert/strict';
import { NOTHING_WAITING, waitingEntriesView } from '../../src/statusBar/waitingEntriesStatus';

describe('waitingEntriesView', () => {
  it('is hidden when nothing waits', () => {
    assert.deepEqual(waitingEntriesView([]), NOTHING_WAITING);
  });

  it('counts entries on their way, pending or being looked up', () => {
    const view = waitingEntriesView([{ state: 'pending' }, { state: 'uncertain' }]);
    assert.equal(view.visible, true);
    assert.equal(view.text, '$(cloud-upload) 2');
    assert.equal(view.warning, false);
    assert.equal(view.tooltip, '2 time entries waiting to be sent to Intervals; they go out when the connection is back.\nClick to show them in My Time.');
    assert.equal(view.accessibilityLabel, 'Intervals: 2 time entries waiting to be sent to Intervals; they go out when the connection is back.');
  });

  it('warns when Intervals refused an entry, which waits for the user', () => {
    const view = waitingEntriesView([{ state: 'failed' }, { state: 'pending' }]);
    assert.equal(view.text, '$(warning) 2');
    assert.equal(view.warning, true);
    assert.match(view.tooltip, /^1 time entry waiting to be sent.*\n1 time entry refused by Intervals: retry or discard it in My Time\./);
  });
});
