/**
 * `npm run demo`: the extension from this checkout in VS Code's server, talking to the fake
 * Intervals API with the demo account, so it can be tried without an Intervals account.
 *
 *   npm run demo                 # free ports; prints the address to open and the token to paste
 *   npm run demo -- --port 8080  # VS Code on a fixed port (the fake API still takes a free one)
 *   npm run demo -- --check      # start, open it in headless Chromium, screenshot, stop (for CI)
 *
 * `npm run demo` bundles the extension, compiles this file and installs code-server first.
 * Everything runs on loopback with a throwaway profile that is deleted on Ctrl-C.
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeIntervals, type FakeIntervals } from '../fake-intervals/server';
import { startCodeServer, type CodeServer } from '../runners/codeServerHost';
import { freshResultsDir, makeScratchDir, repoRoot, testUserSettings } from '../runners/testSetup';
import { parsePort } from '../fake-intervals/cli';
import { Workbench } from '../e2e/workbench';
import { launchChromium } from '../runners/browser';

interface Manifest {
  publisher: string;
  name: string;
  version: string;
}

/** The settings of the demo profile: the test profile's quiet VS Code, plus a few things worth seeing. */
export function demoUserSettings(apiUrl: string): Record<string, unknown> {
  return {
    ...testUserSettings(apiUrl),
    'intervals.reminders': true,
    'workbench.colorTheme': 'Default Dark Modern',
  };
}

/**
 * Installs the checkout into the profile's extensions folder as a link, so VS Code loads it as an
 * ordinary installed extension (a plain address, no development-host banner) and a rebuild
 * followed by "Developer: Reload Window" shows the change.
 */
export function linkExtension(extensionsDir: string, manifest: Manifest): string {
  const folder = join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  symlinkSync(repoRoot, folder, 'dir');
  return folder;
}

function seedWorkspace(workspaceDir: string): void {
  mkdirSync(workspaceDir, { recursive: true });
  writeFileSync(
    join(workspaceDir, 'notes.md'),
    [
      '# Demo workspace',
      '',
      'A throwaway folder for trying the Intervals extension. It is deleted when the demo stops.',
      '',
      '1. Open the Intervals view in the activity bar and sign in with the demo token.',
      '2. Expand a client and a project, and start a timer on a task.',
      '3. Stop it from the status bar and log the time.',
      '',
    ].join('\n'),
  );
}

/**
 * What `--check` does instead of waiting for Ctrl-C: the address opens a workbench that shows the
 * Intervals view, and the fake API takes the demo token. Leaves test-results/demo/demo.png.
 */
async function checkDemo(url: string, fake: FakeIntervals): Promise<void> {
  const me = await fetch(new URL('me/', fake.url), { headers: { Authorization: `Basic ${Buffer.from(`${fake.tokens.admin}:X`).toString('base64')}` } });
  if (me.status !== 200) {
    throw new Error(`The fake API refused the demo token (${me.status}).`);
  }
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    const response = await page.goto(url);
    if (response?.status() !== 200) {
      throw new Error(`${url} answered ${response?.status() ?? 'nothing'}.`);
    }
    const workbench = new Workbench(page, freshResultsDir('demo'));
    await workbench.waitUntilReady();
    await workbench.activityBarItem('Intervals').click();
    await page.locator('.welcome-view-content').getByText('Sign in to Intervals', { exact: false }).first().waitFor({ state: 'visible', timeout: 30_000 });
    console.log(`Screenshot: ${await workbench.screenshot('demo')}`);
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const port = parsePort(process.argv.slice(2));
  const check = process.argv.includes('--check');
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Manifest;
  const scratchDir = makeScratchDir('demo');
  let fake: FakeIntervals | undefined;
  let server: CodeServer | undefined;
  let stopping = false;

  const stop = async (code: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      console.log('Stopping the demo…');
      await server?.stop();
      await fake?.close();
      if (code === 0) {
        rmSync(scratchDir, { recursive: true, force: true });
      } else {
        console.error(`The demo profile and code-server's log are kept in ${scratchDir}`);
      }
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    fake = await startFakeIntervals({ port: 0, host: '127.0.0.1' });
    seedWorkspace(join(scratchDir, 'workspace'));
    const extensionsDir = join(scratchDir, 'extensions');
    mkdirSync(extensionsDir, { recursive: true });
    linkExtension(extensionsDir, manifest);
    server = await startCodeServer({
      scratchDir,
      env: {},
      settings: demoUserSettings(fake.url),
      ...(port ? { port } : {}),
    });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    await stop(1);
    return;
  }

  const url = new URL(server.url);
  url.searchParams.set('folder', server.workspaceDir);
  if (check) {
    try {
      await checkDemo(url.toString(), fake);
      console.log('Demo check passed.');
      await stop(0);
    } catch (error) {
      console.error(`Demo check failed: ${error instanceof Error ? error.message : String(error)}`);
      await stop(1);
    }
    return;
  }

  console.log('');
  console.log('Intervals demo is running.');
  console.log('');
  console.log(`  Open:        ${url.toString()}`);
  console.log(`  Demo token:  ${fake.tokens.admin}   (Ada Lovelace, Administrator)`);
  console.log(`  Other roles: Manager ${fake.tokens.manager}, Resource ${fake.tokens.resource}, Executive ${fake.tokens.executive}`);
  console.log('');
  console.log(`  Fake Intervals API: ${fake.url}  (data resets when the demo restarts)`);
  console.log('  Sign in from the Intervals view in the activity bar and paste the demo token.');
  console.log('  Ctrl-C stops VS Code and the fake API and deletes the demo profile.');
  console.log('');

  // code-server ending on its own (a crash) ends the demo too, with its log's path in the message.
  server.exited.catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    void stop(1);
  });
}

if (require.main === module) {
  void main();
}
