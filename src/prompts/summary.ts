/**
 * The one-screen form: a pick whose first item does the work with every value shown ("Log 0:30
 * on #1003 · Development · billable") and whose other items are the fields, each with its
 * value. Enter on the first item moves on; choosing a field asks it with its own step and comes
 * back to the summary, whatever that step's answer (Back included). Escape anywhere ends the form.
 */
import { BACK, type Asker, type Step } from './asker';

export interface SummaryField {
  readonly label: string;
  /** A codicon id drawn before the label. */
  readonly icon?: string;
  /** The value as the summary shows it. */
  readonly value: () => string;
  /** Asks for the field (the step of a form that asks it on its own). */
  readonly ask: Step;
}

export interface SummaryOptions {
  readonly asker: Asker;
  /** The first item: what Enter does, naming the values ("Log 0:30 on #1003 · Development · billable"). */
  readonly action: () => string;
  /** A codicon id for the first item. */
  readonly actionIcon?: string;
  /** What the screen offers, e.g. "Enter to log, or choose a field to change". */
  readonly placeholder: string;
  /** The fields, read again each time the summary opens (one may appear once it has values). */
  readonly fields: () => readonly SummaryField[];
}

/** Answer of the summary's first item. */
const DONE = -1;

/**
 * A field whose change may make another one wrong (a new day may have no room for the
 * duration): after `first` moves on, `then` is asked too when `stillFits` says no.
 */
export function askThen(first: Step, stillFits: () => Promise<boolean>, then: Step): Step {
  return async (position, visit) => {
    const outcome = await first(position, visit);
    return outcome === 'next' && !(await stillFits()) ? then(position, visit) : outcome;
  };
}

/** A step showing the summary until its first item is chosen. */
export function summaryStep(options: SummaryOptions): Step {
  return async (position) => {
    for (;;) {
      const fields = options.fields();
      const answer = await options.asker.pick<number>({
        ...position,
        placeholder: options.placeholder,
        items: [
          { icon: options.actionIcon ?? 'check', label: options.action(), value: DONE },
          ...fields.map((field, index) => ({ ...(field.icon !== undefined ? { icon: field.icon } : {}), label: field.label, description: field.value(), value: index })),
        ],
        active: DONE,
      });
      if (answer === undefined) {
        return 'cancel';
      }
      if (answer === BACK) {
        return 'back';
      }
      if (answer === DONE) {
        return 'next';
      }
      const field = fields[answer];
      if (field && (await field.ask({ ...position, canGoBack: true }, { returning: true })) === 'cancel') {
        return 'cancel';
      }
    }
  };
}
