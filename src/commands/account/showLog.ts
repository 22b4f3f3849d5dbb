import type * as vscode from 'vscode';
import type { Command } from '../command';

/** `intervals.showLog`: reveals the Intervals output channel, where requests and errors are logged. */
export function showLogCommand(channel: vscode.LogOutputChannel): Command {
  return {
    id: 'intervals.showLog',
    execute(): void {
      // Keep the focus where the user is: the log is something to glance at, not to type into.
      channel.show(true);
    },
  };
}
