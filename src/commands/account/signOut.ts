import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { AccountSession } from '../../auth/accountSession';
import type { Command } from '../command';

/** `intervals.signOut`: forgets the token and every cached account datum. */
export function signOutCommand(session: Pick<AccountSession, 'state' | 'signOut'>, clearCaches: () => Promise<void>): Command {
  return {
    id: 'intervals.signOut',
    async execute(): Promise<void> {
      const wasSignedIn = session.state.signedIn;
      await session.signOut();
      await clearCaches();
      if (wasSignedIn) {
        vscode.window.setStatusBarMessage(l10n.t('Signed out of Intervals'), 4000);
      }
    },
  };
}
