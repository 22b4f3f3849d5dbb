import type { Person } from '../api/types';
import type { Choice } from './asker';

export function personName(person: Pick<Person, 'firstName' | 'lastName'>): string {
  return `${person.firstName} ${person.lastName}`.trim();
}

/** People as a pick offers them: by name, the signed-in person marked "you". */
export function personChoices(people: readonly Person[], you: number | undefined): Choice<number>[] {
  return [...people]
    .sort((a, b) => personName(a).localeCompare(personName(b)))
    .map((p) => ({ label: personName(p), description: p.id === you ? 'you' : (p.title ?? undefined), value: p.id }));
}
