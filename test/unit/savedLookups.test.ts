import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { IntervalsClient } from '../../src/api/client';
import { IntervalsError } from '../../src/api/errors';
import { LookupCache, type SavedLookups } from '../../src/lookups/lookupCache';
import { nodeStateFileSystem } from '../../src/outbox/stateFileSystem';
import { CATALOG_CACHE_VERSION, CatalogCache, catalogCacheFile, parseLookups, serializeLookups } from '../../src/tasks/catalogCache';
import { CatalogKeeper } from '../../src/tasks/catalogKeeper';

const alice = { apiUrl: 'https://api.myintervals.com/', personId: 7 };
const design = { id: 1, projectId: 5, workTypeId: 31, name: 'Design', active: true };
const testing = { id: 2, projectId: 5, workTypeId: 32, name: 'Testing', active: true };
const saved: SavedLookups = { lists: { 'projectWorkTypes:5': [design], taskStatuses: [{ id: 1, name: 'Open' }] } };

/** A client that answers the work types of project 5, or fails as if offline (or refusing), counting requests. */
function fakeClient(workTypes: unknown[]) {
  const state: { requests: number; offline: boolean; refusing?: boolean } = { requests: 0, offline: false };
  const client = {
    listAllProjectWorkTypes: () => {
      state.requests++;
      if (state.refusing) {
        return Promise.reject(new IntervalsError({ kind: 'validation', message: 'refused' }));
      }
      return state.offline ? Promise.reject(new IntervalsError({ kind: 'network', message: 'offline' })) : Promise.resolve(workTypes);
    },
  } as unknown as IntervalsClient;
  return { client, state };
}

describe('The saved look-up lists', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'lookups-'));
  });
  afterEach(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('are kept per account and address beside the task list, versioned', async () => {
    const cache = new CatalogCache(folder, nodeStateFileSystem());
    await cache.saveLookups(alice, saved);
    assert.deepEqual(await cache.loadLookups({ apiUrl: 'https://API.myintervals.com', personId: 7 }), saved);
    assert.equal(await cache.loadLookups({ ...alice, personId: 8 }), undefined);
    assert.equal(await cache.loadLookups({ ...alice, apiUrl: 'https://intervals.example.test/api/' }), undefined);
    assert.equal(path.dirname(catalogCacheFile(folder, alice, 'lookups')), path.dirname(catalogCacheFile(folder, alice)));
    assert.notEqual(catalogCacheFile(folder, alice, 'lookups'), catalogCacheFile(folder, alice));
    const text = serializeLookups(alice, saved);
    assert.equal(parseLookups(JSON.stringify({ ...JSON.parse(text), version: CATALOG_CACHE_VERSION + 1 }), alice), undefined);
    assert.equal(parseLookups(serializeLookups({ ...alice, personId: 8 }, saved), alice), undefined);
    assert.equal(parseLookups(text.slice(0, 10), alice), undefined);
  });

  it('come from Intervals while it answers, saved before they are handed out', async () => {
    const { client, state } = fakeClient([design, testing]);
    const lookups = new LookupCache(() => client);
    const order: string[] = [];
    lookups.onDidLoad((loaded) => loaded.waitUntil(Promise.resolve().then(() => void order.push('saved'))));
    lookups.showSaved(saved);
    const answered = await lookups.projectWorkTypes(5);
    order.push('answered');
    assert.deepEqual(answered, [design, testing], 'what Intervals answers, not the saved copy');
    assert.equal(state.requests, 1);
    assert.deepEqual(order, ['saved', 'answered']);
    assert.deepEqual(lookups.toSave()?.lists['projectWorkTypes:5'], [design, testing]);
    assert.deepEqual(lookups.toSave()?.lists.taskStatuses, [{ id: 1, name: 'Open' }], 'lists not loaded again are kept');
  });

  it('answer from the saved copy while Intervals cannot be reached, and ask again next time', async () => {
    const { client, state } = fakeClient([design, testing]);
    state.offline = true;
    const lookups = new LookupCache(() => client);
    lookups.showSaved(saved);
    assert.deepEqual(await lookups.projectWorkTypes(5), [design]);
    assert.deepEqual(await lookups.projectWorkTypes(5), [design]);
    assert.equal(state.requests, 2, 'not kept as if loaded');
    state.offline = false;
    assert.deepEqual(await lookups.projectWorkTypes(5), [design, testing]);
    // The tree's Refresh while offline: what was loaded is asked for again, the saved copy still answers.
    state.offline = true;
    lookups.reload();
    assert.deepEqual(await lookups.projectWorkTypes(5), [design]);
    state.offline = false;
    lookups.clear();
    lookups.showSaved(saved);
    state.refusing = true;
    await assert.rejects(lookups.projectWorkTypes(5), /refused/, 'a refusal is told, not hidden behind the saved copy');
  });

  it('are saved by the keeper for the account signed in, and shown again on restore', async () => {
    const cache = new CatalogCache(folder, nodeStateFileSystem());
    const { client } = fakeClient([design]);
    const catalog = { showSaved: () => undefined, toSave: () => undefined, savedAt: () => undefined, refreshSaved: () => undefined };
    const first = new LookupCache(() => client);
    await first.projectWorkTypes(5);
    await new CatalogKeeper({ cache, catalog, lookups: first, owner: () => alice, onDidChange: () => undefined }).saveLookups();
    const { client: offline, state } = fakeClient([]);
    state.offline = true;
    const second = new LookupCache(() => offline);
    await new CatalogKeeper({ cache, catalog, lookups: second, owner: () => alice, onDidChange: () => undefined }).restore();
    assert.deepEqual(await second.projectWorkTypes(5), [design]);
    const other = new LookupCache(() => offline);
    await new CatalogKeeper({ cache, catalog, lookups: other, owner: () => ({ ...alice, personId: 8 }), onDidChange: () => undefined }).restore();
    await assert.rejects(other.projectWorkTypes(5), /offline/, 'another account has no saved look-ups');
  });
});
