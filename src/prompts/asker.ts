import * as l10n from '@vscode/l10n';
/**
 * The questions a multi-step command asks, as plain requests and answers, so the step logic
 * (order, defaults, back, validation) lives apart from the widgets that show them.
 */

import { escapeIcons } from '../common/untrustedText';

/**
 * Answer meaning "go to the previous step". A registered symbol, so an asker compiled apart from
 * the bundle (the tests' scripted one) gives the same value.
 */
export const BACK: unique symbol = Symbol.for('intervals.prompts.back') as never;
export type Back = typeof BACK;

export interface StepPosition {
  /** The command's title, shown on every step. */
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
  /** Offer Back even on the first step (a field asked from a summary goes back to it). */
  readonly canGoBack?: boolean;
}

/**
 * One item of a pick. Label, description and detail are plain text, shown as written: they
 * often come from the service, so `$(name)` in them is never drawn as an icon.
 */
export interface Choice<T> {
  /** A codicon id (e.g. `search`) drawn before the label. */
  readonly icon?: string;
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
  /** Shown whatever is typed (a way out when nothing matches). */
  readonly alwaysShow?: boolean;
  readonly value: T;
}

/** The text a quick pick shows for a choice: its own icon, and the texts with `$(…)` escaped. */
export function choiceText(choice: Choice<unknown>): { label: string; description?: string; detail?: string } {
  const label = escapeIcons(choice.label);
  return {
    label: choice.icon === undefined ? label : `$(${choice.icon}) ${label}`,
    ...(choice.description !== undefined ? { description: escapeIcons(choice.description) } : {}),
    ...(choice.detail !== undefined ? { detail: escapeIcons(choice.detail) } : {}),
  };
}

export interface PickRequest<T> extends StepPosition {
  readonly placeholder: string;
  readonly items: readonly Choice<T>[];
  /** The item selected when the step opens (the default). */
  readonly active?: T;
  /**
   * More items, loaded while the step is open (it shows busy meanwhile): they follow `items`,
   * before any trailing `alwaysShow` ones. A failed load leaves `items` to choose from.
   */
  readonly more?: () => Promise<readonly Choice<T>[]>;
}

export interface PickManyRequest<T> extends StepPosition {
  readonly placeholder: string;
  readonly items: readonly Choice<T>[];
  readonly selected: readonly T[];
}

export interface InputRequest extends StepPosition {
  readonly prompt: string;
  readonly value: string;
  readonly placeholder?: string;
  /** A message when the text cannot be accepted; the step stays open with it. */
  validate?(value: string): string | undefined;
  /** What an acceptable text means (e.g. "1 h 30 min = 1.50 h"), shown under it as the user types. */
  explain?(value: string): string | undefined;
  /** A caution about an acceptable text (a name already in use), shown as a warning; Enter still accepts it. */
  warning?(value: string): string | undefined;
}

/** One check of a typed value: an error blocks Enter, a message on an accepted value only explains. */
export interface InputCheck {
  readonly ok: boolean;
  readonly message?: string;
}

/** The `validate` and `explain` of an input step from one check, so the text is parsed in one place. */
export function checkedInput(check: (value: string) => InputCheck): Pick<InputRequest, 'validate' | 'explain'> {
  // The widget asks both of every text it checks: parse each text once.
  let last: { value: string; result: InputCheck } | undefined;
  const checked = (value: string): InputCheck => {
    if (last?.value !== value) {
      last = { value, result: check(value) };
    }
    return last.result;
  };
  return {
    validate: (value) => {
      const result = checked(value);
      return result.ok ? undefined : (result.message ?? l10n.t('This value cannot be accepted.'));
    },
    explain: (value) => {
      const result = checked(value);
      return result.ok ? result.message : undefined;
    },
  };
}

/** Undefined means the user dismissed the step: the command stops and sends nothing. */
export interface Asker {
  pick<T>(request: PickRequest<T>): Promise<T | Back | undefined>;
  pickMany<T>(request: PickManyRequest<T>): Promise<T[] | Back | undefined>;
  input(request: InputRequest): Promise<string | Back | undefined>;
}

/** What a step did: moved on, asked to go back, was dismissed, or had nothing to ask. */
export type StepOutcome = 'next' | 'back' | 'cancel' | 'skip';

/** How a step was reached: `returning` when the user came back to it with Back. */
export interface StepVisit {
  readonly returning: boolean;
}

export type Step = (position: StepPosition, visit: StepVisit) => Promise<StepOutcome>;

/**
 * The one step engine of the multi-step commands: runs steps in order with back navigation. A
 * skipped step (nothing to ask, e.g. a project without modules) is skipped again when going
 * back; a step that moved on without asking (its answer was given) is asked when Back returns
 * to it. Back on the first step asked stays there. True when every step completed.
 */
export async function runSteps(title: string, steps: readonly Step[]): Promise<boolean> {
  const history: number[] = [];
  let index = 0;
  let returning = false;
  while (index < steps.length) {
    const outcome = await steps[index]({ title, step: index + 1, totalSteps: steps.length }, { returning });
    returning = false;
    if (outcome === 'cancel') {
      return false;
    }
    if (outcome === 'back') {
      const previous = history.pop();
      if (previous !== undefined) {
        index = previous;
        returning = true;
      }
      continue;
    }
    if (outcome === 'next') {
      history.push(index);
    }
    index++;
  }
  return true;
}

/** Turns an answer into a step outcome, storing the value when there is one. */
export function settle<T>(answer: T | Back | undefined, store: (value: T) => void): StepOutcome {
  if (answer === undefined) {
    return 'cancel';
  }
  if (answer === BACK) {
    return 'back';
  }
  store(answer);
  return 'next';
}
