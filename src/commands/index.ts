import type * as vscode from 'vscode';
import type { AccountGuard } from '../auth/accountGuard';
import type { AccountSession } from '../auth/accountSession';
import { activeFolder } from '../common/activeFolder';
import type { Clock } from '../common/clock';
import type { DataChanges } from '../common/dataChanges';
import type { ErrorReporter } from '../common/errorReporter';
import type { Logger } from '../common/logger';
import type { Notifier } from '../common/notifier';
import type { Settings } from '../common/settings';
import type { CurrentBranchTask } from '../git/currentBranchTask';
import type { GitWork } from '../gitExtension/index';
import type { LookupCache } from '../lookups/lookupCache';
import type { Asker } from '../prompts/asker';
import type { WebAddressPrompt } from '../prompts/webAddress';
import type { PinnedTasks } from '../tasks/pinnedTasks';
import type { RecentTasks } from '../tasks/recentTasks';
import type { TaskCatalog } from '../tasks/taskCatalog';
import type { TimeLogSync } from '../timeLog/timeLogSync';
import type { TimerChanges } from '../timer/timerChanges';
import type { TimerService } from '../timer/timerService';
import type { TaskActions } from '../views/tasks/taskActions';
import type { TaskFinder } from '../views/tasks/taskFinder';
import type { TaskReveal } from '../views/tasks/taskReveal';
import type { TaskTree } from '../views/tasks/taskTree';
import type { MyTimeView } from '../views/time/myTimeView';
import type { TimeReportPanel } from '../views/timeReport/timeReportPanel';
import type { TimesheetPanel } from '../views/timesheet/timesheetPanel';
import { showLogCommand } from './account/showLog';
import { showSetAsideDataCommand } from './account/showSetAsideData';
import { signInCommand } from './account/signIn';
import { signOutCommand } from './account/signOut';
import type { Command } from './command';
import { linkFolderCommand } from './git/linkFolder';
import { revealBranchTaskCommand } from './git/revealBranchTask';
import { startWorkCommand } from './git/startWork';
import { createProjectCommand } from './projects/createProject';
import { addTaskNoteCommand } from './tasks/addTaskNote';
import { assignTaskCommand } from './tasks/assignTask';
import type { TaskLookup } from './tasks/chosenTask';
import { copyTaskIdCommand } from './tasks/copyTaskId';
import { pinTaskCommand, unpinTaskCommand } from './tasks/pinTask';
import { copyTaskLinkCommand } from './tasks/copyTaskLink';
import { createTaskCommand } from './tasks/createTask';
import { findTaskCommand } from './tasks/findTask';
import { hideClosedTasksCommand } from './tasks/hideClosedTasks';
import { loadMoreTasksCommand } from './tasks/loadMoreTasks';
import { openTaskInBrowserCommand } from './tasks/openTaskInBrowser';
import { refreshTasksCommand } from './tasks/refreshTasks';
import { retryTasksCommand } from './tasks/retryTasks';
import { collapseTasksCommand } from './tasks/collapseTasks';
import { showTaskActionsCommand } from './tasks/showTaskActions';
import { revealTaskCommand } from './tasks/revealTask';
import { setTaskStatusCommand } from './tasks/setTaskStatus';
import { showAllTasksCommand } from './tasks/showAllTasks';
import { showClientTasksCommand } from './tasks/showClientTasks';
import { showClosedTasksCommand } from './tasks/showClosedTasks';
import { showMyTasksCommand } from './tasks/showMyTasks';
import { deleteTimeEntryCommand } from './time/deleteTimeEntry';
import { discardWaitingEntryCommand } from './time/discardWaitingEntry';
import { editTimeEntryCommand } from './time/editTimeEntry';
import { logAgainTodayCommand } from './time/logAgainToday';
import { loggedHoursOn } from './time/loggedHours';
import { LogTime, logTimeCommand } from './time/logTime';
import { nextWeekCommand } from './time/nextWeek';
import { openTimesheetCommand } from './time/openTimesheet';
import { previousWeekCommand } from './time/previousWeek';
import { refreshTimeCommand } from './time/refreshTime';
import { retrySyncCommand } from './time/retrySync';
import { thisWeekCommand } from './time/thisWeek';
import { timeReportCommand } from './time/timeReport';
import { adjustTimerCommand } from './timer/adjustTimer';
import { discardTimerCommand } from './timer/discardTimer';
import { pauseTimerCommand } from './timer/pauseTimer';
import { resumeTimerCommand } from './timer/resumeTimer';
import { showTimersCommand } from './timer/showTimers';
import { startTimerCommand } from './timer/startTimer';
import { stopTimerCommand } from './timer/stopTimer';

/** Everything the commands act on and through, as the composition root built it. */
export interface CommandParts {
  /** The output channel Show Log reveals. */
  readonly channel: vscode.LogOutputChannel;
  /** The extension's global storage folder, where damaged files are set aside. */
  readonly folder: string;
  /** globalState: the last answers of the forms. */
  readonly memento: vscode.Memento;
  readonly log: Logger;
  readonly settings: Pick<Settings, 'rounding' | 'timerWarningHours' | 'branchTemplate' | 'branchTaskPattern' | 'startWorkStatus' | 'defaultProject'>;
  readonly clock: Clock;
  readonly asker: Asker;
  readonly notifier: Notifier;
  readonly errors: ErrorReporter;
  readonly session: AccountSession;
  readonly guard: AccountGuard;
  readonly lookups: LookupCache;
  readonly recentTasks: RecentTasks;
  readonly pinnedTasks: PinnedTasks;
  readonly changes: DataChanges;
  readonly catalog: TaskCatalog;
  readonly taskTree: TaskTree;
  readonly taskReveal: TaskReveal;
  readonly taskFinder: TaskFinder;
  readonly taskActions: TaskActions;
  readonly webAddress: WebAddressPrompt;
  readonly timers: TimerService;
  readonly timerChanges: TimerChanges;
  readonly sync: TimeLogSync;
  readonly myTime: MyTimeView;
  readonly timeReportPanel: TimeReportPanel;
  readonly timesheetPanel: TimesheetPanel;
  /** The Git integration, loaded on first use. */
  readonly git: () => Promise<GitWork>;
  readonly branchTask: CurrentBranchTask;
}

