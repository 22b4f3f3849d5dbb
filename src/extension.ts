import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { Redactor } from './api/redaction';
import { AccountGuard } from './auth/accountGuard';
import { AccountSession, type SignInResult } from './auth/accountSession';
import { ApiUrlWatcher } from './auth/apiUrlWatcher';
import { IntervalsAuthenticationProvider } from './auth/authenticationProvider';
import { CredentialStore } from './auth/credentialStore';
import { registerChatTools, type ChatTools } from './chat/chatTools';
import { registerCommands } from './commands/command';
import { COMMAND_IDS } from './commands/ids';
import type * as CommandTable from './commands/index';
import type * as GitIntegration from './gitExtension/index';
import { BackgroundWork } from './common/backgroundWork';
import { SystemClock } from './common/clock';
import { ContextKey, ContextKeys } from './common/contextKeys';
import { reportDamage } from './common/damageNotice';
import { DataChanges } from './common/dataChanges';
import { ErrorReporter } from './common/errorReporter';
import { Logger } from './common/logger';
import { WindowNotifier } from './common/notifier';
import { Settings } from './common/settings';
import { WindowEvents } from './common/workbenchEvents';
import { activeFolder } from './common/activeFolder';
import { ApiClientFactory } from './connection/apiClientFactory';
import { watchConnectionSettings } from './connection/connectionSettingsWatcher';
import { SharedRequestBudget } from './connection/sharedRequestBudget';
import { CurrentBranchTask } from './git/currentBranchTask';
import { LookupCache } from './lookups/lookupCache';
import { DEFAULT_UNCERTAIN_DELAY_MS, Outbox } from './outbox/outbox';
import { nodeStateFileSystem } from './outbox/stateFileSystem';
import { QuickInputAsker } from './prompts/quickInputAsker';
import { WebAddressPrompt } from './prompts/webAddress';
import { ReminderClaims } from './reminders/reminderClaims';
import { ReminderService } from './reminders/reminderService';
import { TimerStatusBarItem } from './statusBar/timerStatusBar';
import { TimerStatusBarController } from './statusBar/timerStatusBarController';
import { WaitingEntriesStatusBarItem } from './statusBar/waitingEntriesStatusBar';
import { PINNED_TASKS_KEY, PinnedTasks, pinAccountKey } from './tasks/pinnedTasks';
import { RecentTasks } from './tasks/recentTasks';
import { CatalogCache } from './tasks/catalogCache';
import { CatalogKeeper } from './tasks/catalogKeeper';
import { TaskNotes } from './tasks/taskNotes';
import { TaskCatalog } from './tasks/taskCatalog';
import { summarizeTask, type TaskSummary } from './tasks/taskReference';
import { setDisplayLocale } from './time/displayLocale';
import { SyncAnnouncer } from './timeLog/syncAnnouncer';
import { SyncTriggers } from './timeLog/syncTriggers';
import type { QueuedTimeEntry } from './timeLog/timeEntryDraft';
import { TimeLogSync, classifyTimeFailure, describeTimeFailure } from './timeLog/timeLogSync';
import { ActiveTimers } from './timer/activeTimers';
import { askInNotification, IdleWatcher } from './timer/idleWatcher';
import { PollLease } from './timer/pollLease';
import { StateFileFollower } from './timer/stateFileFollower';
import { markTimerLogged } from './timer/timerAccounts';
import { TimerChanges } from './timer/timerChanges';
import { TimerPoller } from './timer/timerPoller';
import { DEFAULT_TIMER_DOUBT_MS, TimerService } from './timer/timerService';
import { TimerStateFile } from './timer/timerStateFile';
import { TaskActions } from './views/tasks/taskActions';
import { TaskFinder } from './views/tasks/taskFinder';
import { TaskReveal } from './views/tasks/taskReveal';
import { TaskTree } from './views/tasks/taskTree';
import { MyTimeView } from './views/time/myTimeView';
import { TimeReportPanel } from './views/timeReport/timeReportPanel';
import { TimesheetPanel } from './views/timesheet/timesheetPanel';

/**
 * The composition root. VS Code calls `activate` once start-up has finished
 * (`onStartupFinished`); it builds every service in dependency order, hands each its
 * collaborators through its constructor, registers the one command table, and makes no network
 * call. Each builder below is one layer of the graph; what it makes is owned by the extension's
 * subscriptions from the moment it is made.
 */
