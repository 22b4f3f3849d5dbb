import * as vscode from 'vscode';
import type { Settings } from '../common/settings';
import type { AccountSession } from './accountSession';
import { defuseLinks } from '../common/untrustedText';

/** A token belongs to one server: changing `intervals.apiUrl` while signed in signs out. */
export function watchApiUrl(settings: Settings, session: AccountSession): vscode.Disposable {
  return settings.onDidChange((affects) => {
    if (!affects('intervals.apiUrl')) {
      return;
    }
    const state = session.state;
    if (!state.signedIn || sameServer(state.account.apiUrl, settings.apiUrl)) {
      return;
    }
    void session.signOut('the API address changed').then(async () => {
      const choice = await vscode.window.showInformationMessage(
        defuseLinks(`The Intervals API address is now ${settings.apiUrl}, so you were signed out. Sign in with a token for that server.`),
        'Sign In',
      );
      if (choice) {
        await vscode.commands.executeCommand('intervals.signIn');
      }
    });
  });
}

export function sameServer(a: string, b: string): boolean {
  const norm = (url: string) => url.trim().replace(/\/+$/, '').toLowerCase();
  return norm(a) === norm(b);
}
