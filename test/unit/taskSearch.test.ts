import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { foldText, queryWords, searchItems, searchKey } from '../../src/tasks/taskSearch';

interface Row {
  readonly title: string;
  readonly number: string;
  readonly project: string;
  readonly client: string | null;
}

const ROWS: readonly Row[] = [
  { title: 'Launch checklist', number: '#1005', project: 'Website Redesign', client: 'Acme & Sons' },
  { title: 'Kiosk UI: Grüezi screen', number: '#1019', project: 'Menu Ordering Kiosk', client: 'Café Zürich' },
  { title: 'Payment terminal integration', number: '#1021', project: 'Menu Ordering Kiosk', client: 'Café Zürich' },
  { title: 'Søren’s QA plan', number: '#1030', project: 'Internal Tools', client: null },
];

function titles(query: string): string[] {
  return searchItems(ROWS, (row) => searchKey(row.title, row.number, row.project, row.client), query).map((row) => row.title);
}

describe('task search', () => {
  it('folds accents, case and letters of their own', () => {
    assert.equal(foldText('Café Zürich'), 'cafe zurich');
    assert.equal(foldText('GRÜEZI'), 'gruezi');
    assert.equal(foldText('Søren Ødegård'), 'soren odegard');
    assert.equal(foldText('Straße'), 'strasse');
    assert.deepEqual(queryWords('  Kiosk   ZÜRICH '), ['kiosk', 'zurich']);
    assert.deepEqual(queryWords('   '), []);
  });

  it('matches every word in any order, across title, number, project and client', () => {
    assert.deepEqual(titles('kiosk zurich'), ['Kiosk UI: Grüezi screen', 'Payment terminal integration']);
    assert.deepEqual(titles('zurich gruezi'), ['Kiosk UI: Grüezi screen']);
    assert.deepEqual(titles('GRÜEZI'), ['Kiosk UI: Grüezi screen']);
    assert.deepEqual(titles('#1005'), ['Launch checklist']);
    assert.deepEqual(titles('1021'), ['Payment terminal integration']);
    assert.deepEqual(titles('soren'), ['Søren’s QA plan']);
    assert.deepEqual(titles('kiosk berlin'), [], 'one word that matches nothing rules the task out');
  });

  it('ranks tasks whose title holds every word first, otherwise keeps the order given', () => {
    assert.deepEqual(titles('kiosk'), ['Kiosk UI: Grüezi screen', 'Payment terminal integration']);
    assert.deepEqual(titles('menu'), ['Kiosk UI: Grüezi screen', 'Payment terminal integration']);
    assert.deepEqual(titles(''), ROWS.map((row) => row.title), 'a blank query keeps every task');
  });
});
