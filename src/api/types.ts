/**
 * Normalised Intervals data as the rest of the extension sees it: ids and amounts are numbers,
 * flags are booleans, absent optional values are `null`, names are camelCase. The wire format
 * (strings, 't'/'f', CSV id lists) stays inside `normalize.ts`.
 */

export type Format = 'json' | 'xml';

/** Dates are `YYYY-MM-DD` in the account's time zone; timestamps are `YYYY-MM-DD HH:MM:SS`. */
export type DateString = string;
export type DateTimeString = string;

export interface Person {
  id: number;
  localId: number | null;
  firstName: string;
  lastName: string;
  title: string | null;
  /** Often the e-mail address. */
  username: string;
  email: string | null;
  clientId: number | null;
  client: string | null;
  groupId: number | null;
  /** Role name, e.g. "Administrator", "Manager", "Resource", "Executive". */
  group: string | null;
  active: boolean;
  primaryAccount: boolean;
  allProjects: boolean;
  private: boolean;
  notes: string | null;
  timezone: string | null;
  timezoneOffset: string | null;
  lastLogin: DateTimeString | null;
  numLogins: number | null;
}

/** The signed-in person (`GET /me/`). */
export interface Me extends Person {
  tips: boolean;
}

export interface Client {
  id: number;
  localId: number | null;
  name: string;
  description: string | null;
  dateCreated: DateString | null;
  active: boolean;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  website: string | null;
  phone: string | null;
  cell: string | null;
  fax: string | null;
  address: string | null;
  aptSuite: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  country: string | null;
}

export interface Project {
  id: number;
  localId: number | null;
  name: string;
  description: string | null;
  clientId: number | null;
  client: string | null;
  managerId: number | null;
  manager: string | null;
  dateStart: DateString | null;
  dateEnd: DateString | null;
  active: boolean;
  billable: boolean;
  budget: number | null;
}

/** A module attached to a project; `moduleId` is the account-wide module time entries refer to. */
export interface ProjectModule {
  id: number;
  projectId: number;
  moduleId: number;
  name: string;
  description: string | null;
  active: boolean;
}

/** A work type attached to a project; time entries refer to `workTypeId`, not to `id`. */
export interface ProjectWorkType {
  id: number;
  projectId: number;
  workTypeId: number;
  name: string;
  hourlyRate: number | null;
  estimatedHours: number | null;
  active: boolean;
}

export interface WorkType {
  id: number;
  name: string;
  defaultHourlyRate: number | null;
  active: boolean;
}

export interface Module {
  id: number;
  name: string;
  description: string | null;
  active: boolean;
}

export interface Task {
  id: number;
  localId: number | null;
  title: string;
  description: string | null;
  projectId: number | null;
  project: string | null;
  clientId: number | null;
  client: string | null;
  moduleId: number | null;
  module: string | null;
  statusId: number | null;
  status: string | null;
  priorityId: number | null;
  priority: string | null;
  ownerId: number | null;
  owner: string | null;
  assigneeIds: number[];
  /** Display names of the assignees as Intervals sends them (comma separated), if it does. */
  assignees: string | null;
  followerIds: number[];
  milestoneId: number | null;
  milestone: string | null;
  dateCreated: DateTimeString | null;
  dateOpen: DateString | null;
  dateDue: DateString | null;
  dateClosed: DateString | null;
  dateModified: DateTimeString | null;
  estimate: number | null;
  /** Present only when the list was asked for with `includeTimerId`. */
  timerId: number | null;
  timerStartTime: DateTimeString | null;
}

export interface TaskStatus {
  id: number;
  name: string;
  /** Position in the workflow, lower first (Intervals calls it `priority`). */
  order: number;
  frozen: boolean;
  active: boolean;
}

export interface TaskPriority {
  id: number;
  name: string;
  /** Six hex digits, no `#`. */
  color: string | null;
  priority: number;
  isDefault: boolean;
  active: boolean;
}

export interface TimeEntry {
  id: number;
  personId: number | null;
  person: string | null;
  projectId: number | null;
  project: string | null;
  clientId: number | null;
  client: string | null;
  moduleId: number | null;
  module: string | null;
  taskId: number | null;
  task: string | null;
  workTypeId: number | null;
  workType: string | null;
  milestoneId: number | null;
  /** `dateiso` when Intervals sends it, else `date`. */
  date: DateString;
  /** Decimal hours. */
  time: number;
  billable: boolean;
  approved: boolean | null;
  description: string | null;
  dateModified: DateTimeString | null;
}

/** A running or paused timer; running exactly when `startTime` is set (UTC). */
export interface Timer {
  id: number;
  name: string | null;
  personId: number | null;
  taskId: number | null;
  task: string | null;
  /** The task's local id, sent with `getTimerInfo`. */
  taskLocalId: number | null;
  projectId: number | null;
  project: string | null;
  clientId: number | null;
  client: string | null;
  /** Seconds recorded before the current run. */
  time: number;
  startTime: DateTimeString | null;
  running: boolean;
  lastUpdate: DateTimeString | null;
}

export interface TaskNote {
  id: number;
  taskId: number | null;
  title: string | null;
  /** The note as the service holds it: untrusted text, possibly with HTML. */
  note: string;
  public: boolean;
  authorId: number | null;
  author: string | null;
  /** UTC `YYYY-MM-DD HH:MM:SS`. */
  date: DateTimeString | null;
}

export interface TaskNoteInput {
  taskId: number;
  note: string;
  /** Public notes are visible to the client's contacts; private ones to the team only. */
  public: boolean;
}

export interface Quota {
  limit: number;
  used: number;
  /** GMT; older servers send the current business day instead (`business_day`). */
  nextReset: DateTimeString | null;
  exceeded: boolean;
}

/** One page of a collection. `listCount` is the total before limit/offset, when the server gives it. */
export interface Page<T> {
  items: T[];
  offset: number;
  limit: number;
  listCount: number | undefined;
}

// Inputs for writes. Updates take a Partial: only the fields given are sent.

export interface ProjectInput {
  name: string;
  dateStart: DateString;
  billable: boolean;
  active: boolean;
  clientId?: number | null;
  managerId?: number | null;
  description?: string | null;
  dateEnd?: DateString | null;
}

export interface TaskInput {
  projectId: number;
  /** Absent for a project without modules. */
  moduleId?: number | null;
  statusId: number;
  priorityId: number;
  ownerId: number;
  title: string;
  dateOpen: DateString;
  description?: string | null;
  assigneeIds?: readonly number[];
  followerIds?: readonly number[];
  milestoneId?: number | null;
  dateDue?: DateString | null;
  estimate?: number | null;
}

export interface TimeEntryInput {
  personId: number;
  workTypeId: number;
  date: DateString;
  /** Decimal hours. */
  time: number;
  taskId?: number | null;
  projectId?: number | null;
  moduleId?: number | null;
  billable?: boolean;
  description?: string | null;
}

export interface TimerInput {
  personId?: number;
  taskId?: number | null;
  name?: string | null;
  /** UTC `YYYY-MM-DD HH:MM:SS`; `null` pauses. */
  startTime?: DateTimeString | null;
  /** Seconds already recorded. */
  time?: number;
}
