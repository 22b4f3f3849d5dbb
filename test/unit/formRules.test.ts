import * as assert from 'node:assert/strict';
import type { TaskPriority, TaskStatus } from '../../src/api/types';
import { dayInWords } from '../../src/time/dates';
import { BACK, checkedInput, runSteps, settle, type Step, type StepOutcome, type StepPosition } from '../../src/prompts/asker';
import { dateMeaning, isoOrNull, laterDateProblem, nameProblem, requiredDateProblem } from '../../src/prompts/formRules';
import { defaultPriority, defaultStatus } from '../../src/tasks/taskDefaults';

const TODAY = new Date(2026, 2, 11);

function status(id: number, name: string, order: number, extra: Partial<TaskStatus> = {}): TaskStatus {
  return { id, name, order, frozen: false, active: true, ...extra };
}

function priority(id: number, name: string, value: number, extra: Partial<TaskPriority> = {}): TaskPriority {
  return { id, name, color: null, priority: value, isDefault: false, active: true, ...extra };
}

describe('New project and task form rules', () => {
  describe('defaultStatus', () => {
    it('takes the first open status in workflow order, whatever the list order', () => {
      const statuses = [status(5, 'Closed', 5), status(2, 'In Progress', 2), status(1, 'Open', 1)];
      assert.equal(defaultStatus(statuses)?.id, 1);
    });

    it('passes over inactive, frozen and closing statuses', () => {
      const statuses = [status(1, 'Archived', 0, { active: false }), status(2, 'On Hold', 1, { frozen: true }), status(3, 'Closed', 2), status(4, 'Triage', 3)];
      assert.equal(defaultStatus(statuses)?.id, 4);
    });

    it('falls back to the first active status, and to nothing for none', () => {
      assert.equal(defaultStatus([status(3, 'Closed', 2), status(2, 'Done', 1)])?.id, 2);
      assert.equal(defaultStatus([]), undefined);
    });
  });

  describe('defaultPriority', () => {
    it("takes the account's default priority", () => {
      assert.equal(defaultPriority([priority(1, 'High', 1), priority(2, 'Normal', 2, { isDefault: true }), priority(3, 'Low', 3)])?.id, 2);
    });

    it('ignores an inactive default and then takes the middle active one', () => {
      const list = [priority(1, 'High', 1), priority(2, 'Normal', 2, { isDefault: true, active: false }), priority(3, 'Low', 3), priority(4, 'Later', 4)];
      assert.equal(defaultPriority(list)?.id, 3);
      assert.equal(defaultPriority([]), undefined);
    });
  });

  describe('text checks', () => {
    it('requires a name and limits its length', () => {
      assert.equal(nameProblem('  ', 'project name'), 'Enter a project name.');
      assert.equal(nameProblem('Kiosk', 'project name'), undefined);
      assert.match(nameProblem('x'.repeat(256), 'task title') ?? '', /too long/);
    });

    it('requires a readable date', () => {
      assert.equal(requiredDateProblem('today', TODAY), undefined);
      assert.equal(requiredDateProblem('2026-03-01', TODAY), undefined);
      assert.match(requiredDateProblem('', TODAY) ?? '', /Enter a date/);
      assert.match(requiredDateProblem('2026-02-30', TODAY) ?? '', /not a date|day/);
    });

    it('accepts an empty later date, refuses one before the earlier date', () => {
      assert.equal(laterDateProblem('', TODAY, '2026-03-11', 'start date'), undefined);
      assert.equal(laterDateProblem('2026-03-11', TODAY, '2026-03-11', 'start date'), undefined, 'the same day is fine');
      assert.equal(laterDateProblem('2026-03-10', TODAY, '2026-03-11', 'start date'), 'This date is before the start date (2026-03-11).');
      assert.equal(laterDateProblem('yesterday', TODAY, '2026-03-11', 'open date'), 'This date is before the open date (2026-03-11).');
      assert.match(laterDateProblem('soon', TODAY, '2026-03-11', 'start date') ?? '', /not a date/);
    });

    it('writes out the day a date text means, and nothing for empty or unreadable text', () => {
      assert.equal(dateMeaning('yesterday', TODAY), dayInWords(new Date(2026, 2, 10)));
      assert.match(dateMeaning('2026-03-01', TODAY) ?? '', /2026/);
      assert.notEqual(dateMeaning('mon', TODAY), dateMeaning('tue', TODAY));
      assert.equal(dateMeaning('', TODAY), undefined);
      assert.equal(dateMeaning('2026-02-30', TODAY), undefined);
    });

    it('turns accepted date text into YYYY-MM-DD, and empty into null', () => {
      assert.equal(isoOrNull('tomorrow-ish', TODAY), null);
      assert.equal(isoOrNull('', TODAY), null);
      assert.equal(isoOrNull('yesterday', TODAY), '2026-03-10');
    });
  });

  describe('runSteps', () => {
    /** Steps that answer from a script and record the positions they were shown at. */
    function scripted(outcomes: Record<number, StepOutcome[]>): { steps: Step[]; shown: StepPosition[] } {
      const shown: StepPosition[] = [];
      const steps = Object.keys(outcomes).map((key) => async (position: StepPosition): Promise<StepOutcome> => {
        shown.push(position);
        const next = outcomes[Number(key)].shift();
        assert.ok(next, `step ${key} was asked once too often`);
        return next;
      });
      return { steps, shown };
    }

    it('runs every step in order with the title and the step counter', async () => {
      const { steps, shown } = scripted({ 0: ['next'], 1: ['next'], 2: ['next'] });
      assert.equal(await runSteps('New Thing', steps), true);
      assert.deepEqual(shown, [
        { title: 'New Thing', step: 1, totalSteps: 3 },
        { title: 'New Thing', step: 2, totalSteps: 3 },
        { title: 'New Thing', step: 3, totalSteps: 3 },
      ]);
    });

    it('goes back to the previous step, passing over skipped ones both ways', async () => {
      const { steps, shown } = scripted({ 0: ['next', 'next'], 1: ['skip', 'skip'], 2: ['back', 'next'] });
      assert.equal(await runSteps('T', steps), true);
      assert.deepEqual(
        shown.map((p) => p.step),
        [1, 2, 3, 1, 2, 3],
      );
    });

    it('stays on the first step when it asks to go back, and stops on cancel', async () => {
      const { steps, shown } = scripted({ 0: ['back', 'next'], 1: ['cancel'] });
      assert.equal(await runSteps('T', steps), false);
      assert.deepEqual(
        shown.map((p) => p.step),
        [1, 1, 2],
      );
    });

    it('settles answers into outcomes and stores only real values', () => {
      const stored: string[] = [];
      assert.equal(settle<string>('a', (v) => stored.push(v)), 'next');
      assert.equal(settle<string>(BACK, (v) => stored.push(v)), 'back');
      assert.equal(settle<string>(undefined, (v) => stored.push(v)), 'cancel');
      assert.deepEqual(stored, ['a']);
    });
  });

  describe('checkedInput', () => {
    const hours = checkedInput((text) => (/^\d+$/.test(text) ? { ok: true, message: `${text} h` } : { ok: false, message: 'Type whole hours.' }));

    it('blocks a rejected value with its message and explains nothing about it', () => {
      assert.equal(hours.validate?.('x'), 'Type whole hours.');
      assert.equal(hours.explain?.('x'), undefined);
    });

    it('accepts a value and explains what it means', () => {
      assert.equal(hours.validate?.('3'), undefined);
      assert.equal(hours.explain?.('3'), '3 h');
    });

    it('checks each text once for both questions the widget asks of it', () => {
      const seen: string[] = [];
      const counted = checkedInput((text) => {
        seen.push(text);
        return { ok: true, message: text };
      });
      counted.validate?.('1h');
      counted.explain?.('1h');
      counted.validate?.('2h');
      counted.explain?.('2h');
      assert.deepEqual(seen, ['1h', '2h']);
    });

    it('gives a rejection without a message a general one, so Enter is still blocked', () => {
      const bare = checkedInput(() => ({ ok: false }));
      assert.equal(bare.validate?.(''), 'This value cannot be accepted.');
    });
  });
});
