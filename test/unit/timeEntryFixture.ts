import type { TimeEntry } from '../../src/api/types';

let nextId = 1;

/** A time entry of Ada Lovelace on Acme's Website, task Footer, with `extra` over it; ids count up. */
export function entry(date: string, time: number, extra: Partial<TimeEntry> = {}): TimeEntry {
  return {
    id: nextId++,
    personId: 1,
    person: 'Ada Lovelace',
    projectId: 1,
    project: 'Website',
    clientId: 1,
    client: 'Acme',
    moduleId: null,
    module: null,
    taskId: 10,
    task: 'Footer',
    workTypeId: 1,
    workType: 'Development',
    milestoneId: null,
    date,
    time,
    billable: true,
    approved: null,
    description: null,
    dateModified: null,
    ...extra,
  };
}
