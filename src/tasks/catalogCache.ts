import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { Project, Task } from '../api/types';
import { readIfExists, type StateFileSystem } from '../outbox/stateFileSystem';

/** The format of the saved catalog; a file of any other version is ignored and replaced. */
export const CATALOG_CACHE_VERSION = 1;

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
  openTasks: Task[];
}

/** The API address as the cache compares it: no trailing slash, case-insensitive host. */
function ownerKey(owner: CatalogOwner): string {
  return `${owner.apiUrl.trim().replace(/\/+$/, '').toLowerCase()}|${owner.personId}`;
}

/** The file of one account's catalog in `folder`; other accounts' files have other names. */
export function catalogCacheFile(folder: string, owner: CatalogOwner): string {
  const digest = createHash('sha256').update(ownerKey(owner)).digest('hex').slice(0, 32);
  return path.join(folder, 'catalog', `${digest}.json`);
}

/** The file's text for `catalog`. */
export function serializeCatalog(owner: CatalogOwner, catalog: SavedCatalog): string {
  const file: CatalogFile = {
    version: CATALOG_CACHE_VERSION,
    apiUrl: owner.apiUrl,
    personId: owner.personId,
    savedAt: catalog.savedAt,
    projects: [...catalog.projects],
    openTasks: [...catalog.openTasks],
  };
  return JSON.stringify(file);
}

/**
 * The catalog in `text` when it is of this version and belongs to `owner`; undefined for anything
 * else (another version, another account or address, a damaged file), which is then not shown.
 */
export function parseCatalog(text: string, owner: CatalogOwner): SavedCatalog | undefined {
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
  if (ownerKey({ apiUrl: file.apiUrl, personId: file.personId }) !== ownerKey(owner)) {
    return undefined;
  }
  if (!Array.isArray(file.projects) || !Array.isArray(file.openTasks) || typeof file.savedAt !== 'number' || !Number.isFinite(file.savedAt)) {
    return undefined;
  }
  return { projects: file.projects, openTasks: file.openTasks, savedAt: file.savedAt };
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
  async load(owner: CatalogOwner): Promise<SavedCatalog | undefined> {
    try {
      const text = await readIfExists(this.files, catalogCacheFile(this.folder, owner));
      return text === undefined ? undefined : parseCatalog(text, owner);
    } catch (error) {
      // l10n-ignore: log line
      this.onProblem?.(`Could not read the saved task list: ${String(error)}`);
      return undefined;
    }
  }

  async save(owner: CatalogOwner, catalog: SavedCatalog): Promise<void> {
    const file = catalogCacheFile(this.folder, owner);
    try {
      await this.files.ensureFolder(path.dirname(file));
      await this.files.writeAtomic(file, serializeCatalog(owner, catalog));
    } catch (error) {
      // l10n-ignore: log line
      this.onProblem?.(`Could not save the task list: ${String(error)}`);
    }
  }
}
