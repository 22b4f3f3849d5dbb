import type * as vscode from 'vscode';
import type { AccountSession } from './auth/accountSession';
import type { BackgroundWork } from './common/backgroundWork';
import type { ContextKeys } from './common/contextKeys';
import type { DataChanges } from './common/dataChanges';
import type { Logger } from './common/logger';
import type { Settings } from './common/settings';
import type { LookupCache } from './lookups/lookupCache';
import type { AskerSource } from './prompts/quickInputAsker';
import type { RecentTasks } from './tasks/recentTasks';
import type { ActiveTimers } from './timer/activeTimers';

/**
 * The collaborators `activate` builds before any feature. Each feature's register function takes
 * this record and passes on to its classes only the members they use, through their
 * constructors; nothing reaches for it later.
 */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly session: AccountSession;
  readonly log: Logger;
  readonly settings: Settings;
  readonly contextKeys: ContextKeys;
  readonly lookups: LookupCache;
  readonly recentTasks: RecentTasks;
  readonly changes: DataChanges;
  readonly activeTimers: ActiveTimers;
  /** Owns every timer and background pass (sync, poll, reload), so none outlives the extension. */
  readonly work: BackgroundWork;
  /** The prompts multi-step commands ask through; tests answer them from a script. */
  readonly asker: AskerSource;
}
