// What every simulated resource provides, and the per-request context handed to it.
import { forbidden } from '../apiErrors';
import { groupNameOf, type FakeStore, type GroupName, type PersonRow, type RowOf, type TableName } from '../store';
import type { OutObject } from '../xml';
import type { BodyValue } from '../values';
import type { FilterKind, Filters } from './filters';

export type Operation = 'read' | 'create' | 'update' | 'delete';

export class RequestContext {
  readonly group: GroupName;
  readonly today: string;
  /** UTC `YYYY-MM-DD HH:MM:SS` of this request, stamped on writes. */
  readonly stamp: string;
  private readonly indexes = new Map<TableName, Map<number, unknown>>();

  constructor(
    readonly store: FakeStore,
    readonly caller: PersonRow,
    readonly now: Date,
  ) {
    this.group = groupNameOf(caller.groupid) ?? 'Resource';
    const iso = now.toISOString();
    this.today = iso.slice(0, 10);
    this.stamp = `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }

  /** Id lookup through a per-request index (large fixtures filter thousands of rows). */
  byId<T extends TableName>(table: T, id: number | null | undefined): RowOf<T> | undefined {
    if (id == null) {
      return undefined;
    }
    let index = this.indexes.get(table);
    if (!index) {
      index = new Map((this.store.table(table) as RowOf<T>[]).map((row) => [row.id, row]));
      this.indexes.set(table, index);
    }
    return index.get(id) as RowOf<T> | undefined;
  }

  /** Writes change the tables; later lookups in the same request must see them. */
  invalidate(): void {
    this.indexes.clear();
  }

  isAdmin(): boolean {
    return this.group === 'Administrator';
  }

  /** Administrators and managers act for anyone; resources only for themselves. */
  actsForOthers(): boolean {
    return this.group === 'Administrator' || this.group === 'Manager';
  }

  require(allowed: readonly GroupName[], what: string): void {
    if (!allowed.includes(this.group)) {
      throw forbidden(`${this.group} users cannot ${what}`);
    }
  }
}

export type WriteBody = Record<string, BodyValue>;

export interface ResourceHandler<Row extends { id: number } = { id: number }> {
  readonly name: string;
  /**
   * `table`: collection + members; `collection`: collection GET only (`/me/`);
   * `object`: collection GET answering one object (`/quota/`).
   */
  readonly shape: 'table' | 'collection' | 'object';
  readonly filters: Readonly<Record<string, FilterKind>>;
  readonly sortFieldNames: readonly string[];
  /** Throws 403 (API code 10) when the caller's group may not do this at all. */
  authorize(ctx: RequestContext, op: Operation): void;
  /** Rows visible to the caller that match the filters, in id order. */
  list(ctx: RequestContext, filters: Filters): Row[];
  /** A member the caller may see; undefined → 404. May throw 403 for rows of others. */
  get(ctx: RequestContext, id: number): Row | undefined;
  present(ctx: RequestContext, row: Row, filters?: Filters): OutObject;
  sortValue(field: string, row: Row, ctx: RequestContext): string | number | null;
  create?(ctx: RequestContext, body: WriteBody): Row;
  update?(ctx: RequestContext, row: Row, body: WriteBody): Row;
  remove?(ctx: RequestContext, row: Row): void;
  /** For `shape: 'object'`. */
  presentObject?(ctx: RequestContext): OutObject;
}

/** Next account-visible number (`localid`), one above the highest in use. */
export function nextLocalId(rows: readonly { localid: number }[]): number {
  let max = 0;
  for (const row of rows) {
    if (row.localid > max) {
      max = row.localid;
    }
  }
  return max + 1;
}
