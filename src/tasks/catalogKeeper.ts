import type { LookupCache } from '../lookups/lookupCache';
import type { CatalogCache, CatalogOwner } from './catalogCache';
import type { TaskCatalog } from './taskCatalog';

export interface CatalogKeeperOptions {
  readonly cache: Pick<CatalogCache, 'load' | 'save' | 'loadLookups' | 'saveLookups'>;
  readonly catalog: Pick<TaskCatalog, 'showSaved' | 'toSave' | 'savedAt' | 'refreshSaved'>;
  /** The pickers' look-up lists (work types, modules, statuses, people…), saved beside the catalog. */
  readonly lookups?: Pick<LookupCache, 'showSaved' | 'toSave'>;
  /** The account signed in now (its API address and person), or undefined when signed out. */
  readonly owner: () => CatalogOwner | undefined;
  /** The saved copy is shown, refreshed or found unreachable: the views redraw and say how old it is. */
  readonly onDidChange: () => void;
}

/**
 * Keeps the task catalog and look-up lists of the account signed in on disk: shows the saved copy
 * as soon as the account is known (after start-up, without a request), saves what is loaded from
 * Intervals, and remembers whether the last refresh of the saved copy reached Intervals.
 */
export class CatalogKeeper {
  private offlineSince: number | undefined;
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly options: CatalogKeeperOptions) {}

  /** Reads the signed-in account's saved catalog, shows it unless the account changed meanwhile, and refreshes it in the background. */
  async restore(): Promise<void> {
    this.offlineSince = undefined;
    const owner = this.options.owner();
    if (!owner) {
      return;
    }
    const [saved, lookups] = await Promise.all([this.options.cache.load(owner), this.options.lookups ? this.options.cache.loadLookups(owner) : undefined]);
    if (lookups && sameOwner(owner, this.options.owner())) {
      this.options.lookups?.showSaved(lookups);
    }
    if (saved && sameOwner(owner, this.options.owner())) {
      this.options.catalog.showSaved(saved);
      this.options.onDidChange();
      this.options.catalog.refreshSaved();
    }
  }

  /** After a background refresh of the saved copy: saved again when Intervals answered, else offline. */
  async refreshed(answered: boolean, now: number): Promise<void> {
    this.offlineSince = answered ? undefined : now;
    this.options.onDidChange();
    if (answered) {
      await this.save();
    }
  }

  /** Whether the saved copy is shown because Intervals could not be reached. */
  get offline(): boolean {
    return this.offlineSince !== undefined && this.options.catalog.savedAt() !== undefined;
  }

  /** Writes what is loaded to the account's file; saves run one after another. */
  save(): Promise<void> {
    const owner = this.options.owner();
    const catalog = this.options.catalog.toSave();
    if (!owner || !catalog) {
      return this.saving;
    }
    this.saving = this.saving.then(() => this.options.cache.save(owner, catalog));
    return this.saving;
  }

  /** Writes the look-up lists known now to the account's file, after any save under way. */
  saveLookups(): Promise<void> {
    const owner = this.options.owner();
    const lookups = this.options.lookups?.toSave();
    if (!owner || !lookups) {
      return this.saving;
    }
    this.saving = this.saving.then(() => this.options.cache.saveLookups(owner, lookups));
    return this.saving;
  }
}

function sameOwner(a: CatalogOwner, b: CatalogOwner | undefined): boolean {
  return b !== undefined && a.apiUrl === b.apiUrl && a.personId === b.personId;
}
