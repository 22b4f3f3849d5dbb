// /client/: administrators write; others see the clients of projects they can access.
import { validation } from '../apiErrors';
import { accessibleProjectIds } from '../access';
import { BLANK_CLIENT_CONTACT, type ClientRow } from '../store';
import { wireBool } from '../values';
import type { OutObject } from '../xml';
import { readFields, type FieldSpec } from './fields';
import { containsText, matchesIds } from './filters';
import { nextLocalId, type RequestContext, type ResourceHandler } from './resource';

const CLIENT_FIELDS: Readonly<Record<string, FieldSpec>> = {
  name: { kind: 'string', required: true, max: 255 },
  datecreated: { kind: 'date', required: true },
  description: { kind: 'string', nullable: true },
  email: { kind: 'string', nullable: true, max: 255 },
  website: { kind: 'string', nullable: true, max: 255 },
  phone: { kind: 'string', nullable: true, max: 50 },
  fax: { kind: 'string', nullable: true, max: 50 },
  address: { kind: 'string', nullable: true },
  active: { kind: 'bool', required: true },
};

const CLIENT_RESPONSE_ONLY = ['localid', 'firstname', 'lastname', 'cell', 'aptsuite', 'city', 'state', 'zip', 'country'];

function presentClient(_ctx: RequestContext, c: ClientRow): OutObject {
  return {
    id: String(c.id),
    localid: String(c.localid),
    name: c.name,
    datecreated: c.datecreated,
    description: c.description,
    firstname: c.firstname,
    lastname: c.lastname,
    email: c.email,
    website: c.website,
    phone: c.phone,
    cell: c.cell,
    fax: c.fax,
    address: c.address,
    aptsuite: c.aptsuite,
    city: c.city,
    state: c.state,
    zip: c.zip,
    country: c.country,
    active: wireBool(c.active),
  };
}

function visibleClientIds(ctx: RequestContext): Set<number> | undefined {
  const projects = accessibleProjectIds(ctx.store, ctx.caller);
  if (projects === undefined) {
    return undefined;
  }
  const ids = new Set<number>();
  for (const project of ctx.store.project) {
    if (projects.has(project.id) && project.clientid != null) {
      ids.add(project.clientid);
    }
  }
  return ids;
}

function checkClient(ctx: RequestContext, row: ClientRow): void {
  const lower = row.name.trim().toLowerCase();
  if (ctx.store.client.some((c) => c.id !== row.id && c.name.trim().toLowerCase() === lower)) {
    throw validation([`name: a client named '${row.name}' already exists`]);
  }
}

export const clientResource: ResourceHandler<ClientRow> = {
  name: 'client',
  shape: 'table',
  filters: { localid: 'ids', active: 'bool', search: 'text', projectsonly: 'bool' },
  sortFieldNames: ['id', 'localid', 'name', 'datecreated'],
  authorize(ctx, op) {
    if (op !== 'read') {
      ctx.require(['Administrator'], `${op} clients`);
    }
  },
  list(ctx, f) {
    const visible = visibleClientIds(ctx);
    const search = f.text('search');
    const withActiveProjects = new Set(ctx.store.project.filter((p) => p.active && p.clientid != null).map((p) => p.clientid));
    return ctx.store.client.filter(
      (c) =>
        (visible === undefined || visible.has(c.id)) &&
        matchesIds(f.ids('localid'), c.localid) &&
        (f.bool('active') === undefined || c.active === f.bool('active')) &&
        (f.bool('projectsonly') !== true || withActiveProjects.has(c.id)) &&
        (search === undefined || [c.name, c.description, String(c.localid)].some((text) => containsText(text, search))),
    );
  },
  get(ctx, id) {
    const visible = visibleClientIds(ctx);
    return visible === undefined || visible.has(id) ? ctx.byId('client', id) : undefined;
  },
  present: presentClient,
  sortValue(field, row) {
    switch (field) {
      case 'localid':
        return row.localid;
      case 'name':
        return row.name.toLowerCase();
      case 'datecreated':
        return row.datecreated;
      default:
        return row.id;
    }
  },
  create(ctx, body) {
    const values = readFields(body, CLIENT_FIELDS, CLIENT_RESPONSE_ONLY, undefined);
    const row = {
      id: ctx.store.nextId('client'),
      localid: nextLocalId(ctx.store.client),
      description: null,
      ...BLANK_CLIENT_CONTACT,
      ...values,
    } as ClientRow;
    checkClient(ctx, row);
    return ctx.store.insert('client', row);
  },
  update(ctx, row, body) {
    const values = readFields(body, CLIENT_FIELDS, CLIENT_RESPONSE_ONLY, row as unknown as Record<string, unknown>);
    const next = { ...row, ...values } as ClientRow;
    checkClient(ctx, next);
    return Object.assign(row, next);
  },
  remove(ctx, row) {
    const projects = ctx.store.project.filter((p) => p.clientid === row.id).length;
    if (projects > 0) {
      throw validation([`client ${row.id} still has ${projects} project(s); delete or move them first`]);
    }
    ctx.store.remove('client', row.id);
  },
};
