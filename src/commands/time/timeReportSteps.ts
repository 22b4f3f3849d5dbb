import * as l10n from '@vscode/l10n';
import { isIntervalsError } from '../../api/errors';
import type { Person } from '../../api/types';
import type { ErrorReporter } from '../../common/errorReporter';
import type { Logger } from '../../common/logger';
import type { LookupCache } from '../../lookups/lookupCache';
import { runSteps, settle, type Asker, type Choice, type Step } from '../../prompts/asker';
import { personName } from '../../prompts/choices';
import { laterDateProblem } from '../../prompts/formRules';
import type { LastAnswers } from '../../prompts/lastAnswers';
import { dateStep } from '../../prompts/steps';
import { positiveId } from '../../tasks/taskReference';
import { parseDate, rangeFor, toIsoDate, type DateRange } from '../../time/dates';
import type { ReportPerson } from '../../timeReport/reportModel';
import { REPORT_RANGES } from '../argumentObjects';

export type ReportRange = (typeof REPORT_RANGES)[number];

function rangeLabel(range: ReportRange): string {
  switch (range) {
    case 'thisWeek':
      return l10n.t('This week');
    case 'lastWeek':
      return l10n.t('Last week');
    case 'thisMonth':
      return l10n.t('This month');
    case 'lastMonth':
      return l10n.t('Last month');
    default:
      return l10n.t('Custom range…');
  }
}

/** A custom report longer than this asks for a lot of pages; a typo like 2062 is more likely. */
const MAX_DAYS = 366;

/** What choosing a report needs: the prompts, and the people the signed-in person may list. */
export interface ReportFormContext {
  readonly asker: Asker;
  readonly lookups: Pick<LookupCache, 'people'>;
  readonly errors: ErrorReporter;
  readonly log: Logger;
}

/** The signed-in person, who sees their own time. */
export interface Me {
  readonly id: number;
  readonly name: string;
}

/** Everyone whose time the signed-in person may see (`personId: "everyone"`). */
export function everyone(): ReportPerson {
  return { id: 'everyone', name: l10n.t({ message: 'everyone', comment: ['Whose time a report shows: Time of …'] }) };
}

export interface ReportRequest {
  range: DateRange;
  person: ReportPerson;
  /** The range the prompts were answered with, remembered for the next report. */
  asked?: ReportRange;
}


export function checkRange(range: DateRange): string | undefined {
  const days = (Date.parse(range.end) - Date.parse(range.start)) / 86_400_000 + 1;
  return days > MAX_DAYS ? l10n.t('A report covers at most {0} days; choose a shorter range.', MAX_DAYS) : undefined;
}

/**
 * The active people the signed-in person may list. Executives see everyone's time but may not
 * list people (`/person/` refuses them): for them this is empty and only ids are accepted.
 */
async function listablePeople(context: ReportFormContext): Promise<Person[] | undefined> {
  try {
    return await context.lookups.people();
  } catch (error) {
    if (isIntervalsError(error) && error.kind === 'forbidden') {
      return [];
    }
    void context.errors.reportFailure(context.log, l10n.t('Could not load people'), error);
    return undefined;
  }
}

async function personFor(context: ReportFormContext, personId: number, me: { id: number; name: string }): Promise<{ id: number; name: string } | string | undefined> {
  if (personId === me.id) {
    return me;
  }
  const people = await listablePeople(context);
  if (!people) {
    return undefined;
  }
  if (people.length === 0) {
    // The name comes with the entries once they are loaded.
    return { id: personId, name: '' };
  }
  const person = people.find((p) => p.id === personId);
  return person ? { id: person.id, name: personName(person) } : l10n.t('No active person has the id {0}.', personId);
}

export async function requestFromArgument(
  context: ReportFormContext,
  options: Record<string, unknown>,
  me: { id: number; name: string },
  seesOthers: boolean,
  today: Date,
): Promise<ReportRequest | string | undefined> {
  const kind = options.range as ReportRange;
  if (!REPORT_RANGES.includes(kind)) {
    return l10n.t('"{0}" is not a report range; use one of {1}.', String(options.range), REPORT_RANGES.join(', '));
  }
  let range: DateRange;
  if (kind === 'custom') {
    const start = parseDate(typeof options.start === 'string' ? options.start : '', today);
    if (!start.ok) {
      return start.message;
    }
    const endText = typeof options.end === 'string' ? options.end : '';
    const end = parseDate(endText, today);
    const endProblem = end.ok ? laterDateProblem(endText, today, start.iso, 'start date', 'past') : end.message; // l10n-ignore: which sentence of the form rules
    if (endProblem || !end.ok) {
      return endProblem ?? l10n.t('Enter an end date.');
    }
    range = { start: start.iso, end: end.iso };
  } else {
    range = rangeFor(kind, today);
  }
  const rangeProblem = checkRange(range);
  if (rangeProblem) {
    return rangeProblem;
  }
  const personId = options.personId === undefined ? me.id : options.personId === 'everyone' ? 'everyone' : positiveId(options.personId);
  if (personId === undefined) {
    return l10n.t('"{0}" is not a person id.', String(options.personId));
  }
  if (personId !== me.id && !seesOthers) {
    return l10n.t('Your Intervals role shows only your own time.');
  }
  const person = personId === 'everyone' ? everyone() : await personFor(context, personId, me);
  return typeof person === 'string' || person === undefined ? person : { range, person };
}

