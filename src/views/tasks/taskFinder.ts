import * as l10n from '@vscode/l10n';
import type { Task } from '../../api/types';
import type { ErrorReporter } from '../../common/errorReporter';
import type { Logger } from '../../common/logger';
import type { PinnedTasks } from '../../tasks/pinnedTasks';
import type { RecentTasks } from '../../tasks/recentTasks';
import type { TaskCatalog } from '../../tasks/taskCatalog';
import { groupProjectsByClient, type ClientGroup } from '../../tasks/taskGroups';
import { relativeAge } from '../../time/relativeAge';
import { pickTask, type PickedTask, type TaskPickerOptions } from './taskPicker';

export interface TaskFinderDependencies {
  readonly catalog: Pick<TaskCatalog, 'openTasks' | 'tasksWithClosed' | 'clientOpenTasks' | 'activeProjects' | 'savedAt'>;
  readonly recentTasks: Pick<RecentTasks, 'list'>;
  readonly pinnedTasks: Pick<PinnedTasks, 'list'>;
  readonly errors: ErrorReporter;
  readonly log: Logger;
  /** The project linked to the folder the user works in (`intervals.defaultProject`), listed first. */
  readonly preferredProject?: () => number | undefined;
  /** The copy of the catalog kept on disk: whether it is shown because Intervals is out of reach. */
  readonly savedCopy?: { readonly offline: boolean };
  /** Now, for the age of the saved copy; the system clock unless given. */
  readonly now?: () => number;
}

/** The pickers that find a task: every open task of the account, or a client's. */
export class TaskFinder {
  constructor(private readonly deps: TaskFinderDependencies) {}

  /** Find Task's picker: pinned tasks first, then recent ones, then every open task of the account. */
  askForTask(title: string, value?: string, extra?: TaskPickerOptions['extra']): Promise<PickedTask | undefined> {
    return pickTask({
      ...(extra ? { extra } : {}),
      title: this.offlineTitle(title),
      placeholder: l10n.t('Type a task title, #number, project or client'),
      pinned: this.deps.pinnedTasks.list(),
      recent: this.deps.recentTasks.list(),
      load: () => this.deps.catalog.openTasks(),
      loadWithClosed: () => this.deps.catalog.tasksWithClosed(),
      preferredProjectId: this.deps.preferredProject?.(),
      value,
      onLoadError: (error) => void this.deps.errors.reportFailure(this.deps.log, l10n.t('Could not load the open tasks'), error),
    });
  }

  /** With Intervals out of reach, the title says the list is the saved one and how old it is. */
  private offlineTitle(title: string): string {
    const savedAt = this.deps.catalog.savedAt();
    if (!this.deps.savedCopy?.offline || savedAt === undefined) {
      return title;
    }
    return l10n.t('{0} (offline — saved list from {1})', title, relativeAge((this.deps.now ?? Date.now)() - savedAt));
  }

  /** A client's open tasks in a picker (workflow "List non-closed tasks for a client"). */
  async askForClientTask(group: Pick<ClientGroup, 'clientId' | 'name'>): Promise<Task | undefined> {
    const picked = await pickTask({
      title: l10n.t('Open Tasks of {0}', group.name),
      placeholder: l10n.t('Type a task title, #number or project'),
      load: () => this.deps.catalog.clientOpenTasks(group.clientId),
      onLoadError: (error) => void this.deps.errors.reportFailure(this.deps.log, l10n.t('Could not load the open tasks of {0}', group.name), error),
    });
    return picked && 'task' in picked ? picked.task : undefined;
  }

  /** The clients with active projects, for a picker. */
  async clientGroups(): Promise<ClientGroup[] | undefined> {
    try {
      return groupProjectsByClient(await this.deps.catalog.activeProjects());
    } catch (error) {
      void this.deps.errors.reportFailure(this.deps.log, l10n.t('Could not load the clients'), error);
      return undefined;
    }
  }
}
