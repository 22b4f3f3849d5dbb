import { id, isoDate, oneOf, text } from './commandArguments';
import * as vscode from 'vscode';
import { isIntervalsError } from '../api/errors';
import type { Person, TimeEntry } from '../api/types';
import { clientOrSignIn } from '../common/accountGuard';
import { reportError } from '../common/errorReporter';
import { runSteps, settle, type Choice } from '../prompts/asker';
import { accountKey, LastAnswers } from '../prompts/lastAnswers';
import { dateMeaning, isoOrNull, laterDateProblem, requiredDateProblem } from '../projects/formRules';
import { invalidArgument, type ProjectCommandContext } from '../projects/projectCommands';
import { positiveId } from '../tasks/taskReference';
import { buildReport, type TimeReport } from '../timeReport/reportModel';
import { parseDate, rangeFor, toIsoDate, type DateRange } from '../time/dates';
import type { TimeReportPanel } from '../views/timeReport/timeReportPanel';
import { argumentObject, type Command } from './commandTable';
import { personName } from './createTask';

export const REPORT_RANGES = ['thisWeek', 'lastWeek', 'thisMonth', 'lastMonth', 'custom'] as const;
type ReportRange = (typeof REPORT_RANGES)[number];

const RANGE_LABELS: Record<ReportRange, string> = {
  thisWeek: 'This week',
  lastWeek: 'Last week',
  thisMonth: 'This month',
  lastMonth: 'Last month',
  custom: 'Custom range…',
};

/** Groups whose members may see other people's time (Resource users see only their own). */
const SEES_OTHERS = new Set(['Executive', 'Administrator', 'Manager']);

/** A custom report longer than this asks for a lot of pages; a typo like 2062 is more likely. */
const MAX_DAYS = 366;

interface ReportRequest {
  range: DateRange;
  person: { id: number; name: string };
  /** The range the prompts were answered with, remembered for the next report. */
  asked?: ReportRange;
}

const LAST_ANSWERS_KEY = 'intervals.lastAnswers.timeReport';

/**
 * `intervals.timeReport`: a range and a person (yourself unless your group may see others),
 * every page of `GET /time/` for them, then the report page. `{ range, start?, end?, personId?,
 * csvPath? }` asks nothing (`csvPath` also writes the CSV there). Returns the report.
 */
export function timeReportCommand(context: ProjectCommandContext, panel: TimeReportPanel, pageSize: () => number | undefined): Command {
  return {
    id: 'intervals.timeReport',
    arguments: { range: oneOf(REPORT_RANGES), start: isoDate, end: isoDate, personId: id, csvPath: text },
    async execute(arg?: unknown): Promise<TimeReport | undefined> {
      const api = await clientOrSignIn(context.services.session, 'see a time report');
      const state = context.services.session.state;
      if (!api || !state.signedIn) {
        return undefined;
      }
      const me = { id: state.account.personId, name: state.account.name };
      const seesOthers = SEES_OTHERS.has(state.account.group);
      const today = context.now();
      const options = argumentObject(arg);
      const answers = new LastAnswers(context.services.context.globalState, LAST_ANSWERS_KEY);
      const accountName = accountKey(state.account);
      const request =
        options && typeof options.range === 'string'
          ? await fromArgument(context, options, me, seesOthers, today)
          : await ask(context, me, seesOthers, today, answers, accountName);
      if (typeof request === 'string') {
        invalidArgument(request);
        return undefined;
      }
      if (!request) {
        return undefined;
      }
      if (request.asked) {
        const custom = request.asked === 'custom';
        await answers.remember(accountName, {
          range: request.asked,
          personId: request.person.id,
          start: custom ? request.range.start : undefined,
          end: custom ? request.range.end : undefined,
        });
      }
      const { range, person } = request;
      let entries: TimeEntry[];
      try {
        entries = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: `Loading the time of ${person.name || `person ${person.id}`}`, cancellable: true },
          async (progress, token) => {
            const abort = new AbortController();
            const subscription = token.onCancellationRequested(() => abort.abort());
            try {
              return await api.listAllTime(
                { personId: person.id, dateBegin: range.start, dateEnd: range.end },
                {
                  signal: abort.signal,
                  pageSize: pageSize(),
                  onPage: (page) => progress.report({ message: `${page.fetched} entries` }),
                },
              );
            } finally {
              subscription.dispose();
            }
          },
        );
      } catch (error) {
        void reportError(context.log, 'load the time report', error, { retry: () => vscode.commands.executeCommand('intervals.timeReport', { range: 'custom', start: range.start, end: range.end, personId: person.id }) });
        return undefined;
      }
      const named = person.name === '' ? { id: person.id, name: entries.find((e) => e.person)?.person ?? `Person ${person.id}` } : person;
      const report = buildReport(entries, range, named);
      panel.show(report, entries);
      if (options && typeof options.csvPath === 'string') {
        await panel.exportCsv(vscode.Uri.file(options.csvPath));
      }
      return report;
    },
  };
}

function checkRange(range: DateRange): string | undefined {
  const days = (Date.parse(range.end) - Date.parse(range.start)) / 86_400_000 + 1;
  return days > MAX_DAYS ? `A report covers at most ${MAX_DAYS} days; choose a shorter range.` : undefined;
}

/**
 * The active people the signed-in person may list. Executives see everyone's time but may not
 * list people (`/person/` refuses them): for them this is empty and only ids are accepted.
 */
