// Fixtures: the demo account (rich, awkward names and dates relative to a clock) and a large,
// plain account for benchmarks. Both are pure functions of their options.
import {
  BLANK_CLIENT_CONTACT,
  GROUP_IDS,
  type AccountRow,
  type ClientRow,
  type Fixture,
  type ModuleRow,
  type PersonRow,
  type ProjectModuleRow,
  type ProjectRow,
  type ProjectTeamRow,
  type ProjectWorkTypeRow,
  type TaskPriorityRow,
  type TaskRow,
  type TaskNoteRow,
  type TaskStatusRow,
  type TimeRow,
  type TimerRow,
  type WorkTypeRow,
} from './store';
import { addDays, isoDate, isoDateTime } from './values';

/** API tokens of the demo people (11 lowercase alphanumerics, like real ones). */
export const DEMO_TOKENS = {
  admin: 'q4wbz7kmt2a',
  manager: 'h8rnc3vpx6m',
  resource: 'f2tjy9dks5e',
  executive: 'w7mgp4xqb1n',
  /** Belongs to a deactivated person: API code 8. */
  inactive: 'z3kdh6rwf8c',
} as const;

/** Person ids of the demo account. */
export const DEMO_PEOPLE = {
  admin: 1,
  manager: 2,
  resource: 3,
  executive: 4,
  inactive: 5,
  soren: 6,
  zoe: 7,
} as const;

export interface DefaultFixtureOptions {
  /** The moment dates are relative to (default: the current time). */
  now?: Date;
}

function person(
  id: number,
  firstname: string,
  lastname: string,
  group: keyof typeof GROUP_IDS,
  extra: Partial<PersonRow>,
): PersonRow {
  return {
    id,
    localid: id,
    firstname,
    lastname,
    title: null,
    username: `${firstname.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}@demo-studio.example`,
    email: `${firstname.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}@demo-studio.example`,
    groupid: GROUP_IDS[group],
    clientid: null,
    active: true,
    allprojects: true,
    restricttasks: false,
    private: false,
    tips: false,
    primaryaccount: false,
    notes: null,
    numlogins: 10 + id * 7,
    lastlogin: null,
    timezone: 'Europe/Zurich',
    timezone_offset: '(GMT+01:00) Zurich',
    apitoken: null,
    ...extra,
  };
}

function people(today: string): PersonRow[] {
  const login = `${addDays(today, -1)} 08:12:45`;
  return [
    person(1, 'Ada', 'Lovelace', 'Administrator', {
      title: 'Studio Lead',
      primaryaccount: true,
      apitoken: DEMO_TOKENS.admin,
      lastlogin: login,
      notes: '<p>Account owner. Prefers <b>short</b> standups.</p>',
    }),
    person(2, 'Grace', 'Hopper', 'Manager', { title: 'Project Manager', apitoken: DEMO_TOKENS.manager, lastlogin: login, timezone: 'America/New_York', timezone_offset: '(GMT-05:00) Eastern Time (US & Canada)' }),
    person(3, 'Ravi', 'Patel', 'Resource', { title: 'Developer', allprojects: false, apitoken: DEMO_TOKENS.resource, lastlogin: login }),
    person(4, 'Edith', 'Clarke', 'Executive', { title: 'Finance Director', apitoken: DEMO_TOKENS.executive }),
    person(5, 'Ingrid', 'Nilsson', 'Resource', { active: false, allprojects: false, apitoken: DEMO_TOKENS.inactive, notes: 'Left the company.' }),
    person(6, 'Søren', 'Ødegård', 'Resource', { title: 'QA Engineer', timezone: 'Europe/Oslo', timezone_offset: '(GMT+01:00) Oslo' }),
    person(7, 'Zoë', "O'Neil", 'Resource', { title: 'Designer', allprojects: false, timezone: 'Europe/Dublin', timezone_offset: '(GMT+00:00) Dublin' }),
  ];
}

function client(id: number, name: string, extra: Partial<ClientRow>): ClientRow {
  return {
    id,
    localid: id,
    name,
    description: null,
    datecreated: '2024-01-15',
    ...BLANK_CLIENT_CONTACT,
    active: true,
    ...extra,
  };
}

