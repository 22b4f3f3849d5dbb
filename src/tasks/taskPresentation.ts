import * as l10n from '@vscode/l10n';
import type { Task } from '../api/types';
import { escapeMarkdown } from '../common/untrustedText';

/** How a task looks in the tree and in pickers; plain data, turned into VS Code objects by the view. */
export interface TaskLook {
  /** `#1002 · In Progress · due 2026-03-14` */
  readonly description: string;
  /** A codicon id. */
  readonly icon: string;
  /** A theme colour id, when the icon has one. */
  readonly color: string | undefined;
  /** Read by screen readers instead of the label and description. */
  readonly accessibleLabel: string;
  readonly overdue: boolean;
  readonly closed: boolean;
}

export interface TaskLookContext {
  /** `YYYY-MM-DD`, the user's today, for overdue. */
  readonly today: string;
  /** The user's timer on this task runs. */
  readonly running: boolean;
  /** The user has a paused timer on this task. */
  readonly paused?: boolean;
}

/** Intervals reports closing through `dateclosed`; status names are the account's own words. */
export function isClosed(task: Pick<Task, 'dateClosed'>): boolean {
  return task.dateClosed !== null && task.dateClosed !== '';
}

/** Open, with a due date before today. */
export function isOverdue(task: Pick<Task, 'dateClosed' | 'dateDue'>, today: string): boolean {
  return !isClosed(task) && task.dateDue !== null && task.dateDue !== '' && task.dateDue < today;
}

export function taskLook(task: Task, context: TaskLookContext): TaskLook {
  const closed = isClosed(task);
  const overdue = isOverdue(task, context.today);
  const parts: string[] = [];
  if (task.localId !== null) {
    parts.push(`#${task.localId}`);
  }
  if (task.status) {
    parts.push(oneLine(task.status));
  }
  // Said in words too, not by the icon's colour alone (high-contrast themes, colour blindness).
  if (task.priority && isMarkedPriority(task.priority)) {
    parts.push(l10n.t('{0} priority', oneLine(task.priority)));
  }
  if (task.dateDue) {
    parts.push(overdue ? l10n.t('overdue since {0}', task.dateDue) : l10n.t('due {0}', task.dateDue));
  }
  const timer = context.running ? l10n.t('timer running') : context.paused ? l10n.t('timer paused') : undefined;
  if (timer) {
    parts.push(timer);
  }
  const { icon, color } = taskIcon(task, { closed, overdue, running: context.running, paused: context.paused === true });
  const spoken = [
    task.localId !== null ? l10n.t('Task {0} {1}', task.localId, oneLine(task.title)) : l10n.t('Task {0}', oneLine(task.title)),
    task.status ? l10n.t('status {0}', oneLine(task.status)) : undefined,
    task.priority ? l10n.t('priority {0}', oneLine(task.priority)) : undefined,
    task.dateDue ? (overdue ? l10n.t('overdue, was due {0}', task.dateDue) : l10n.t('due {0}', task.dateDue)) : undefined,
    timer,
  ].filter((part): part is string => part !== undefined);
  return { description: parts.join(' · '), icon, color, accessibleLabel: spoken.join(', '), overdue, closed };
}

/**
 * The icon says the state the user acts on first: a running timer, then closed, then overdue,
 * then the status kind; its colour says the priority. Status and priority names are the
 * account's own, so they are matched by the words Intervals' defaults use.
 */
export function taskIcon(
  task: Pick<Task, 'status' | 'priority'>,
  state: { closed: boolean; overdue: boolean; running: boolean; paused?: boolean },
): { icon: string; color: string | undefined } {
  if (state.running) {
    return { icon: 'play-circle', color: 'charts.green' };
  }
  if (state.paused) {
    return { icon: 'watch', color: 'charts.yellow' };
  }
  if (state.closed) {
    return { icon: 'pass', color: 'disabledForeground' };
  }
  const color = priorityColor(task.priority);
  if (state.overdue) {
    return { icon: 'warning', color: 'intervals.task.overdue' };
  }
  const status = (task.status ?? '').toLowerCase();
  if (/progress|doing|started|active/.test(status)) {
    return { icon: 'circle-large-filled', color };
  }
  if (/hold|wait|await|feedback|block|pending|paused/.test(status)) {
    return { icon: 'debug-pause', color };
  }
  return { icon: 'circle-large-outline', color };
}

/** A priority whose icon has its own colour, which the row also says in words. */
function isMarkedPriority(priority: string): boolean {
  const color = priorityColor(priority);
  return color === 'intervals.priority.critical' || color === 'intervals.priority.high';
}

/** The package's colours, with defaults of their own in high-contrast themes (see `contributes.colors`). */
function priorityColor(priority: string | null): string | undefined {
  const name = (priority ?? '').toLowerCase();
  if (/critical|urgent|highest|blocker/.test(name)) {
    return 'intervals.priority.critical';
  }
  if (/high/.test(name)) {
    return 'intervals.priority.high';
  }
  if (/low|someday|minor/.test(name)) {
    return 'descriptionForeground';
  }
  return undefined;
}

const DESCRIPTION_START = 280;

/**
 * Tooltip text as Markdown, naming what the row's icon shows (status, priority by its colour, the
 * timer), in which everything from the service is escaped, so a title such as
 * `**bold** [link](command:x)` shows those characters instead of formatting or a link. The view
 * wraps it in an untrusted MarkdownString without HTML support.
 */
export function taskTooltipMarkdown(task: Task, today: string, timer?: string): string {
  const lines = [`**${escapeMarkdown(taskHeading(task))}**`, ''];
  const row = (label: string, value: string | null | undefined): void => {
    if (value !== null && value !== undefined && value.trim() !== '') {
      lines.push(`${label}: ${escapeMarkdown(oneLine(value))}  `);
    }
  };
  row(l10n.t('Project'), task.project);
  row(l10n.t('Client'), task.client);
  row(l10n.t('Module'), task.module);
  row(l10n.t('Status'), task.status);
  row(l10n.t('Priority'), task.priority);
  row(l10n.t('Timer'), timer);
  row(l10n.t('Assignees'), task.assignees);
  if (task.dateDue) {
    row(l10n.t({ message: 'Due', comment: ['Tooltip row: the due date of a task'] }), isOverdue(task, today) ? l10n.t('{0} (overdue)', task.dateDue) : task.dateDue);
  }
  const description = plainText(task.description ?? '');
  if (description !== '') {
    const start = description.length > DESCRIPTION_START ? `${description.slice(0, DESCRIPTION_START).trimEnd()}…` : description;
    lines.push('', escapeMarkdown(start));
  }
  return lines.join('\n');
}

function taskHeading(task: Pick<Task, 'localId' | 'title'>): string {
  return task.localId === null ? oneLine(task.title) : `#${task.localId} ${oneLine(task.title)}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Intervals descriptions are HTML; this keeps their words only, on one line. */
export function plainText(html: string): string {
  const text = html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<br\s*\/?>|<\/(p|div|li|h\d)>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, entity: string) => {
      if (entity.startsWith('#x') || entity.startsWith('#X')) {
        return safeCodePoint(parseInt(entity.slice(2), 16)) ?? match;
      }
      if (entity.startsWith('#')) {
        return safeCodePoint(parseInt(entity.slice(1), 10)) ?? match;
      }
      return ENTITIES[entity.toLowerCase()] ?? match;
    });
  return oneLine(text);
}

function safeCodePoint(code: number): string | undefined {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}
