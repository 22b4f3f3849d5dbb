import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { isIntervalsError } from '../api/errors';
import type { Clock } from '../common/clock';
import type { ErrorReporter } from '../common/errorReporter';
import type { Logger } from '../common/logger';
import { defuseLinks } from '../common/untrustedText';

/** What a create or update command returns, for callers and tests. */
export type WriteResult<T> =
  | { status: 'done'; item: T }
  | { status: 'cancelled' }
  | { status: 'invalid'; message: string }
  | { status: 'failed'; message: string };

/** What sending a write needs: the log, the error notifications and the clock that stamps the attempt. */
export interface WriteContext {
  readonly log: Logger;
  readonly errors: ErrorReporter;
  readonly clock: Clock;
}

/** What loading the choices of a form needs: the log and the error notifications. */
export type LoadContext = Pick<WriteContext, 'log' | 'errors'>;

/** Argument key of a retried create: when an earlier attempt, whose outcome is unknown, was sent. */
export const EARLIER_ATTEMPT_KEY = 'earlierAttemptAt';

/**
 * How a failed write is run again from the error's Retry button: its command, with an argument
 * object that asks nothing (every answer already given).
 */
export interface WriteRetry {
  command: string;
  argument: Record<string, unknown>;
  /**
   * A create. When the failed attempt may have been applied (a timeout, a connection lost after
   * sending, the service's own 5xx), the retry is told when it was sent and looks for what it
   * made before sending it again.
   */
  creates?: boolean;
}

/** An argument that did not pass the checks the prompts would make: told, nothing sent. */
export function invalidArgument<T>(message: string): WriteResult<T> {
  void vscode.window.showErrorMessage(defuseLinks(message));
  return { status: 'invalid', message };
}

/**
 * Sends one write; a refusal or failure is shown with the service's reason and returned.
 * `failure` is the whole sentence that says what failed (`l10n.t('Could not update the task')`).
 * With `retry`, a failure that another try may fix offers Retry, which runs the command again.
 */
export async function sendWrite<T>(
  context: WriteContext,
  failure: string,
  write: () => Promise<T>,
  retry?: WriteRetry,
): Promise<WriteResult<T>> {
  const sentAt = context.clock.now();
  try {
    return { status: 'done', item: await write() };
  } catch (error) {
    const again = retry && { command: retry.command, argument: retryArgument(retry, error, sentAt) };
    void context.errors.reportFailure(context.log, failure, error, again ? { retry: () => vscode.commands.executeCommand(again.command, again.argument) } : {});
    const message = error instanceof Error ? error.message : String(error);
    return { status: isIntervalsError(error) && error.kind === 'cancelled' ? 'cancelled' : 'failed', message };
  }
}

/** The retry's argument: a create that may have been applied says when (the earliest such attempt). */
function retryArgument(retry: WriteRetry, error: unknown, sentAt: Date): Record<string, unknown> {
  const uncertain = isIntervalsError(error) && error.mayHaveReachedServer;
  if (!retry.creates || !uncertain || retry.argument[EARLIER_ATTEMPT_KEY] !== undefined) {
    return retry.argument;
  }
  return { ...retry.argument, [EARLIER_ATTEMPT_KEY]: sentAt.toISOString() };
}

/**
 * The time an earlier, unanswered attempt of a retried create was sent (`earlierAttemptAt`), a
 * message when it is not a time, or undefined when the argument has none.
 */
export function earlierAttempt(options: Record<string, unknown>): Date | string | undefined {
  const value = options[EARLIER_ATTEMPT_KEY];
  if (value === undefined) {
    return undefined;
  }
  const at = typeof value === 'string' ? new Date(value) : undefined;
  return at && !Number.isNaN(at.getTime()) ? at : l10n.t('"{0}" is not a time ({1}).', String(value), EARLIER_ATTEMPT_KEY);
}

/**
 * Creates an item once: after an unanswered attempt (`earlier`), the item it made is looked for
 * first and taken as the one created, so a retry never makes a second.
 */
export async function createOnce<T extends { id: number }>(
  context: Pick<WriteContext, 'log'>,
  what: string,
  earlier: Date | undefined,
  find: (since: Date) => Promise<T | undefined>,
  create: () => Promise<T>,
): Promise<T> {
  if (earlier) {
    const made = await find(earlier);
    if (made) {
      context.log.info(`The ${what} sent at ${earlier.toISOString()} reached Intervals (${what} ${made.id}); not sending it again`);
      return made;
    }
  }
  return create();
}

/**
 * Loads what the prompts offer; a failure is reported and ends the command. `failure` is the
 * whole sentence that says what failed (`l10n.t('Could not load the projects')`).
 */
export async function load<T>(context: LoadContext, failure: string, fetch: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fetch();
  } catch (error) {
    void context.errors.reportFailure(context.log, failure, error);
    return undefined;
  }
}

/** `{ [key]: options[key] }` when the argument has it. */
export function pick(options: Record<string, unknown>, key: string): Record<string, unknown> {
  return options[key] !== undefined ? { [key]: options[key] } : {};
}