export function activate(context: vscode.ExtensionContext): ExtensionGraph | undefined {
  // Every layer translates with @vscode/l10n (the API layer cannot import vscode); it takes the
  // bundle VS Code loaded for the display language, before any string is made.
  if (vscode.l10n.bundle) {
    l10n.config({ contents: vscode.l10n.bundle });
  }
  // Dates, durations and numbers are formatted for the display language, in every bundle.
  setDisplayLocale(vscode.env.language);
  const own = <T extends vscode.Disposable>(disposable: T): T => (context.subscriptions.push(disposable), disposable);
  const core = buildCore(context, own);
  closing = core.work;
  const account = buildAccount(context, core, own);
  const reminders = own(
    new ReminderService({
      ...{ ...core, ...account, globalState: context.globalState, log: core.log.child('reminders') },
      claims: new ReminderClaims(join(core.stateFolder, 'reminders')),
      schedule: core.work.scheduler('reminder check'), // l10n-ignore: work-scheduler label
      track: (label, work) => core.work.track(label, work),
      runCommand: (command) => vscode.commands.executeCommand(command),
    }),
  );
  const tasks = buildTasks(context, core, account, own);
  const timers = buildTimers(core, account, tasks.branchTask, own);
  const timeLog = buildTimeLog(core, account, timers, own);
  const timeReportPanel = own(new TimeReportPanel(core.log.child('timeReport'), account.session, core.notifier, () => core.settings.hourFormat));
  const timesheetPanel = own(new TimesheetPanel({ ...core, log: core.log.child('timesheet'), session: account.session, sync: timeLog.sync }));
  own(core.settings.onDidChange((affects) => affects('intervals.hourFormat') && (timeReportPanel.render(), timesheetPanel.render())));
  const git = buildGitLater(context, core, account, { ...timers, branchTask: tasks.branchTask }, own);
  const chatTools = own(registerChatTools({ ...core, ...account, ...tasks, ...timers, enabled: () => core.settings.chatTools, allowMultipleTimers: () => core.settings.allowMultipleTimers, rounding: () => core.settings.rounding, log: core.log.child('chat'), run: (command, arg) => vscode.commands.executeCommand(command, arg) }));
  const graph: ExtensionGraph = { context, ...core, ...account, reminders, ...tasks, ...timeLog, timeReportPanel, timesheetPanel, ...timers, git, chatTools };
  const parts = { ...graph, folder: core.stateFolder, memento: context.globalState };
  own(registerCommands(COMMAND_IDS, () => loadCommandTable().commandTable(parts), core.notifier));
  // Reading the secret is local; the key drives the welcome view before anything else shows.
  void account.session.restore().then(() => core.contextKeys.set(ContextKey.signedIn, account.session.state.signedIn));
  // The Git integration attaches once start-up is over, never holding it up.
  const attachGit = setTimeout(() => void git(), 0);
  own({ dispose: () => clearTimeout(attachGit) });
  // Only the integration tests and the benchmark get the graph; an installed extension exports nothing.
  return context.extensionMode === vscode.ExtensionMode.Test ? graph : undefined;
}

type Own = <T extends vscode.Disposable>(disposable: T) => T;

/**
 * The command table and the commands' code, loaded on the first command run (the production
 * bundle keeps them in dist/commands.js, see esbuild.mjs): a start that runs none never loads them.
 */
function loadCommandTable(): typeof CommandTable {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./commands/index') as typeof CommandTable;
}

/** What every layer uses: the log, settings, clock, background work, notifications, prompts. */
function buildCore(context: vscode.ExtensionContext, own: Own) {
  const channel = own(vscode.window.createOutputChannel('Intervals', { log: true })); // l10n-ignore: the product's name
  const redactor = new Redactor();
  const log = new Logger(channel, redactor);
  const work = own(new BackgroundWork());
  const notifier = new WindowNotifier(work, log.child('notifications'));
  return {
    channel,
    redactor,
    log,
    work,
    notifier,
    settings: new Settings(),
    clock: new SystemClock(),
    errors: new ErrorReporter(notifier),
    contextKeys: new ContextKeys((key, value) => vscode.commands.executeCommand('setContext', key, value)),
    changes: own(new DataChanges()),
    workbench: new WindowEvents(),
    asker: own(new QuickInputAsker()),
    stateFolder: context.globalStorageUri.fsPath,
  };
}

