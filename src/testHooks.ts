import type * as vscode from 'vscode';
import type { AccountSession } from './auth/accountSession';
import type { IntervalsAuthenticationProvider } from './auth/authenticationProvider';
import type { Notifier } from './common/notifications';
import type { ContextKeys } from './common/contextKeys';
import type { ReminderService } from './reminders/reminderService';
import type { AskerSource } from './prompts/quickInputAsker';
import type { ProjectsFeature } from './projects/registerProjects';
import type { Services } from './services';
import type { TaskBrowser } from './views/tasks/taskBrowser';
import type { TimeLogTestHooks } from './views/time/registerTimeLog';
import type { TimersTestHooks } from './timerUi/registerTimers';

/** What `activate` hands the integration tests when VS Code runs the extension in test mode. */
export interface TestHooks {
  secrets: vscode.SecretStorage;
  globalState: vscode.Memento;
  logUri: vscode.Uri;
  session: AccountSession;
  contextKeys: ContextKeys;
  /** Every collaborator `activate` built, for tests that look inside a feature. */
  services: Services;
  /** The prompts of Log Time, Edit, New Project, New Task and Time Report: tests answer them from a script. */
  asker: AskerSource;
  /** The provider behind VS Code's Accounts menu, as VS Code itself calls it. */
  authProvider: IntervalsAuthenticationProvider;
  /** Answers the notifications shown through `notify` (the sign-in offer, Retry, Edit and Try Again); undefined shows them again. */
  answerNotifications(answer: Notifier | undefined): void;
  /** The reminders, whose clock, timer and notification the tests replace. */
  reminders: ReminderService;
  /** The task browser: its catalog, tree provider and view, read by the task tree tests. */
  taskBrowser: TaskBrowser;
  /** The time log: its outbox sync, the My Time view and the waiting-entries status. */
  timeLog: TimeLogTestHooks;
  /** The project and task commands: their prompts and clock. */
  projects: ProjectsFeature;
  /** The timers: the service, its clock, the status bar, a second instance, the idle question. */
  timers: TimersTestHooks;
}