/** The command table: every contributed command, each given only what it uses. */
export function commandTable(parts: CommandParts): Command[] {
  return [...accountCommands(parts), ...taskCommands(parts), ...timeCommands(parts), ...timerCommands(parts), ...formCommands(parts), ...gitCommands(parts)];
}

/** Work from where you are: the branch of a task, the project of a folder. */
function gitCommands(parts: CommandParts): Command[] {
  const log = parts.log.child('git');
  const lookup: TaskLookup = { guard: parts.guard, finder: parts.taskFinder, catalog: parts.catalog, errors: parts.errors, log };
  return [
    startWorkCommand({ ...parts, log, lookup }),
    revealBranchTaskCommand(parts.git, parts.branchTask),
    linkFolderCommand({ ...parts, log }),
  ];
}

function accountCommands(parts: CommandParts): Command[] {
  const { session, lookups, recentTasks } = parts;
  return [
    signInCommand(session),
    signOutCommand(session, async () => {
      lookups.clear();
      await recentTasks.clear();
    }),
    showLogCommand(parts.channel),
    showSetAsideDataCommand(parts.folder),
  ];
}

function taskCommands(parts: CommandParts): Command[] {
  const { taskTree: tree, taskReveal: reveal, taskActions: actions } = parts;
  const lookup: TaskLookup = { guard: parts.guard, finder: parts.taskFinder, catalog: parts.catalog, errors: parts.errors, log: parts.log.child('tasks') };
  return [
    refreshTasksCommand(tree),
    retryTasksCommand(tree),
    findTaskCommand(lookup, reveal, actions),
    showClosedTasksCommand(tree),
    hideClosedTasksCommand(tree),
    showMyTasksCommand(tree),
    showAllTasksCommand(tree),
    openTaskInBrowserCommand(lookup, parts.webAddress),
    copyTaskLinkCommand(lookup, parts.webAddress),
    copyTaskIdCommand(lookup),
    pinTaskCommand({ lookup, pins: parts.pinnedTasks, asker: parts.asker }),
    unpinTaskCommand({ lookup, pins: parts.pinnedTasks, asker: parts.asker }),
    showClientTasksCommand(parts.guard, parts.taskFinder, actions),
    revealTaskCommand(lookup, reveal),
    loadMoreTasksCommand(tree),
    collapseTasksCommand(),
    showTaskActionsCommand(lookup, tree, actions),
  ];
}

function timeCommands(parts: CommandParts): Command[] {
  const { myTime: view, sync, guard, errors, clock } = parts;
  const log = parts.log.child('time');
  const loggedHours = loggedHoursOn(view, parts.session, log);
  const rounding = () => parts.settings.rounding;
  const logTime = new LogTime({ ...parts, log, rounding, loggedHours, openTasks: () => parts.catalog.openTasks() });
  const entries = { view, errors, log };
  return [
    logTimeCommand(logTime),
    refreshTimeCommand(view),
    previousWeekCommand(view),
    nextWeekCommand(view),
    thisWeekCommand(view),
    openTimesheetCommand({ ...parts, log: log.child('timesheet'), view, panel: parts.timesheetPanel }),
    editTimeEntryCommand({ ...parts, ...entries, rounding, loggedHours }),
    deleteTimeEntryCommand({ ...entries, guard, changes: parts.changes, sync, notifier: parts.notifier }),
    logAgainTodayCommand({ ...entries, guard, clock, logTime }),
    retrySyncCommand(sync),
    discardWaitingEntryCommand(sync),
  ];
}

function timerCommands(parts: CommandParts): Command[] {
  const { timers, timerChanges: changes, asker } = parts;
  return [
    startTimerCommand({ ...parts, changes, log: parts.log.child('timer') }),
    pauseTimerCommand(timers, changes, asker),
    resumeTimerCommand(timers, changes, asker),
    stopTimerCommand(timers, changes, asker, parts.lookups),
    discardTimerCommand(timers, changes, asker),
    showTimersCommand(timers, asker, { pinned: () => parts.pinnedTasks.list(), recent: () => parts.recentTasks.list() }),
    adjustTimerCommand({ timers, changes, asker, warningHours: () => parts.settings.timerWarningHours }),
  ];
}

/** The forms that create and change: projects, tasks, and the time report. */
function formCommands(parts: CommandParts): Command[] {
  const log = parts.log.child('projects');
  return [
    createProjectCommand({ ...parts, log }),
    createTaskCommand({ ...parts, log, preferredProject: () => parts.settings.defaultProject(activeFolder()?.uri) }),
    setTaskStatusCommand({ ...parts, log }),
    assignTaskCommand({ ...parts, log }),
    addTaskNoteCommand({ ...parts, log }),
    timeReportCommand({ ...parts, log, panel: parts.timeReportPanel }),
  ];
}
