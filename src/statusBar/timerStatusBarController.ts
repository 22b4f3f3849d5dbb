import * as l10n from '@vscode/l10n';
import type { StatusItemView } from './statusItemView';
import { formatDurationAs, formatHoursMinutes, type HourFormat } from '../time/duration';
import { elapsedSeconds, isRunning } from '../timer/timerModel';
import type { TimerEntry } from '../timer/timerService';
import { escapeIcons } from '../common/untrustedText';
import type { BranchTask } from '../git/currentBranchTask';

/** Where the user works: the current branch's task and the project linked to the active folder. */
export interface WorkPlace {
  readonly branchTask?: BranchTask;
  readonly folderProject?: number;
}

/** What the timer's item shows; compared as a whole to skip redraws that change nothing. */
export type TimerStatusView = StatusItemView;

export const HIDDEN_VIEW: TimerStatusView = { visible: false, text: '', tooltip: '', accessibilityLabel: '', warning: false };

const TITLE_LENGTH = 24;

function shorten(title: string): string {
  const flat = title.replace(/\s+/g, ' ').trim();
  return flat.length > TITLE_LENGTH ? `${flat.slice(0, TITLE_LENGTH - 1)}…` : flat;
}

/** Which timer the item spoke of last, so a pause does not switch it to another paused timer. */
export interface FeaturedTimer {
  readonly key: string;
  readonly taskId: number | undefined;
}

/** The timer the item speaks of: the running one, else the one it spoke of last, else the first. */
export function featuredTimer(entries: readonly TimerEntry[], last?: FeaturedTimer): TimerEntry | undefined {
  return (
    entries.find((entry) => isRunning(entry.timer)) ??
    (last && (entries.find((entry) => entry.key === last.key) ?? entries.find((entry) => last.taskId !== undefined && entry.timer.taskId === last.taskId))) ??
    entries[0]
  );
}

/** Seconds as the item shows them: whole minutes, so the text and the tooltip tell the same time. */
function shownSeconds(seconds: number): number {
  return Math.floor(Math.max(0, seconds) / 60) * 60;
}

function taskNumber(task: TimerEntry['task']): string {
  return task?.localId != null ? `#${task.localId}` : task ? `#${task.id}` : '';
}

/** One line of the tooltip for each timer the text only counts. */
function otherLine(entry: TimerEntry, now: Date): string {
  const general = entry.timer.name ? l10n.t('General timer: {0}', entry.timer.name.replace(/\s+/g, ' ').trim()) : l10n.t('General timer');
  const name = entry.task ? `${taskNumber(entry.task)} ${entry.task.title.replace(/\s+/g, ' ').trim()}` : general;
  const time = formatHoursMinutes(elapsedSeconds(entry.timer, now));
  return isRunning(entry.timer) ? l10n.t('{0}: running, {1}', name, time) : l10n.t('{0}: paused, {1}', name, time);
}

/**
 * The item's content at `now`. The elapsed time shows hours and minutes: the item then changes
 * once a minute instead of every second, and minutes are what a time entry records.
 */
export function timerStatusView(
  entries: readonly TimerEntry[],
  now: Date,
  warningHours: number,
  format: HourFormat = 'hoursMinutes',
  last?: FeaturedTimer,
  place: WorkPlace = {},
): TimerStatusView {
  const entry = featuredTimer(entries, last);
  if (!entry) {
    return HIDDEN_VIEW;
  }
  const running = isRunning(entry.timer);
  const seconds = elapsedSeconds(entry.timer, now);
  const task = entry.task;
  const number = taskNumber(task);
  // The title is the service's text: `$(name)` in it must not be drawn as an icon.
  const title = task ? escapeIcons(shorten(task.title)) : entry.timer.name ? escapeIcons(shorten(entry.timer.name)) : l10n.t('General timer');
  const others = entries.filter((other) => other !== entry);
  const icon = running ? '$(clock)' : '$(debug-pause)';
  const clock = formatHoursMinutes(seconds);
  const text = `${icon} ${clock} ${number ? `${number} ` : ''}${title}${others.length > 0 ? ` +${others.length}` : ''}`;
  const spoken = formatDurationAs(shownSeconds(seconds), format);
  const lines = [
    task ? `${number} ${task.title}`.trim() : entry.timer.name ? l10n.t('General timer: {0}', entry.timer.name) : l10n.t('General timer'),
    ...(task?.project ? [l10n.t('Project: {0}', task.project)] : []),
    ...(task?.client ? [l10n.t('Client: {0}', task.client)] : []),
    stateLine(running, clock, spoken, entry.unsynced === true),
    ...placeLines(task, place),
    ...(others.length > 0 ? ['', othersHeading(others.length), ...others.map((other) => otherLine(other, now))] : []),
    l10n.t('Click for the timer menu'),
  ];
  const otherProject = running && isOtherProject(task, place);
  const warning = (running && warningHours > 0 && seconds >= warningHours * 3600) || otherProject;
  return {
    visible: true,
    text,
    tooltip: lines.join('\n'),
    accessibilityLabel: spokenState(running, spoken, task ? `${number} ${task.title}` : undefined, otherProject ? 'otherProject' : warning ? 'long' : undefined),
    warning,
  };
}

/** The tooltip's line on the featured timer's state. */
function stateLine(running: boolean, clock: string, spoken: string, unsynced: boolean): string {
  if (unsynced) {
    return running ? l10n.t('Running: {0} ({1}) (not yet saved to Intervals)', clock, spoken) : l10n.t('Paused: {0} ({1}) (not yet saved to Intervals)', clock, spoken);
  }
  return running ? l10n.t('Running: {0} ({1})', clock, spoken) : l10n.t('Paused: {0} ({1})', clock, spoken);
}

