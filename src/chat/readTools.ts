import * as l10n from '@vscode/l10n';
import type { Task } from '../api/types';
import { foldText, queryWords, searchItems, searchKey } from '../tasks/taskSearch';
import { buildReport, type GroupTotals } from '../timeReport/reportModel';
import { matchTask, resolveRange, taskReference } from './chatResolution';
import type { ChatToolDependencies, ChatToolSpec } from './chatTool';
import { oneLine, taskLine, userContent } from './chatText';

/** At most this many tasks are listed; the answer says how many more match. */
export const MAX_FOUND_TASKS = 20;

export interface FindTasksInput {
  readonly query?: unknown;
  readonly project?: unknown;
  readonly client?: unknown;
}

function holdsWords(text: string | null, words: unknown): boolean {
  return typeof words !== 'string' || queryWords(words).every((word) => foldText(text ?? '').includes(word));
}

/** The open tasks the input asks for, as Find Task finds them (a `#number` finds that task). */
export function findOpenTasks(tasks: readonly Task[], input: FindTasksInput): Task[] {
  const scoped = tasks.filter((task) => holdsWords(task.project, input.project) && holdsWords(task.client, input.client));
  const query = typeof input.query === 'string' ? input.query.trim() : '';
  const reference = taskReference(query);
  if (reference.ok && reference.value.kind === 'localId') {
    const match = matchTask(reference.value, scoped);
    return match.ok ? [match.task] : [];
  }
  return searchItems(scoped, (task) => searchKey(task.title, task.localId != null ? `#${task.localId}` : undefined, task.project, task.client), query);
}

export function findTasksTool(deps: ChatToolDependencies): ChatToolSpec<FindTasksInput> {
  return {
    kind: 'read',
    async answer(input) {
      const found = findOpenTasks(await deps.catalog.openTasks(), input);
      if (found.length === 0) {
        return l10n.t('No open task matches. Try fewer or other words; closed tasks are not searched.');
      }
      const shown = found.slice(0, MAX_FOUND_TASKS);
      const more = found.length > shown.length ? `\n${l10n.t('{0} more tasks match; give more words, a project or a client to narrow the search.', found.length - shown.length)}` : '';
      return `${l10n.t('{0} open tasks match (id, #number, title, project, client, status):', found.length)}\n${userContent(shown.map(taskLine))}${more}`;
    },
  };
}

export interface MyTimeInput {
  readonly from?: unknown;
  readonly to?: unknown;
}

const hours = (value: number): string => value.toFixed(2);

function groupLine(group: GroupTotals): string {
  return `${oneLine(group.name)}: ${hours(group.hours)} h`;
}

export function myTimeTool(_deps: ChatToolDependencies): ChatToolSpec<MyTimeInput> {
  return {
    kind: 'read',
    async answer(input, context) {
      const range = resolveRange(input.from, input.to, context.today);
      if (!range.ok) {
        return range.message;
      }
      const { start, end } = range.value;
      const entries = await context.api.listAllTime({ personId: context.account.personId, dateBegin: start, dateEnd: end });
      const report = buildReport(entries, range.value, { id: context.account.personId, name: context.account.name });
      const head = l10n.t('Time of the signed-in person from {0} to {1}: {2} h in {3} entries ({4} h billable).', start, end, hours(report.totals.hours), report.entryCount, hours(report.totals.billable));
      if (report.entryCount === 0) {
        return head;
      }
      const days = report.days.filter((day) => day.hours > 0).map((day) => `${day.date}: ${hours(day.hours)} h`);
      const lines = [
        l10n.t('By day:'),
        ...days,
        l10n.t('By project:'),
        ...report.projects.map(groupLine),
        l10n.t('Entries (id | date | hours | task | project | work type | billable | description):'),
        ...report.entries.map((entry) =>
          [entry.id, entry.date, hours(entry.time), oneLine(entry.task), oneLine(entry.project), oneLine(entry.workType), entry.billable ? l10n.t('billable') : l10n.t('not billable'), oneLine(entry.description)].join(' | '),
        ),
      ];
      return `${head}\n${userContent(lines)}`;
    },
  };
}
