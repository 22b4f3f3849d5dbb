import * as vscode from 'vscode';
import { notify } from '../common/notifications';
import { checkArguments, type ArgumentSpec } from './commandArguments';

/** One contributed command: its id from package.json and what it does. */
export interface Command {
  readonly id: string;
  /**
   * The keys of the argument object the command reads and what each must hold (see
   * `commandArguments.ts`). A value that does not fit is refused before `execute` runs; the
   * others reach it normalised (ids as numbers).
   */
  readonly arguments?: ArgumentSpec;
  execute(...args: unknown[]): unknown;
}

/** Runs a command as VS Code does: its argument object checked first. */
export function runCommand(command: Command, args: unknown[]): unknown {
  if (!command.arguments) {
    return command.execute(...args);
  }
  const checked = checkArguments(command.id, command.arguments, args[0]);
  if (!checked.ok) {
    // A keybinding or a task has nowhere else to show it.
    void notify('error', checked.refusal.message);
    return checked.refusal;
  }
  return command.execute(checked.arg, ...args.slice(1));
}

export function registerCommands(commands: readonly Command[]): vscode.Disposable {
  return vscode.Disposable.from(
    ...commands.map((command) => vscode.commands.registerCommand(command.id, (...args: unknown[]) => runCommand(command, args))),
  );
}

/** The argument object of a command, when it was given one (a tree node or `{ ... }`). */
export function argumentObject(arg: unknown): Record<string, unknown> | undefined {
  return arg !== null && typeof arg === 'object' && !Array.isArray(arg) ? (arg as Record<string, unknown>) : undefined;
}