type Core = ReturnType<typeof buildCore>;

/** Who is signed in, the API clients that act for them, and what is cached per account. */
function buildAccount(context: vscode.ExtensionContext, core: Core, own: Own) {
  const { settings, log, contextKeys } = core;
  const credentials = own(new CredentialStore(context.secrets));
  const budget = new SharedRequestBudget({ folder: core.stateFolder, maxRequests: () => settings.requestsPerMinute, onProblem: (message) => log.warn(message) });
  const clientFactory = own(new ApiClientFactory(settings, log.child('api'), core.redactor, budget));
  const session = own(new AccountSession(credentials, clientFactory, () => settings.apiUrl, log.child('auth'), core.redactor, core.notifier));
  own(watchConnectionSettings(settings, session));
  own(session.onDidChange((state) => void contextKeys.set(ContextKey.signedIn, state.signedIn)));
  own(new ApiUrlWatcher({ settings, session, notifier: core.notifier }));
  const lookups = own(new LookupCache(() => session.client));
  const recentTasks = own(new RecentTasks(context.globalState));
  const pinnedTasks = own(new PinnedTasks(context.globalState, () => (session.state.signedIn ? pinAccountKey(session.state.account) : undefined)));
  // Pins follow the user to their other machines (Settings Sync); each account keeps its own.
  context.globalState.setKeysForSync([PINNED_TASKS_KEY]);
  own(session.onDidChange(() => pinnedTasks.refresh()));
  const activeTimers = own(new ActiveTimers());
  // Another account (or none) means none of the cached look-ups apply any more.
  own(session.onDidChange(() => lookups.clear()));
  const signIn = async (): Promise<boolean> => ((await vscode.commands.executeCommand<SignInResult | undefined>('intervals.signIn')) ?? undefined)?.ok === true;
  const authProvider = own(new IntervalsAuthenticationProvider(session, signIn));
  const guard = new AccountGuard(session, core.notifier, () => vscode.commands.executeCommand('intervals.signIn'));
  return { credentials, session, guard, lookups, recentTasks, pinnedTasks, activeTimers, authProvider };
}

type Account = ReturnType<typeof buildAccount>;

/** The Tasks view and what finds, reveals and acts on tasks. */
function buildTasks(context: vscode.ExtensionContext, core: Core, account: Account, own: Own) {
  const log = core.log.child('tasks');
  const session = account.session;
  const later = (label: string, work: () => Promise<void>) => void core.work.track(label, Promise.resolve().then(work));
  // The saved lists are shown at once and refreshed in the background; a load from Intervals is saved before it answers.
  const catalog: TaskCatalog = new TaskCatalog({ api: () => session.client, ttlMs: () => core.settings.tasksCacheMs, inBackground: (work) => later('task list refresh', work), onSavedRefresh: (answered) => keeper.refreshed(answered, Date.now()), onLoaded: () => keeper.save() }); // l10n-ignore: work labels
  const owner = () => (session.state.signedIn ? { apiUrl: session.state.account.apiUrl, personId: session.state.account.personId } : undefined);
  const keeper = new CatalogKeeper({ cache: new CatalogCache(core.stateFolder, nodeStateFileSystem(), (message) => log.warn(message)), catalog, lookups: account.lookups, owner, onDidChange: () => taskTree.savedCopyChanged() });
  // A look-up loaded from Intervals is saved before it answers; offline, the saved one answers.
  own(account.lookups.onDidLoad((loaded) => loaded.waitUntil(keeper.saveLookups())));
  // Another account or address: the tree has forgotten the old lists; the new account's copy follows.
  own(session.onDidChange(() => void core.work.track('saved task list', keeper.restore()))); // l10n-ignore: work label
  const branchTask = own(new CurrentBranchTask());
  own(branchTask.onDidChange((value) => void core.contextKeys.set(ContextKey.branchHasTask, value !== undefined)));
  const notes = new TaskNotes(() => account.session.client);
  const taskTree: TaskTree = own(new TaskTree({ ...core, ...account, catalog, branchTask, globalState: context.globalState, log, savedCopy: keeper, notes }));
  const preferredProject = () => core.settings.defaultProject(activeFolder()?.uri);
  return {
    ...{ catalog, catalogKeeper: keeper, branchTask, taskTree },
    taskReveal: new TaskReveal({ tree: taskTree, catalog, errors: core.errors, log }),
    taskFinder: new TaskFinder({ catalog, recentTasks: account.recentTasks, pinnedTasks: account.pinnedTasks, errors: core.errors, log, preferredProject, savedCopy: keeper, now: () => core.clock.now().getTime() }),
    taskActions: new TaskActions({
      activeTimers: account.activeTimers,
      errors: core.errors,
      log,
      gitAvailable: () => core.contextKeys.get(ContextKey.gitAvailable) === true,
      isPinned: (taskId) => account.pinnedTasks.list().some((task) => task.id === taskId),
    }),
    webAddress: new WebAddressPrompt(core.settings),
  };
}

