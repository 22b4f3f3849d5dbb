import * as vscode from 'vscode';
import { DEFAULT_BASE_URL } from '../api/baseUrl';
import { isHourFormat, isTimeRounding, isTimeRoundingMode, type HourFormat, type TimeRounding, type TimeRoundingMode } from '../time/duration';

/** VS Code's own proxy settings, which the HTTP client honours before the environment's. */
export interface ProxySettings {
  /** VS Code's `http.proxy`, which wins over the environment. */
  url?: string;
  /** VS Code's `http.proxyStrictSSL`. */
  strictSSL: boolean;
  /** VS Code's `http.noProxy`: hosts reached directly; the environment's NO_PROXY when empty. */
  noProxy?: readonly string[];
}

export interface ReminderSettings {
  readonly enabled: boolean;
  readonly dailyTargetHours: number;
  /** `HH:MM` */
  readonly workdayStart: string;
  /** `HH:MM` */
  readonly workdayEnd: string;
  /** Minutes of editing with no timer running before the offer to start one. */
  readonly editingMinutes: number;
}

export interface RoundingSettings {
  readonly rounding: TimeRounding;
  readonly mode: TimeRoundingMode;
}

/** What a switch to a branch that names a task does: nothing, ask, or start the timer. */
export type BranchTimerMode = 'off' | 'ask' | 'auto';

/** Tells whether a settings change touches `section` (e.g. `intervals.idleMinutes`). */
export type AffectsSetting = (section: string) => boolean;

/**
 * Typed read access to every `intervals.*` setting (and the `http.*` proxy settings); the
 * defaults mirror package.json. Read where used, so a change applies to the next use.
 */
export class Settings {
  private get config(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration('intervals');
  }

  get apiUrl(): string {
    return this.config.get<string>('apiUrl', DEFAULT_BASE_URL).trim() || DEFAULT_BASE_URL;
  }

  get requestTimeoutMs(): number {
    const seconds = this.config.get<number>('requestTimeoutSeconds', 30);
    return Math.min(300, Math.max(5, Number.isFinite(seconds) ? seconds : 30)) * 1000;
  }

  /** The request budget of all windows together; 0: not counted. */
  get requestsPerMinute(): number {
    const value = this.config.get<number>('requestsPerMinute', 90);
    return Number.isFinite(value) ? Math.min(100, Math.max(0, Math.floor(value))) : 90;
  }

  get proxy(): ProxySettings {
    const http = vscode.workspace.getConfiguration('http');
    const url = http.get<string>('proxy')?.trim();
    const noProxy = http.get<string[]>('noProxy', []).filter((host) => typeof host === 'string' && host.trim() !== '');
    return { url: url || undefined, strictSSL: http.get<boolean>('proxyStrictSSL', true), noProxy };
  }

  get reminders(): ReminderSettings {
    const config = this.config;
    const number = (key: string, fallback: number): number => {
      const value = config.get<number>(key, fallback);
      return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
    };
    return {
      enabled: config.get<boolean>('reminders', false) === true,
      dailyTargetHours: Math.min(24, Math.max(0, number('dailyTargetHours', 8))),
      workdayStart: config.get<string>('workdayStart', '09:00'),
      workdayEnd: config.get<string>('workdayEnd', '17:30'),
      editingMinutes: Math.min(240, Math.max(1, number('reminderEditingMinutes', 15))),
    };
  }

  /** The account's web address as the user stated it (`intervals.webUrl`), '' when not yet. */
  get webUrl(): string {
    return this.config.get<string>('webUrl', '').trim();
  }

  async setWebUrl(url: string): Promise<void> {
    await this.config.update('webUrl', url, vscode.ConfigurationTarget.Global);
  }

  /** How long the task tree keeps a loaded list, in milliseconds. */
  get tasksCacheMs(): number {
    const minutes = this.config.get<number>('tasks.cacheMinutes', 5);
    return Math.min(120, Math.max(0, typeof minutes === 'number' && Number.isFinite(minutes) ? minutes : 5)) * 60_000;
  }

  get tasksShowModules(): boolean {
    return this.config.get<boolean>('tasks.showModules', false) === true;
  }

  /** Whether VS Code's chat may use the Intervals tools (`intervals.chatTools`). */
  get chatTools(): boolean {
    return this.config.get<boolean>('chatTools', true);
  }

  get allowMultipleTimers(): boolean {
    return this.config.get<boolean>('allowMultipleTimers', false);
  }

  /** Hours after which a running timer shows in the warning colour; 0: never. */
  get timerWarningHours(): number {
    return this.config.get<number>('timerWarningHours', 8);
  }

  /** As set; `idleThresholdMs` (timer/idleTracker.ts) turns it into a threshold, 0 or nonsense: off. */
  get idleMinutes(): unknown {
    return this.config.get<number>('idleMinutes', 10);
  }

  get timerPollSeconds(): number {
    return this.config.get<number>('timerPollSeconds', 60);
  }

  /** The rounding of logged durations (`intervals.timeRounding`, `intervals.timeRoundingMode`). */
  get rounding(): RoundingSettings {
    const rounding = this.config.get<unknown>('timeRounding');
    const mode = this.config.get<unknown>('timeRoundingMode');
    return { rounding: isTimeRounding(rounding) ? rounding : 'none', mode: isTimeRoundingMode(mode) ? mode : 'nearest' };
  }

  /** How amounts of time are written (`intervals.hourFormat`). */
  get hourFormat(): HourFormat {
    const format = this.config.get<unknown>('hourFormat');
    return isHourFormat(format) ? format : 'hoursMinutes';
  }

  /** `intervals.branchTemplate`: how Start Work names a task's branch. */
  get branchTemplate(): string {
    return this.config.get<string>('branchTemplate', '{localid}-{slug}');
  }

  /** `intervals.branchTaskPattern`: the regular expression that finds the task number in a branch name ('' = the default). */
  get branchTaskPattern(): string {
    return this.config.get<string>('branchTaskPattern', '');
  }

  /** `intervals.startWorkStatus`: the status Start Work sets ('' = leave it). */
  get startWorkStatus(): string {
    return this.config.get<string>('startWorkStatus', '').trim();
  }

  /** `intervals.branchTimer`: what a switch to a task's branch does to the timer. */
  get branchTimer(): BranchTimerMode {
    const value = this.config.get<string>('branchTimer', 'ask');
    return value === 'off' || value === 'auto' ? value : 'ask';
  }

  async setBranchTimer(mode: BranchTimerMode): Promise<void> {
    await this.config.update('branchTimer', mode, vscode.ConfigurationTarget.Global);
  }

  get branchTimerPauseOnOther(): boolean {
    return this.config.get<boolean>('branchTimerPauseOnOther', false) === true;
  }

  /** `intervals.commitMessageTask`: where a switch puts `#1234` in an empty commit message. */
  get commitMessageTask(): 'off' | 'prefix' | 'suffix' {
    const value = this.config.get<string>('commitMessageTask', 'off');
    return value === 'prefix' || value === 'suffix' ? value : 'off';
  }

  /** `intervals.defaultProject` of a folder (or of the workspace): the project id linked to it. */
  defaultProject(folder?: vscode.Uri): number | undefined {
    const value = vscode.workspace.getConfiguration('intervals', folder ?? null).get<unknown>('defaultProject');
    return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
  }

  onDidChange(listener: (affects: AffectsSetting) => void): vscode.Disposable {
    return vscode.workspace.onDidChangeConfiguration((event) => {
      listener((section) => event.affectsConfiguration(section));
    });
  }
}