function clients(): ClientRow[] {
  return [
    client(1, 'Acme & Sons', {
      description: 'Hardware wholesaler; <em>net 30</em>.',
      firstname: 'John',
      lastname: 'Watson',
      email: 'john.watson@acme-sons.example',
      website: 'https://acme-sons.example/',
      phone: '+1 (555) 555-5555',
      address: '123 Main Street',
      aptsuite: '',
      city: 'San Francisco',
      state: 'CA',
      zip: '94101',
      country: 'US',
      datecreated: '2023-09-04',
    }),
    client(2, '<Initech> Ltd.', { city: 'Austin', state: 'TX', country: 'US', datecreated: '2024-02-01' }),
    client(3, 'O\'Brien "Quoted" Consulting', { city: 'Cork', country: 'IE', datecreated: '2024-03-12' }),
    client(4, 'Café Zürich', { city: 'Zürich', country: 'CH', phone: '+41 44 000 00 00', datecreated: '2024-05-20' }),
    client(5, 'Globex Corporation', { city: 'Springfield', country: 'US', datecreated: '2022-11-30' }),
    client(6, 'Umbrella Research', { active: false, description: 'Contract ended.', datecreated: '2021-06-01' }),
  ];
}

function project(id: number, name: string, clientid: number | null, extra: Partial<ProjectRow>): ProjectRow {
  return {
    id,
    localid: 100 + id,
    name,
    description: null,
    clientid,
    managerid: 2,
    datestart: '2025-01-06',
    dateend: null,
    billable: clientid !== null,
    active: true,
    ...extra,
  };
}

function projects(today: string): ProjectRow[] {
  return [
    project(1, 'Website Redesign', 1, { description: '<p>New marketing site &amp; CMS.</p>', datestart: addDays(today, -90), dateend: addDays(today, 60) }),
    project(2, 'Mobile App', 1, { datestart: addDays(today, -120) }),
    project(3, 'ERP Migration <Phase 2>', 2, { managerid: 1 }),
    project(4, 'Brand & Identity', 3, {}),
    project(5, 'Menu Ordering Kiosk', 4, {}),
    project(6, 'Internal Tools', null, { managerid: 1 }),
    project(7, 'Training & Onboarding', null, {}),
    project(8, 'Legacy Portal', 5, { active: false, dateend: addDays(today, -30) }),
    project(9, 'Vaccine Tracker', 6, { active: false, datestart: '2023-01-09', dateend: '2023-12-22' }),
    project(10, 'Café Zürich Loyalty App', 4, { datestart: addDays(today, -30) }),
  ];
}

function team(): ProjectTeamRow[] {
  const members: [number, number][] = [
    [3, 1], [3, 2], [3, 5], [3, 6], [3, 10],
    [7, 3], [7, 4], [7, 6],
    [5, 1],
  ];
  return members.map(([personid, projectid], index) => ({ id: index + 1, personid, projectid }));
}

function worktypes(): WorkTypeRow[] {
  const rows: [string, number, boolean][] = [
    ['Development', 95, true],
    ['Design', 85, true],
    ['Meetings', 60, true],
    ['Project Management', 90, true],
    ['Testing & QA', 70, true],
    ['Support', 65, true],
    ['Legacy Consulting', 120, false],
  ];
  return rows.map(([name, defaulthourlyrate, active], index) => ({ id: index + 1, name, defaulthourlyrate, active }));
}

function modules(): ModuleRow[] {
  const rows: [string, string | null, boolean][] = [
    ['Planning', 'Scoping & estimates', true],
    ['Design', null, true],
    ['Development', null, true],
    ['Quality Assurance', null, true],
    ['Deployment', null, true],
    ['Maintenance', 'Retired module', false],
  ];
  return rows.map(([name, description, active], index) => ({ id: index + 1, name, description, active }));
}

/** Work types and modules per project; a negative id is attached but inactive. */
const PROJECT_WORKTYPES: Readonly<Record<number, number[]>> = {
  1: [1, 2, 3, 4, 5],
  2: [1, 2, 3, 5],
  3: [1, 3, 4, 6],
  4: [2, 3, 4],
  5: [1, 2, 3, 5],
  6: [1, 3, 6, -5],
  7: [3, 4],
  8: [1, 6],
  9: [1],
  10: [1, 2, 3],
};

const PROJECT_MODULES: Readonly<Record<number, number[]>> = {
  1: [1, 2, 3, 4, 5],
  2: [1, 3, 4],
  3: [1, 3, 5],
  4: [2],
  5: [3, 4],
  6: [],
  7: [],
  8: [3, 6],
  9: [3],
  10: [1, 2, 3],
};