/** The outbox of entries waiting to sync, its sync, My Time, and the waiting entries' status item. */
function buildTimeLog(core: Core, account: Account, { timerState, timers }: Pick<Timers, 'timerState' | 'timers'>, own: Own) {
  const { work, stateFolder: folder } = core;
  const log = core.log.child('time');
  const now = (): number => core.clock.now().getTime();
  const outbox = own(
    new Outbox<QueuedTimeEntry>({
      folder,
      now,
      fileName: 'time-entries.outbox.json',
      classify: classifyTimeFailure,
      describeError: describeTimeFailure,
      // A request the service is still applying after we gave up has landed by then.
      uncertainDelayMs: () => Math.max(DEFAULT_UNCERTAIN_DELAY_MS, 3 * core.settings.requestTimeoutMs),
      onProblem: (message) => log.warn(message),
      onDamaged: (report) => reportDamage(core.notifier, 'waitingEntries', report),
    }),
  );
  const { session } = account;
  const sync = own(
    new TimeLogSync({
      outbox,
      api: () => session.client,
      personId: () => (session.state.signedIn ? session.state.account.personId : undefined),
      // A timer logged here is noted in the timers' state file (hidden, and deleted until that
      // succeeds) and shown at once, not when the file watch reports this window's own write.
      onTimerLogged: async (timerId) => {
        await markTimerLogged(timerState, timerId);
        await timers.load();
      },
      onProblem: (message) => log.warn(message),
      now,
      schedule: work.scheduler('time entry retry'), // l10n-ignore: work-scheduler label
    }),
  );
  own(new SyncAnnouncer({ sync, changes: core.changes, log }));
  const waitingStatus = own(new WaitingEntriesStatusBarItem(sync));
  const myTime = own(new MyTimeView({ ...core, session, sync, log }));
  own(new SyncTriggers({ sync, session, window: core.workbench, changes: core.changes, shown: myTime, work, log }));
  return { outbox, sync, myTime, waitingStatus };
}

/** The timers: kept in step with Intervals and with the other windows, the status bar item, idle detection. */
function buildTimers(core: Core, account: Account, branchTask: CurrentBranchTask, own: Own) {
  const { clock, settings, work, stateFolder: folder } = core;
  const log = core.log.child('timer');
  const owner = randomUUID();
  const { session } = account;
  const timerState = new TimerStateFile({ folder, owner, onProblem: (message) => log.warn(message), onDamaged: (report) => reportDamage(core.notifier, 'timers', report) });
  const timers = own(
    new TimerService({
      state: timerState,
      account: () => (session.client && session.state.signedIn ? { api: session.client, personId: session.state.account.personId } : undefined),
      now: () => clock.now(),
      allowMultipleTimers: () => settings.allowMultipleTimers,
      // A write the service is still applying after we gave up has landed by then.
      uncertainDelayMs: () => Math.max(DEFAULT_TIMER_DOUBT_MS, 3 * settings.requestTimeoutMs),
      log,
    }),
  );
  const statusBarItem = own(new TimerStatusBarItem());
  const statusBar = own(
    new TimerStatusBarController({
      sink: statusBarItem,
      entries: () => timers.entries,
      now: () => clock.now(),
      warningHours: () => settings.timerWarningHours,
      hourFormat: () => settings.hourFormat,
      branchTask: () => branchTask.value,
      folderProject: () => settings.defaultProject(activeFolder()?.uri),
      scheduler: { schedule: work.scheduler('timer status bar') }, // l10n-ignore: work-scheduler label
    }),
  );
  const redrawsStatusBar = ['intervals.timerWarningHours', 'intervals.hourFormat', 'intervals.defaultProject'];
  own(settings.onDidChange((affects) => redrawsStatusBar.some((key) => affects(key)) && statusBar.update()));
  own(vscode.window.onDidChangeActiveTextEditor(() => statusBar.update()));
  own(branchTask.onDidChange(() => statusBar.update()));
  const timerFollower = own(new StateFileFollower({ folder, target: timers, work, onProblem: (message) => log.warn(message) }));
  const lease = new PollLease(folder, owner, () => clock.now().getTime());
  const timerPoller = own(new TimerPoller({ timers, session, lease, settings, window: core.workbench, work, random: Math.random, log, onStarted: () => statusBar.update() }));
  const timerChanges = own(new TimerChanges({ ...core, ...account, timers, statusBar, onChangedElsewhere: () => void timerPoller.refresh() }));
  const idleWatcher = own(
    new IdleWatcher({
      timers,
      clock,
      settings,
      workbench: core.workbench,
      ask: askInNotification(core.notifier),
      folder,
      work,
      onResolved: (entry) => timerChanges.fire(entry),
    }),
  );
  return { timerState, timers, timerFollower, statusBar, timerPoller, timerChanges, idleWatcher };
}

