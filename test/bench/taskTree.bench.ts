import { IntervalsClient } from '../../src/api/client';
import { TASK_PAGE_SIZE, TaskCatalog } from '../../src/tasks/taskCatalog';
import { groupProjectsByClient } from '../../src/tasks/taskGroups';
import { taskPickItems } from '../../src/tasks/taskPickItems';
import { taskLook, taskTooltipMarkdown } from '../../src/tasks/taskPresentation';
import { largeFixture } from '../fake-intervals/fixture';
import { startFakeIntervals, type FakeIntervals } from '../fake-intervals/server';
import { median, timed, type Benchmark, type BenchRow } from './benchmark';

const LATENCY_MS = 50;
const BIG_PROJECT = 1;
const BIG_PROJECT_TASKS = 2000;
const RUNS = 3;
const TODAY = '2026-01-15';
const NAME = 'task tree (10 clients, 300 projects, 10,000 tasks, 50 ms latency)';

/**
 * What the task browser does on a large account, measured on the domain code the tree and
 * Find Task run (catalog, grouping, row text, pick items) against the fake server over HTTP:
 * the VS Code side only turns these into TreeItems.
 */
export const benchmarks: Benchmark[] = [
  {
    name: NAME,
    async run(): Promise<BenchRow[]> {
      const fake = await startFakeIntervals({ fixture: largeFixture({ clients: 10, projects: 300, tasks: 10_000 }) });
      try {
        gatherIntoOneProject(fake);
        fake.faults.setLatency(LATENCY_MS);
        const activeProjects = fake.store.project.filter((project) => project.active).length;
        const openTasks = fake.store.task.filter((task) => task.dateclosed === null).length;
        // The client's own request budget (90 a minute) would pace repeated runs; the fake's latency is the point here.
        const api = new IntervalsClient({ baseUrl: fake.url, token: fake.tokens.admin, limiter: false });
        const fresh = (): TaskCatalog => new TaskCatalog({ api: () => api, ttlMs: () => 5 * 60_000 });
        const rows: BenchRow[] = [];
        const measure = async (metric: string, minimum: number | undefined, work: (catalog: TaskCatalog) => Promise<unknown>): Promise<void> => {
          const times: number[] = [];
          let requests = 0;
          for (let run = 0; run < RUNS; run++) {
            const catalog = fresh();
            const before = fake.requests.length;
            times.push((await timed(() => work(catalog))).ms);
            requests = fake.requests.length - before;
          }
          rows.push({ benchmark: NAME, metric, value: median(times), unit: 'ms', note: `median of ${RUNS}` });
          if (minimum !== undefined) {
            rows.push({ benchmark: NAME, metric: `${metric}: requests`, value: requests, unit: 'requests', note: `minimum ${minimum}` });
          }
        };

        await measure('first level (clients and projects)', Math.ceil(activeProjects / TASK_PAGE_SIZE), async (catalog) =>
          groupProjectsByClient(await catalog.activeProjects()),
        );
        await measure(`expand a ${BIG_PROJECT_TASKS}-task project: first page shown`, 1, async (catalog) => rowsOf((await catalog.projectTasks(BIG_PROJECT, { showClosed: false })).tasks));
        await measure(`expand a ${BIG_PROJECT_TASKS}-task project: every page ("Load more" to the end)`, Math.ceil(BIG_PROJECT_TASKS / TASK_PAGE_SIZE), async (catalog) => {
          let loaded = await catalog.projectTasks(BIG_PROJECT, { showClosed: false });
          while (!loaded.complete) {
            loaded = await catalog.loadMore(BIG_PROJECT, { showClosed: false });
          }
          return rowsOf(loaded.tasks);
        });
        await measure(`Find Task: load all ${openTasks} open tasks`, Math.ceil(openTasks / TASK_PAGE_SIZE), (catalog) => catalog.openTasks());

        // Building the picker's items, once a list is there (what opening Find Task costs after the first time).
        fake.faults.setLatency(0);
        const tasks = await fresh().openTasks();
        const build = median(await Promise.all([0, 1, 2].map(async () => (await timed(() => taskPickItems([...tasks]))).ms)));
        rows.push({ benchmark: NAME, metric: `Find Task: build items for ${tasks.length} tasks`, value: build, unit: 'ms', note: 'built once per loaded list' });
        taskPickItems(tasks);
        const reopen = (await timed(() => taskPickItems(tasks))).ms;
        rows.push({ benchmark: NAME, metric: 'Find Task: items when opened again', value: reopen, unit: 'ms', note: 'cached' });
        const rowText = (await timed(() => rowsOf(tasks))).ms;
        rows.push({ benchmark: NAME, metric: `row text and tooltips for ${tasks.length} tasks`, value: rowText, unit: 'ms' });
        await api.close();
        return rows;
      } finally {
        await fake.close();
      }
    },
  },
];

/** Moves open tasks into one project until it holds the size the benchmark expands. */
function gatherIntoOneProject(fake: FakeIntervals): void {
  let moved = fake.store.task.filter((task) => task.projectid === BIG_PROJECT && task.dateclosed === null).length;
  for (const task of fake.store.task) {
    if (moved >= BIG_PROJECT_TASKS) {
      break;
    }
    if (task.projectid !== BIG_PROJECT && task.dateclosed === null) {
      task.projectid = BIG_PROJECT;
      moved++;
    }
  }
}

/** What the tree computes per task row: description, icon, accessible label and tooltip text. */
function rowsOf(tasks: readonly Parameters<typeof taskLook>[0][]): number {
  let size = 0;
  for (const task of tasks) {
    const look = taskLook(task, { today: TODAY, running: false });
    size += look.description.length + taskTooltipMarkdown(task, TODAY).length;
  }
  return size;
}
