import {
  boolean,
  clientOrNone,
  day,
  dayOrNone,
  hours,
  id,
  idOrNone,
  ids,
  isoDate,
  oneOf,
  passed,
  personOrEveryone,
  statusName,
  text,
  timerName,
  type ArgumentSpec,
} from './args';
import { elapsed, startedAt } from './timer/adjustTimerArguments';

// The argument object of every command, in one place: the keys it reads and what each must hold,
// which the command checks before it runs (see args.ts and command.ts), and what the README's
// command reference says of it (`npm run reference` writes that from here and package.json).
// The reference text is the README's, in English: it is not shown in VS Code.

export const REPORT_RANGES = ['thisWeek', 'lastWeek', 'thisMonth', 'lastMonth', 'custom'] as const;

/** A command that takes an argument object. */
export interface ArgumentObject {
  /** Each key the command reads, and what it must hold: a value that does not fit is refused. */
  readonly keys: ArgumentSpec;
  /** The keys a caller gives for the command to ask nothing; the others may be left out. */
  readonly needs?: readonly string[];
  /** Keys the extension's own views and commands pass: checked like the others, left out of the reference. */
  readonly internal?: readonly string[];
  /** What the object does beyond its keys, for the reference. */
  readonly about?: string;
}

/** A command that takes no argument object, and what it does instead (for the reference). */
export interface NoArgumentObject {
  readonly none: string;
}

const TIMER_KEYS = { taskId: id, timerId: id };

