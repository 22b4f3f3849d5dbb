import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { accountKey, LastAnswers, rememberedChoice } from '../../src/prompts/lastAnswers';
import { MapMemento } from './helpers/mapMemento';

describe('LastAnswers', () => {
  const ada = accountKey({ apiUrl: 'https://api.myintervals.com/', personId: 1 });
  const other = accountKey({ apiUrl: 'https://api.myintervals.com/', personId: 2 });
  let memento: MapMemento;
  let answers: LastAnswers;

  beforeEach(() => {
    memento = new MapMemento();
    answers = new LastAnswers(memento as unknown as vscode.Memento, 'intervals.lastAnswers.test');
  });

  it('gives back the ids and texts remembered for the account, merging later answers', async () => {
    await answers.remember(ada, { projectId: 6, range: 'lastWeek' });
    await answers.remember(ada, { statusId: 2, start: undefined });
    assert.deepEqual(answers.ids(ada), { projectId: 6, statusId: 2 });
    assert.equal(answers.text(ada, 'range'), 'lastWeek');
    assert.equal(answers.text(ada, 'start'), undefined);
  });

  it("knows nothing for another account, and forgets the first account's answers once another answers", async () => {
    await answers.remember(ada, { projectId: 6 });
    assert.deepEqual(answers.ids(other), {});
    await answers.remember(other, { projectId: 9 });
    assert.deepEqual(answers.ids(other), { projectId: 9 });
    assert.deepEqual(answers.ids(ada), {});
  });

  it('ignores damaged stored values', async () => {
    await memento.update('intervals.lastAnswers.test', { account: ada, values: { projectId: -1, statusId: 2.5, priorityId: '3', clientId: 4 } });
    assert.deepEqual(answers.ids(ada), { clientId: 4 });
    assert.equal(answers.text(ada, 'clientId'), undefined);
    await memento.update('intervals.lastAnswers.test', 'garbage');
    assert.deepEqual(answers.ids(ada), {});
  });
});

describe('rememberedChoice', () => {
  const choices = [{ value: 1 }, { value: 2 }];
  it('takes the remembered value only while it is still offered', () => {
    assert.equal(rememberedChoice(2, choices, 1), 2);
    assert.equal(rememberedChoice(3, choices, 1), 1);
    assert.equal(rememberedChoice(undefined, choices, 1), 1);
  });
});
