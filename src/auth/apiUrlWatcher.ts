import * as vscode from 'vscode';
import { sameServer } from '../api/baseUrl';
import type { Notifier } from '../common/notifier';
import type { AffectsSetting } from '../common/settings';
import type { SessionState } from './accountSession';

export interface ApiUrlWatcherOptions {
  readonly settings: { readonly apiUrl: string; onDidChange(listener: (affects: AffectsSetting) => void): vscode.Disposable };
  readonly session: { readonly state: SessionState; signOut(reason: string): Promise<void> };
  readonly notifier: Notifier;
}

/** A token belongs to one server: changing `intervals.apiUrl` while signed in signs out. */
export class ApiUrlWatcher implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;

  constructor({ settings, session, notifier }: ApiUrlWatcherOptions) {
    this.subscription = settings.onDidChange((affects) => {
      const state = session.state;
      if (!affects('intervals.apiUrl') || !state.signedIn || sameServer(state.account.apiUrl, settings.apiUrl)) {
        return;
      }
      void session.signOut('the API address changed').then(() =>
        notifier.offer(
          'information',
          `The Intervals API address is now ${settings.apiUrl}, so you were signed out. Sign in with a token for that server.`,
          ['Sign In'],
          () => vscode.commands.executeCommand('intervals.signIn'),
        ),
      );
    });
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
