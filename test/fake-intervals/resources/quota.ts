// /quota/: today's request allowance; answers one object, not a list, and is not itself counted.
import { addDays, wireBool } from '../values';
import type { RequestContext, ResourceHandler } from './resource';

/** Requests counted today; the count restarts at midnight GMT. */
export function usedToday(ctx: Pick<RequestContext, 'store' | 'today'>): number {
  return ctx.store.account.usedday === ctx.today ? ctx.store.account.used : 0;
}

export const quotaResource: ResourceHandler = {
  name: 'quota',
  shape: 'object',
  filters: {},
  sortFieldNames: [],
  authorize() {
    // Every group may read its account's quota.
  },
  list: () => [],
  get: () => undefined,
  present: (_ctx, row) => ({ id: String(row.id) }),
  sortValue: (_field, row) => row.id,
  presentObject(ctx) {
    const used = usedToday(ctx);
    return {
      quota: String(ctx.store.account.quota),
      used: String(used),
      next_reset: `${addDays(ctx.today, 1)} 00:00:00`,
      exceeded: wireBool(used >= ctx.store.account.quota),
    };
  },
};
