// /project/: administrators and managers write; everyone sees the projects they can access.
import { forbidden, validation } from '../apiErrors';
import { canAccessProject, projectAccessFilter, seesAllProjects } from '../access';
import { groupNameOf, type ProjectRow } from '../store';
import { fullName, wireBool, wireId } from '../values';
import type { OutObject } from '../xml';
import { readFields, type FieldSpec } from './fields';
import { containsText, inDateRange, matchesIds } from './filters';
import { nextLocalId, type RequestContext, type ResourceHandler } from './resource';

const PROJECT_FIELDS: Readonly<Record<string, FieldSpec>> = {
  name: { kind: 'string', required: true, max: 255 },
  clientid: { kind: 'id', nullable: true },
  managerid: { kind: 'id', nullable: true },
  description: { kind: 'string', nullable: true },
  datestart: { kind: 'date', required: true },
  dateend: { kind: 'date', nullable: true },
  billable: { kind: 'bool', required: true },
  active: { kind: 'bool', required: true },
};

const PROJECT_RESPONSE_ONLY = ['localid', 'client', 'manager', 'labelid', 'label'];

function presentProject(ctx: RequestContext, p: ProjectRow): OutObject {
  const manager = ctx.byId('person', p.managerid);
  return {
    id: String(p.id),
    localid: String(p.localid),
    name: p.name,
    description: p.description,
    clientid: wireId(p.clientid),
    client: ctx.byId('client', p.clientid)?.name ?? null,
    managerid: wireId(p.managerid),
    manager: manager ? fullName(manager) : null,
    datestart: p.datestart,
    dateend: p.dateend,
    billable: wireBool(p.billable),
    active: wireBool(p.active),
  };
}

function checkProject(ctx: RequestContext, row: ProjectRow): void {
  const problems: string[] = [];
  if (row.clientid != null && !ctx.byId('client', row.clientid)) {
    problems.push(`clientid: client ${row.clientid} does not exist`);
  }
  if (row.managerid != null) {
    const manager = ctx.byId('person', row.managerid);
    const group = manager ? groupNameOf(manager.groupid) : undefined;
    if (!manager || !manager.active) {
      problems.push(`managerid: person ${row.managerid} does not exist or is inactive`);
    } else if (group !== 'Administrator' && group !== 'Manager') {
      problems.push(`managerid: person ${row.managerid} is not an Administrator or Manager`);
    }
  }
  if (row.dateend != null && row.dateend < row.datestart) {
    problems.push('dateend: must not be before datestart');
  }
  if (problems.length > 0) {
    throw validation(problems);
  }
}

