import type { Project, ProjectInput, Task, TaskInput } from '../api/types';
import { parseUtcTimestamp } from '../time/timestamps';

/**
 * How much earlier than the unanswered attempt a task it made may be stamped. Intervals may stamp
 * `datecreated` in the account's time zone rather than UTC (up to 14 hours apart), and this
 * computer's clock may differ from the service's.
 */
export const CREATED_STAMP_SLACK_MS = 15 * 60 * 60_000;

/**
 * The task an unanswered `POST /task/` of `input`, sent at `sentAt`, made: among `candidates` (the
 * project's tasks with that title), one with the same project, title, open date, owner and module,
 * created since the attempt. The newest when there are several; undefined when none.
 */
export function taskMadeBy(input: TaskInput, sentAt: Date, candidates: readonly Task[]): Task | undefined {
  return newest(
    candidates.filter(
      (task) =>
        task.projectId === input.projectId &&
        task.title.trim() === input.title.trim() &&
        task.dateOpen === input.dateOpen &&
        task.ownerId === input.ownerId &&
        (task.moduleId ?? null) === (input.moduleId ?? null) &&
        createdSince(task.dateCreated, sentAt),
    ),
  );
}

/**
 * The project an unanswered `POST /project/` of `input` made: same name, client and start date.
 * Projects carry no creation stamp, so the newest such project is taken.
 */
export function projectMadeBy(input: ProjectInput, candidates: readonly Project[]): Project | undefined {
  return newest(
    candidates.filter(
      (project) =>
        project.name.trim() === input.name.trim() &&
        (project.clientId ?? null) === (input.clientId ?? null) &&
        project.dateStart === input.dateStart,
    ),
  );
}

/** A day alone stands for its last moment; a stamp that cannot be read rules nothing out. */
function createdSince(stamp: string | null, sentAt: Date): boolean {
  const earliest = sentAt.getTime() - CREATED_STAMP_SLACK_MS;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec((stamp ?? '').trim());
  if (day) {
    return Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]) + 1) > earliest;
  }
  try {
    const created = parseUtcTimestamp(stamp);
    return created === null || created.getTime() >= earliest;
  } catch {
    return true;
  }
}

function newest<T extends { id: number }>(items: readonly T[]): T | undefined {
  return items.reduce<T | undefined>((best, item) => (best === undefined || item.id > best.id ? item : best), undefined);
}
