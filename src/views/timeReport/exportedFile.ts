import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

function openLabel(): string {
  return l10n.t({ message: 'Open', comment: ['Button: opens the exported file'] });
}

/**
 * What can show a file just written: its folder in the system's file manager on a desktop whose
 * files are this machine's; otherwise (VS Code in a browser, a remote window) the Explorer view,
 * which shows only files of the workspace.
 */
function revealAction(uri: vscode.Uri): { label: string; command: string } | undefined {
  if (vscode.env.uiKind === vscode.UIKind.Desktop && vscode.env.remoteName === undefined && uri.scheme === 'file') {
    const label = process.platform === 'darwin' ? l10n.t('Reveal in Finder') : process.platform === 'win32' ? l10n.t('Reveal in File Explorer') : l10n.t('Open Containing Folder');
    return { label, command: 'revealFileInOS' };
  }
  return vscode.workspace.getWorkspaceFolder(uri) ? { label: l10n.t('Reveal in Explorer View'), command: 'revealInExplorer' } : undefined;
}

/** The buttons offered once a file is exported: Open, and Reveal where the file can be shown. */
export function exportedActions(uri: vscode.Uri): string[] {
  const reveal = revealAction(uri);
  return reveal ? [openLabel(), reveal.label] : [openLabel()];
}

/** Runs the button chosen among `exportedActions(uri)`. */
export async function openOrReveal(uri: vscode.Uri, choice: string): Promise<void> {
  if (choice === openLabel()) {
    await vscode.commands.executeCommand('vscode.open', uri);
    return;
  }
  const reveal = revealAction(uri);
  if (reveal && choice === reveal.label) {
    await vscode.commands.executeCommand(reveal.command, uri);
  }
}
