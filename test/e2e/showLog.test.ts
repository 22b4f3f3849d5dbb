import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { workbench } from './workbench';

describe('Intervals: Show Log (UI)', () => {
  it('opens the Intervals output channel from the command palette', async () => {
    const ui = workbench();
    await ui.closePanel();
    assert.equal(await ui.outputView().view.isVisible(), false);

    await ui.runCommand('Intervals: Show Log');

    assert.equal(await ui.visibleOutputChannel(), 'Intervals');
    await ui.screenshot('show-log');
  });
});
