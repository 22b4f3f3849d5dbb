// /me/ (the caller, as a one-element list) and /person/.
import { validation } from '../apiErrors';
import { seesAllProjects } from '../access';
import { GROUP_IDS, groupNameOf, type PersonRow } from '../store';
import { wireBool, wireId } from '../values';
import type { OutObject } from '../xml';
import { readFields, type FieldSpec } from './fields';
import { containsText, matchesIds, type Filters } from './filters';
import { nextLocalId, type RequestContext, type ResourceHandler, type WriteBody } from './resource';

export function presentPerson(ctx: RequestContext, person: PersonRow): OutObject {
  return {
    id: String(person.id),
    localid: String(person.localid),
    clientid: wireId(person.clientid),
    client: ctx.byId('client', person.clientid)?.name ?? null,
    title: person.title,
    firstname: person.firstname,
    lastname: person.lastname,
    username: person.username,
    email: person.email,
    primaryaccount: wireBool(person.primaryaccount),
    notes: person.notes,
    allprojects: wireBool(person.allprojects),
    private: wireBool(person.private),
    tips: wireBool(person.tips),
    restricttasks: wireBool(person.restricttasks),
    groupid: String(person.groupid),
    group: groupNameOf(person.groupid) ?? null,
    numlogins: String(person.numlogins),
    lastlogin: person.lastlogin,
    timezone: person.timezone,
    timezone_offset: person.timezone_offset,
    active: wireBool(person.active),
  };
}

export const meResource: ResourceHandler<PersonRow> = {
  name: 'me',
  shape: 'collection',
  filters: {},
  sortFieldNames: [],
  authorize() {
    // Every group may ask who it is.
  },
  list: (ctx) => [ctx.caller],
  get: () => undefined,
  present: presentPerson,
  sortValue: (_field, row) => row.id,
};

const PERSON_FIELDS: Readonly<Record<string, FieldSpec>> = {
  firstname: { kind: 'string', required: true, max: 255 },
  lastname: { kind: 'string', required: true, max: 255 },
  username: { kind: 'string', required: true, max: 255 },
  email: { kind: 'string', nullable: true, max: 255 },
  title: { kind: 'string', nullable: true, max: 255 },
  groupid: { kind: 'id', required: true },
  clientid: { kind: 'id', nullable: true },
  active: { kind: 'bool' },
  allprojects: { kind: 'bool' },
  restricttasks: { kind: 'bool' },
  notes: { kind: 'string', nullable: true },
  timezone: { kind: 'string', max: 64 },
};

const PERSON_RESPONSE_ONLY = ['localid', 'client', 'group', 'primaryaccount', 'private', 'tips', 'numlogins', 'lastlogin', 'timezone_offset'];

function hasProjectAccess(ctx: RequestContext, person: PersonRow, projectid: number): boolean {
  return seesAllProjects(person) || ctx.store.projectteam.some((m) => m.personid === person.id && m.projectid === projectid);
}

function checkPerson(ctx: RequestContext, row: PersonRow): void {
  const problems: string[] = [];
  if (groupNameOf(row.groupid) === undefined) {
    problems.push(`groupid: must be one of ${Object.entries(GROUP_IDS).map(([name, id]) => `${id} (${name})`).join(', ')}`);
  }
  if (row.clientid != null && !ctx.byId('client', row.clientid)) {
    problems.push(`clientid: client ${row.clientid} does not exist`);
  }
  const taken = ctx.store.person.some((p) => p.id !== row.id && p.username.toLowerCase() === row.username.toLowerCase());
  if (taken) {
    problems.push(`username: '${row.username}' is already taken`);
  }
  if (problems.length > 0) {
    throw validation(problems);
  }
}

