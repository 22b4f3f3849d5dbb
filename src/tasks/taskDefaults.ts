import type { TaskPriority, TaskStatus } from '../api/types';

/**
 * The status a new task starts in: the first in workflow order that is active, not frozen and
 * not a closing status (Intervals names those "Closed"), else the first active one.
 */
export function defaultStatus(statuses: readonly TaskStatus[]): TaskStatus | undefined {
  const ordered = [...statuses].filter((s) => s.active).sort((a, b) => a.order - b.order || a.id - b.id);
  return ordered.find((s) => !s.frozen && !/clos|archiv|done|complet/i.test(s.name)) ?? ordered[0];
}

/** The account's default priority, else the middle one of the active priorities. */
export function defaultPriority(priorities: readonly TaskPriority[]): TaskPriority | undefined {
  const active = priorities.filter((p) => p.active);
  return active.find((p) => p.isDefault) ?? active[Math.floor((active.length - 1) / 2)];
}
