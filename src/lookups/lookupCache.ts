import * as l10n from '@vscode/l10n';
import type { IntervalsClient } from '../api/client';
import { IntervalsError, isRetryable } from '../api/errors';
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

/** A list was loaded from Intervals; what the listener starts (saving the lists) is awaited before the list is handed out. */
export interface LookupsLoaded {
  waitUntil(work: Promise<void>): void;
}

/**
 * The account's look-up lists (statuses, priorities, work types, modules, people, clients, active
 * projects), fetched once per session and kept until the tree's Refresh or a sign-out clears them.
 * Concurrent callers share one request; a failed request is not cached, so the next call retries.
 * When Intervals cannot be reached, a list saved on disk earlier (`showSaved`) answers instead.
 */
export class LookupCache {
  private readonly entries = new Map<string, Promise<unknown>>();
  /** What each list loaded this session resolved to, as `toSave` hands it to the disk. */
  private readonly values = new Map<string, readonly unknown[]>();
  /** The lists saved on disk for the account signed in: the answer while Intervals is out of reach. */
  private readonly saved = new Map<string, readonly unknown[]>();
  private generation = 0;
  private readonly loaded = new Emitter<LookupsLoaded>();
  readonly onDidLoad: Event<LookupsLoaded> = this.loaded.event;

  constructor(private readonly client: () => IntervalsClient | undefined) {}

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

  /** Forgets one list (e.g. `projectWorkTypes:12`) or, without a key, all of them, the saved ones too. */
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

  /** Forgets every list loaded, to load them again (the tree's Refresh); the saved ones stay for when Intervals is out of reach. */
  reload(): void {
    this.entries.clear();
    this.values.clear();
    this.generation++;
  }

  /** The lists saved on disk for the account signed in, to answer with while Intervals is out of reach. */
  showSaved(saved: SavedLookups): void {
    for (const [key, list] of Object.entries(saved.lists)) {
      if (Array.isArray(list)) {
        this.saved.set(key, list);
      }
    }
  }

  /** Every list to write to disk: those loaded this session over those saved before; undefined when there is none. */
  toSave(): SavedLookups | undefined {
    const lists = { ...Object.fromEntries(this.saved), ...Object.fromEntries(this.values) };
    return Object.keys(lists).length === 0 ? undefined : { lists };
  }

  dispose(): void {
    this.loaded.dispose();
  }

  private get<T extends readonly unknown[]>(key: string, load: (api: IntervalsClient) => Promise<T>): Promise<T> {
    const cached = this.entries.get(key);
    if (cached) {
      return cached as Promise<T>;
    }
    const api = this.client();
    if (!api) {
      return Promise.reject(new IntervalsError({ kind: 'unauthorized', message: l10n.t('Sign in to Intervals first.') }));
    }
    const generation = this.generation;
    const pending: Promise<T> = load(api).then(
      (list) => this.stored(key, list, () => this.generation === generation && this.entries.get(key) === pending),
      (error: unknown) => {
        // Only forget this attempt: a clear() and a newer request may already have replaced it.
        if (this.generation === generation && this.entries.get(key) === pending) {
          this.entries.delete(key);
        }
        const saved = this.saved.get(key);
        if (saved && isRetryable(error)) {
          return saved as T;
        }
        throw error;
      },
    );
    this.entries.set(key, pending);
    return pending;
  }

  /** Keeps a loaded list, and has it saved before it is handed out (so no write outlives the caller). */
  private async stored<T extends readonly unknown[]>(key: string, list: T, current: () => boolean): Promise<T> {
    if (current()) {
      this.values.set(key, list);
      const waits: Promise<void>[] = [];
      this.loaded.fire({ waitUntil: (work) => void waits.push(work) });
      await Promise.all(waits);
    }
    return list;
  }
}
