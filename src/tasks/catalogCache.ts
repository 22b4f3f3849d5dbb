import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { Project, Task } from '../api/types';
import type { SavedLookups } from '../lookups/lookupCache';
import { readIfExists, type StateFileSystem } from '../outbox/stateFileSystem';
import { taskTable, tasksOf, type TaskTable } from './savedTaskTable';

/** The format of the saved catalog; a file of any other version is ignored and replaced. */
export const CATALOG_CACHE_VERSION = 2;

/** Whose catalog a file holds: the person at one API address. */
export interface CatalogOwner {
  readonly apiUrl: string;
  readonly personId: number;
}

/** What is kept on disk: the active projects (with their clients) and every open task. */
export interface SavedCatalog {
  readonly projects: readonly Project[];
  readonly openTasks: readonly Task[];
  /** When the lists were loaded from Intervals (milliseconds since the epoch). */
  readonly savedAt: number;
}

interface CatalogFile {
  version: number;
  apiUrl: string;
  personId: number;
  savedAt: number;
  projects: Project[];
  openTasks: TaskTable;
}

/** The API address as the cache compares it: no trailing slash, case-insensitive host. */
function ownerKey(owner: CatalogOwner): string {
  return `${owner.apiUrl.trim().replace(/\/+$/, '').toLowerCase()}|${owner.personId}`;
}

/** The file of one account's catalog in `folder` (its look-ups beside it); other accounts' files have other names. */
export function catalogCacheFile(folder: string, owner: CatalogOwner, part: 'tasks' | 'lookups' = 'tasks'): string {
  const digest = createHash('sha256').update(ownerKey(owner)).digest('hex').slice(0, 32);
  return path.join(folder, 'catalog', part === 'tasks' ? `${digest}.json` : `${digest}.lookups.json`);
}

/** The file's text for `catalog`. */
export function serializeCatalog(owner: CatalogOwner, catalog: SavedCatalog): string {
  const file: CatalogFile = {
    version: CATALOG_CACHE_VERSION,
    apiUrl: owner.apiUrl,
    personId: owner.personId,
    savedAt: catalog.savedAt,
    projects: [...catalog.projects],
    openTasks: taskTable(catalog.openTasks),
  };
  return JSON.stringify(file);
}

/** The look-ups file's text: the same envelope (version, account, address) around the lists. */
export function serializeLookups(owner: CatalogOwner, lookups: SavedLookups): string {
  return JSON.stringify({ version: CATALOG_CACHE_VERSION, apiUrl: owner.apiUrl, personId: owner.personId, lists: lookups.lists });
}

/** The parsed file when it is of this version and belongs to `owner`; undefined for anything else. */
function ownedFile(text: string, owner: CatalogOwner): Record<string, unknown> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object') {
    return undefined;
  }
  const file = parsed as Partial<CatalogFile>;
  if (file.version !== CATALOG_CACHE_VERSION || typeof file.apiUrl !== 'string' || file.personId !== owner.personId) {
    return undefined;
  }
  return ownerKey({ apiUrl: file.apiUrl, personId: file.personId }) === ownerKey(owner) ? (parsed as Record<string, unknown>) : undefined;
}

/**
 * The catalog in `text` when it is of this version and belongs to `owner`; undefined for anything
 * else (another version, another account or address, a damaged file), which is then not shown.
 */
export function parseCatalog(text: string, owner: CatalogOwner): SavedCatalog | undefined {
  const file = ownedFile(text, owner) as Partial<CatalogFile> | undefined;
  const openTasks = tasksOf(file?.openTasks);
  if (!file || !Array.isArray(file.projects) || !openTasks || typeof file.savedAt !== 'number' || !Number.isFinite(file.savedAt)) {
    return undefined;
  }
  return { projects: file.projects, openTasks, savedAt: file.savedAt };
}

/** The look-up lists in `text`, on the same terms as `parseCatalog`; a list that is not an array is left out. */
export function parseLookups(text: string, owner: CatalogOwner): SavedLookups | undefined {
  const lists = ownedFile(text, owner)?.lists;
  if (lists === null || typeof lists !== 'object' || Array.isArray(lists)) {
    return undefined;
  }
  return { lists: Object.fromEntries(Object.entries(lists).filter(([, list]) => Array.isArray(list))) as Record<string, unknown[]> };
}

/**
 * The task catalog kept on disk per account and API address, so the Tasks view and Find Task
 * show at once on start-up and work offline. Each save replaces the file atomically: a crash
 * leaves the previous copy or the new one.
 */
export class CatalogCache {
  constructor(
    private readonly folder: string,
    private readonly files: StateFileSystem,
    private readonly onProblem?: (message: string) => void,
  ) {}

  /** The saved catalog of `owner`, or undefined when there is none usable. */
  load(owner: CatalogOwner): Promise<SavedCatalog | undefined> {
    return this.read(catalogCacheFile(this.folder, owner), (text) => parseCatalog(text, owner));
  }

  /** The saved look-up lists of `owner`, or undefined when there are none usable. */
  loadLookups(owner: CatalogOwner): Promise<SavedLookups | undefined> {
    return this.read(catalogCacheFile(this.folder, owner, 'lookups'), (text) => parseLookups(text, owner));
  }

  save(owner: CatalogOwner, catalog: SavedCatalog): Promise<void> {
    return this.write(catalogCacheFile(this.folder, owner), serializeCatalog(owner, catalog));
  }

  saveLookups(owner: CatalogOwner, lookups: SavedLookups): Promise<void> {
    return this.write(catalogCacheFile(this.folder, owner, 'lookups'), serializeLookups(owner, lookups));
  }

  private async read<T>(file: string, parse: (text: string) => T | undefined): Promise<T | undefined> {
    try {
      const text = await readIfExists(this.files, file);
      return text === undefined ? undefined : parse(text);
    } catch (error) {
      // l10n-ignore: log line
      this.onProblem?.(`Could not read the saved task list: ${String(error)}`);
      return undefined;
    }
  }

  private async write(file: string, text: string): Promise<void> {
    try {
      await this.files.ensureFolder(path.dirname(file));
      await this.files.writeAtomic(file, text);
    } catch (error) {
      // l10n-ignore: log line
      this.onProblem?.(`Could not save the task list: ${String(error)}`);
    }
  }
}
