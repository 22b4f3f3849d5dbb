import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';

const CANDIDATE_BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The system Chromium (or `CHROMIUM_PATH`): playwright-core brings no browser of its own. */
export function chromiumExecutable(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  const found = fromEnv ? [fromEnv] : CANDIDATE_BROWSERS.filter((path) => existsSync(path));
  if (!found[0]) {
    throw new Error('No Chromium found; install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.');
  }
  return found[0];
}

/**
 * Headless Chromium that works as root and never reaches out: playwright gives each launch a
 * fresh profile directory, the flags keep the browser's own background traffic off.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutable(),
    headless: true,
    chromiumSandbox: false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** One file the workbench handed over with `codeAutomationExit`: its logs folder, flattened. */
export interface WorkbenchLogFile {
  readonly relativePath: string;
  readonly contents: string;
}

export interface WorkbenchExit {
  readonly code: number;
  readonly logs: readonly WorkbenchLogFile[];
}

export interface WorkbenchPage {
  readonly page: Page;
  /** Resolves when the extension tests finished and the workbench reported their exit code. */
  readonly exit: Promise<WorkbenchExit>;
  /** The browser console, kept for the failure report. */
  readonly consoleLines: string[];
}

/**
 * A page prepared the way VS Code's own test driver prepares it: the workbench looks for
 * `codeAutomationLog` and `codeAutomationExit` on the window and, when they are there, forwards
 * the extension host's output and the test run's exit code to them.
 */
export async function openWorkbenchPage(browser: Browser, onLog: (line: string) => void): Promise<WorkbenchPage> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => consoleLines.push(`[pageerror] ${error.stack ?? error.message}`));

  let reportExit: (exit: WorkbenchExit) => void = () => undefined;
  const exit = new Promise<WorkbenchExit>((resolve) => {
    reportExit = resolve;
  });
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
    onLog(formatAutomationLog(type, args));
  });
  await page.exposeFunction('codeAutomationExit', (code: number, logs?: WorkbenchLogFile[]) => {
    reportExit({ code, logs: logs ?? [] });
  });
  return { page, exit, consoleLines };
}

/** The extension host's console calls arrive as their arguments, format string first. */
function formatAutomationLog(type: string, args: unknown[]): string {
  const text = format(...(Array.isArray(args) ? args : [args]));
  return type === 'info' || type === 'log' ? text : `[${type}] ${text}`;
}

/** Saves what is needed to understand a failed run; never throws, the run is failing already. */
export async function saveFailureArtifacts(
  resultsDir: string,
  workbench: WorkbenchPage | undefined,
  logs: readonly WorkbenchLogFile[],
): Promise<void> {
  if (workbench) {
    try {
      await workbench.page.screenshot({ path: join(resultsDir, 'failure.png'), timeout: 10_000 });
      console.log(`Screenshot: ${join(resultsDir, 'failure.png')}`);
    } catch (error) {
      console.log(`No screenshot: ${String(error)}`);
    }
    writeFileSync(join(resultsDir, 'browser-console.log'), `${workbench.consoleLines.join('\n')}\n`);
  }
  for (const file of logs) {
    const name = file.relativePath.replace(/[\\/]/g, '__');
    writeFileSync(join(resultsDir, `workbench__${name}`), file.contents);
  }
}
