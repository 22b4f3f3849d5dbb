import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { delay, repoRoot, writeUserSettings } from './testSetup';

/** Installed by scripts/install-code-server.mjs (`npm run install:code-server`). */
export const CODE_SERVER_VERSION = '4.100.3';

export function codeServerEntry(): string {
  const entry = join(
    repoRoot,
    '.vscode-test',
    `code-server-${CODE_SERVER_VERSION}`,
    'node_modules',
    'code-server',
    'out',
    'node',
    'entry.js',
  );
  if (!existsSync(entry)) {
    throw new Error(`code-server ${CODE_SERVER_VERSION} is not installed; run \`npm run install:code-server\` first.`);
  }
  return entry;
}

export interface CodeServerOptions {
  /** Folder for user data, extensions, the workspace and the server's log. */
  readonly scratchDir: string;
  /** Added to the server's environment; the extension host inherits it. */
  readonly env: Record<string, string>;
  /** Written as the user's settings.json before the server starts. */
  readonly settings: Record<string, unknown>;
  readonly startTimeoutMs?: number;
  /** Loopback port to listen on; a free one when absent. */
  readonly port?: number;
  /**
   * VS Code's display language, e.g. `de`; English when absent. VS Code's own strings stay English
   * (its language packs come from the Marketplace, which the tests cannot reach); the extension's
   * strings come from its own bundles for that language.
   */
  readonly locale?: string;
  /** `.vsix` files installed into the throwaway extensions folder before the server starts. */
  readonly installExtensions?: readonly string[];
}

export interface CodeServer {
  /** `http://127.0.0.1:PORT/` */
  readonly url: string;
  /** `127.0.0.1:PORT`, the authority of `vscode-remote://` URIs for this server. */
  readonly authority: string;
  readonly workspaceDir: string;
  readonly userDataDir: string;
  /** Where the server keeps installed extensions (`installExtensions` among them). */
  readonly extensionsDir: string;
  /** Everything the server printed. */
  readonly logFile: string;
  /** Rejects if the server exits before `stop()` is called. */
  readonly exited: Promise<never>;
  stop(): Promise<void>;
}

/**
 * Starts VS Code's server (code-server) on a free loopback port with a throwaway profile. The
 * process gets its own process group so stopping it also ends the extension hosts it forked.
 */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const userDataDir = join(options.scratchDir, 'user-data');
  const extensionsDir = join(options.scratchDir, 'extensions');
  const workspaceDir = join(options.scratchDir, 'workspace');
  const dataHome = join(options.scratchDir, 'xdg-data');
  for (const dir of [userDataDir, extensionsDir, workspaceDir, dataHome]) {
    mkdirSync(dir, { recursive: true });
  }
  writeUserSettings(userDataDir, options.settings);
  const locale = options.locale && !options.locale.startsWith('en') ? options.locale : undefined;
  if (locale) {
    registerLanguage(userDataDir, locale);
  }
  const logFile = join(options.scratchDir, 'code-server.log');
  const log = createWriteStream(logFile);
  const env = {
    ...inheritedEnvironment(),
    ...options.env,
    // code-server keeps its heartbeat and session files here; keep them in the scratch folder.
    XDG_DATA_HOME: dataHome,
  };
  const profile = [
    // A config file of its own, so nothing is written to the user's ~/.config.
    '--config', join(options.scratchDir, 'code-server.yaml'),
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
  ];
  for (const vsix of options.installExtensions ?? []) {
    // The command-line install: it unpacks the file into the extensions folder and exits.
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [codeServerEntry(), ...profile, '--install-extension', vsix], { cwd: options.scratchDir, env });
    log.write(`${stdout}${stderr}`);
  }

  const args = [
    codeServerEntry(),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${options.port ?? 0}`,
    ...profile,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-proxy',
    '--ignore-last-opened',
    '--log', 'info',
    ...(locale ? ['--locale', locale] : []),
  ];
  const child = spawn(process.execPath, args, {
    cwd: options.scratchDir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });

  let stopping = false;
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code, signal) => {
      if (!stopping) {
        reject(new Error(`code-server exited early (${signal ?? `code ${code}`}); see ${logFile}`));
      }
    });
  });
  exited.catch(() => undefined);

  const stop = async (): Promise<void> => {
    if (stopping) {
      return;
    }
    stopping = true;
    await killGroup(child);
    log.end();
  };

  try {
    const url = await Promise.race([
      listeningUrl(child),
      exited,
      delay(options.startTimeoutMs ?? 60_000).then(() => {
        throw new Error(`code-server did not start listening within ${(options.startTimeoutMs ?? 60_000) / 1000}s; see ${logFile}`);
      }),
    ]);
    return { url, authority: new URL(url).host, workspaceDir, userDataDir, extensionsDir, logFile, exited, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** This process's environment less the variables of a VS Code the tests may be started from. */
function inheritedEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('VSCODE_') && name !== 'ELECTRON_RUN_AS_NODE'),
  );
}

function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => {
    let buffered = '';
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString('utf8');
      const match = /HTTP server listening on (http:\/\/[^\s]+\/)/.exec(buffered);
      if (match?.[1]) {
        child.stdout?.off('data', onData);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
  });
}

async function killGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(child.pid, 'SIGTERM');
  const ended = await Promise.race([gone.then(() => true), delay(5_000).then(() => false)]);
  if (!ended) {
    signalGroup(child.pid, 'SIGKILL');
    await Promise.race([gone, delay(2_000)]);
  }
  // Extension hosts may outlive a server that exited on SIGTERM; they share its process group.
  signalGroup(child.pid, 'SIGKILL');
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

export interface WorkbenchUrlOptions {
  readonly folder: string;
  /** The extension's folder, loaded as under development; omit to run the installed extensions only. */
  readonly extensionDevelopmentPath?: string;
  /** Compiled test entry (without `.js`) for the extension host to run; omit for UI tests. */
  readonly extensionTestsPath?: string;
}

/**
 * The workbench address that makes VS Code's web build load the extension under development from
 * the server's disk (or, without `extensionDevelopmentPath`, only the installed extensions) and,
 * with `extensionTestsPath`, run the tests in the server's extension host.
 */
export function workbenchUrl(server: CodeServer, options: WorkbenchUrlOptions): string {
  const remote = (path: string): string => `vscode-remote://${server.authority}${path}`;
  const payload: [string, string][] = [];
  if (options.extensionDevelopmentPath) {
    payload.push(['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)]);
  }
  if (options.extensionTestsPath) {
    payload.push(['extensionTestsPath', remote(options.extensionTestsPath)]);
  }
  const url = new URL(server.url);
  url.searchParams.set('folder', options.folder);
  if (payload.length > 0) {
    url.searchParams.set('payload', JSON.stringify(payload));
  }
  return url.toString();
}

/**
 * Makes `locale` a display language VS Code's server can resolve without a language pack from the
 * Marketplace: the user data's `languagepacks.json` (what installing a language pack writes) names
 * a translation of VS Code's own strings that is empty, so the workbench runs in that language with
 * VS Code's English strings, and extensions get their bundles for it.
 */
function registerLanguage(userDataDir: string, locale: string): void {
  const translations = join(userDataDir, `empty-language-pack.${locale}.i18n.json`);
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const packs = { [locale]: { hash: `intervals-tests-${locale}`, extensions: [{ extensionIdentifier: { id: `intervals-tests.language-${locale}` }, version: '1.0.0' }], translations: { vscode: translations }, label: locale } };
  writeFileSync(join(userDataDir, 'languagepacks.json'), JSON.stringify(packs, null, 2));
}
