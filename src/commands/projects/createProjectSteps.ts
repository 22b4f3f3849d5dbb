import * as l10n from '@vscode/l10n';
import type { Client, Project, ProjectInput } from '../../api/types';
import { runSteps, settle, type Asker, type Choice, type Step } from '../../prompts/asker';
import { isoOrNull, laterDateProblem, nameProblem } from '../../prompts/formRules';
import { rememberedChoice } from '../../prompts/lastAnswers';
import { dateStep } from '../../prompts/steps';
import { positiveId } from '../../tasks/taskReference';
import { parseDate, toIsoDate } from '../../time/dates';

/** How "no client" is remembered as the last answer. */
export const NO_CLIENT = 'none';

interface ProjectFormState {
  clientId: number | null;
  name: string;
  start: string;
  billable: boolean;
  billableChosen: boolean;
  active: boolean;
  end: string | null;
  endText: string;
  description: string;
}

/**
 * A warning when the client (or no client) already has a project of this name, active or not:
 * a second one is allowed, but rarely meant.
 */
export function sameNameWarning(name: string, clientId: number | null, projects: readonly Project[], clients: readonly Client[]): string | undefined {
  const wanted = name.trim().toLocaleLowerCase();
  const same = projects.find((project) => project.clientId === clientId && project.name.trim().toLocaleLowerCase() === wanted);
  if (!wanted || !same) {
    return undefined;
  }
  if (clientId === null) {
    return same.active
      ? l10n.t('A project "{0}" already exists without a client; Enter creates another one.', same.name)
      : l10n.t('An inactive project "{0}" already exists without a client; Enter creates another one.', same.name);
  }
  const owner = clients.find((client) => client.id === clientId)?.name ?? same.client ?? l10n.t('client {0}', clientId);
  return same.active
    ? l10n.t('A project "{0}" already exists for {1}; Enter creates another one.', same.name, owner)
    : l10n.t('An inactive project "{0}" already exists for {1}; Enter creates another one.', same.name, owner);
}

/**
 * New Project, step by step: client (the last new project's first), name (warned when the
 * client has a project of that name), start date (today), billable (yes for a client's
 * project), active, end date, description. `projects` are the account's projects, for the warning.
 */
export async function askProject(
  asker: Asker,
  lists: { clients: readonly Client[]; projects: readonly Project[] },
  today: Date,
  lastClient: string | undefined,
): Promise<ProjectInput | undefined> {
  const { clients } = lists;
  const clientChoices: Choice<number | null>[] = [
    { label: l10n.t('No client'), description: l10n.t('an internal project'), value: null },
    ...[...clients].sort((a, b) => a.name.localeCompare(b.name)).map((c) => ({ label: c.name, value: c.id })),
  ];
  const state: ProjectFormState = {
    // The client of the last new project first, while it is still there.
    clientId: rememberedChoice<number | null>(lastClient === NO_CLIENT || lastClient === undefined ? null : Number(lastClient), clientChoices, null),
    name: '',
    start: toIsoDate(today),
    billable: true,
    billableChosen: false,
    active: true,
    end: null,
    endText: '',
    description: '',
  };
  const warning = (name: string): string | undefined => sameNameWarning(name, state.clientId, lists.projects, clients);
  const done = await runSteps(l10n.t('New Project'), [...nameSteps(asker, clientChoices, today, state, warning), ...termSteps(asker, today, state)]);
  if (!done) {
    return undefined;
  }
  return {
    name: state.name,
    ...(state.clientId !== null ? { clientId: state.clientId } : {}),
    dateStart: state.start,
    billable: state.billable,
    active: state.active,
    ...(state.end ? { dateEnd: state.end } : {}),
    ...(state.description.trim() ? { description: state.description.trim() } : {}),
  };
}

