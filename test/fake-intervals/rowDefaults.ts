// Raw inserts (control endpoint, tests): fill what a partial row leaves out so a test can write
// `{ title, projectid }` and get a complete task. No validation: raw rows may be deliberately odd.
import { nextLocalId } from './resources/resource';
import { BLANK_CLIENT_CONTACT, GROUP_IDS, type FakeStore, type RowOf, type TableName } from './store';
import { isoDate, isoDateTime } from './values';

function defaultsFor(table: TableName, store: FakeStore, now: Date): Record<string, unknown> {
  const today = isoDate(now);
  const stamp = isoDateTime(now);
  switch (table) {
    case 'person':
      return {
        localid: nextLocalId(store.person),
        firstname: 'New',
        lastname: 'Person',
        title: null,
        username: `person${store.person.length + 1}@demo-studio.example`,
        email: null,
        groupid: GROUP_IDS.Resource,
        clientid: null,
        active: true,
        allprojects: true,
        restricttasks: false,
        private: false,
        tips: false,
        primaryaccount: false,
        notes: null,
        numlogins: 0,
        lastlogin: null,
        timezone: 'UTC',
        timezone_offset: '(GMT+00:00) UTC',
        apitoken: null,
      };
    case 'client':
      return {
        localid: nextLocalId(store.client),
        name: 'New client',
        description: null,
        datecreated: today,
        ...BLANK_CLIENT_CONTACT,
        active: true,
      };
    case 'project':
      return {
        localid: nextLocalId(store.project),
        name: 'New project',
        description: null,
        clientid: null,
        managerid: null,
        datestart: today,
        dateend: null,
        billable: true,
        active: true,
      };
    case 'worktype':
      return { name: 'New work type', defaulthourlyrate: 0, active: true };
    case 'module':
      return { name: 'New module', description: null, active: true };
    case 'projectworktype':
      return { hourlyrate: 0, esttime: null, active: true };
    case 'projectmodule':
      return { description: null, active: true };
    case 'taskstatus':
      return { name: 'New status', priority: store.taskstatus.length + 1, frozen: false, active: true, isclosed: false };
    case 'taskpriority':
      return { name: 'New priority', color: '9e9e9e', priority: store.taskpriority.length + 1, isdefault: false, active: true };
    case 'task':
      return {
        localid: nextLocalId(store.task),
        title: 'New task',
        description: null,
        moduleid: null,
        statusid: store.taskstatus.find((s) => s.active && !s.isclosed && !s.frozen)?.id ?? 1,
        priorityid: store.taskpriority.find((p) => p.isdefault)?.id ?? 1,
        ownerid: store.person.find((p) => p.groupid === GROUP_IDS.Administrator)?.id ?? 1,
        assigneeids: [],
        followerids: [],
        milestoneid: null,
        dateopen: today,
        datedue: null,
        dateclosed: null,
        datecreated: stamp,
        datemodified: stamp,
        estimate: null,
      };
    case 'time':
      return { taskid: null, moduleid: null, date: today, time: 1, billable: true, description: null, approved: false, datemodified: stamp };
    case 'timer':
      return { taskid: null, name: null, time: 0, starttime: null, lastupdate: stamp };
    case 'tasknote':
      return { title: null, note: 'New note', public: false, authorid: 1, date: stamp, datemodified: stamp };
    case 'projectteam':
      return {};
  }
}

/** Inserts `partial` completed with defaults and a fresh id (unless it brings one). */
export function insertRow<T extends TableName>(store: FakeStore, table: T, partial: Partial<RowOf<T>>, now: Date): RowOf<T> {
  const row = { ...defaultsFor(table, store, now), ...partial } as unknown as RowOf<T>;
  if (typeof row.id !== 'number') {
    row.id = store.nextId(table);
  }
  return store.insert(table, row);
}
