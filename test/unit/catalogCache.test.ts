import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page, Project, Task } from '../../src/api/types';
import { nodeStateFileSystem } from '../../src/outbox/stateFileSystem';
import { CATALOG_CACHE_VERSION, CatalogCache, catalogCacheFile, parseCatalog, serializeCatalog, type SavedCatalog } from '../../src/tasks/catalogCache';
import { TaskCatalog, type TaskCatalogApi } from '../../src/tasks/taskCatalog';
import { makeProject, makeTask } from './helpers/taskBuilders';

const alice = { apiUrl: 'https://api.myintervals.com/', personId: 7 };
const saved: SavedCatalog = { projects: [makeProject({ id: 1 })], openTasks: [makeTask({ id: 11, projectId: 1 })], savedAt: 1_000 };

/** Answers from fixed lists, or fails every request as if offline. */
class Api implements TaskCatalogApi {
  requests = 0;
  offline = false;
  constructor(
    private readonly projects: Project[],
    private readonly tasks: Task[],
  ) {}
  private answer<T>(value: T): Promise<T> {
    this.requests++;
    return this.offline ? Promise.reject(new Error('offline')) : Promise.resolve(value);
  }
  listAllProjects(): Promise<Project[]> {
    return this.answer(this.projects);
  }
  listTasks(): Promise<Page<Task>> {
    return this.answer({ items: this.tasks, offset: 0, limit: 500, listCount: this.tasks.length });
  }
  listAllTasks(): Promise<Task[]> {
    return this.answer(this.tasks);
  }
}

function catalogWith(api: Api, background: Array<() => Promise<void>>, answers: boolean[] = []): TaskCatalog {
  return new TaskCatalog({ api: () => api, ttlMs: () => 60_000, now: () => 5_000, inBackground: (work) => background.push(work), onSavedRefresh: (answered) => void answers.push(answered) });
}

describe('The saved task catalog', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'catalog-'));
  });
  afterEach(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('reads back what it saved for the same account and address', async () => {
    const cache = new CatalogCache(folder, nodeStateFileSystem());
    await cache.save(alice, saved);
    assert.deepEqual(await cache.load({ apiUrl: 'https://API.myintervals.com', personId: 7 }), saved);
  });

  it('never shows one account or address the catalog of another', async () => {
    const cache = new CatalogCache(folder, nodeStateFileSystem());
    await cache.save(alice, saved);
    assert.equal(await cache.load({ ...alice, personId: 8 }), undefined);
    assert.equal(await cache.load({ ...alice, apiUrl: 'https://intervals.example.test/api/' }), undefined);
    assert.notEqual(catalogCacheFile(folder, alice), catalogCacheFile(folder, { ...alice, personId: 8 }));
  });

  it('ignores a file that names another account even at this account\'s path', async () => {
    const text = serializeCatalog({ ...alice, personId: 8 }, saved);
    assert.equal(parseCatalog(text, alice), undefined);
  });

  it('ignores a file of another version or a damaged one', async () => {
    const text = serializeCatalog(alice, saved);
    assert.deepEqual(parseCatalog(text, alice), saved);
    const other = JSON.stringify({ ...JSON.parse(text), version: CATALOG_CACHE_VERSION + 1 });
    assert.equal(parseCatalog(other, alice), undefined);
    assert.equal(parseCatalog(text.slice(0, 20), alice), undefined);
    assert.equal(parseCatalog('null', alice), undefined);
    const file = catalogCacheFile(folder, alice);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, other);
    assert.equal(await new CatalogCache(folder, nodeStateFileSystem()).load(alice), undefined);
  });

  it('keeps the open tasks as a table, field names once, and reads back every field', async () => {
    const tasks = [makeTask({ id: 11, projectId: 1 }), makeTask({ id: 12, projectId: 1, title: 'Second' })];
    const text = serializeCatalog(alice, { ...saved, openTasks: tasks });
    const file = JSON.parse(text) as { openTasks: { fields: string[]; rows: unknown[][] } };
    assert.deepEqual(file.openTasks.fields, Object.keys(tasks[0] as object));
    assert.equal(file.openTasks.rows.length, 2);
    assert.deepEqual(parseCatalog(text, alice)?.openTasks, tasks);
    const damaged = JSON.stringify({ ...JSON.parse(text), openTasks: { fields: file.openTasks.fields, rows: [[11]] } });
    assert.equal(parseCatalog(damaged, alice), undefined, 'a row of another width is a damaged file');
  });

  it('replaces the file whole, leaving no temporary file', async () => {
    const cache = new CatalogCache(folder, nodeStateFileSystem());
    await cache.save(alice, saved);
    await cache.save(alice, { ...saved, savedAt: 2_000 });
    assert.deepEqual(await fs.readdir(path.join(folder, 'catalog')), [path.basename(catalogCacheFile(folder, alice))]);
    assert.equal((await cache.load(alice))?.savedAt, 2_000);
  });
});

describe('The task catalog shown from its saved copy', () => {
  it('answers at once from the saved copy, then refreshes in the background', async () => {
    const api = new Api([makeProject({ id: 2 })], [makeTask({ id: 21, projectId: 2 })]);
    const background: Array<() => Promise<void>> = [];
    const answers: boolean[] = [];
    const catalog = catalogWith(api, background, answers);
    catalog.showSaved(saved);
    assert.deepEqual((await catalog.openTasks()).map((task) => task.id), [11]);
    assert.deepEqual((await catalog.activeProjects()).map((project) => project.id), [1]);
    assert.deepEqual((await catalog.projectTasks(1, { showClosed: false })).tasks.map((task) => task.id), [11]);
    assert.equal(api.requests, 0, 'no request before the saved lists are shown');
    assert.equal(catalog.savedAt(), 1_000);
    assert.equal(background.length, 1, 'one refresh at a time');
    await background[0]();
    assert.deepEqual(answers, [true]);
    assert.equal(catalog.savedAt(), undefined);
    assert.deepEqual((await catalog.openTasks()).map((task) => task.id), [21]);
    assert.deepEqual(catalog.toSave(), { projects: [makeProject({ id: 2 })], openTasks: [makeTask({ id: 21, projectId: 2 })], savedAt: 5_000 });
  });

  it('keeps showing the saved copy when Intervals cannot be reached', async () => {
    const api = new Api([], []);
    api.offline = true;
    const background: Array<() => Promise<void>> = [];
    const answers: boolean[] = [];
    const catalog = catalogWith(api, background, answers);
    catalog.showSaved(saved);
    await catalog.openTasks();
    await background[0]();
    assert.deepEqual(answers, [false]);
    assert.deepEqual((await catalog.openTasks()).map((task) => task.id), [11]);
    assert.equal(catalog.savedAt(), 1_000);
    assert.equal(catalog.toSave(), undefined, 'nothing new to save');
  });

  it('forgets the saved copy when everything is invalidated (another account)', async () => {
    const api = new Api([makeProject({ id: 2 })], []);
    const catalog = catalogWith(api, []);
    catalog.showSaved(saved);
    catalog.invalidateAll();
    assert.equal(catalog.savedAt(), undefined);
    assert.deepEqual((await catalog.activeProjects()).map((project) => project.id), [2]);
  });
});
