import { flag, requireId, text, toBoolean, toId, toIdList, toNumber, toText, WireFormatError, type WireRecord } from './scalars';
import type {
  Client,
  Me,
  Module,
  Person,
  Project,
  ProjectModule,
  ProjectWorkType,
  Quota,
  Task,
  TaskNote,
  TaskPriority,
  TaskStatus,
  TimeEntry,
  Timer,
  WorkType,
} from './types';

/**
 * Wire ↔ domain mapping. Intervals sends ids and amounts as strings (older servers: numbers),
 * booleans as 't'/'f', absent values as null (JSON) or empty elements (XML), and id lists as
 * CSV. Everything here accepts all of those, so JSON and XML answers map to equal objects.
 */

// ---------------------------------------------------------------------------------------------
// Envelope

export interface Envelope {
  /** The caller's person id, when the server includes it. */
  personId: number | null;
  status: string | null;
  code: number | null;
  listCount: number | undefined;
  body: WireRecord;
}

export function isRecord(value: unknown): value is WireRecord {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function readEnvelope(body: unknown): Envelope {
  if (!isRecord(body)) {
    // l10n-ignore: detail for the log (serverMessage)
    throw new WireFormatError(`Expected an object, got ${Array.isArray(body) ? 'a list' : typeof body}.`);
  }
  const listCount = toNumber(body.listcount);
  return {
    personId: toId(body.personid),
    status: toText(body.status),
    code: toNumber(body.code),
    listCount: listCount === null ? undefined : listCount,
    body,
  };
}

/**
 * Collection members. JSON gives an array; XML gives one object for a single member, an empty
 * string for none, and may wrap members in `<item>` elements or a plural element.
 */
export function listItems(envelope: Envelope, resource: string): WireRecord[] {
  const value = envelope.body[resource] ?? unwrapPlural(envelope.body[`${resource}s`], resource);
  return asArray(value).filter(isRecord);
}

/** The single member of a member GET, create or update answer (an object, or a one-element list). */
export function memberItem(envelope: Envelope, resource: string): WireRecord | undefined {
  const items = listItems(envelope, resource);
  return items[0];
}

export function asArray(value: unknown): unknown[] {
  if (value === null || value === undefined || value === '') {
    return [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item) => (isItemWrapper(item) ? asArray(item.item) : [item]));
  }
  if (isItemWrapper(value)) {
    return asArray(value.item);
  }
  return [value];
}

function isItemWrapper(value: unknown): value is { item: unknown } {
  return isRecord(value) && 'item' in value && Object.keys(value).every((key) => key === 'item');
}

function unwrapPlural(value: unknown, resource: string): unknown {
  return isRecord(value) && resource in value ? value[resource] : value;
}

// ---------------------------------------------------------------------------------------------
// Wire → domain

function personFields(raw: WireRecord): Person {
  return {
    id: requireId(raw.id, 'A person'),
    localId: toId(raw.localid),
    firstName: text(raw.firstname),
    lastName: text(raw.lastname),
    title: toText(raw.title),
    username: text(raw.username),
    email: toText(raw.email),
    clientId: toId(raw.clientid),
    client: toText(raw.client),
    groupId: toId(raw.groupid),
    group: toText(raw.group),
    active: flag(raw.active, true),
    primaryAccount: flag(raw.primaryaccount, false),
    allProjects: flag(raw.allprojects, false),
    private: flag(raw.private, false),
    notes: toText(raw.notes),
    timezone: toText(raw.timezone),
    timezoneOffset: toText(raw.timezone_offset),
    lastLogin: toText(raw.lastlogin),
    numLogins: toNumber(raw.numlogins),
  };
}

export function toPerson(raw: WireRecord): Person {
  return personFields(raw);
}

export function toMe(raw: WireRecord): Me {
  return { ...personFields(raw), tips: flag(raw.tips, false) };
}

export function toClient(raw: WireRecord): Client {
  return {
    id: requireId(raw.id, 'A client'),
    localId: toId(raw.localid),
    name: text(raw.name),
    description: toText(raw.description),
    dateCreated: toText(raw.datecreated),
    active: flag(raw.active, true),
    firstName: toText(raw.firstname),
    lastName: toText(raw.lastname),
    email: toText(raw.email),
    website: toText(raw.website),
    phone: toText(raw.phone),
    cell: toText(raw.cell),
    fax: toText(raw.fax),
    address: toText(raw.address),
    aptSuite: toText(raw.aptsuite),
    city: toText(raw.city),
    state: toText(raw.state),
    zip: toText(raw.zip),
    country: toText(raw.country),
  };
}

export function toProject(raw: WireRecord): Project {
  return {
    id: requireId(raw.id, 'A project'),
    localId: toId(raw.localid),
    name: text(raw.name),
    description: toText(raw.description),
    clientId: toId(raw.clientid),
    client: toText(raw.client),
    managerId: toId(raw.managerid),
    manager: toText(raw.manager),
    dateStart: toText(raw.datestart),
    dateEnd: toText(raw.dateend),
    active: flag(raw.active, true),
    billable: flag(raw.billable, false),
    budget: toNumber(raw.budget),
  };
}

export function toProjectModule(raw: WireRecord): ProjectModule {
  return {
    // l10n-ignore: detail for the log (serverMessage)
    id: requireId(raw.id, 'A project module'),
    projectId: toId(raw.projectid) ?? 0,
    moduleId: toId(raw.moduleid) ?? 0,
    name: text(raw.module ?? raw.name ?? raw.modulename),
    description: toText(raw.description),
    active: flag(raw.active, true),
  };
}