/**
 * Time Report, step by step: a range (the last report's first; a custom one asks two days) and,
 * when the person may see others' time, whose: yourself, everyone, or one person. The step
 * counter counts only the steps that will be shown.
 */
export async function askReport(context: ReportFormContext, me: Me, seesOthers: boolean, today: Date, answers: LastAnswers, accountName: string): Promise<ReportRequest | undefined> {
  const personChoices = seesOthers ? await whoseChoices(context, me) : undefined;
  if (seesOthers && !personChoices) {
    return undefined;
  }
  // The last report's range and person come first; a custom range offers its dates again.
  const lastRange = answers.text(accountName, 'range');
  const kind: ReportRange = REPORT_RANGES.find((each) => each === lastRange) ?? 'thisWeek';
  const lastPerson = answers.text(accountName, 'personId') === 'everyone' ? 'everyone' : answers.ids(accountName).personId;
  const state: ReportFormState = {
    kind,
    start: kind === 'custom' ? (answers.text(accountName, 'start') ?? '') : '',
    end: kind === 'custom' ? (answers.text(accountName, 'end') ?? '') : '',
    person: personChoices?.find((choice) => choice.value.id === lastPerson)?.value ?? me,
  };
  const done = await runSteps(l10n.t('Time Report'), reportSteps(context.asker, today, state, personChoices));
  if (!done) {
    return undefined;
  }
  const range = state.kind === 'custom' ? { start: state.start, end: state.end } : rangeFor(state.kind, today);
  return { range, person: state.person, asked: state.kind };
}

/**
 * "Whose time?": yourself, everyone, then the people you may list by name. Executives may not
 * list people, so for them it is yourself or everyone. Undefined when the people failed to load (told).
 */
async function whoseChoices(context: ReportFormContext, me: Me): Promise<Choice<ReportPerson>[] | undefined> {
  const loaded = await listablePeople(context);
  if (!loaded) {
    return undefined;
  }
  const people = loaded.filter((p) => p.id !== me.id).sort((a, b) => personName(a).localeCompare(personName(b)));
  return [
    { label: me.name, description: l10n.t({ message: 'you', comment: ['Beside your own name among the people'] }), value: me },
    { icon: 'organization', label: l10n.t('Everyone'), description: l10n.t("everyone's time you may see"), value: everyone() },
    ...people.map((p) => ({ label: personName(p), description: p.group ?? undefined, value: { id: p.id, name: personName(p) } })),
  ];
}

interface ReportFormState {
  kind: ReportRange;
  start: string;
  end: string;
  person: ReportPerson;
}

/** A step and whether it will be shown: one that will not is neither counted nor numbered. */
interface CountedStep {
  readonly shown: () => boolean;
  readonly step: Step;
}

/** The steps numbered as the user sees them ("2/2" when the custom dates are not asked). */
function counted(steps: readonly CountedStep[]): Step[] {
  return steps.map(({ shown, step }, index) => (position, visit) => {
    if (!shown()) {
      return Promise.resolve('skip');
    }
    const before = steps.slice(0, index + 1).filter((each) => each.shown()).length;
    return step({ ...position, step: before, totalSteps: steps.filter((each) => each.shown()).length }, visit);
  });
}

function reportSteps(asker: Asker, today: Date, state: ReportFormState, personChoices: Choice<ReportPerson>[] | undefined): Step[] {
  const rangeChoices: Choice<ReportRange>[] = REPORT_RANGES.map((kind) => {
    const range = kind === 'custom' ? undefined : rangeFor(kind, today);
    return { label: rangeLabel(kind), description: range ? `${range.start} – ${range.end}` : l10n.t('two dates'), value: kind };
  });
  const always = (): boolean => true;
  const custom = (): boolean => state.kind === 'custom';
  return counted([
    {
      shown: always,
      step: async (position) =>
        settle(await asker.pick({ ...position, placeholder: l10n.t('Time range'), items: rangeChoices, active: state.kind }), (value) => {
          state.kind = value;
        }),
    },
    {
      shown: custom,
      step: dateStep({
        asker,
        today,
        prompt: l10n.t('First day of the report: today, yesterday, a weekday such as mon, -7, dec 18 or YYYY-MM-DD'),
        placeholder: l10n.t('First day'),
        value: () => state.start || toIsoDate(today),
        store: (iso) => {
          state.start = iso ?? '';
        },
      }),
    },
    {
      shown: custom,
      step: dateStep({
        asker,
        today,
        prompt: l10n.t('Last day of the report: today, yesterday, a weekday such as fri, dec 18 or YYYY-MM-DD'),
        placeholder: l10n.t('Last day'),
        value: () => state.end || toIsoDate(today),
        notBefore: () => ({ iso: state.start, name: 'first day' }), // l10n-ignore: which sentence of the form rules
        check: (iso) => checkRange({ start: state.start, end: iso }),
        store: (iso) => {
          state.end = iso ?? '';
        },
      }),
    },
    {
      shown: () => personChoices !== undefined,
      step: async (position) =>
        settle(await asker.pick({ ...position, placeholder: l10n.t('Whose time?'), items: personChoices ?? [], active: state.person }), (value) => {
          state.person = value;
        }),
    },
  ]);
}
