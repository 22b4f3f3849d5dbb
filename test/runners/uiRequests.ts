import type { Page } from 'playwright-core';

/**
 * Integration tests run in the extension host, which cannot type into what VS Code draws itself,
 * such as the token prompt that the Accounts menu opens. They ask the code-server runner,
 * which holds the page, by printing a request line: the workbench forwards the extension host's
 * output to the runner, and the runner answers it in the page.
 */
export const UI_REQUEST_PREFIX = '[intervals-test-ui] ';
/** Set by a runner that answers UI requests, so a test can fail plainly under one that does not. */
export const UI_REQUESTS_ENV = 'INTERVALS_TEST_UI_REQUESTS';

/**
 * What a test asks of the page. Each waits for what it needs to be drawn (no fixed delays):
 * - `typeIntoQuickInput`: types into the quick input that is open (or opens next), presses Enter;
 * - `chooseQuickPickItem`: clicks the first row of the open quick pick whose text holds `text`,
 *   once that row is drawn (a list still loading is waited for);
 * - `closeQuickInput`: presses Escape in the quick input whose placeholder holds `placeholder`
 *   (with `loaded`, once its list shows rows: a list that loads shows them with its items; with
 *   `title`, once its title holds that text).
 */
export type UiRequest =
  | { readonly kind: 'typeIntoQuickInput'; readonly text: string }
  | { readonly kind: 'chooseQuickPickItem'; readonly text: string }
  | { readonly kind: 'closeQuickInput'; readonly placeholder: string; readonly loaded?: boolean; readonly title?: string };

export function formatUiRequest(request: UiRequest): string {
  return `${UI_REQUEST_PREFIX}${JSON.stringify(request)}`;
}

export function parseUiRequest(line: string): UiRequest | undefined {
  if (!line.startsWith(UI_REQUEST_PREFIX)) {
    return undefined;
  }
  try {
    const value = JSON.parse(line.slice(UI_REQUEST_PREFIX.length)) as { kind?: unknown; text?: unknown; placeholder?: unknown; loaded?: unknown; title?: unknown };
    if ((value.kind === 'typeIntoQuickInput' || value.kind === 'chooseQuickPickItem') && typeof value.text === 'string') {
      return { kind: value.kind, text: value.text };
    }
    if (value.kind === 'closeQuickInput' && typeof value.placeholder === 'string') {
      return { kind: value.kind, placeholder: value.placeholder, ...(value.loaded === true ? { loaded: true } : {}), ...(typeof value.title === 'string' ? { title: value.title } : {}) };
    }
    return undefined;
  } catch {
    return undefined;
  }
}

/** Carries out a request in the workbench page; failures are printed, the waiting test then times out. */
export async function answerUiRequest(page: Page, request: UiRequest): Promise<void> {
  try {
    const input = page.locator('.quick-input-widget .quick-input-box input');
    switch (request.kind) {
      case 'typeIntoQuickInput':
        await input.waitFor({ state: 'visible', timeout: 15_000 });
        await input.fill(request.text);
        await input.press('Enter');
        break;
      case 'chooseQuickPickItem': {
        const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: request.text }).first();
        await row.waitFor({ state: 'visible', timeout: 15_000 });
        await row.click();
        break;
      }
      case 'closeQuickInput': {
        const prompt = page.locator(`.quick-input-widget .quick-input-box input[placeholder*=${JSON.stringify(request.placeholder)}]`);
        await prompt.waitFor({ state: 'visible', timeout: 15_000 });
        if (request.title !== undefined) {
          await page.locator('.quick-input-widget .quick-input-title', { hasText: request.title }).waitFor({ state: 'visible', timeout: 15_000 });
        }
        if (request.loaded) {
          await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first().waitFor({ state: 'visible', timeout: 15_000 });
        }
        await prompt.press('Escape');
        break;
      }
    }
  } catch (error) {
    console.log(`[runner] Could not answer ${request.kind}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
