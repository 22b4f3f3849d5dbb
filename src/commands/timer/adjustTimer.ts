import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { defuseLinks } from '../../common/untrustedText';
import type { Asker } from '../../prompts/asker';
import { formatDuration } from '../../time/duration';
import { planTimerAdjustment, type TimerAdjustInput } from '../../timer/timerAdjustInput';
import type { TimerChanges } from '../../timer/timerChanges';
import type { TimerAdjustment } from '../../timer/timerModel';
import type { TimerEntry, TimerService } from '../../timer/timerService';
import { argumentObject } from '../args';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';
import { fromArguments } from './adjustTimerArguments';
import { chooseTimer, type Timers } from './chooseTimer';

export interface AdjustTimerDependencies {
  readonly timers: Timers & Pick<TimerService, 'adjustStart' | 'adjustElapsed'>;
  readonly changes: Pick<TimerChanges, 'fire'>;
  readonly asker: Pick<Asker, 'pick' | 'input'>;
  /** `intervals.timerWarningHours`: a result over it is confirmed first (0: never). */
  readonly warningHours: () => number;
}

type Answer = Extract<TimerAdjustInput, { ok: true }>;

const title = (): string => l10n.t('Adjust Timer');

/**
 * `intervals.adjustTimer` ("Adjust Timer…"): "I started at 9:15" or "make it 1h 20m", the result
 * previewed as it is typed. A start time still ahead today is not taken for yesterday's: that is
 * offered, to choose. A result over the warning hours is confirmed first.
 * `{ startedAt }` (a Date, epoch ms, ISO text, a time of day or "yesterday 9:15") or `{ elapsed }`
 * (seconds or a duration such as "1h 20m") skips the prompts; a time of day still ahead today is
 * refused. Returns the adjustment (ok or why not).
 */
export function adjustTimerCommand(deps: AdjustTimerDependencies): Command {
  const { timers, changes, asker } = deps;
  return {
    id: 'intervals.adjustTimer',
    arguments: argumentKeys('intervals.adjustTimer'),
    async execute(arg?: unknown): Promise<TimerAdjustment | undefined> {
      const entry = await chooseTimer(timers, asker, arg, title());
      if (!entry) {
        return undefined;
      }
      const given = argumentObject(arg);
      let input: TimerAdjustInput | undefined;
      if (given?.startedAt !== undefined || given?.elapsed !== undefined) {
        input = fromArguments(given, timers.now());
        if (!input.ok) {
          void vscode.window.showErrorMessage(defuseLinks(input.message));
          return { ok: false, message: input.message };
        }
      } else {
        input = await askAdjustment(deps, entry);
        if (!input) {
          return undefined;
        }
      }
      const result =
        input.kind === 'startedAt' ? await timers.adjustStart(entry.key, input.startedAt) : await timers.adjustElapsed(entry.key, input.seconds);
      if (result && !result.ok) {
        void vscode.window.showWarningMessage(defuseLinks(result.message));
      } else {
        changes.fire(timers.find(entry.key));
      }
      return result;
    },
  };
}

/**
 * Asks until the answer is settled: typed with its result shown under it, then, for a start time
 * still ahead today or a result over the warning hours, confirmed (or typed again).
 */
async function askAdjustment(deps: AdjustTimerDependencies, entry: TimerEntry): Promise<Answer | undefined> {
  let value = '';
  for (;;) {
    const text = await deps.asker.input({
      title: title(),
      step: 1,
      totalSteps: 1,
      prompt: l10n.t('When did you start, or how long has it run?'),
      placeholder: l10n.t('at 9:15 (start time), yesterday 17:00, or 1h 20m (elapsed)'),
      value,
      validate: (typed) => {
        const plan = planTimerAdjustment(typed, entry.timer, deps.timers.now());
        return plan.ok || plan.yesterday ? undefined : plan.message;
      },
      explain: (typed) => {
        const plan = planTimerAdjustment(typed, entry.timer, deps.timers.now());
        if (plan.ok) {
          return previewText(deps, plan.preview, plan.seconds);
        }
        return plan.yesterday ? yesterdayOffer(deps, plan.message, plan.yesterday) : undefined;
      },
    });
    if (typeof text !== 'string') {
      return undefined;
    }
    value = text;
    const answer = await settleAdjustment(deps, entry, text);
    if (answer !== 'again') {
      return answer;
    }
  }
}

/** The typed answer, once confirmed where it needs to be; `again` to type it anew. */
async function settleAdjustment(deps: AdjustTimerDependencies, entry: TimerEntry, text: string): Promise<Answer | 'again' | undefined> {
  const plan = planTimerAdjustment(text, entry.timer, deps.timers.now());
  if (!plan.ok && plan.yesterday) {
    const { startedAt, seconds, preview } = plan.yesterday;
    return confirm(deps, l10n.t('{0}: start it yesterday?', plan.message.replace(/;.*$/, '')), previewText(deps, preview, seconds), {
      ok: true,
      kind: 'startedAt',
      startedAt,
    });
  }
  if (!plan.ok) {
    return 'again';
  }
  if (!overWarning(deps, plan.seconds)) {
    return plan.input;
  }
  const label = plan.input.kind === 'elapsed' ? l10n.t('Set the timer to {0}', formatDuration(plan.seconds)) : l10n.t('Set it: {0}', capitalize(plan.preview));
  return confirm(deps, l10n.t('That is over {0} h: set the timer to it?', deps.warningHours()), label, plan.input);
}

/** The result of the typed answer, "Started at 9:15 (1:20)", with a warning when it is over the warning hours. */
function previewText(deps: AdjustTimerDependencies, preview: string, seconds: number): string {
  return overWarning(deps, seconds) ? l10n.t('{0} (over {1} h)', capitalize(preview), deps.warningHours()) : capitalize(preview);
}

/** A start time still ahead today: why, and what Enter offers instead (yesterday's). */
function yesterdayOffer(deps: AdjustTimerDependencies, message: string, yesterday: { preview: string; seconds: number }): string {
  return overWarning(deps, yesterday.seconds)
    ? l10n.t('{0} Enter offers {1} (over {2} h).', message, yesterday.preview, deps.warningHours())
    : l10n.t('{0} Enter offers {1}.', message, yesterday.preview);
}

async function confirm(deps: AdjustTimerDependencies, placeholder: string, label: string, answer: Answer): Promise<Answer | 'again' | undefined> {
  const choice = await deps.asker.pick<Answer | 'again'>({
    title: title(),
    step: 1,
    totalSteps: 1,
    placeholder,
    items: [
      { icon: 'check', label, value: answer },
      { icon: 'edit', label: l10n.t('Type another time'), value: 'again' },
    ],
    active: answer,
  });
  return typeof choice === 'symbol' ? 'again' : choice;
}

function overWarning(deps: AdjustTimerDependencies, seconds: number): boolean {
  const hours = deps.warningHours();
  return hours > 0 && seconds > hours * 3600;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
