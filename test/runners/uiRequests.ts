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

/** Types into the quick input that is open (or opens next) and presses Enter. */
export type UiRequest = { readonly kind: 'typeIntoQuickInput'; readonly text: string };

export function formatUiRequest(request: UiRequest): string {
  return `${UI_REQUEST_PREFIX}${JSON.stringify(request)}`;
}

export function parseUiRequest(line: string): UiRequest | undefined {
  if (!line.startsWith(UI_REQUEST_PREFIX)) {
    return undefined;
  }
  try {
    const value = JSON.parse(line.slice(UI_REQUEST_PREFIX.length)) as { kind?: unknown; text?: unknown };
    if (value.kind === 'typeIntoQuickInput' && typeof value.text === 'string') {
      return { kind: value.kind, text: value.text };
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
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill(request.text);
    await input.press('Enter');
  } catch (error) {
    console.log(`[runner] Could not answer ${request.kind}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
