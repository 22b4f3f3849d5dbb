import * as vscode from 'vscode';
import type { IntervalsClient } from '../api/client';
import { isIntervalsError } from '../api/errors';
import { reportError } from '../common/errorReporter';
import type { Logger } from '../common/logger';
import type { Services } from '../services';
import type { AskerSource } from '../prompts/quickInputAsker';
import { defuseLinks } from '../common/untrustedText';

/** What a create or update command returns, for callers and tests. */
export type WriteResult<T> =
  | { status: 'done'; item: T }
  | { status: 'cancelled' }
  | { status: 'invalid'; message: string }
  | { status: 'failed'; message: string };

/** What the project and task commands share. */
export interface ProjectCommandContext {
  readonly services: Services;
  readonly log: Logger;
  readonly asker: AskerSource;
  /** The clock behind "today"; tests pass a fixed one. */
  readonly now: () => Date;
}

/** An argument that did not pass the checks the prompts would make: told, nothing sent. */
export function invalidArgument<T>(message: string): WriteResult<T> {
  void vscode.window.showErrorMessage(defuseLinks(message));
  return { status: 'invalid', message };
}

/** Sends one write; a refusal or failure is shown with the service's reason and returned. */
export async function sendWrite<T>(
  context: ProjectCommandContext,
  action: string,
  write: () => Promise<T>,
): Promise<WriteResult<T>> {
  try {
    return { status: 'done', item: await write() };
  } catch (error) {
    void reportError(context.log, action, error);
    const message = error instanceof Error ? error.message : String(error);
    return { status: isIntervalsError(error) && error.kind === 'cancelled' ? 'cancelled' : 'failed', message };
  }
}

/** Loads what the prompts offer; a failure is reported and ends the command. */
export async function load<T>(context: ProjectCommandContext, what: string, fetch: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fetch();
  } catch (error) {
    void reportError(context.log, `load ${what}`, error);
    return undefined;
  }
}

export type ClientProvider = () => Promise<IntervalsClient | undefined>;
