import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { describeSignInFailure, checkTokenShape } from '../../src/auth/signInMessages';
import { IntervalsError } from '../../src/api/errors';
import { nameProblem, laterDateProblem } from '../../src/prompts/formRules';
import { describeHours } from '../../src/reminders/reminderPolicy';
import { timerStatusView } from '../../src/statusBar/timerStatusBarController';
import { waitingEntriesView } from '../../src/statusBar/waitingEntriesStatus';
import type { TaskSummary } from '../../src/tasks/taskReference';

const T0 = Date.parse('2026-03-11T09:00:00Z');
const TASK: TaskSummary = { id: 3, localId: 1003, title: 'Checkout', projectId: 1, project: 'Website', clientId: 1, client: 'Acme' };
const running = { key: '9', timer: { id: 9, taskId: 3, accumulatedSeconds: 600, startedAt: new Date(T0) }, task: TASK, unsynced: false };

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
});