function projectWorktypes(worktypeRows: readonly WorkTypeRow[]): ProjectWorkTypeRow[] {
  const rows: ProjectWorkTypeRow[] = [];
  for (const [projectid, ids] of Object.entries(PROJECT_WORKTYPES)) {
    for (const signed of ids) {
      const worktype = worktypeRows[Math.abs(signed) - 1];
      rows.push({
        id: rows.length + 1,
        projectid: Number(projectid),
        worktypeid: worktype.id,
        hourlyrate: worktype.defaulthourlyrate,
        esttime: signed === 1 ? 40 : null,
        active: signed > 0,
      });
    }
  }
  return rows;
}

function projectModules(): ProjectModuleRow[] {
  const rows: ProjectModuleRow[] = [];
  for (const [projectid, ids] of Object.entries(PROJECT_MODULES)) {
    for (const moduleid of ids) {
      rows.push({ id: rows.length + 1, projectid: Number(projectid), moduleid, description: null, active: true });
    }
  }
  return rows;
}

export const DEMO_STATUS = { open: 1, inProgress: 2, awaitingFeedback: 3, onHold: 4, closed: 5, archived: 6 } as const;

function statuses(): TaskStatusRow[] {
  return [
    { id: 1, name: 'Open', priority: 1, frozen: false, active: true, isclosed: false },
    { id: 2, name: 'In Progress', priority: 2, frozen: false, active: true, isclosed: false },
    { id: 3, name: 'Awaiting Feedback', priority: 3, frozen: false, active: true, isclosed: false },
    { id: 4, name: 'On Hold', priority: 4, frozen: true, active: true, isclosed: false },
    { id: 5, name: 'Closed', priority: 5, frozen: false, active: true, isclosed: true },
    { id: 6, name: 'Archived', priority: 6, frozen: true, active: false, isclosed: true },
  ];
}

function priorities(): TaskPriorityRow[] {
  return [
    { id: 1, name: 'Critical', color: 'd32f2f', priority: 1, isdefault: false, active: true },
    { id: 2, name: 'High', color: 'f57c00', priority: 2, isdefault: false, active: true },
    { id: 3, name: 'Normal', color: '1976d2', priority: 3, isdefault: true, active: true },
    { id: 4, name: 'Low', color: '9e9e9e', priority: 4, isdefault: false, active: true },
    { id: 5, name: 'Someday', color: 'bdbdbd', priority: 5, isdefault: false, active: false },
  ];
}

// [title, projectid, moduleid, statusid, priorityid, ownerid, assignees, opened (days ago),
//  due (days from today, null = none), closed (days ago, for closed statuses)]
type TaskSpec = [string, number, number | null, number, number, number, number[], number, number | null, number?];

const DEMO_TASKS: readonly TaskSpec[] = [
  ['Homepage hero & navigation', 1, 3, 2, 2, 1, [1, 3], 20, 3],
  ['Fix broken <img> tags on /about', 1, 3, 1, 3, 2, [3], 10, -2],
  ['Accessibility audit (WCAG 2.2)', 1, 4, 1, 2, 2, [6], 15, 10],
  ["Write copy for 'Our Story' page", 1, 2, 3, 3, 1, [1], 12, null],
  ['Launch checklist', 1, 5, 1, 1, 1, [1, 3], 5, 14],
  ['Migrate blog posts', 1, 3, 5, 3, 2, [3], 40, -25, 27],
  ['**bold** [link](command:x) — Markdown in a title', 1, 1, 1, 4, 1, [], 3, null],
  ['Push notifications (iOS & Android)', 2, 3, 2, 2, 2, [3, 6], 25, 5],
  ['Offline sync conflicts', 2, 3, 1, 1, 2, [6], 8, -1],
  ['App store screenshots', 2, 1, 4, 4, 1, [3], 30, null],
  ['Crash on login with emoji password 🔑', 2, 4, 2, 1, 2, [1, 3], 4, 1],
  ['Release 1.4.0', 2, 1, 5, 3, 2, [6], 35, -20, 21],
  ['Map legacy GL accounts', 3, 1, 2, 2, 1, [7], 18, 7],
  ['Data import scripts', 3, 3, 1, 3, 2, [7, 6], 9, 21],
  ['Cut-over rehearsal', 3, 5, 1, 1, 1, [1], 2, -1],
  ['Vendor invoices < 0 after import', 3, 3, 3, 2, 2, [7], 6, null],
  ['Logo refresh', 4, 2, 2, 3, 1, [7], 22, 8],
  ['Style guide PDF', 4, 2, 5, 4, 1, [7], 50, -30, 29],
  ['Typography "final" decision', 4, 2, 1, 3, 2, [], 1, 30],
  ['Kiosk UI: Grüezi screen', 5, 3, 2, 2, 2, [1, 3], 14, 2],
  ['Payment terminal integration', 5, 3, 1, 1, 2, [3, 6], 7, -3],
  ['Load testing at lunch peak', 5, 4, 1, 3, 2, [6], 3, 12],
  ['Timesheet reminder bot', 6, null, 2, 4, 1, [1, 3], 16, null],
  ['Upgrade CI runners', 6, null, 1, 3, 1, [6], 6, 4],
  ['Clean up old branches', 6, null, 5, 4, 1, [3], 45, null, 44],
  ["Evaluate <script>alert('x')</script> sanitizer", 6, null, 1, 3, 1, [], 2, null],
  ['Onboarding guide for new hires', 7, null, 2, 3, 2, [2], 20, 15],
  ['Security awareness training', 7, null, 1, 2, 1, [1, 2, 6], 10, -5],
  ['Decommission legacy portal', 8, 3, 4, 3, 1, [6], 60, null],
  ['Export archived orders', 8, 3, 5, 3, 1, [6], 70, -50, 52],
  ['Final report', 9, 3, 5, 3, 1, [1], 200, -180, 181],
  ['Loyalty points rules', 10, 1, 2, 2, 2, [1, 3], 11, 9],
  ['Stamp card design', 10, 2, 1, 3, 2, [6], 4, 16],
  ['QR code scanner', 10, 3, 1, 2, 2, [3], 1, 20],
  [
    'Très long titre : intégration du système de fidélité avec le programme de récompenses des partenaires régionaux et nationaux',
    10, 3, 1, 4, 1, [], 0, null,
  ],
];

