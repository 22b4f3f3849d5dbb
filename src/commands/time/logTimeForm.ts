import type * as vscode from 'vscode';
import type { IntervalsClient } from '../../api/client';
import type { ProjectWorkType, Task } from '../../api/types';
import type { Logger } from '../../common/logger';
import type { RoundingSettings } from '../../common/settings';
import type { LookupCache } from '../../lookups/lookupCache';
import type { Asker } from '../../prompts/asker';
import type { PinnedTasks } from '../../tasks/pinnedTasks';
import type { RecentTasks } from '../../tasks/recentTasks';
import type { LogTimeAnswers } from '../../timeLog/logTimeOutcome';

/** What the steps of Log Time ask with and from. */
export interface LogTimeStepsContext {
  readonly asker: Asker;
  readonly lookups: Pick<LookupCache, 'projectWorkTypes' | 'activeProjects' | 'projectModules'>;
  readonly recentTasks: Pick<RecentTasks, 'list'>;
  /** Offered first by the task step, with the pin icon. */
  readonly pinnedTasks: Pick<PinnedTasks, 'list'>;
  /** Every open task of the account (Find Task's list), offered by the task step. */
  readonly openTasks: () => Promise<readonly Task[]>;
  /** Where the work type last used on each project is kept (globalState). */
  readonly memento: vscode.Memento;
  readonly rounding: () => RoundingSettings;
  readonly loggedHours: (isoDate: string) => Promise<number | undefined>;
  readonly log: Logger;
}

/** One run of the form: the answers so far, and how it was started. */
export interface LogTimeForm {
  readonly api: Pick<IntervalsClient, 'getProject'>;
  readonly values: LogTimeAnswers;
  /** Ask every step (a prompt is wanted, or the duration was not given). */
  readonly interactive: boolean;
  /** `prompt: true`: every step is asked, with the given values filled in. */
  readonly prompt: boolean;
  readonly today: Date;
  /** Project time: the project (and module) are asked, or were given, instead of a task. */
  askProject?: boolean;
  /** The project's active work types, the last used first, to offer and to name the chosen one. */
  workTypes?: ProjectWorkType[];
  /** The project whose work type and billable default are settled (a new task's project settles them again). */
  preparedFor?: number;
  /** The project's billable default, marked in the billable step. */
  projectBillable?: boolean;
  /** Work the run started that it waits for before it returns (the task list loading). */
  pending?: Promise<unknown>;
  /** Why the run ended without an entry, when a step refused it. */
  refusal?: { readonly status: 'invalid' | 'failed'; readonly message: string; readonly offerRetry: boolean };
}
