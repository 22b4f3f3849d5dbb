import * as l10n from '@vscode/l10n';
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
      // l10n-ignore: log line
      void session.signOut('the API address changed').then(() =>
        notifier.offer(
          'information',
          l10n.t('The Intervals API address is now {0}, so you were signed out. Sign in with a token for that server.', settings.apiUrl),
          [l10n.t('Sign In')],
          () => vscode.commands.executeCommand('intervals.signIn'),
        ),
      );
    });
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