function tasks(today: string): TaskRow[] {
  return DEMO_TASKS.map(([title, projectid, moduleid, statusid, priorityid, ownerid, assignees, opened, due, closed], index) => {
    const dateopen = addDays(today, -opened);
    const created = `${dateopen} ${String(8 + (index % 9)).padStart(2, '0')}:${String((index * 7) % 60).padStart(2, '0')}:00`;
    return {
      id: index + 1,
      localid: 1000 + index + 1,
      title,
      description:
        index % 3 === 0
          ? `<p>Details for <b>${title.replace(/[<>&]/g, '')}</b>.</p><ul><li>Step one</li><li>Step two</li></ul>`
          : null,
      projectid,
      moduleid,
      statusid,
      priorityid,
      ownerid,
      assigneeids: [...assignees],
      followerids: index % 4 === 0 ? [2] : [],
      milestoneid: null,
      dateopen,
      datedue: due === null ? null : addDays(today, due),
      dateclosed: closed === undefined ? null : addDays(today, -closed),
      datecreated: created,
      datemodified: closed === undefined ? created : `${addDays(today, -closed)} 17:00:00`,
      estimate: index % 2 === 0 ? (index % 5) + 2 : null,
    };
  });
}

const HOURS = [0.25, 0.5, 0.75, 1, 1.5, 2, 2.5, 3, 4, 0.1];
const DESCRIPTIONS = [
  'Implementation',
  'Code review & fixes',
  'Standup + planning',
  'Reviewed PR #42 & fixed <div> nesting — "quick" win',
  null,
  'Pairing with Søren on the Grüezi screen',
  'Client call re: <Phase 2> scope',
  '',
];

/**
 * Time entries for the last four weeks (weekdays up to today): several people, a mix of task and
 * project time; the oldest week is approved. Ada has more than ten entries in each full week.
 */