export function toProjectWorkType(raw: WireRecord): ProjectWorkType {
  return {
    // l10n-ignore: detail for the log (serverMessage)
    id: requireId(raw.id, 'A project work type'),
    projectId: toId(raw.projectid) ?? 0,
    workTypeId: toId(raw.worktypeid) ?? 0,
    name: text(raw.worktype ?? raw.name),
    hourlyRate: toNumber(raw.hourlyrate),
    estimatedHours: toNumber(raw.esttime),
    active: flag(raw.active, true),
  };
}

export function toWorkType(raw: WireRecord): WorkType {
  return {
    // l10n-ignore: detail for the log (serverMessage)
    id: requireId(raw.id, 'A work type'),
    name: text(raw.name),
    defaultHourlyRate: toNumber(raw.defaulthourlyrate),
    active: flag(raw.active, true),
  };
}

export function toModule(raw: WireRecord): Module {
  return {
    id: requireId(raw.id, 'A module'),
    name: text(raw.name),
    description: toText(raw.description),
    active: flag(raw.active, true),
  };
}

export function toTask(raw: WireRecord): Task {
  return {
    id: requireId(raw.id, 'A task'),
    localId: toId(raw.localid),
    title: text(raw.title),
    description: toText(raw.description),
    projectId: toId(raw.projectid),
    project: toText(raw.project),
    clientId: toId(raw.clientid),
    client: toText(raw.client),
    moduleId: toId(raw.moduleid),
    module: toText(raw.module),
    statusId: toId(raw.statusid),
    status: toText(raw.status),
    priorityId: toId(raw.priorityid),
    priority: toText(raw.priority),
    ownerId: toId(raw.ownerid),
    owner: toText(raw.owner),
    assigneeIds: toIdList(raw.assigneeid),
    assignees: toText(raw.assignees),
    followerIds: toIdList(raw.followerid),
    milestoneId: toId(raw.milestoneid),
    milestone: toText(raw.milestone),
    dateCreated: toText(raw.datecreated),
    dateOpen: toText(raw.dateopen),
    dateDue: toText(raw.datedue),
    dateClosed: toText(raw.dateclosed),
    dateModified: toText(raw.datemodified),
    estimate: toNumber(raw.estimate),
    timerId: toId(raw.timerid),
    timerStartTime: toText(raw.starttime),
  };
}

export function toTaskStatus(raw: WireRecord): TaskStatus {
  return {
    // l10n-ignore: detail for the log (serverMessage)
    id: requireId(raw.id, 'A task status'),
    name: text(raw.name),
    order: toNumber(raw.priority) ?? 0,
    frozen: flag(raw.frozen, false),
    active: flag(raw.active, true),
  };
}

export function toTaskPriority(raw: WireRecord): TaskPriority {
  return {
    // l10n-ignore: detail for the log (serverMessage)
    id: requireId(raw.id, 'A task priority'),
    name: text(raw.name),
    color: toText(raw.color),
    priority: toNumber(raw.priority) ?? 0,
    isDefault: flag(raw.isdefault, false),
    active: flag(raw.active, true),
  };
}

export function toTimeEntry(raw: WireRecord): TimeEntry {
  return {
    // l10n-ignore: detail for the log (serverMessage)
    id: requireId(raw.id, 'A time entry'),
    personId: toId(raw.personid),
    person: toText(raw.person),
    projectId: toId(raw.projectid),
    project: toText(raw.project),
    clientId: toId(raw.clientid),
    client: toText(raw.client),
    moduleId: toId(raw.moduleid),
    module: toText(raw.module),
    taskId: toId(raw.taskid),
    task: toText(raw.task),
    workTypeId: toId(raw.worktypeid),
    workType: toText(raw.worktype),
    milestoneId: toId(raw.milestoneid),
    date: text(raw.dateiso ?? raw.date),
    time: toNumber(raw.time) ?? 0,
    billable: flag(raw.billable, false),
    approved: toBoolean(raw.approved),
    description: toText(raw.description),
    dateModified: toText(raw.datemodified),
  };
}

export function toTimer(raw: WireRecord): Timer {
  const startTime = toText(raw.starttime);
  return {
    id: requireId(raw.id, 'A timer'),
    name: toText(raw.name ?? raw.description),
    personId: toId(raw.personid),
    taskId: toId(raw.taskid),
    task: toText(raw.task),
    taskLocalId: toId(raw.tasklocalid),
    projectId: toId(raw.projectid),
    project: toText(raw.project),
    clientId: toId(raw.clientid),
    client: toText(raw.client),
    time: toNumber(raw.time) ?? 0,
    startTime,
    running: startTime !== null,
    lastUpdate: toText(raw.lastupdate),
  };
}

export function toTaskNote(raw: WireRecord): TaskNote {
  return {
    // l10n-ignore: detail for the log (serverMessage)
    id: requireId(raw.id, 'A task note'),
    taskId: toId(raw.taskid),
    title: toText(raw.title),
    note: toText(raw.note) ?? '',
    public: flag(raw.public, false),
    authorId: toId(raw.authorid),
    author: toText(raw.author),
    date: toText(raw.date),
  };
}

export function toQuota(raw: WireRecord): Quota {
  return {
    limit: toNumber(raw.quota) ?? 0,
    used: toNumber(raw.used) ?? 0,
    nextReset: toText(raw.next_reset ?? raw.business_day),
    exceeded: flag(raw.exceeded, false),
  };
}
