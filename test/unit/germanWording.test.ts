import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { AccountGuard } from '../../src/auth/accountGuard';
import { describeSignInFailure, checkTokenShape } from '../../src/auth/signInMessages';
import { IntervalsError } from '../../src/api/errors';
import { ErrorReporter } from '../../src/common/errorReporter';
import type { Notifier } from '../../src/common/notifier';
import { nameProblem, laterDateProblem } from '../../src/prompts/formRules';
import { describeHours } from '../../src/reminders/reminderPolicy';
import { timerStatusView } from '../../src/statusBar/timerStatusBarController';
import { waitingEntriesView } from '../../src/statusBar/waitingEntriesStatus';
import type { TaskSummary } from '../../src/tasks/taskReference';

const T0 = Date.parse('2026-03-11T09:00:00Z');
const TASK: TaskSummary = { id: 3, localId: 1003, title: 'Checkout', projectId: 1, project: 'Website', clientId: 1, client: 'Acme' };
const running = { key: '9', timer: { id: 9, taskId: 3, accumulatedSeconds: 600, startedAt: new Date(T0) }, task: TASK, unsynced: false };

/** A notifier that keeps what it was asked to show and answers nothing. */
function keptNotifications(shown: string[]): Notifier {
  return {
    show: (_severity, message) => {
      shown.push(message);
      return Promise.resolve(undefined);
    },
    offer: (_severity, message) => {
      shown.push(message);
      return Promise.resolve();
    },
  } as Notifier;
}

/** Every TypeScript file under a folder. */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    return entry.isDirectory() ? sourceFiles(file) : entry.name.endsWith('.ts') ? [file] : [];
  });
}

/** The German of the views, status bar, prompts, sign-in and reminders, as the display language's bundle would hold it. */
function germanBundle(): Record<string, string> {
  return JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'l10n', 'bundle.l10n.de.json'), 'utf8')) as Record<string, string>;
}

describe('wording in the display language', () => {
  afterEach(() => l10n.config({ contents: {} }));

  it('speaks English with no bundle, word for word as before', () => {
    assert.equal(describeHours(6.25), '6 h 15 min');
    assert.equal(waitingEntriesView([{ state: 'failed' }]).tooltip, '1 time entry refused by Intervals: retry or discard it in My Time.\nClick to show them in My Time.');
    assert.equal(nameProblem('', 'task title'), 'Enter a task title.');
  });

  it('speaks German, whole sentences with the values in place, once the German bundle is configured', () => {
    l10n.config({ contents: germanBundle() });
    assert.equal(describeHours(6.25), '6 Std. 15 Min.');
    assert.equal(
      waitingEntriesView([{ state: 'pending' }, { state: 'pending' }]).tooltip,
      '2 Zeiteinträge warten darauf, an Intervals gesendet zu werden; sie werden gesendet, sobald die Verbindung wieder besteht.\nKlicken Sie, um sie in „Meine Zeit“ anzuzeigen.',
    );
    const timer = timerStatusView([running], new Date(T0 + 65 * 60_000), 8);
    assert.ok(timer.tooltip.includes('Projekt: Website') && timer.tooltip.includes('Kunde: Acme'), timer.tooltip);
    assert.match(timer.accessibilityLabel, /^Timer läuft, .*, Aufgabe #1003 Checkout$/);
    assert.equal(nameProblem('', 'project name'), 'Geben Sie einen Projektnamen ein.');
    assert.equal(laterDateProblem('2026-03-01', new Date(T0), '2026-03-05', 'start date'), 'Dieses Datum liegt vor dem Startdatum (2026-03-05).');
    assert.equal(checkTokenShape('a b'), 'Das Token enthält Leerzeichen. Kopieren Sie es erneut unter „My Account → API Access“ in Intervals.');
    assert.match(describeSignInFailure(new IntervalsError({ kind: 'network', message: 'down' }), 'https://api.example'), /^Intervals unter https:\/\/api\.example ist nicht erreichbar\./);
  });

  it('tells failures and the offer to sign in as whole German sentences, not English around a German piece', async () => {
    l10n.config({ contents: germanBundle() });
    const shown: string[] = [];
    const log = { error: () => undefined, show: () => undefined };
    await new ErrorReporter(keptNotifications(shown)).reportFailure(log, l10n.t('Could not load the time report'), new Error('Zeitüberschreitung'));
    await new AccountGuard({ client: undefined }, keptNotifications(shown), () => Promise.resolve()).clientAsking(l10n.t('Sign in to Intervals to log time.'));
    assert.deepEqual(shown, ['Der Zeitbericht konnte nicht geladen werden. Zeitüberschreitung', 'Melden Sie sich bei Intervals an, um Zeit zu erfassen.']);
  });

  it('has every failure and every offer to sign in translated as a whole sentence', () => {
    const german = Object.entries(germanBundle());
    const failures = german.filter(([english]) => english.startsWith('Could not '));
    const signIns = german.filter(([english]) => english.startsWith('Sign in to Intervals to '));
    assert.ok(failures.length > 10 && signIns.length > 10, `${failures.length} failures, ${signIns.length} offers to sign in`);
    for (const [english, translated] of failures) {
      assert.ok(!/^Could not|^Konnte nicht/.test(translated), `${english} → ${translated}`);
    }
    for (const [english, translated] of signIns) {
      assert.match(translated, /^Melden Sie sich bei Intervals an, um .+\.$/, english);
    }
  });

  it('finds no string in src/ that only completes another sentence (translators could not order the words)', () => {
    const source = path.join(__dirname, '..', '..', '..', 'src');
    const pieces = sourceFiles(source).filter((file) => /Completes the sentence/i.test(readFileSync(file, 'utf8')));
    assert.deepEqual(pieces.map((file) => path.relative(source, file)), []);
  });
});
