import * as l10n from '@vscode/l10n';
import { isIntervalsError } from '../api/errors';
import type { Logger } from './logger';
import type { Notifier } from './notifier';

export interface ReportOptions {
  /** Offered as a "Retry" button when the failure is one that a retry may fix. */
  retry?: () => unknown;
}

/**
 * Tells the user that an action failed, in words that say what to do, and logs the details. A
 * 401 is not shown here: the account session already signed out and offered to sign in again. A
 * cancelled request is silent.
 */
export class ErrorReporter {
  constructor(private readonly notifier: Notifier) {}

  /** `failure` is the whole sentence (`l10n.t('Could not log time')`); resolves once the notification is answered. */
  async reportFailure(log: Pick<Logger, 'error' | 'show'>, failure: string, error: unknown, options: ReportOptions = {}): Promise<void> {
    const reason = error instanceof Error ? error.message : String(error);
    log.error(`${failure}: ${reason}`);
    if (isIntervalsError(error) && (error.kind === 'unauthorized' || error.kind === 'cancelled')) {
      return;
    }
    const retryable =
      options.retry !== undefined && (!isIntervalsError(error) || ['network', 'timeout', 'server', 'rateLimited'].includes(error.kind));
    const retry = l10n.t('Retry');
    const showLog = l10n.t('Show Log');
    const buttons = retryable ? [retry, showLog] : [showLog];
    await this.notifier.offer('error', `${failure}. ${reason}`, buttons, (choice) => (choice === retry ? options.retry?.() : log.show()));
  }
}
