import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { IntervalsClient } from '../api/client';
import type { Account, AccountSession } from '../auth/accountSession';
import type { Clock } from '../common/clock';
import type { Logger } from '../common/logger';
import { escapeMarkdown } from '../common/untrustedText';
import type { LookupCache } from '../lookups/lookupCache';
import type { TaskCatalog } from '../tasks/taskCatalog';
import type { TimeRounding, TimeRoundingMode } from '../time/duration';
import type { TimerService } from '../timer/timerService';
import type { Confirmation } from './chatConfirmations';

/** What the chat tools act on and through: the services the commands use, and the commands. */
export interface ChatToolDependencies {
  readonly enabled: () => boolean;
  readonly allowMultipleTimers: () => boolean;
  /** `intervals.timeRounding` and its mode, applied to logged durations as Log Time applies them. */
  readonly rounding: () => { rounding: TimeRounding; mode: TimeRoundingMode };
  readonly session: Pick<AccountSession, 'state' | 'client'>;
  readonly catalog: Pick<TaskCatalog, 'openTasks'>;
  readonly lookups: Pick<LookupCache, 'projectWorkTypes' | 'projectModules' | 'projectPeople' | 'taskStatuses' | 'taskPriorities' | 'activeProjects'>;
  readonly timers: Pick<TimerService, 'entries' | 'elapsed' | 'now'>;
  readonly clock: Clock;
  readonly log: Logger;
  /** Runs a command with an argument object (which never prompts): writes go the commands' way. */
  readonly run: <T>(command: string, arg: unknown) => Thenable<T | undefined>;
}

/** What a tool runs with once the gate let it through. */
export interface ToolContext {
  readonly api: IntervalsClient;
  readonly account: Account;
  readonly today: Date;
}

/** A plan a write tool confirmed, or why it cannot be made (then nothing is asked or sent). */
export type Planned<P> = { ok: true; plan: P; confirmation: Confirmation | undefined } | { ok: false; message: string };

/** A chat tool: a read answers at once; a write plans, is confirmed, then carries out its plan. */
export type ChatToolSpec<I, P = never> =
  | { readonly kind: 'read'; answer(input: I, context: ToolContext): Promise<string> }
  | { readonly kind: 'write'; plan(input: I, context: ToolContext): Promise<Planned<P>>; carryOut(plan: P, context: ToolContext): Promise<string> };

/** Why no tool can act now (turned off, signed out), or undefined when they can. */
function blocked(deps: ChatToolDependencies): string | undefined {
  if (!deps.enabled()) {
    return l10n.t('The Intervals tools are turned off (setting intervals.chatTools); nothing was done. The user can turn them on in Settings.');
  }
  if (!deps.session.state.signedIn || !deps.session.client) {
    return l10n.t('Not signed in to Intervals; nothing was done. Ask the user to run "Intervals: Sign In" from the Command Palette, then try again.');
  }
  return undefined;
}

function contextOf(deps: ChatToolDependencies): ToolContext | string {
  const refusal = blocked(deps);
  const state = deps.session.state;
  const api = deps.session.client;
  return refusal ?? (state.signedIn && api ? { api, account: state.account, today: deps.clock.now() } : '');
}

function textResult(text: string): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);
}

/** A failure in words: the service's reason (errors carry no token), and what to do. */
export function failureText(error: unknown): string {
  const reason = (error instanceof Error ? error.message : String(error)).replace(/\.+$/, '');
  return l10n.t('Intervals could not be reached or refused the request: {0}. Nothing more was done; try again later or check the Intervals log (Intervals: Show Log).', reason);
}

/**
 * The VS Code tool for a spec. A write plans in `prepareInvocation` and asks for confirmation
 * with exactly what will be sent; `invoke` then carries out that very plan (a refused or
 * unplannable input asks nothing and is answered with the reason).
 */
export function languageModelTool<I extends object, P>(name: string, spec: ChatToolSpec<I, P>, deps: ChatToolDependencies): vscode.LanguageModelTool<I> {
  const confirmed = new Map<string, Planned<P>>();
  const key = (input: I): string => JSON.stringify(input);
  const guarded = async (work: (context: ToolContext) => Promise<string>): Promise<string> => {
    const context = contextOf(deps);
    if (typeof context === 'string') {
      return context;
    }
    try {
      return await work(context);
    } catch (error) {
      deps.log.warn(`Chat tool ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      return failureText(error);
    }
  };
  return {
    prepareInvocation:
      spec.kind === 'write'
        ? async (options) => {
            const context = contextOf(deps);
            const planned = typeof context === 'string' ? undefined : await spec.plan(options.input, context).catch(() => undefined);
            if (!planned?.ok) {
              return { invocationMessage: l10n.t('Checking the request with Intervals') };
            }
            confirmed.set(key(options.input), planned);
            if (!planned.confirmation) {
              return { invocationMessage: l10n.t('Asking Intervals') };
            }
            const message = new vscode.MarkdownString(escapeMarkdown(planned.confirmation.message).replace(/\n/g, '  \n'));
            return { invocationMessage: l10n.t('Sending to Intervals'), confirmationMessages: { title: planned.confirmation.title, message } };
          }
        : undefined,
    invoke: async (options) => {
      const text = await guarded(async (context) => {
        if (spec.kind === 'read') {
          return spec.answer(options.input, context);
        }
        const earlier = confirmed.get(key(options.input));
        confirmed.delete(key(options.input));
        const planned = earlier ?? (await spec.plan(options.input, context));
        // Only the plan the user confirmed is sent (an input edited in the confirmation is planned and
        // confirmed anew); one that could not be planned says why.
        return planned.ok ? (earlier ? spec.carryOut(planned.plan, context) : l10n.t('Nothing was sent: the input differs from what the user confirmed. Call the tool again, so the user confirms what will be sent.')) : planned.message;
      });
      return textResult(text);
    },
  };
}