export const projectResource: ResourceHandler<ProjectRow> = {
  name: 'project',
  shape: 'table',
  filters: {
    localid: 'ids',
    clientid: 'idsOrNone',
    managerid: 'idsOrNone',
    labelid: 'idsOrNone',
    name: 'text',
    datestart: 'date',
    datestartbegin: 'date',
    datestartend: 'date',
    dateend: 'date',
    dateendbegin: 'date',
    dateendend: 'date',
    search: 'text',
    active: 'bool',
    billable: 'bool',
    personid: 'id',
  },
  sortFieldNames: ['id', 'localid', 'clientid', 'managerid', 'name', 'datestart', 'dateend', 'billable', 'labelid', 'label', 'label_order'],
  authorize(ctx, op) {
    if (op !== 'read') {
      ctx.require(['Administrator', 'Manager'], `${op} projects`);
    }
  },
  list(ctx, f) {
    const visible = projectAccessFilter(ctx.store, ctx.caller);
    const personid = f.id('personid');
    const person = personid === undefined ? undefined : ctx.byId('person', personid);
    const forPerson = person ? projectAccessFilter(ctx.store, person) : () => personid === undefined;
    const search = f.text('search');
    return ctx.store.project.filter(
      (p) =>
        visible(p.id) &&
        forPerson(p.id) &&
        matchesIds(f.ids('localid'), p.localid) &&
        matchesIds(f.ids('clientid'), p.clientid) &&
        matchesIds(f.ids('managerid'), p.managerid) &&
        matchesIds(f.ids('labelid'), null) &&
        containsText(p.name, f.text('name')) &&
        inDateRange(p.datestart, f.text('datestart'), f.text('datestartbegin'), f.text('datestartend')) &&
        inDateRange(p.dateend, f.text('dateend'), f.text('dateendbegin'), f.text('dateendend')) &&
        (f.bool('active') === undefined || p.active === f.bool('active')) &&
        (f.bool('billable') === undefined || p.billable === f.bool('billable')) &&
        (search === undefined ||
          [p.name, p.description, ctx.byId('client', p.clientid)?.name, String(p.localid)].some((text) =>
            containsText(text, search),
          )),
    );
  },
  get(ctx, id) {
    const row = ctx.byId('project', id);
    if (row && !canAccessProject(ctx.store, ctx.caller, id)) {
      throw forbidden(`you do not have access to project ${id}`);
    }
    return row;
  },
  present: presentProject,
  sortValue(field, row) {
    switch (field) {
      case 'localid':
        return row.localid;
      case 'clientid':
        return row.clientid;
      case 'managerid':
        return row.managerid;
      case 'name':
        return row.name.toLowerCase();
      case 'datestart':
        return row.datestart;
      case 'dateend':
        return row.dateend;
      case 'billable':
        return row.billable ? 1 : 0;
      case 'labelid':
      case 'label':
      case 'label_order':
        return null;
      default:
        return row.id;
    }
  },
  create(ctx, body) {
    const values = readFields(body, PROJECT_FIELDS, PROJECT_RESPONSE_ONLY, undefined);
    const row = {
      id: ctx.store.nextId('project'),
      localid: nextLocalId(ctx.store.project),
      description: null,
      clientid: null,
      managerid: null,
      dateend: null,
      ...values,
    } as ProjectRow;
    checkProject(ctx, row);
    ctx.store.insert('project', row);
    // A new project starts with the account's active default work types and modules, so time
    // can be logged on it right away.
    for (const worktype of ctx.store.worktype.filter((w) => w.active)) {
      ctx.store.insert('projectworktype', {
        id: ctx.store.nextId('projectworktype'),
        projectid: row.id,
        worktypeid: worktype.id,
        hourlyrate: worktype.defaulthourlyrate,
        esttime: null,
        active: true,
      });
    }
    for (const defaultModule of ctx.store.module.filter((m) => m.active)) {
      ctx.store.insert('projectmodule', {
        id: ctx.store.nextId('projectmodule'),
        projectid: row.id,
        moduleid: defaultModule.id,
        description: null,
        active: true,
      });
    }
    if (!seesAllProjects(ctx.caller)) {
      ctx.store.insert('projectteam', { id: ctx.store.nextId('projectteam'), projectid: row.id, personid: ctx.caller.id });
    }
    return row;
  },
  update(ctx, row, body) {
    const values = readFields(body, PROJECT_FIELDS, PROJECT_RESPONSE_ONLY, row as unknown as Record<string, unknown>);
    const next = { ...row, ...values } as ProjectRow;
    checkProject(ctx, next);
    return Object.assign(row, next);
  },
  remove(ctx, row) {
    const problems: string[] = [];
    if (ctx.store.task.some((t) => t.projectid === row.id)) {
      problems.push(`project ${row.id} has tasks; delete them or deactivate the project`);
    }
    if (ctx.store.time.some((t) => t.projectid === row.id)) {
      problems.push(`project ${row.id} has time entries; deactivate the project instead`);
    }
    if (problems.length > 0) {
      throw validation(problems);
    }
    ctx.store.remove('project', row.id);
    for (const table of ['projectworktype', 'projectmodule', 'projectteam'] as const) {
      for (const link of ctx.store.table(table).filter((l) => l.projectid === row.id)) {
        ctx.store.remove(table, link.id);
      }
    }
  },
};