function timeEntries(today: string, taskRows: readonly TaskRow[], projectWorktypeRows: readonly ProjectWorkTypeRow[], projectRows: readonly ProjectRow[]): TimeRow[] {
  const rows: TimeRow[] = [];
  const loggable = (personid: number): TaskRow[] =>
    taskRows.filter(
      (t) =>
        (t.assigneeids.includes(personid) || t.ownerid === personid) &&
        t.statusid !== DEMO_STATUS.onHold &&
        t.statusid !== DEMO_STATUS.closed &&
        projectRows.find((p) => p.id === t.projectid)?.active === true,
    );
  const perDay: [number, (day: number) => number][] = [
    [1, (day) => 2 + (day % 2)],
    [3, (day) => 1 + (day % 2)],
    [6, () => 1],
    [2, (day) => day % 2],
    [7, (day) => (day % 3 === 0 ? 0 : 1)],
  ];
  for (let daysAgo = 27; daysAgo >= 0; daysAgo--) {
    const date = addDays(today, -daysAgo);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) {
      continue;
    }
    for (const [personid, count] of perDay) {
      const candidates = loggable(personid);
      for (let n = 0; n < count(daysAgo); n++) {
        const seq = rows.length;
        const task = candidates.length > 0 && seq % 4 !== 3 ? candidates[(daysAgo + n * 3 + personid) % candidates.length] : undefined;
        const projectid = task?.projectid ?? (personid === 7 ? 4 : personid === 3 ? 6 : 7);
        const worktypes = projectWorktypeRows.filter((p) => p.projectid === projectid && p.active);
        const worktype = worktypes[(seq + n) % worktypes.length];
        const projectRow = projectRows.find((p) => p.id === projectid);
        rows.push({
          id: seq + 1,
          personid,
          projectid,
          taskid: task?.id ?? null,
          moduleid: task?.moduleid ?? null,
          worktypeid: worktype.worktypeid,
          date,
          time: HOURS[(seq * 7 + daysAgo) % HOURS.length],
          billable: projectRow?.billable ?? false,
          description: DESCRIPTIONS[(seq + personid) % DESCRIPTIONS.length],
          approved: daysAgo >= 21,
          datemodified: `${date} 18:${String(seq % 60).padStart(2, '0')}:00`,
        });
      }
    }
  }
  return rows;
}

function timers(now: Date): TimerRow[] {
  const at = (minutesAgo: number): string => isoDateTime(new Date(now.getTime() - minutesAgo * 60_000));
  return [
    { id: 1, personid: 1, taskid: 1, name: 'Hero section polish', time: 1800, starttime: at(25), lastupdate: at(25) },
    { id: 2, personid: 1, taskid: 8, name: null, time: 4500, starttime: null, lastupdate: at(180) },
    { id: 3, personid: 3, taskid: 20, name: 'Kiosk & Grüezi', time: 0, starttime: at(60), lastupdate: at(60) },
    { id: 4, personid: 2, taskid: null, name: 'Client call & follow-up', time: 900, starttime: null, lastupdate: at(300) },
  ];
}

function taskNotes(now: Date): TaskNoteRow[] {
  const at = (hoursAgo: number): string => isoDateTime(new Date(now.getTime() - hoursAgo * 3_600_000));
  return [
    { id: 1, taskid: 1, title: null, note: 'Hero copy approved by the client.', public: true, authorid: 2, date: at(200), datemodified: at(200) },
    { id: 2, taskid: 1, title: null, note: 'Check <b>contrast</b> & [spacing](https://example.com) on mobile.', public: false, authorid: 1, date: at(30), datemodified: at(30) },
    { id: 3, taskid: 8, title: null, note: 'Waiting for the final logo files.', public: false, authorid: 1, date: at(2), datemodified: at(2) },
  ];
}

function account(): AccountRow {
  return { name: 'Demo Studio', quota: 6000, used: 0, usedday: '' };
}

/** The demo account: what `npm run demo` and most tests run against. */
export function defaultFixture(options: DefaultFixtureOptions = {}): Fixture {
  const now = options.now ?? new Date();
  const today = isoDate(now);
  const worktypeRows = worktypes();
  const projectRows = projects(today);
  const projectWorktypeRows = projectWorktypes(worktypeRows);
  const taskRows = tasks(today);
  return {
    account: account(),
    person: people(today),
    client: clients(),
    project: projectRows,
    projectteam: team(),
    worktype: worktypeRows,
    projectworktype: projectWorktypeRows,
    module: modules(),
    projectmodule: projectModules(),
    taskstatus: statuses(),
    taskpriority: priorities(),
    task: taskRows,
    time: timeEntries(today, taskRows, projectWorktypeRows, projectRows),
    timer: timers(now),
    tasknote: taskNotes(now),
  };
}

export interface LargeFixtureOptions {
  clients: number;
  projects: number;
  tasks: number;
  /** Time entries spread over the tasks (default 0). */
  timeEntries?: number;
  /** Anchor of the dates (default 2026-01-15T12:00:00Z, so the data never changes). */
  now?: Date;
}

