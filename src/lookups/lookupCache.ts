import * as l10n from '@vscode/l10n';
import type { IntervalsClient } from '../api/client';
import { IntervalsError } from '../api/errors';
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

/**
 * The account's look-up lists (statuses, priorities, work types, modules, people, clients, active
 * projects), fetched once per session and kept until the tree's Refresh or a sign-out clears them.
 * Concurrent callers share one request; a failed request is not cached, so the next call retries.
 */
export class LookupCache {
  private readonly entries = new Map<string, Promise<unknown>>();
  private generation = 0;

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

  /** Forgets one list (e.g. `projectWorkTypes:12`) or, without a key, all of them. */
  clear(key?: string): void {
    if (key === undefined) {
      this.entries.clear();
      this.generation++;
    } else {
      this.entries.delete(key);
    }
  }

  private get<T>(key: string, load: (api: IntervalsClient) => Promise<T>): Promise<T> {
    const cached = this.entries.get(key);
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
    pending.catch(() => {
      // Only forget this attempt: a clear() and a newer request may already have replaced it.
      if (this.generation === generation && this.entries.get(key) === pending) {
        this.entries.delete(key);
      }
    });
    return pending;
  }
}
