import * as vscode from 'vscode';
import type { IntervalsClient } from '../api/client';
import type { AccountSession } from '../auth/accountSession';
import { notify } from './notifications';

export const SIGN_IN_ACTION = 'Sign In';

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
  const choice = await notify('information', `Sign in to Intervals to ${purpose}.`, SIGN_IN_ACTION);
  if (choice !== SIGN_IN_ACTION) {
    return undefined;
  }
  await vscode.commands.executeCommand('intervals.signIn');
  return session.client;
}