async function listablePeople(context: ProjectCommandContext): Promise<Person[] | undefined> {
  try {
    return await context.services.lookups.people();
  } catch (error) {
    if (isIntervalsError(error) && error.kind === 'forbidden') {
      return [];
    }
    void reportError(context.log, 'load people', error);
    return undefined;
  }
}

async function personFor(context: ProjectCommandContext, personId: number, me: { id: number; name: string }): Promise<{ id: number; name: string } | string | undefined> {
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
  return person ? { id: person.id, name: personName(person) } : `No active person has the id ${personId}.`;
}

async function fromArgument(
  context: ProjectCommandContext,
  options: Record<string, unknown>,
  me: { id: number; name: string },
  seesOthers: boolean,
  today: Date,
): Promise<ReportRequest | string | undefined> {
  const kind = options.range as ReportRange;
  if (!REPORT_RANGES.includes(kind)) {
    return `"${String(options.range)}" is not a report range; use one of ${REPORT_RANGES.join(', ')}.`;
  }
  let range: DateRange;
  if (kind === 'custom') {
    const start = parseDate(typeof options.start === 'string' ? options.start : '', today);
    if (!start.ok) {
      return start.message;
    }
    const endText = typeof options.end === 'string' ? options.end : '';
    const end = parseDate(endText, today);
    const endProblem = end.ok ? laterDateProblem(endText, today, start.iso, 'start date') : end.message;
    if (endProblem || !end.ok) {
      return endProblem ?? 'Enter an end date.';
    }
    range = { start: start.iso, end: end.iso };
  } else {
    range = rangeFor(kind, today);
  }
  const rangeProblem = checkRange(range);
  if (rangeProblem) {
    return rangeProblem;
  }
  const personId = options.personId === undefined ? me.id : positiveId(options.personId);
  if (personId === undefined) {
    return `"${String(options.personId)}" is not a person id.`;
  }
  if (personId !== me.id && !seesOthers) {
    return 'Your Intervals role shows only your own time.';
  }
  const person = await personFor(context, personId, me);
  return typeof person === 'string' || person === undefined ? person : { range, person };
}

async function ask(
  context: ProjectCommandContext,
  me: { id: number; name: string },
  seesOthers: boolean,
  today: Date,
  answers: LastAnswers,
  accountName: string,
): Promise<ReportRequest | undefined> {
  const asker = context.asker.current;
  let people: Person[] = [];
  if (seesOthers) {
    const loaded = await listablePeople(context);
    if (!loaded) {
      return undefined;
    }
    people = loaded.filter((p) => p.id !== me.id).sort((a, b) => personName(a).localeCompare(personName(b)));
  }
  const choosesPerson = people.length > 0;
  // The last report's range and person come first; a custom range offers its dates again.
  const lastRange = answers.text(accountName, 'range');
  const kind: ReportRange = REPORT_RANGES.find((each) => each === lastRange) ?? 'thisWeek';
  const lastPerson = people.find((p) => p.id === answers.ids(accountName).personId);
  const state = {
    kind,
    start: kind === 'custom' ? (answers.text(accountName, 'start') ?? '') : '',
    end: kind === 'custom' ? (answers.text(accountName, 'end') ?? '') : '',
    person: me,
  };
  const rangeChoices: Choice<ReportRange>[] = REPORT_RANGES.map((kind) => {
    const range = kind === 'custom' ? undefined : rangeFor(kind, today);
    return { label: RANGE_LABELS[kind], description: range ? `${range.start} – ${range.end}` : 'two dates', value: kind };
  });
  const personChoices: Choice<{ id: number; name: string }>[] = [
    { label: me.name, description: 'you', value: me },
    ...people.map((p) => ({ label: personName(p), description: p.group ?? undefined, value: { id: p.id, name: personName(p) } })),
  ];
  state.person = personChoices.find((choice) => choice.value.id === lastPerson?.id)?.value ?? me;
  const done = await runSteps('Time Report', [
    async (position) =>
      settle(await asker.pick({ ...position, placeholder: 'Time range', items: rangeChoices, active: state.kind }), (value) => {
        state.kind = value;
      }),
    async (position) => {
      if (state.kind !== 'custom') {
        return 'skip';
      }
      return settle(
        await asker.input({
          ...position,
          prompt: 'First day (today, yesterday, a weekday or YYYY-MM-DD)',
          value: state.start || toIsoDate(today),
          validate: (value) => requiredDateProblem(value, today),
          explain: (value) => dateMeaning(value, today),
        }),
        (value) => {
          state.start = isoOrNull(value, today) ?? '';
        },
      );
    },
    async (position) => {
      if (state.kind !== 'custom') {
        return 'skip';
      }
      return settle(
        await asker.input({
          ...position,
          prompt: 'Last day (today, yesterday, a weekday or YYYY-MM-DD)',
          value: state.end || toIsoDate(today),
          explain: (value) => dateMeaning(value, today),
          validate: (value) =>
            requiredDateProblem(value, today) ??
            laterDateProblem(value, today, state.start, 'first day') ??
            checkRange({ start: state.start, end: isoOrNull(value, today) ?? state.start }),
        }),
        (value) => {
          state.end = isoOrNull(value, today) ?? '';
        },
      );
    },
    async (position) => {
      if (!choosesPerson) {
        return 'skip';
      }
      return settle(await asker.pick({ ...position, placeholder: 'Whose time?', items: personChoices, active: state.person }), (value) => {
        state.person = value;
      });
    },
  ]);
  if (!done) {
    return undefined;
  }
  const range = state.kind === 'custom' ? { start: state.start, end: state.end } : rangeFor(state.kind, today);
  return { range, person: state.person, asked: state.kind };
}
