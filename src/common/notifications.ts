import * as vscode from 'vscode';
import { defuseLinks } from './untrustedText';

export type NotificationSeverity = 'error' | 'warning' | 'information';

/** Shows a notification with buttons and resolves to the button chosen (undefined when dismissed). */
export type Notifier = (severity: NotificationSeverity, message: string, actions: readonly string[]) => Thenable<string | undefined>;

// Messages quote service text (task titles, the service's reasons): no link in it may work.
const shown: Notifier = (severity, message, actions) => {
  switch (severity) {
    case 'error':
      return vscode.window.showErrorMessage(defuseLinks(message), ...actions);
    case 'warning':
      return vscode.window.showWarningMessage(defuseLinks(message), ...actions);
    default:
      return vscode.window.showInformationMessage(defuseLinks(message), ...actions);
  }
};

let current: Notifier = shown;

/** A notification whose buttons the integration tests can answer (they cannot click one). */
export function notify(severity: NotificationSeverity, message: string, ...actions: string[]): Thenable<string | undefined> {
  return current(severity, message, actions);
}

/**
 * Replaces the notifications shown through `notify` with an answer, for the integration tests;
 * undefined puts them back. Test mode only.
 */
export function answerNotifications(replacement: Notifier | undefined): void {
  current = replacement ?? shown;
}
