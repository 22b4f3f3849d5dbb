import * as l10n from '@vscode/l10n';
import type { IntervalsClient } from '../api/client';
import { IntervalsError } from '../api/errors';
import { Emitter, type Event } from '../common/events';
import type {
  Client,
  Person,
  Project,
  ProjectModule,
  ProjectWorkType,
  TaskPriority,
  TaskStatus,
  WorkType,
} from '../api/types';

/** The look-up lists as saved on disk, by key (`workTypes`, `projectModules:12`, …). */
export interface SavedLookups {
  readonly lists: Readonly<Record<string, readonly unknown[]>>;
}

export interface LookupCacheOptions {
  /** Runs the refresh of a list shown from the saved copy, after the caller has had it (tracked as background work). */
  readonly inBackground?: (work: () => Promise<void>) => void;
}

/**
 * The account's look-up lists (statuses, priorities, work types, modules, people, clients, active
 * projects), fetched once per session and kept until the tree's Refresh or a sign-out clears them.
 * Concurrent callers share one request; a failed request is not cached, so the next call retries.
 * Lists from the saved copy (`showSaved`) answer at once and are refreshed in the background the
 * first time they are asked for; while Intervals is out of reach the saved list stays.
 */
export class LookupCache {
  private readonly entries = new Map<string, Promise<unknown>>();
  /** What each list resolved to, saved or loaded, as `toSave` hands it to the disk. */
  private readonly values = new Map<string, readonly unknown[]>();
  /** Lists from the saved copy not yet asked for again. */
  private readonly saved = new Set<string>();
  private generation = 0;
  private readonly loaded = new Emitter<void>();
  /** A list was loaded from Intervals: the saved copy can be written again. */
  readonly onDidLoad: Event<void> = this.loaded.event;

  constructor(
    private readonly client: () => IntervalsClient | undefined,
    private readonly options: LookupCacheOptions = {},
  ) {}

  taskStatuses(): Promise<TaskStatus[]> {
    return this.get('taskStatuses', (api) => api.listAllTaskStatuses({ active: true }));
  }

  taskPriorities(): Promise<TaskPriority[]> {
    return this.get('taskPriorities', (api) => api.listAllTaskPriorities({ active: true }));
  }

  workTypes(): Promise<WorkType[]> {
    return this.get('workTypes', (api) => api.listAllWorkTypes({ active: true }));
  }

  /** The work types a project allows, active ones only. */
  projectWorkTypes(projectId: number): Promise<ProjectWorkType[]> {
    return this.get(`projectWorkTypes:${projectId}`, (api) => api.listAllProjectWorkTypes({ projectId, active: true }));
  }

  /** The modules a project uses, active ones only. */
  projectModules(projectId: number): Promise<ProjectModule[]> {
    return this.get(`projectModules:${projectId}`, (api) => api.listAllProjectModules({ projectId, active: true }));
  }

  /** The active people who can work on a project (its team, and everyone who sees all projects). */
  projectPeople(projectId: number): Promise<Person[]> {
    return this.get(`projectPeople:${projectId}`, (api) => api.listAllPeople({ projectId, active: true }));
  }

  people(): Promise<Person[]> {
    return this.get('people', (api) => api.listAllPeople({ active: true }));
  }

  clients(): Promise<Client[]> {
    return this.get('clients', (api) => api.listAllClients({ active: true }));
  }

  activeProjects(): Promise<Project[]> {
    return this.get('activeProjects', (api) => api.listAllProjects({ active: true }));
  }

  /** Forgets one list (e.g. `projectWorkTypes:12`) or, without a key, all of them. */
  clear(key?: string): void {
    if (key === undefined) {
      this.entries.clear();
      this.values.clear();
      this.saved.clear();
      this.generation++;
    } else {
      this.entries.delete(key);
      this.values.delete(key);
      this.saved.delete(key);
    }
  }

  /** Answers with the saved lists (of the account signed in) until each is loaded again; lists loaded meanwhile stay. */
  showSaved(saved: SavedLookups): void {
    for (const [key, list] of Object.entries(saved.lists)) {
      if (Array.isArray(list) && !this.entries.has(key)) {
        this.entries.set(key, Promise.resolve(list));
        this.values.set(key, list);
        this.saved.add(key);
      }
    }
  }

  /** Every list known now, saved or loaded, to be written to disk; undefined when there is none. */
  toSave(): SavedLookups | undefined {
    return this.values.size === 0 ? undefined : { lists: Object.fromEntries(this.values) };
  }

  dispose(): void {
    this.loaded.dispose();
  }

  private get<T extends readonly unknown[]>(key: string, load: (api: IntervalsClient) => Promise<T>): Promise<T> {
    const cached = this.entries.get(key);
    if (cached && this.saved.delete(key)) {
      this.refreshSaved(key, load);
    }
    if (cached) {
      return cached as Promise<T>;
    }
    const api = this.client();
    if (!api) {
      return Promise.reject(new IntervalsError({ kind: 'unauthorized', message: l10n.t('Sign in to Intervals first.') }));
    }
    const generation = this.generation;
    const pending = load(api);
    this.entries.set(key, pending);
    void pending.then(
      (list) => this.generation === generation && this.entries.get(key) === pending && this.stored(key, list),
      () => {
        // Only forget this attempt: a clear() and a newer request may already have replaced it.
        if (this.generation === generation && this.entries.get(key) === pending) {
          this.entries.delete(key);
        }
      },
    );
    return pending;
  }

  /** Loads a list shown from the saved copy again; when Intervals cannot be reached the saved one stays. */
  private refreshSaved<T extends readonly unknown[]>(key: string, load: (api: IntervalsClient) => Promise<T>): void {
    const api = this.client();
    const generation = this.generation;
    if (!api || !this.options.inBackground) {
      return;
    }
    this.options.inBackground(async () => {
      try {
        const list = await load(api);
        if (this.generation === generation && this.values.has(key) && !this.saved.has(key)) {
          this.entries.set(key, Promise.resolve(list));
          this.stored(key, list);
        }
      } catch {
        // Out of reach or failing: the saved list goes on answering, and is asked for again next time.
        if (this.generation === generation && this.values.has(key)) {
          this.saved.add(key);
        }
      }
    });
  }

  private stored(key: string, list: readonly unknown[]): void {
    this.values.set(key, list);
    this.loaded.fire();
  }
}