export const personResource: ResourceHandler<PersonRow> = {
  name: 'person',
  shape: 'table',
  filters: {
    localid: 'ids',
    username: 'text',
    email: 'text',
    firstname: 'text',
    lastname: 'text',
    excludegroupids: 'ids',
    projectid: 'ids',
    clientid: 'idsOrNone',
    projectclientid: 'ids',
    search: 'text',
    active: 'bool',
    groupid: 'ids',
    allprojects: 'bool',
    restricttasks: 'bool',
  },
  sortFieldNames: ['id', 'localid', 'firstname', 'lastname', 'username'],
  authorize(ctx, op) {
    if (op === 'read') {
      ctx.require(['Administrator', 'Manager', 'Resource'], 'read people');
    } else {
      ctx.require(['Administrator'], `${op} people`);
    }
  },
  list(ctx, f: Filters) {
    const projectids = f.ids('projectid');
    const projectclientids = f.ids('projectclientid');
    const clientProjects = projectclientids
      ? ctx.store.project.filter((p) => p.clientid != null && projectclientids.includes(p.clientid)).map((p) => p.id)
      : undefined;
    const search = f.text('search');
    return ctx.store.person.filter(
      (p) =>
        matchesIds(f.ids('localid'), p.localid) &&
        (f.text('username') === undefined || p.username.toLowerCase() === f.text('username')?.toLowerCase()) &&
        (f.text('email') === undefined || (p.email ?? '').toLowerCase() === f.text('email')?.toLowerCase()) &&
        containsText(p.firstname, f.text('firstname')) &&
        containsText(p.lastname, f.text('lastname')) &&
        !(f.ids('excludegroupids') ?? []).includes(p.groupid) &&
        matchesIds(f.ids('clientid'), p.clientid) &&
        matchesIds(f.ids('groupid'), p.groupid) &&
        (f.bool('active') === undefined || p.active === f.bool('active')) &&
        (f.bool('allprojects') === undefined || p.allprojects === f.bool('allprojects')) &&
        (f.bool('restricttasks') === undefined || p.restricttasks === f.bool('restricttasks')) &&
        (projectids === undefined || projectids.some((id) => hasProjectAccess(ctx, p, id))) &&
        (clientProjects === undefined || clientProjects.some((id) => hasProjectAccess(ctx, p, id))) &&
        (search === undefined ||
          [p.firstname, p.lastname, p.username, p.email, p.notes, ctx.byId('client', p.clientid)?.name].some((text) =>
            containsText(text, search),
          )),
    );
  },
  get: (ctx, id) => ctx.byId('person', id),
  present: presentPerson,
  sortValue(field, row) {
    switch (field) {
      case 'localid':
        return row.localid;
      case 'firstname':
        return row.firstname.toLowerCase();
      case 'lastname':
        return row.lastname.toLowerCase();
      case 'username':
        return row.username.toLowerCase();
      default:
        return row.id;
    }
  },
  create(ctx, body: WriteBody) {
    const values = readFields(body, PERSON_FIELDS, PERSON_RESPONSE_ONLY, undefined);
    const id = ctx.store.nextId('person');
    const row: PersonRow = {
      id,
      localid: nextLocalId(ctx.store.person),
      firstname: '',
      lastname: '',
      title: null,
      username: '',
      email: null,
      groupid: GROUP_IDS.Resource,
      clientid: null,
      active: true,
      allprojects: false,
      restricttasks: false,
      private: false,
      tips: true,
      primaryaccount: false,
      notes: null,
      numlogins: 0,
      lastlogin: null,
      timezone: 'UTC',
      timezone_offset: '(GMT+00:00) UTC',
      apitoken: null,
      ...values,
    } as PersonRow;
    checkPerson(ctx, row);
    return ctx.store.insert('person', row);
  },
  update(ctx, row, body) {
    const values = readFields(body, PERSON_FIELDS, PERSON_RESPONSE_ONLY, row as unknown as Record<string, unknown>);
    const next = { ...row, ...values } as PersonRow;
    checkPerson(ctx, next);
    if (next.id === ctx.caller.id && (!next.active || next.groupid !== row.groupid)) {
      throw validation(['you cannot deactivate yourself or change your own group']);
    }
    Object.assign(row, next);
    return row;
  },
  remove(ctx, row) {
    const problems: string[] = [];
    if (row.id === ctx.caller.id) {
      problems.push('you cannot delete yourself');
    }
    if (row.primaryaccount) {
      problems.push('the primary account holder cannot be deleted');
    }
    if (ctx.store.time.some((t) => t.personid === row.id)) {
      problems.push(`person ${row.id} has time entries; deactivate instead`);
    }
    if (ctx.store.task.some((t) => t.ownerid === row.id || t.assigneeids.includes(row.id))) {
      problems.push(`person ${row.id} owns or is assigned tasks; deactivate instead`);
    }
    if (problems.length > 0) {
      throw validation(problems);
    }
    ctx.store.remove('person', row.id);
    for (const timer of ctx.store.timer.filter((t) => t.personid === row.id)) {
      ctx.store.remove('timer', timer.id);
    }
    for (const member of ctx.store.projectteam.filter((m) => m.personid === row.id)) {
      ctx.store.remove('projectteam', member.id);
    }
  },
};