// l10n-ignore-start: the reference text below is the README's, never shown in VS Code
const TABLE = {
  'intervals.signIn': { keys: { token: text }, needs: ['token'], about: 'signs in with that API token without asking' },
  'intervals.signOut': { none: 'signs out' },
  'intervals.showLog': { none: 'shows the Intervals output' },
  'intervals.showSetAsideData': { none: 'lists the copies of damaged timer and entry files, and opens one' },
  'intervals.refreshTasks': { none: 'reloads the Tasks view (or the project row it is run on)' },
  'intervals.tasks.retry': { none: 'runs on an error row of the Tasks view' },
  'intervals.findTask': {
    keys: { value: text, title: text, pick: boolean, action: text, generalTimer: boolean },
    internal: ['title', 'action', 'generalTimer'],
    about: '`value` starts the search with that text; `pick: true` returns the chosen task without showing it or its actions',
  },
  'intervals.showClosedTasks': { none: 'a filter of the Tasks view' },
  'intervals.hideClosedTasks': { none: 'a filter of the Tasks view' },
  'intervals.showMyTasks': { none: 'a filter of the Tasks view' },
  'intervals.showAllTasks': { none: 'a filter of the Tasks view' },
  'intervals.openTaskInBrowser': { keys: { taskId: id }, needs: ['taskId'] },
  'intervals.copyTaskLink': { keys: { taskId: id }, needs: ['taskId'] },
  'intervals.copyTaskId': { keys: { taskId: id }, needs: ['taskId'], about: 'copies the task\'s `#number` and returns it' },
  'intervals.pinTask': { keys: { taskId: id }, needs: ['taskId'], about: 'pins the task for this account (first in the Tasks view and every task picker)' },
  'intervals.unpinTask': { keys: { taskId: id }, needs: ['taskId'] },
  'intervals.showClientTasks': {
    keys: { clientId: clientOrNone, name: text, pick: boolean, action: text },
    needs: ['clientId'],
    internal: ['name', 'action'],
    about: '`clientId: -1` for projects without a client; `pick: true` returns the chosen task without offering its actions',
  },
  'intervals.tasks.reveal': { keys: { taskId: id, projectId: id } },
  'intervals.tasks.collapseAll': { none: 'collapses the Tasks view' },
  'intervals.tasks.showActions': { keys: { taskId: id }, needs: ['taskId'], about: 'offers what can be done with the task' },
  'intervals.startTimer': { keys: { taskId: id, name: timerName }, needs: ['taskId'], about: '`name` instead of `taskId` starts a general timer (no task) with that name' },
  'intervals.pauseTimer': { keys: TIMER_KEYS, about: '`taskId` or `timerId` names the timer; without either, the running one' },
  'intervals.resumeTimer': { keys: TIMER_KEYS, about: '`taskId` or `timerId` names the timer' },
  'intervals.stopTimer': {
    keys: { ...TIMER_KEYS, worktypeId: id, billable: boolean, description: text, date: isoDate, prompt: boolean, projectId: id, moduleId: id, postNote: boolean },
    needs: ['prompt'],
    about:
      '`prompt: false` logs without the summary (the work type last used on the project, its billable default); the running timer unless `taskId` or `timerId` names one; a general timer\'s time goes to `projectId` (and `moduleId`, needed when the project has modules); `postNote: true` also posts the description as a private note on the timer\'s task',
  },
  'intervals.discardTimer': { keys: { ...TIMER_KEYS, confirm: boolean }, needs: ['confirm'], about: '`confirm: false` discards without asking' },
  'intervals.showTimers': { keys: {}, about: 'any object, even `{}`, returns every timer (key, ids, label, state, seconds) without showing them' },
  'intervals.adjustTimer': {
    keys: { ...TIMER_KEYS, startedAt, elapsed },
    about: '`startedAt` (refused while that time is still ahead today: `"yesterday 9:15"` for yesterday\'s) or `elapsed`; `taskId` or `timerId` picks the timer, else the running one',
  },
  'intervals.logTime': {
    keys: { taskId: id, projectId: id, moduleId: id, date: isoDate, hours, worktypeId: id, billable: boolean, description: text, prompt: boolean, timerId: id, fromTimer: boolean, postNote: boolean },
    needs: ['taskId', 'hours'],
    internal: ['timerId', 'fromTimer', 'postNote'],
    about: 'logs without asking; `prompt: true` asks every step with these filled in; `projectId` (and `moduleId`, needed when the project has modules) instead of `taskId` logs project time, without a task',
  },
  'intervals.refreshTime': { none: 'reloads My Time' },
  'intervals.previousWeek': { none: 'moves My Time a week back' },
  'intervals.nextWeek': { none: 'moves My Time a week on' },
  'intervals.thisWeek': { keys: { date: isoDate }, about: 'shows the week of that day' },
  'intervals.openTimesheet': { keys: { week: isoDate }, about: 'opens the timesheet of the week holding that day (weeks start on Monday)' },
  'intervals.editTimeEntry': {
    keys: { entryId: id, id, date: isoDate, hours, worktypeId: id, billable: boolean, description: text, prompt: boolean },
    needs: ['entryId'],
    internal: ['id'],
    about: 'saves the keys given without asking; `prompt: true` shows the summary with them filled in',
  },
  'intervals.deleteTimeEntry': { keys: { entryId: id, id, confirm: boolean }, needs: ['entryId', 'confirm'], internal: ['id'], about: '`confirm: false` deletes without asking' },
  'intervals.logAgainToday': { keys: { entryId: id, id }, needs: ['entryId'], internal: ['id'] },
  'intervals.retrySync': { keys: { id: text }, about: 'sends the waiting entry of that id now; without it, every waiting entry' },
  'intervals.discardWaitingEntry': { keys: { id: text, confirm: boolean }, needs: ['id', 'confirm'], about: '`confirm: false` discards without asking' },
  'intervals.timeReport': {
    keys: { range: oneOf(REPORT_RANGES), start: isoDate, end: isoDate, personId: personOrEveryone, csvPath: text },
    needs: ['range'],
    about: '`start` and `end` for `"custom"`; `personId: "everyone"` for everyone\'s time; `csvPath` also saves the entries there as CSV',
  },
  'intervals.createProject': {
    keys: { clientId: clientOrNone, name: text, dateStart: day, dateEnd: dayOrNone, billable: boolean, active: boolean, description: text, tasks: passed },
    needs: ['clientId', 'name', 'dateStart', 'billable', 'active'],
    internal: ['tasks'],
  },
  'intervals.createTask': {
    keys: { projectId: id, title: text, moduleId: idOrNone, statusId: id, priorityId: id, ownerId: id, assigneeIds: ids, dateOpen: day, dateDue: dayOrNone, description: text },
    needs: ['projectId', 'title'],
  },
  'intervals.setTaskStatus': { keys: { taskId: id, statusId: id }, needs: ['taskId', 'statusId'] },
  'intervals.assignTask': { keys: { taskId: id, assigneeIds: ids }, needs: ['taskId', 'assigneeIds'] },
  'intervals.addTaskNote': {
    keys: { taskId: id, note: text, public: boolean },
    needs: ['taskId', 'note'],
    about: '`public: true` lets the client read the note; private by default',
  },
  'intervals.startWork': {
    keys: { taskId: id, repository: text, branch: text, status: statusName, timer: boolean },
    needs: ['taskId'],
    about: '`repository`: a repository\'s folder; `branch`: a name git accepts; `status` overrides `intervals.startWorkStatus`; `timer: false` starts no timer',
  },
  'intervals.revealBranchTask': { none: 'shows the task of the current branch' },
  'intervals.linkFolderToProject': { keys: { projectId: idOrNone, folder: text }, needs: ['projectId'], about: '`projectId: null` unlinks; `folder`: a workspace folder\'s path, else the active one' },
} satisfies Record<string, ArgumentObject | NoArgumentObject>;
// l10n-ignore-end

export type CommandId = keyof typeof TABLE;

/** Every command's argument object, by command id. */
export const COMMAND_ARGUMENTS: Readonly<Record<CommandId, ArgumentObject | NoArgumentObject>> = TABLE;

/** The keys a command reads from its argument object, for `Command.arguments`. */
export function argumentKeys(command: CommandId): ArgumentSpec | undefined {
  const entry: ArgumentObject | NoArgumentObject = TABLE[command];
  return 'keys' in entry ? entry.keys : undefined;
}
