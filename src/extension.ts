import * as vscode from 'vscode';
import { AccountSession, type SignInResult } from './auth/accountSession';
import { IntervalsAuthenticationProvider } from './auth/authenticationProvider';
import { CredentialStore } from './auth/credentialStore';
import { registerCommands } from './commands/commandTable';
import { showLogCommand } from './commands/showLog';
import { showSetAsideDataCommand } from './commands/showSetAsideData';
import { signInCommand } from './commands/signIn';
import { signOutCommand } from './commands/signOut';
import { answerNotifications } from './common/notifications';
import { BackgroundWork } from './common/backgroundWork';
import { ContextKey, ContextKeys } from './common/contextKeys';
import { Logger } from './common/logger';
import { Settings } from './common/settings';
import { ApiClientFactory } from './connection/apiClientFactory';
import { SharedRequestBudget } from './connection/sharedRequestBudget';
import { watchConnectionSettings } from './connection/connectionSettingsWatcher';
import { watchApiUrl } from './auth/apiUrlWatcher';
import type { TestHooks } from './testHooks';
import { DataChanges } from './common/dataChanges';
import { LookupCache } from './lookups/lookupCache';
import type { Services } from './services';
import { AskerSource } from './prompts/quickInputAsker';
import { registerProjects } from './projects/registerProjects';
import { registerTimers } from './timerUi/registerTimers';
import { registerReminders } from './reminders/registerReminders';
import { RecentTasks } from './tasks/recentTasks';
import { ActiveTimers } from './timer/activeTimers';
import { registerTimeLog } from './views/time/registerTimeLog';
import { registerTaskBrowser } from './views/tasks/registerTaskBrowser';

/**
 * Composition root. VS Code calls this once start-up has finished (`onStartupFinished`); it only
 * builds objects and registers them, so activation makes no network call.
 */
export function activate(context: vscode.ExtensionContext): TestHooks | undefined {
  const channel = vscode.window.createOutputChannel('Intervals', { log: true });
  context.subscriptions.push(channel);
  const log = new Logger(channel);
  const settings = new Settings();
  const contextKeys = new ContextKeys();
  const work = new BackgroundWork();
  closing = work;
  context.subscriptions.push(work);

  const credentials = new CredentialStore(context.secrets);
  context.subscriptions.push(credentials);
  const budget = new SharedRequestBudget({
    folder: context.globalStorageUri.fsPath,
    maxRequests: () => settings.requestsPerMinute,
    onProblem: (message) => log.warn(message),
  });
  const clientFactory = new ApiClientFactory(settings, log.child('api'), budget);
  context.subscriptions.push(clientFactory);
  const session = new AccountSession(credentials, clientFactory, () => settings.apiUrl, log.child('auth'));
  context.subscriptions.push(session);
  context.subscriptions.push(watchConnectionSettings(settings, session));
  context.subscriptions.push(session.onDidChange((state) => void contextKeys.set(ContextKey.signedIn, state.signedIn)));
  context.subscriptions.push(watchApiUrl(settings, session));

  const lookups = new LookupCache(() => session.client);
  const recentTasks = new RecentTasks(context.globalState);
  const changes = new DataChanges();
  const activeTimers = new ActiveTimers();
  context.subscriptions.push(recentTasks, changes, activeTimers);
  context.subscriptions.push(
    session.onDidChange(() => {
      // Another account (or none) means none of the cached look-ups apply any more.
      lookups.clear();
    }),
  );
  const asker = new AskerSource();
  context.subscriptions.push(asker);
  const services: Services = { context, session, log, settings, contextKeys, lookups, recentTasks, changes, activeTimers, work, asker };

  const signIn = signInCommand(session);
  const authProvider = new IntervalsAuthenticationProvider(session, async () => ((await signIn.execute()) as SignInResult | undefined)?.ok === true);
  context.subscriptions.push(authProvider);

  context.subscriptions.push(
    registerCommands([
      signIn,
      signOutCommand(session, async () => {
        lookups.clear();
        await recentTasks.clear();
      }),
      showLogCommand(channel),
      showSetAsideDataCommand(context.globalStorageUri.fsPath),
    ]),
  );

  // Features, each registering its views, commands and listeners.
  const reminders = registerReminders(services);
  const taskBrowser = registerTaskBrowser(services);
  const timeLog = registerTimeLog(services);
  const projects = registerProjects(services);
  const timers = registerTimers(services);
  context.subscriptions.push(
    reminders,
    taskBrowser,
    timeLog,
    projects,
    timers,
  );

  // Reading the secret is local; the key drives the welcome view before anything else shows.
  void session.restore().then(() => contextKeys.set(ContextKey.signedIn, session.state.signedIn));

  if (context.extensionMode === vscode.ExtensionMode.Test) {
    // Only the integration tests get a look inside; an installed extension exports nothing.
    return {
      secrets: context.secrets,
      globalState: context.globalState,
      logUri: context.logUri,
      session,
      contextKeys,
      services,
      asker,
      authProvider,
      answerNotifications,
      reminders,
      taskBrowser,
      timeLog: timeLog.testHooks,
      projects,
      timers: timers.testHooks,
    };
  }
  return undefined;
}

/** The background work of the running extension, which a closing window lets finish. */
let closing: BackgroundWork | undefined;

/** How long a closing window waits for a write under way (VS Code allows a few seconds). */
const CLOSING_WAIT_MS = 3_000;

/**
 * VS Code calls this before it disposes `context.subscriptions`: a sync pass or timer write under
 * way is given a moment to finish, so its outcome is recorded rather than found out next time.
 */
export async function deactivate(): Promise<void> {
  const work = closing;
  closing = undefined;
  if (work) {
    await Promise.race([work.idle(), new Promise((resolve) => setTimeout(resolve, CLOSING_WAIT_MS).unref())]);
  }
}
