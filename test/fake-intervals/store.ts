// Typed in-memory data of one fake Intervals account. Rows hold native values (numbers, booleans,
// null); the string-typed wire shape is produced only when a resource presents a row.

export type GroupName = 'Administrator' | 'Manager' | 'Resource' | 'Executive';

// The real ids are not documented; these are the fake's own (see README).
export const GROUP_IDS: Readonly<Record<GroupName, number>> = {
  Administrator: 2,
  Manager: 3,
  Resource: 4,
  Executive: 5,
};

export function groupNameOf(groupid: number): GroupName | undefined {
  return (Object.keys(GROUP_IDS) as GroupName[]).find((name) => GROUP_IDS[name] === groupid);
}

export interface PersonRow {
  id: number;
  localid: number;
  firstname: string;
  lastname: string;
  title: string | null;
  username: string;
  email: string | null;
  groupid: number;
  clientid: number | null;
  active: boolean;
  allprojects: boolean;
  restricttasks: boolean;
  private: boolean;
  tips: boolean;
  primaryaccount: boolean;
  notes: string | null;
  numlogins: number;
  lastlogin: string | null;
  timezone: string;
  timezone_offset: string;
  /** 11-character API token; never presented by the API. */
  apitoken: string | null;
}

export interface ClientRow {
  id: number;
  localid: number;
  name: string;
  description: string | null;
  datecreated: string;
  firstname: string | null;
  lastname: string | null;
  email: string | null;
  website: string | null;
  phone: string | null;
  cell: string | null;
  fax: string | null;
  address: string | null;
  aptsuite: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  country: string | null;
  active: boolean;
}

/** The contact fields of a client nobody filled in; each new row spreads its own copy. */
export const BLANK_CLIENT_CONTACT = {
  firstname: null,
  lastname: null,
  email: null,
  website: null,
  phone: null,
  cell: null,
  fax: null,
  address: null,
  aptsuite: null,
  city: null,
  state: null,
  zip: null,
  country: null,
} as const satisfies Partial<ClientRow>;

export interface ProjectRow {
  id: number;
  localid: number;
  name: string;
  description: string | null;
  clientid: number | null;
  managerid: number | null;
  datestart: string;
  dateend: string | null;
  billable: boolean;
  active: boolean;
}

/** Who may see a project besides administrators and people with `allprojects`. */
export interface ProjectTeamRow {
  id: number;
  projectid: number;
  personid: number;
}

export interface WorkTypeRow {
  id: number;
  name: string;
  defaulthourlyrate: number;
  active: boolean;
}

export interface ProjectWorkTypeRow {
  id: number;
  projectid: number;
  /** Id of the account-level work type (what time entries reference). */
  worktypeid: number;
  hourlyrate: number;
  esttime: number | null;
  active: boolean;
}

export interface ModuleRow {
  id: number;
  name: string;
  description: string | null;
  active: boolean;
}

export interface ProjectModuleRow {
  id: number;
  projectid: number;
  /** Id of the account-level module (what tasks and time entries reference). */
  moduleid: number;
  description: string | null;
  active: boolean;
}

export interface TaskStatusRow {
  id: number;
  name: string;
  priority: number;
  frozen: boolean;
  active: boolean;
  /** Whether tasks in this status count as closed (`excludeclosed`, `dateclosed`); not presented. */
  isclosed: boolean;
}

export interface TaskPriorityRow {
  id: number;
  name: string;
  color: string;
  priority: number;
  isdefault: boolean;
  active: boolean;
}

export interface TaskRow {
  id: number;
  localid: number;
  title: string;
  description: string | null;
  projectid: number;
  moduleid: number | null;
  statusid: number;
  priorityid: number;
  ownerid: number;
  assigneeids: number[];
  followerids: number[];
  milestoneid: number | null;
  dateopen: string;
  datedue: string | null;
  dateclosed: string | null;
  /** UTC `YYYY-MM-DD HH:MM:SS`. */
  datecreated: string;
  /** UTC `YYYY-MM-DD HH:MM:SS`. */
  datemodified: string;
  estimate: number | null;
}

export interface TimeRow {
  id: number;
  personid: number;
  projectid: number;
  taskid: number | null;
  moduleid: number | null;
  worktypeid: number;
  date: string;
  /** Decimal hours. */
  time: number;
  billable: boolean;
  description: string | null;
  approved: boolean;
  /** UTC `YYYY-MM-DD HH:MM:SS`. */
  datemodified: string;
}

export interface TimerRow {
  id: number;
  personid: number;
  taskid: number | null;
  name: string | null;
  /** Seconds recorded while paused. */
  time: number;
  /** UTC `YYYY-MM-DD HH:MM:SS` while running, null while paused. */
  starttime: string | null;
  /** UTC `YYYY-MM-DD HH:MM:SS`. */
  lastupdate: string;
}

export interface TaskNoteRow {
  id: number;
  taskid: number;
  title: string | null;
  note: string;
  public: boolean;
  authorid: number;
  /** UTC `YYYY-MM-DD HH:MM:SS`. */
  date: string;
  /** UTC `YYYY-MM-DD HH:MM:SS`. */
  datemodified: string;
}