function othersHeading(count: number): string {
  return count === 1 ? l10n.t('1 other timer:') : l10n.t('{0} other timers:', count);
}

/** What a screen reader says for the item; `task` is its number and title, undefined for a general timer. */
function spokenState(running: boolean, spoken: string, task: string | undefined, warning: 'otherProject' | 'long' | undefined): string {
  const state =
    task === undefined
      ? running
        ? l10n.t('Timer running, {0}, general timer', spoken)
        : l10n.t('Timer paused, {0}, general timer', spoken)
      : running
        ? l10n.t('Timer running, {0}, task {1}', spoken, task)
        : l10n.t('Timer paused, {0}, task {1}', spoken, task);
  if (warning === 'otherProject') {
    return l10n.t('{0}, another project than this folder', state);
  }
  return warning === 'long' ? l10n.t('{0}, running longer than usual', state) : state;
}

/** A running timer on a task of another project than the one linked to the active folder. */
function isOtherProject(task: TimerEntry['task'], place: WorkPlace): boolean {
  return place.folderProject !== undefined && task?.projectId != null && task.projectId !== place.folderProject;
}

/** The tooltip's lines on the branch's task and the folder's project. */
function placeLines(task: TimerEntry['task'], place: WorkPlace): string[] {
  const branch = place.branchTask;
  const lines: string[] = [];
  if (branch) {
    const number = branch.localId !== null ? `#${branch.localId}` : `#${branch.taskId}`;
    lines.push(task?.id === branch.taskId ? l10n.t('Branch {0}: this task', branch.branch) : l10n.t('Branch {0}: {1} {2}', branch.branch, number, branch.title));
  }
  if (task && isOtherProject(task, place)) {
    lines.push(l10n.t('This folder is linked to another project'));
  }
  return lines;
}

/** Milliseconds until the text next changes (the next whole minute of a running timer). */
export function msUntilNextMinute(entries: readonly TimerEntry[], now: Date): number | undefined {
  const entry = entries.find((each) => isRunning(each.timer));
  if (!entry?.timer.startedAt) {
    return undefined;
  }
  const runMs = Math.max(0, now.getTime() - entry.timer.startedAt.getTime());
  const next = 60_000 - (runMs % 60_000);
  return next === 0 ? 60_000 : next;
}

export interface StatusBarSink {
  render(view: TimerStatusView): void;
}

export interface StatusBarScheduler {
  /** Calls `run` after `ms`; returns a cancel function. */
  schedule(ms: number, run: () => void): () => void;
}

export interface TimerStatusBarControllerOptions {
  sink: StatusBarSink;
  entries: () => readonly TimerEntry[];
  now: () => Date;
  warningHours: () => number;
  /** How the tooltip writes the time (`intervals.hourFormat`); hours and minutes without it. */
  hourFormat?: () => HourFormat;
  /** The current branch's task, marked in the tooltip. */
  branchTask?: () => BranchTask | undefined;
  /** The project linked to the active folder: a running timer of another project shows the warning colour. */
  folderProject?: () => number | undefined;
  scheduler: StatusBarScheduler;
}

/**
 * Owns the status bar item's content. Requests to update are coalesced into one redraw on the
 * next turn; a redraw reaches the item only when the view differs from the last one; and while
 * a timer runs one wake-up is armed for the next minute boundary, none while paused or hidden.
 */
export class TimerStatusBarController {
  private last: TimerStatusView | undefined;
  private cancelFlush: (() => void) | undefined;
  private cancelTick: (() => void) | undefined;
  private disposed = false;
  private featured: FeaturedTimer | undefined;
  /** How often the item was actually redrawn (for the benchmark and tests). */
  renders = 0;

  constructor(private readonly options: TimerStatusBarControllerOptions) {}

  get view(): TimerStatusView | undefined {
    return this.last;
  }

  /** Asks for a redraw soon; many requests in one turn give one redraw. */
  update(): void {
    if (this.disposed || this.cancelFlush) {
      return;
    }
    this.cancelFlush = this.options.scheduler.schedule(0, () => {
      this.cancelFlush = undefined;
      this.flush();
    });
  }

  /** Redraws now if the content changed, and arms the next wake-up. */
  flush(): void {
    if (this.disposed) {
      return;
    }
    const entries = this.options.entries();
    const now = this.options.now();
    const view = timerStatusView(entries, now, this.options.warningHours(), this.options.hourFormat?.(), this.featured, {
      branchTask: this.options.branchTask?.(),
      folderProject: this.options.folderProject?.(),
    });
    const shown = featuredTimer(entries, this.featured);
    this.featured = shown ? { key: shown.key, taskId: shown.timer.taskId } : undefined;
    if (!this.last || !sameView(this.last, view)) {
      this.last = view;
      this.renders++;
      this.options.sink.render(view);
    }
    this.cancelTick?.();
    this.cancelTick = undefined;
    const wait = msUntilNextMinute(entries, now);
    if (wait !== undefined) {
      this.cancelTick = this.options.scheduler.schedule(wait, () => {
        this.cancelTick = undefined;
        this.flush();
      });
    }
  }

  dispose(): void {
    this.disposed = true;
    this.cancelFlush?.();
    this.cancelTick?.();
  }
}

function sameView(a: TimerStatusView, b: TimerStatusView): boolean {
  return (
    a.visible === b.visible &&
    a.text === b.text &&
    a.tooltip === b.tooltip &&
    a.accessibilityLabel === b.accessibilityLabel &&
    a.warning === b.warning
  );
}
