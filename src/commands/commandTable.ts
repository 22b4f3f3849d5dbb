import * as vscode from 'vscode';

/** One contributed command: its id from package.json and what it does. */
export interface Command {
  readonly id: string;
  execute(...args: unknown[]): unknown;
}

export function registerCommands(commands: readonly Command[]): vscode.Disposable {
  return vscode.Disposable.from(
    ...commands.map((command) => vscode.commands.registerCommand(command.id, (...args: unknown[]) => command.execute(...args))),
  );
}

/** The argument object of a command, when it was given one (a tree node or `{ ... }`). */
export function argumentObject(arg: unknown): Record<string, unknown> | undefined {
  return arg !== null && typeof arg === 'object' && !Array.isArray(arg) ? (arg as Record<string, unknown>) : undefined;
}
