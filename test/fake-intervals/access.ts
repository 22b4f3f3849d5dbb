// Project access: administrators and people with `allprojects` see every project; everyone else
// sees the projects whose team they are on.
import { groupNameOf, type FakeStore, type PersonRow } from './store';

export function seesAllProjects(person: PersonRow): boolean {
  return groupNameOf(person.groupid) === 'Administrator' || person.allprojects;
}

/** Ids of the projects `person` may see; undefined means all of them. */
export function accessibleProjectIds(store: FakeStore, person: PersonRow): Set<number> | undefined {
  if (seesAllProjects(person)) {
    return undefined;
  }
  return new Set(store.projectteam.filter((member) => member.personid === person.id).map((member) => member.projectid));
}

export function canAccessProject(store: FakeStore, person: PersonRow, projectid: number): boolean {
  const ids = accessibleProjectIds(store, person);
  return ids === undefined || ids.has(projectid);
}

/** A predicate over project ids, computed once per request. */
export function projectAccessFilter(store: FakeStore, person: PersonRow): (projectid: number) => boolean {
  const ids = accessibleProjectIds(store, person);
  return ids === undefined ? () => true : (projectid) => ids.has(projectid);
}
