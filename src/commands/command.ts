import * as vscode from 'vscode';
import type { Notifier } from '../common/notifier';
import { checkArguments, type ArgumentSpec } from './args';

/** One contributed command: its id from package.json and what it does. */
export interface Command {
  readonly id: string;
  /**
   * The keys of the argument object the command reads and what each must hold (see `args.ts`).
   * A value that does not fit is refused before `execute` runs; the others reach it normalised
   * (ids as numbers).
   */
  readonly arguments?: ArgumentSpec;
  execute(...args: unknown[]): unknown;
}

/** Runs a command as VS Code does: its argument object checked first, a refusal shown. */
export function runCommand(command: Command, args: unknown[], notifier: Pick<Notifier, 'show'>): unknown {
  if (!command.arguments) {
    return command.execute(...args);
  }
  const checked = checkArguments(command.id, command.arguments, args[0]);
  if (!checked.ok) {
    // A keybinding or a task has nowhere else to show it.
    void notifier.show('error', checked.refusal.message);
    return checked.refusal;
  }
  return command.execute(checked.arg, ...args.slice(1));
}

/**
 * Registers the commands `ids` with VS Code. The table is made (and its file loaded) the first time
 * one of them runs, so a start pays for the commands' code only once it is used.
 */
export function registerCommands(ids: readonly string[], table: () => readonly Command[], notifier: Pick<Notifier, 'show'>): vscode.Disposable {
  let byId: ReadonlyMap<string, Command> | undefined;
  const command = (id: string): Command => {
    byId ??= new Map(table().map((each) => [each.id, each]));
    const found = byId.get(id);
    if (!found) {
      // l10n-ignore: a programming error (a contributed id missing from the table), not shown to a reader
      throw new Error(`The command table has no ${id}.`);
    }
    return found;
  };
  return vscode.Disposable.from(...ids.map((id) => vscode.commands.registerCommand(id, (...args: unknown[]) => runCommand(command(id), args, notifier))));
}
