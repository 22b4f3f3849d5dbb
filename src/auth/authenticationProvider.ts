import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import type { AccountSession } from './accountSession';

export const AUTH_PROVIDER_ID = 'intervals';

/**
 * Shows the Intervals account in VS Code's Accounts menu and lets other extensions ask for it
 * through `vscode.authentication.getSession('intervals', [])` (VS Code asks the user first).
 */
export class IntervalsAuthenticationProvider extends Disposable implements vscode.AuthenticationProvider {
  private readonly changed = this.register(
    new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>(),
  );
  readonly onDidChangeSessions = this.changed.event;
  private last: vscode.AuthenticationSession | undefined;

  constructor(
    private readonly session: AccountSession,
    private readonly promptSignIn: () => Promise<boolean>,
  ) {
    super();
    this.last = this.current();
    this.register(
      session.onDidChange(() => {
        const next = this.current();
        const before = this.last;
        this.last = next;
        if (before?.id === next?.id && before?.accessToken === next?.accessToken) {
          return;
        }
        this.changed.fire({
          added: next && !before ? [next] : [],
          removed: before && !next ? [before] : [],
          changed: before && next ? [next] : [],
        });
      }),
    );
    // l10n-ignore: the product's name
    this.register(vscode.authentication.registerAuthenticationProvider(AUTH_PROVIDER_ID, 'Intervals', this));
  }

  /** The one Intervals session, whatever the scopes: a token grants everything its person may do. */
  async getSessions(_scopes?: readonly string[]): Promise<vscode.AuthenticationSession[]> {
    await this.session.restore();
    const current = this.current();
    return current ? [current] : [];
  }

  async createSession(_scopes: readonly string[]): Promise<vscode.AuthenticationSession> {
    if (!this.current() && !(await this.promptSignIn())) {
      throw new Error(l10n.t('Sign-in to Intervals was cancelled.'));
    }
    const current = this.current();
    if (!current) {
      throw new Error(l10n.t('Sign-in to Intervals did not complete.'));
    }
    return current;
  }

  async removeSession(sessionId: string): Promise<void> {
    // A stale id (the account changed in another window meanwhile) must not sign out the new one.
    if (this.current()?.id !== sessionId) {
      return;
    }
    // l10n-ignore: log line
    await this.session.signOut('signed out from the Accounts menu');
  }

  private current(): vscode.AuthenticationSession | undefined {
    const state = this.session.state;
    const token = this.session.token;
    if (!state.signedIn || !token) {
      return undefined;
    }
    return {
      id: `intervals-${state.account.personId}`,
      accessToken: token,
      account: { id: String(state.account.personId), label: state.account.name },
      scopes: [],
    };
  }
}
