import * as vscode from 'vscode';
import type { Event } from './events';

/**
 * What the window tells about the person in front of it: focus, edits and touches. The timers'
 * idle detection and poll, the reminders and the time log listen here rather than to VS Code.
 */
export interface WorkbenchEvents {
  readonly focused: boolean;
  readonly onDidChangeFocus: Event<boolean>;
  /** A document's text changed; the value is its URI scheme (`file`, `untitled`, `output`…). */
  readonly onDidEditDocument: Event<string>;
  /** A selection moved or a terminal was used: someone is at the window. */
  readonly onDidTouch: Event<void>;
}

/** The workbench of this VS Code window. */
export class WindowEvents implements WorkbenchEvents {
  get focused(): boolean {
    return vscode.window.state.focused;
  }

  /**
   * Fires when the window gains or loses focus. VS Code's window state event also fires when the
   * window turns inactive after a short time without input (`active`), focus unchanged: that is
   * no return to the window, and must not poll, sync or end an idle spell.
   */
  readonly onDidChangeFocus: Event<boolean> = (listener) => {
    let focused = vscode.window.state.focused;
    return vscode.window.onDidChangeWindowState((state) => {
      if (state.focused !== focused) {
        focused = state.focused;
        listener(focused);
      }
    });
  };

  readonly onDidEditDocument: Event<string> = (listener) =>
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) {
        listener(event.document.uri.scheme);
      }
    });

  readonly onDidTouch: Event<void> = (listener) =>
    vscode.Disposable.from(
      vscode.window.onDidChangeTextEditorSelection(() => listener()),
      vscode.window.onDidChangeActiveTerminal(() => listener()),
      vscode.window.onDidChangeTerminalState(() => listener()),
    );
}
