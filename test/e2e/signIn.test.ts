import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { fakeServerFromEnvironment } from '../runners/environmentVariables';
import { workbench } from './workbench';

describe('Sign in (UI)', () => {
  it('shows the sign-in welcome, keeps the prompt open on a refused token, and signs in with the right one', async () => {
    const ui = workbench();
    const { tokens } = fakeServerFromEnvironment();
    assert.ok(tokens.admin, 'the runner passes the admin token');

    await ui.activityBarItem('Intervals').click();
    const welcome = ui.page.locator('.welcome-view-content').getByText('Sign in to Intervals', { exact: false }).first();
    await welcome.waitFor({ state: 'visible', timeout: 30_000 });
    const signInButtons = ui.page.locator('.welcome-view-content .monaco-button').filter({ hasText: 'Sign in to Intervals' });
    assert.equal(await signInButtons.count(), 1, 'one Sign In button, not one per view');
    const collapseAll = ui.viewPane('Tasks').locator('.actions .action-label[aria-label="Collapse All"]');
    assert.equal(await collapseAll.count(), 0, 'no Collapse All over the welcome');
    await ui.screenshot('welcome-signed-out');

    await ui.runCommand('Intervals: Sign In');
    await ui.typeIntoQuickInput('zzzzzzzzzzz');
    const refusal = ui.quickInput.getByText('did not accept this token', { exact: false });
    await refusal.waitFor({ state: 'visible', timeout: 15_000 });
    await ui.screenshot('sign-in-refused');

    await ui.typeIntoQuickInput(tokens.admin);
    await ui.quickInput.waitFor({ state: 'hidden', timeout: 15_000 });
    const notice = ui.page.locator('.notifications-toasts').getByText('Signed in to Intervals as', { exact: false });
    await notice.waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(await welcome.isVisible(), false, 'the welcome content is gone once signed in');
    await collapseAll.first().waitFor({ state: 'attached', timeout: 15_000 });
    await ui.screenshot('signed-in');
  });
});
