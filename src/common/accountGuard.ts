import * as vscode from 'vscode';
import type { IntervalsClient } from '../api/client';
import type { AccountSession } from '../auth/accountSession';
import { defuseLinks } from './untrustedText';

export const SIGN_IN_ACTION = 'Sign In';

/** Shows the offer to sign in and resolves to the button chosen (undefined when dismissed). */
export type SignInOffer = (message: string) => Thenable<string | undefined>;

const notification: SignInOffer = (message) => vscode.window.showInformationMessage(defuseLinks(message), SIGN_IN_ACTION);
let offer: SignInOffer = notification;

/**
 * Replaces the notification with an answer, for the integration tests (a notification cannot be
 * clicked from the extension host); undefined puts the notification back. Test mode only.
 */
export function answerSignInOffer(replacement: SignInOffer | undefined): void {
  offer = replacement ?? notification;
}

/**
 * The API client for a command that needs an account. Signed out, it offers to sign in first
 * (a notification with a "Sign In" button, never a modal) and carries on when that succeeds;
 * undefined when the user declines, and the command then does nothing.
 */
export async function clientOrSignIn(session: AccountSession, purpose: string): Promise<IntervalsClient | undefined> {
  const current = session.client;
  if (current) {
    return current;
  }
  const choice = await offer(`Sign in to Intervals to ${purpose}.`);
  if (choice !== SIGN_IN_ACTION) {
    return undefined;
  }
  await vscode.commands.executeCommand('intervals.signIn');
  return session.client;
}
