import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'mocha';
import { workbench } from '../e2e/workbench';
import { fakeServerFromEnvironment } from '../runners/environmentVariables';
import { repoRoot } from '../runners/testSetup';

// VS Code runs with German as its display language (the runner's e2e-de mode). The texts expected
// are read from the German translations, so the test proves that what is shown comes from them.
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.nls.de.json'), 'utf8')) as Record<string, string>;
const bundle = JSON.parse(readFileSync(join(repoRoot, 'l10n', 'bundle.l10n.de.json'), 'utf8')) as Record<string, string>;

function nls(key: string): string {
  const text = manifest[key];
  assert.ok(text, `package.nls.de.json has ${key}`);
  return text;
}

/** The German of an English message, up to its first placeholder. */
function german(message: string): string {
  const text = bundle[message];
  assert.ok(text, `bundle.l10n.de.json has "${message}"`);
  return text.split('{')[0] ?? text;
}

describe('The extension in German (UI)', () => {
  it('shows its views, welcome, commands, messages and status bar in German', async () => {
    const ui = workbench();
    const { tokens } = fakeServerFromEnvironment();
    assert.ok(tokens.admin, 'the runner passes the admin token');
    assert.notEqual(nls('view.tasks.name'), 'Tasks', 'the German name of the Tasks view differs from the English');

    await ui.activityBarItem(nls('viewContainer.intervals.title')).click();
    const tasks = ui.viewPane(nls('view.tasks.name'));
    await tasks.waitFor({ state: 'visible', timeout: 30_000 });
    await ui.viewPane(nls('view.time.name')).waitFor({ state: 'visible', timeout: 15_000 });
    const welcomeFirstLine = nls('viewsWelcome.tasks.1').split('\n')[0] ?? '';
    await tasks.locator('.welcome-view-content').getByText(welcomeFirstLine, { exact: false }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await ui.screenshot('german-welcome');

    await ui.runCommand(`${nls('category')}: ${nls('command.signIn.title')}`);
    await ui.typeIntoQuickInput(tokens.admin);
    await ui.quickInput.waitFor({ state: 'hidden', timeout: 15_000 });
    await ui.notification(german('Signed in to Intervals as {0} ({1}).')).waitFor({ state: 'visible', timeout: 30_000 });

    // My Time names today's row the German way ("Do., 3. Dez."), from the display language.
    const today = new Date().toLocaleDateString('de', { weekday: 'short', day: 'numeric', month: 'short' });
    await ui.viewPane(nls('view.time.name')).locator('.monaco-list-row', { hasText: today }).first().waitFor({ state: 'visible', timeout: 30_000 });

    await ui.expandTreeItem(nls('view.tasks.name'), 'Acme & Sons');
    await ui.expandTreeItem(nls('view.tasks.name'), 'Website Redesign');

    await ui.runCommand(`${nls('category')}: ${nls('command.startTimer.title')}`);
    await ui.typeIntoQuickInput('#1003', { submit: false });
    await ui.pickQuickInputItem('Accessibility audit (WCAG 2.2)', 30_000);
    const timer = ui.page.locator('.part.statusbar .statusbar-item[id$="intervals.timer"]').filter({ hasText: '#1003' }).first();
    await timer.waitFor({ state: 'visible', timeout: 30_000 });
    await ui.clearNotifications();
    await timer.hover();
    const tooltip = ui.page.locator('.monaco-hover, .workbench-hover').filter({ hasText: german('Running: {0} ({1})') }).first();
    await tooltip.waitFor({ state: 'visible', timeout: 15_000 });
    await ui.screenshot('german-tasks');
    await ui.page.mouse.move(700, 400);

    await ui.runCommand(`${nls('category')}: ${nls('command.logTime.title')}`);
    await ui.quickInput.waitFor({ state: 'visible', timeout: 15_000 });
    const title = await ui.quickInputTitle();
    assert.ok(title.startsWith(german('Log Time')), `the Log Time prompt is titled in German: "${title}"`);
    await ui.screenshot('german-log-time');
    await ui.page.keyboard.press('Escape');
    await ui.quickInput.waitFor({ state: 'hidden', timeout: 15_000 });
  });
});