/** A big, plain account for benchmarks: same people and settings as the demo, generated rows. */
export function largeFixture(options: LargeFixtureOptions): Fixture {
  const now = options.now ?? new Date('2026-01-15T12:00:00Z');
  const today = isoDate(now);
  const worktypeRows = worktypes();
  const clientRows: ClientRow[] = [];
  for (let i = 1; i <= options.clients; i++) {
    clientRows.push(client(i, `Client ${String(i).padStart(4, '0')}${i % 5 === 0 ? ' & Partners' : ''}`, { active: i % 11 !== 0 }));
  }
  const projectRows: ProjectRow[] = [];
  const projectWorktypeRows: ProjectWorkTypeRow[] = [];
  const projectModuleRows: ProjectModuleRow[] = [];
  const teamRows: ProjectTeamRow[] = [];
  for (let i = 1; i <= options.projects; i++) {
    const clientid = options.clients === 0 || i % 10 === 0 ? null : ((i - 1) % options.clients) + 1;
    projectRows.push(project(i, `Project ${String(i).padStart(5, '0')}`, clientid, { active: i % 7 !== 0, datestart: addDays(today, -(i % 400)) }));
    for (const worktypeid of [1, 2, 3, 4]) {
      projectWorktypeRows.push({
        id: projectWorktypeRows.length + 1,
        projectid: i,
        worktypeid,
        hourlyrate: worktypeRows[worktypeid - 1].defaulthourlyrate,
        esttime: null,
        active: true,
      });
    }
    for (const moduleid of [1, 2, 3]) {
      projectModuleRows.push({ id: projectModuleRows.length + 1, projectid: i, moduleid, description: null, active: true });
    }
  }
  const assigneeCycle = [[1], [3], [6], [1, 3], [], [7], [2, 6]];
  const taskRows: TaskRow[] = [];
  for (let i = 1; i <= options.tasks && options.projects > 0; i++) {
    const dateopen = addDays(today, -(i % 120));
    const statusid = [1, 1, 2, 2, 3, 4, 5][i % 7];
    taskRows.push({
      id: i,
      localid: i,
      title: `Task ${i}: ${['Implement', 'Review', 'Fix', 'Design', 'Test', 'Deploy'][i % 6]} ${['login', 'search', 'export', 'billing', 'reports'][i % 5]}`,
      description: null,
      projectid: ((i - 1) % options.projects) + 1,
      moduleid: (i % 3) + 1,
      statusid,
      priorityid: (i % 4) + 1,
      ownerid: i % 2 === 0 ? 1 : 2,
      assigneeids: [...assigneeCycle[i % assigneeCycle.length]],
      followerids: [],
      milestoneid: null,
      dateopen,
      datedue: i % 4 === 0 ? null : addDays(dateopen, (i % 60) - 10 < 0 ? 5 : (i % 60)),
      dateclosed: statusid === 5 ? addDays(dateopen, 3) : null,
      datecreated: `${dateopen} 09:00:00`,
      datemodified: `${dateopen} 09:00:00`,
      estimate: null,
    });
  }
  // People without `allprojects` join the team of every project they are assigned on.
  const teamKeys = new Set<string>();
  for (const task of taskRows) {
    for (const personid of task.assigneeids) {
      const key = `${task.projectid}/${personid}`;
      if ((personid === DEMO_PEOPLE.resource || personid === DEMO_PEOPLE.zoe) && !teamKeys.has(key)) {
        teamKeys.add(key);
        teamRows.push({ id: teamRows.length + 1, projectid: task.projectid, personid });
      }
    }
  }
  const timeRows: TimeRow[] = [];
  const entries = taskRows.length === 0 ? 0 : (options.timeEntries ?? 0);
  for (let i = 1; i <= entries; i++) {
    const task = taskRows[(i * 7) % taskRows.length];
    timeRows.push({
      id: i,
      personid: [1, 2, 6][i % 3],
      projectid: task.projectid,
      taskid: task.id,
      moduleid: task.moduleid,
      worktypeid: (i % 4) + 1,
      date: addDays(today, -(i % 90)),
      time: [0.5, 1, 1.5, 2][i % 4],
      billable: true,
      description: null,
      approved: false,
      datemodified: `${addDays(today, -(i % 90))} 18:00:00`,
    });
  }
  return {
    account: account(),
    person: people(today),
    client: clientRows,
    project: projectRows,
    projectteam: teamRows,
    worktype: worktypeRows,
    projectworktype: projectWorktypeRows,
    module: modules(),
    projectmodule: projectModuleRows,
    taskstatus: statuses(),
    taskpriority: priorities(),
    task: taskRows,
    time: timeRows,
    timer: [],
    tasknote: [],
  };
}