function nameSteps(asker: Asker, clientChoices: Choice<number | null>[], today: Date, state: ProjectFormState, warning: (name: string) => string | undefined): Step[] {
  return [
    async (position) =>
      settle(await asker.pick({ ...position, placeholder: l10n.t('Client of the project'), items: clientChoices, active: state.clientId }), (value) => {
        state.clientId = value;
      }),
    async (position) =>
      settle(await asker.input({ ...position, prompt: l10n.t('Project name'), value: state.name, validate: (value) => nameProblem(value, 'project name'), warning }), (value) => { // l10n-ignore: which sentence of the form rules
        state.name = value.trim();
      }),
    dateStep({
      asker,
      today,
      prompt: l10n.t('Start date: today, tomorrow, next mon, +7, dec 18 or YYYY-MM-DD'),
      placeholder: l10n.t('Start date'),
      value: () => state.start,
      store: (iso) => {
        state.start = iso ?? state.start;
      },
    }),
  ];
}

function termSteps(asker: Asker, today: Date, state: ProjectFormState): Step[] {
  const yesNo = (yes: string, no: string): Choice<boolean>[] => [
    { label: yes, value: true },
    { label: no, value: false },
  ];
  return [
    async (position) =>
      settle(
        await asker.pick({
          ...position,
          placeholder: l10n.t('Is time on this project billable by default?'),
          items: yesNo(l10n.t('Billable'), l10n.t('Not billable')),
          active: state.billableChosen ? state.billable : state.clientId !== null,
        }),
        (value) => {
          state.billable = value;
          state.billableChosen = true;
        },
      ),
    async (position) =>
      settle(await asker.pick({ ...position, placeholder: l10n.t('Status of the project'), items: yesNo(l10n.t('Active'), l10n.t('Inactive')), active: state.active }), (value) => {
        state.active = value;
      }),
    dateStep({
      asker,
      today,
      prompt: l10n.t('End date (optional; empty for none): a weekday such as fri means the next one, +30, dec 18 or YYYY-MM-DD'),
      placeholder: l10n.t('End date (empty for none)'),
      direction: 'future',
      optional: true,
      notBefore: () => ({ iso: state.start, name: 'start date' }), // l10n-ignore: which sentence of the form rules
      value: () => state.endText,
      store: (iso, text) => {
        state.end = iso;
        state.endText = text;
      },
    }),
    async (position) =>
      settle(await asker.input({ ...position, prompt: l10n.t('Description (optional)'), value: state.description }), (value) => {
        state.description = value;
      }),
  ];
}

/** The input an argument object describes, or a message saying what is wrong with it. */
export function projectFromArgument(options: Record<string, unknown>, today: Date): ProjectInput | string {
  const name = String(options.name);
  const nameMessage = nameProblem(name, 'project name'); // l10n-ignore: which sentence of the form rules
  if (nameMessage) {
    return nameMessage;
  }
  const clientId = options.clientId === undefined || options.clientId === null ? null : positiveId(options.clientId);
  if (clientId === undefined) {
    return l10n.t('"{0}" is not a client id.', String(options.clientId));
  }
  const start = parseDate(typeof options.dateStart === 'string' ? options.dateStart : 'today', today);
  if (!start.ok) {
    return start.message;
  }
  const endText = typeof options.dateEnd === 'string' ? options.dateEnd : '';
  const endMessage = laterDateProblem(endText, today, start.iso, 'start date'); // l10n-ignore: which sentence of the form rules
  if (endMessage) {
    return endMessage;
  }
  const description = typeof options.description === 'string' && options.description.trim() !== '' ? options.description : undefined;
  return {
    name: name.trim(),
    ...(clientId !== null ? { clientId } : {}),
    dateStart: start.iso,
    billable: typeof options.billable === 'boolean' ? options.billable : clientId !== null,
    active: typeof options.active === 'boolean' ? options.active : true,
    ...(endText.trim() ? { dateEnd: isoOrNull(endText, today) } : {}),
    ...(description ? { description } : {}),
  };
}

/** The argument object of `intervals.createProject` that makes `input` without asking. */
export function projectArgument(input: ProjectInput): Record<string, unknown> {
  return {
    name: input.name,
    clientId: input.clientId ?? null,
    dateStart: input.dateStart,
    billable: input.billable,
    active: input.active,
    ...(input.dateEnd ? { dateEnd: input.dateEnd } : {}),
    ...(input.description ? { description: input.description } : {}),
  };
}
