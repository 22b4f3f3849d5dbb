import * as l10n from '@vscode/l10n';
import type { IntervalsClient } from '../api/client';
import type { Notifier } from '../common/notifier';

/**
 * The API client for a command that needs an account. Signed out, it offers to sign in first
 * (a notification with a "Sign In" button, never a modal) and carries on when that succeeds;
 * undefined when the user declines, and the command then does nothing.
 */
export class AccountGuard {
  constructor(
    private readonly session: { readonly client: IntervalsClient | undefined },
    private readonly notifier: Notifier,
    /** Runs Sign In (its token prompt); resolves once it is over. */
    private readonly signIn: () => PromiseLike<unknown>,
  ) {}

  /** `askToSignIn` is the whole sentence shown when signed out (`l10n.t('Sign in to Intervals to log time.')`). */
  async clientAsking(askToSignIn: string): Promise<IntervalsClient | undefined> {
    const current = this.session.client;
    if (current) {
      return current;
    }
    const signIn = l10n.t('Sign In');
    const choice = await this.notifier.show('information', askToSignIn, signIn);
    if (choice !== signIn) {
      return undefined;
    }
    await this.signIn();
    return this.session.client;
  }
}
