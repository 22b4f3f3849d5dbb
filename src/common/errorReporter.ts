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

  /** `action` as the user would say it ("log time"); resolves once the notification is answered. */
  async report(log: Pick<Logger, 'error' | 'show'>, action: string, error: unknown, options: ReportOptions = {}): Promise<void> {
    log.error(`Could not ${action}: ${error instanceof Error ? error.message : String(error)}`);
    if (isIntervalsError(error) && (error.kind === 'unauthorized' || error.kind === 'cancelled')) {
      return;
    }
    const reason = error instanceof Error ? error.message : String(error);
    const retryable =
      options.retry !== undefined && (!isIntervalsError(error) || ['network', 'timeout', 'server', 'rateLimited'].includes(error.kind));
    const buttons = retryable ? ['Retry', 'Show Log'] : ['Show Log'];
    await this.notifier.offer('error', `Could not ${action}. ${reason}`, buttons, (choice) => (choice === 'Retry' ? options.retry?.() : log.show()));
  }
}
