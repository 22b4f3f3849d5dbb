import * as vscode from 'vscode';
import type { ProxySettings } from '../connection/proxyDispatcher';
import type { ReminderSettings } from '../reminders/reminderPolicy';

export const DEFAULT_API_URL = 'https://api.myintervals.com/';

/** Typed read access to the `intervals.*` settings; the defaults mirror package.json. */
export class Settings {
  private get config(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration('intervals');
  }

  get apiUrl(): string {
    return this.config.get<string>('apiUrl', DEFAULT_API_URL).trim() || DEFAULT_API_URL;
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

  /** VS Code's own proxy settings, which the HTTP client honours before the environment's. */
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

  onDidChange(listener: (affects: (section: string) => boolean) => void): vscode.Disposable {
    return vscode.workspace.onDidChangeConfiguration((event) => {
      listener((section) => event.affectsConfiguration(section));
    });
  }
}
