import * as vscode from 'vscode';
import { defuseLinks } from './untrustedText';

export type NotificationSeverity = 'error' | 'warning' | 'information';

/** Runs work in the background under a name (the extension's BackgroundWork). */
export interface WorkTracker {
  track<T>(label: string, work: Promise<T>): Promise<T>;
}

/** Notifications with buttons. */
export interface Notifier {
  /** Shows a notification and resolves to the button chosen (undefined when dismissed). */
  show(severity: NotificationSeverity, message: string, ...actions: string[]): Thenable<string | undefined>;
  /**
   * Shows a notification without holding the caller; the button chosen runs `followUp` as
   * background work named after the button. Resolves once the notification is answered and its
   * follow-up is over; a failed follow-up is logged, never thrown.
   */
  offer(severity: NotificationSeverity, message: string, actions: readonly string[], followUp: (choice: string) => unknown): Promise<void>;
}

/** Where a follow-up that failed is told. */
export interface FollowUpLog {
  warn(message: string): void;
}

/** VS Code's notifications. Messages quote service text (titles, the service's reasons): no link in them may work. */
export class WindowNotifier implements Notifier {
  constructor(
    private readonly work: WorkTracker,
    private readonly log: FollowUpLog,
  ) {}

  show(severity: NotificationSeverity, message: string, ...actions: string[]): Thenable<string | undefined> {
    switch (severity) {
      case 'error':
        return vscode.window.showErrorMessage(defuseLinks(message), ...actions);
      case 'warning':
        return vscode.window.showWarningMessage(defuseLinks(message), ...actions);
      default:
        return vscode.window.showInformationMessage(defuseLinks(message), ...actions);
    }
  }

  async offer(severity: NotificationSeverity, message: string, actions: readonly string[], followUp: (choice: string) => unknown): Promise<void> {
    const choice = await this.show(severity, message, ...actions);
    if (choice === undefined) {
      return;
    }
    try {
      await this.work.track(choice, Promise.resolve().then(() => followUp(choice)));
    } catch (error) {
      this.log.warn(`${choice} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