type Timers = ReturnType<typeof buildTimers>;

/**
 * The Git integration (dist/git.js), built on first use: the Git extension's repositories, what a
 * branch switch does, and the task each branch names. Resolves the same object every time.
 */
function buildGitLater(
  context: vscode.ExtensionContext,
  core: Core,
  account: Account,
  timers: { timers: TimerService; branchTask: CurrentBranchTask },
  own: Own,
): () => Promise<GitIntegration.GitWork> {
  let built: Promise<GitIntegration.GitWork> | undefined;
  return () => (built ??= buildGit(context, core, account, timers, own));
}

async function buildGit(
  context: vscode.ExtensionContext,
  core: Core,
  account: Account,
  { timers, branchTask }: { timers: TimerService; branchTask: CurrentBranchTask },
  own: Own,
): Promise<GitIntegration.GitWork> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const git = require('./gitExtension/index') as typeof GitIntegration;
  const { settings, session } = { ...core, ...account };
  const log = core.log.child('git');
  const bridge = own(
    new git.GitBridge({
      getExtension: (id) => vscode.extensions.getExtension(id),
      onAvailability: (available) => void core.contextKeys.set(ContextKey.gitAvailable, available),
      log,
    }),
  );
  const lookup = new git.BranchTaskLookup({
    find: async (localId) => {
      const found = (await session.client?.listTasks({ localId }))?.items.find((task) => task.localId === localId);
      return found && summarizeTask(found);
    },
    pattern: () => git.taskPattern(settings.branchTaskPattern),
  });
  const runTimer = (command: string, arg?: unknown) => vscode.commands.executeCommand(command, arg);
  const branches = own(
    new git.BranchWork({
      ...core,
      bridge,
      lookup,
      current: branchTask,
      timers,
      startTimer: (task: TaskSummary) => runTimer('intervals.startTimer', { taskId: task.id, task }),
      pauseTimer: () => runTimer('intervals.pauseTimer'),
      signedIn: () => session.state.signedIn,
      workspaceState: context.workspaceState,
      log,
    }),
  );
  // l10n-ignore: work-scheduler label
  own(session.onDidChange(() => void core.work.track('branch task', branches.reset())));
  // l10n-ignore: work-scheduler label
  own(settings.onDidChange((affects) => affects('intervals.branchTaskPattern') && void core.work.track('branch task', branches.reset())));
  await bridge.attach();
  return { bridge, branches, lookup };
}

/** Everything `activate` built, as the integration tests and the benchmark see it in test mode. */
export type ExtensionGraph = { readonly context: vscode.ExtensionContext } & Core &
  Account & { readonly reminders: ReminderService; readonly timeReportPanel: TimeReportPanel; readonly timesheetPanel: TimesheetPanel } & ReturnType<typeof buildTasks> &
  ReturnType<typeof buildTimeLog> &
  ReturnType<typeof buildTimers> & { readonly git: () => Promise<GitIntegration.GitWork>; readonly chatTools: ChatTools };

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