/**
 * How time entries are stored, where the public record is unsure: descriptions as sent, with
 * HTML escaped (`&` → `&amp;`) or with tags stripped; hours as sent or rounded to a number of
 * decimals. What the client sent and what it reads back can differ in these ways.
 */
export interface TimeStorage {
  descriptions: 'raw' | 'escaped' | 'stripped';
  /** Decimals hours are rounded to; undefined keeps them as sent. */
  hoursDecimals?: number;
}

export interface AccountRow {
  name: string;
  /** Default: descriptions raw, hours as sent. */
  timeStorage?: TimeStorage;
  /** Daily request allowance (6,000 on the real service). */
  quota: number;
  /** Requests counted on `usedday` (UTC date). */
  used: number;
  usedday: string;
}

export interface Tables {
  person: PersonRow[];
  client: ClientRow[];
  project: ProjectRow[];
  projectteam: ProjectTeamRow[];
  worktype: WorkTypeRow[];
  projectworktype: ProjectWorkTypeRow[];
  module: ModuleRow[];
  projectmodule: ProjectModuleRow[];
  taskstatus: TaskStatusRow[];
  taskpriority: TaskPriorityRow[];
  task: TaskRow[];
  time: TimeRow[];
  timer: TimerRow[];
  tasknote: TaskNoteRow[];
}

export type TableName = keyof Tables;
export type RowOf<T extends TableName> = Tables[T][number];

export const TABLE_NAMES: readonly TableName[] = [
  'person',
  'client',
  'project',
  'projectteam',
  'worktype',
  'projectworktype',
  'module',
  'projectmodule',
  'taskstatus',
  'taskpriority',
  'task',
  'time',
  'timer',
  'tasknote',
];

export function isTableName(name: string): name is TableName {
  return (TABLE_NAMES as readonly string[]).includes(name);
}

/** The whole content of an account: what a fixture builds and what `reset()` restores. */
export interface Fixture extends Tables {
  account: AccountRow;
}

export function cloneFixture(fixture: Fixture): Fixture {
  return structuredClone(fixture);
}

/**
 * Live data of the running fake. Tests may read and mutate the arrays directly; `load()` (used
 * by `reset()`) refills the same arrays so references held by tests stay valid.
 */
export class FakeStore implements Fixture {
  readonly person: PersonRow[] = [];
  readonly client: ClientRow[] = [];
  readonly project: ProjectRow[] = [];
  readonly projectteam: ProjectTeamRow[] = [];
  readonly worktype: WorkTypeRow[] = [];
  readonly projectworktype: ProjectWorkTypeRow[] = [];
  readonly module: ModuleRow[] = [];
  readonly projectmodule: ProjectModuleRow[] = [];
  readonly taskstatus: TaskStatusRow[] = [];
  readonly taskpriority: TaskPriorityRow[] = [];
  readonly task: TaskRow[] = [];
  readonly time: TimeRow[] = [];
  readonly timer: TimerRow[] = [];
  readonly tasknote: TaskNoteRow[] = [];
  readonly account: AccountRow = { name: '', quota: 6000, used: 0, usedday: '' };

  // Ids are never reused after a delete, like a database sequence.
  private readonly lastIds = new Map<TableName, number>();

  constructor(fixture: Fixture) {
    this.load(fixture);
  }

  load(fixture: Fixture): void {
    const copy = cloneFixture(fixture);
    for (const name of TABLE_NAMES) {
      const target = this.table(name) as unknown[];
      target.length = 0;
      target.push(...(copy[name] as unknown[]));
    }
    delete this.account.timeStorage;
    Object.assign(this.account, copy.account);
    this.lastIds.clear();
  }

  table<T extends TableName>(name: T): Tables[T] {
    return this[name];
  }

  find<T extends TableName>(name: T, id: number): RowOf<T> | undefined {
    return (this.table(name) as RowOf<T>[]).find((row) => row.id === id);
  }

  nextId(name: TableName): number {
    let max = this.lastIds.get(name) ?? 0;
    for (const row of this.table(name)) {
      if (row.id > max) {
        max = row.id;
      }
    }
    this.lastIds.set(name, max + 1);
    return max + 1;
  }

  insert<T extends TableName>(name: T, row: RowOf<T>): RowOf<T> {
    (this.table(name) as RowOf<T>[]).push(row);
    return row;
  }

  remove(name: TableName, id: number): boolean {
    const rows = this.table(name) as { id: number }[];
    const index = rows.findIndex((row) => row.id === id);
    if (index < 0) {
      return false;
    }
    rows.splice(index, 1);
    this.lastIds.set(name, Math.max(this.lastIds.get(name) ?? 0, id));
    return true;
  }

  snapshot(): Fixture {
    const result: Partial<Fixture> = { account: { ...this.account } };
    for (const name of TABLE_NAMES) {
      (result as Record<string, unknown>)[name] = structuredClone(this.table(name));
    }
    return result as Fixture;
  }
}
