import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { IntervalsClient } from '../../api/client';
import type { TimeEntry } from '../../api/types';
import type { AccountGuard } from '../../auth/accountGuard';
import type { SessionState } from '../../auth/accountSession';
import type { Clock } from '../../common/clock';
import { accountKey, LastAnswers } from '../../prompts/lastAnswers';
import type { DateRange } from '../../time/dates';
import { buildReport, type ReportPerson, type TimeReport } from '../../timeReport/reportModel';
import type { TimeReportPanel } from '../../views/timeReport/timeReportPanel';
import { argumentObject } from '../args';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';
import { invalidArgument } from '../writes';
import { askReport, requestFromArgument, type Me, type ReportFormContext, type ReportRequest } from './timeReportSteps';

const LAST_ANSWERS_KEY = 'intervals.lastAnswers.timeReport';

/** A person's id, or `"everyone"`: everyone whose time the signed-in person may see. */
/** Groups whose members may see other people's time (Resource users see only their own). */
// l10n-ignore: Intervals' group names as the service sends them
const SEES_OTHERS = new Set(['Executive', 'Administrator', 'Manager']);

export interface TimeReportDependencies extends ReportFormContext {
  readonly guard: Pick<AccountGuard, 'clientAsking'>;
  readonly session: { readonly state: SessionState };
  readonly clock: Clock;
  readonly panel: Pick<TimeReportPanel, 'show' | 'exportCsv'>;
  /** Where the last answers are kept (globalState). */
  readonly memento: vscode.Memento;
}

/**
 * `intervals.timeReport`: a range and whose time (yourself unless your group may see others',
 * then also everyone's), every page of `GET /time/` for them, then the report page. `{ range,
 * start?, end?, personId?, csvPath? }` asks nothing (`personId: "everyone"` for everyone;
 * `csvPath` also writes the CSV there). Returns the report.
 */
export function timeReportCommand(deps: TimeReportDependencies): Command {
  return {
    id: 'intervals.timeReport',
    arguments: argumentKeys('intervals.timeReport'),
    async execute(arg?: unknown): Promise<TimeReport | undefined> {
      const api = await deps.guard.clientAsking(l10n.t('Sign in to Intervals to see a time report.'));
      const state = deps.session.state;
      if (!api || !state.signedIn) {
        return undefined;
      }
      const options = argumentObject(arg);
      const request = await requested(deps, state.account, options);
      if (!request) {
        return undefined;
      }
      const { range, person } = request;
      const entries = await loadEntries(deps, api, range, person);
      if (!entries) {
        return undefined;
      }
      const named = person.name === '' ? { id: person.id, name: entries.find((e) => e.person)?.person ?? l10n.t('Person {0}', person.id) } : person;
      const report = buildReport(entries, range, named);
      deps.panel.show(report, entries);
      if (options && typeof options.csvPath === 'string') {
        await deps.panel.exportCsv(vscode.Uri.file(options.csvPath));
      }
      return report;
    },
  };
}

/** The range and person the argument names, else the ones the user chooses (remembered for next time). */
async function requested(
  deps: TimeReportDependencies,
  account: Extract<SessionState, { signedIn: true }>['account'],
  options: Record<string, unknown> | undefined,
): Promise<ReportRequest | undefined> {
  const me: Me = { id: account.personId, name: account.name };
  const seesOthers = SEES_OTHERS.has(account.group);
  const today = deps.clock.now();
  const answers = new LastAnswers(deps.memento, LAST_ANSWERS_KEY);
  const accountName = accountKey(account);
  const request =
    options && typeof options.range === 'string'
      ? await requestFromArgument(deps, options, me, seesOthers, today)
      : await askReport(deps, me, seesOthers, today, answers, accountName);
  if (typeof request === 'string') {
    invalidArgument(request);
    return undefined;
  }
  if (request?.asked) {
    const custom = request.asked === 'custom';
    await answers.remember(accountName, {
      range: request.asked,
      personId: request.person.id,
      start: custom ? request.range.start : undefined,
      end: custom ? request.range.end : undefined,
    });
  }
  return request;
}

/** Every page of the range, with progress and Cancel; a failure is told (with Retry) and undefined. */
async function loadEntries(deps: TimeReportDependencies, api: IntervalsClient, range: DateRange, person: ReportPerson): Promise<TimeEntry[] | undefined> {
  const title =
    person.id === 'everyone'
      ? l10n.t("Loading everyone's time")
      : person.name
        ? l10n.t('Loading the time of {0}', person.name)
        : l10n.t('Loading the time of person {0}', person.id);
  try {
    return await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      async (progress, token) => {
        const abort = new AbortController();
        const subscription = token.onCancellationRequested(() => abort.abort());
        try {
          return await api.listAllTime(
            { ...(person.id === 'everyone' ? {} : { personId: person.id }), dateBegin: range.start, dateEnd: range.end },
            { signal: abort.signal, onPage: (page) => progress.report({ message: page.fetched === 1 ? l10n.t('1 entry') : l10n.t('{0} entries', page.fetched) }) },
          );
        } finally {
          subscription.dispose();
        }
      },
    );
  } catch (error) {
    const again = { range: 'custom', start: range.start, end: range.end, personId: person.id };
    void deps.errors.reportFailure(deps.log, l10n.t('Could not load the time report'), error, { retry: () => vscode.commands.executeCommand('intervals.timeReport', again) });
    return undefined;
  }
}
