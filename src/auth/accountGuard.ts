import type { IntervalsClient } from '../api/client';
import type { Notifier } from '../common/notifier';

export const SIGN_IN_ACTION = 'Sign In';

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

  async client(purpose: string): Promise<IntervalsClient | undefined> {
    const current = this.session.client;
    if (current) {
      return current;
    }
    const choice = await this.notifier.show('information', `Sign in to Intervals to ${purpose}.`, SIGN_IN_ACTION);
    if (choice !== SIGN_IN_ACTION) {
      return undefined;
    }
    await this.signIn();
    return this.session.client;
  }
}
