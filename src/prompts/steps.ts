import * as l10n from '@vscode/l10n';
/**
 * The steps every form asks alike: a day, and a duration. Each checks the text as it is typed,
 * shows what it understood, and asks again should an answer it cannot use come back anyway.
 */
import * as vscode from 'vscode';
import type { RoundingSettings } from '../common/settings';
import { dayInWords, parseDate, type DateDirection } from '../time/dates';
import { checkHours } from '../timeLog/timeEntryDraft';
import { dateBeforeProblem, type EarliestDateName } from './formRules';
import { BACK, checkedInput, type Asker, type InputCheck, type Step, type StepOutcome } from './asker';

export interface DateStepOptions {
  readonly asker: Asker;
  readonly prompt: string | (() => string);
  /** What the box opens with. */
  readonly value: () => string;
  readonly today: Date;
  /** Names the date ("Day to log", "Due date"), shown while the box is empty. */
  readonly placeholder: string;
  /** `past` (days to log, the default): a weekday is the last one; `future` (due and end dates): the next one. */
  readonly direction?: DateDirection;
  /** An empty text means no date (an end or due date). */
  readonly optional?: boolean;
  /** The earliest day accepted, and what it is called ("start date"). */
  readonly notBefore?: () => { readonly iso: string; readonly name: EarliestDateName };
  /** A further check of the day, e.g. a report range that is too long. */
  readonly check?: (iso: string) => string | undefined;
  /** Keeps the answer: `YYYY-MM-DD` (null for an empty optional date) and the text as typed. */
  readonly store: (iso: string | null, text: string) => void;
}

/** The check of a typed day: an error, or the day written out. */
export function dayCheck(options: Omit<DateStepOptions, 'asker' | 'prompt' | 'value' | 'store' | 'placeholder'>, text: string): InputCheck & { iso?: string | null } {
  if (options.optional && text.trim() === '') {
    return { ok: true, iso: null };
  }
  const parsed = parseDate(text, options.today, { direction: options.direction ?? 'past', locale: vscode.env.language });
  if (!parsed.ok) {
    return { ok: false, message: parsed.message };
  }
  const earliest = options.notBefore?.();
  if (earliest && parsed.iso < earliest.iso) {
    return { ok: false, message: dateBeforeProblem(earliest.name, earliest.iso) };
  }
  const problem = options.check?.(parsed.iso);
  return problem ? { ok: false, message: problem } : { ok: true, message: dayInWords(parsed.date), iso: parsed.iso };
}

/** A step asking for a day: `today`, `tomorrow`, a weekday, `-2`, `+7`, `dec 18`, `12/18` or `YYYY-MM-DD`. */
export function dateStep(options: DateStepOptions): Step {
  return async (position) => {
    for (;;) {
      const answer = await options.asker.input({
        ...position,
        prompt: typeof options.prompt === 'string' ? options.prompt : options.prompt(),
        value: options.value(),
        placeholder: options.placeholder,
        ...checkedInput((text) => dayCheck(options, text)),
      });
      const outcome = settled(answer);
      if (outcome !== undefined) {
        return outcome;
      }
      const checked = dayCheck(options, answer as string);
      if (checked.ok) {
        options.store(checked.iso ?? null, answer as string);
        return 'next';
      }
    }
  };
}

export interface DurationStepOptions {
  readonly asker: Asker;
  /** The prompt, told the hours already logged that day when they are known. */
  readonly prompt: (loggedHours: number | undefined) => string;
  readonly value: () => string;
  readonly rounding: () => RoundingSettings;
  /** Hours already logged on the entry's day (not counting the entry itself), undefined when unknown. */
  readonly loggedHours: () => Promise<number | undefined>;
  /** Keeps the answer: hours after rounding, and the text as typed. */
  readonly store: (hours: number, text: string) => void;
}

/** A step asking for a duration: `1.5`, `1:30`, `90m`, `1h 30m` or a range such as `9:15-10:45`. */
export function durationStep(options: DurationStepOptions): Step {
  return async (position) => {
    const logged = await options.loggedHours();
    const check = (text: string) => checkHours(text, options.rounding(), logged ?? 0);
    for (;;) {
      const answer = await options.asker.input({
        ...position,
        prompt: options.prompt(logged),
        placeholder: l10n.t('Duration, e.g. 1:30'),
        value: options.value(),
        ...checkedInput((text) => {
          const checked = check(text);
          return checked.ok ? { ok: true, message: checked.understood } : { ok: false, message: checked.message };
        }),
      });
      const outcome = settled(answer);
      if (outcome !== undefined) {
        return outcome;
      }
      const checked = check(answer as string);
      if (checked.ok) {
        options.store(checked.hours, answer as string);
        return 'next';
      }
    }
  };
}

/** Back or dismissed; undefined for a text to check. */
function settled(answer: string | typeof BACK | undefined): StepOutcome | undefined {
  return answer === undefined ? 'cancel' : answer === BACK ? 'back' : undefined;
}
