import * as vscode from 'vscode';
import { isIntervalsError } from '../api/errors';
import type { Logger } from './logger';
import { defuseLinks } from './untrustedText';

export interface ReportOptions {
  /** Offered as a "Retry" button when the failure is one that a retry may fix. */
  retry?: () => unknown;
}

/**
 * Tells the user that `action` (e.g. "log time") failed, in words that say what to do, and logs
 * the details. A 401 is not shown here: the account session already signed out and offered to
 * sign in again. A cancelled request is silent.
 */
export async function reportError(log: Logger, action: string, error: unknown, options: ReportOptions = {}): Promise<void> {
  log.error(`Could not ${action}: ${error instanceof Error ? error.message : String(error)}`);
  if (isIntervalsError(error) && (error.kind === 'unauthorized' || error.kind === 'cancelled')) {
    return;
  }
  const reason = error instanceof Error ? error.message : String(error);
  const retryable =
    options.retry !== undefined &&
    (!isIntervalsError(error) || ['network', 'timeout', 'server', 'rateLimited'].includes(error.kind));
  const buttons = retryable ? ['Retry', 'Show Log'] : ['Show Log'];
  const choice = await vscode.window.showErrorMessage(defuseLinks(`Could not ${action}. ${reason}`), ...buttons);
  if (choice === 'Retry') {
    await options.retry?.();
  } else if (choice === 'Show Log') {
    log.show();
  }
}
