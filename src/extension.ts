import * as vscode from 'vscode';
import { registerCommands } from './commands/commandTable';
import { showLogCommand } from './commands/showLog';

/**
 * Composition root. VS Code calls this on the first use of a contributed view or command; it only
 * builds objects and registers them, so activation makes no network call.
 */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Intervals', { log: true });
  context.subscriptions.push(log);

  context.subscriptions.push(registerCommands([showLogCommand(log)]));
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
