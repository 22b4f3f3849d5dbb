import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as l10n from '@vscode/l10n';
import { afterEach, describe, it } from 'mocha';
import { dayInWords, parseDate } from '../../src/time/dates';
import { displayLocale, setDisplayLocale } from '../../src/time/displayLocale';
import { describeDuration, formatDuration, formatDurationAs, parseDuration } from '../../src/time/duration';
import { formatNumber } from '../../src/time/localeFormat';
import { checkHours } from '../../src/timeLog/timeEntryDraft';

/** German as VS Code gives it at activation: the display language and the strings bundle. */
function useGerman(): void {
  setDisplayLocale('de');
  l10n.config({ contents: JSON.parse(readFileSync('l10n/bundle.l10n.de.json', 'utf8')) as Record<string, string> });
}

const TODAY = new Date(2026, 10, 27); // a Friday
const NO_ROUNDING = { rounding: 'none', mode: 'nearest' } as const;

describe('display language formatting', () => {
  afterEach(() => {
    setDisplayLocale(undefined);
    l10n.config({ contents: {} });
  });

  it('is English until activation sets it, and English for a tag Intl does not know', () => {
    assert.equal(displayLocale(), 'en');
    setDisplayLocale('de');
    assert.equal(displayLocale(), 'de');
    setDisplayLocale('pt-br');
    assert.equal(displayLocale(), 'pt-BR');
    setDisplayLocale('not a language');
    assert.equal(displayLocale(), 'en');
  });

  it('writes English as it always did', () => {
    assert.equal(formatDuration(5400), '1 h 30 min');
    assert.equal(formatDuration(20), '20 s');
    assert.equal(formatDurationAs(5400, 'decimal'), '1.5 h');
    assert.equal(formatDurationAs(1234.5 * 3600, 'decimal'), '1234.5 h', 'no digit grouping');
    assert.equal(describeDuration(5400), '1 h 30 min = 1.50 h');
    assert.equal(dayInWords(TODAY), 'Friday, November 27, 2026');
    assert.equal(formatNumber(0.25, 2), '0.25');
  });

  it('writes German with a decimal comma, German units and German day and month names', () => {
    useGerman();
    assert.equal(formatDurationAs(5400, 'decimal'), '1,5 Std.');
    assert.equal(formatDuration(5400), '1 Std. 30 Min.');
    assert.equal(formatDuration(20), '20 Sek.');
    assert.equal(describeDuration(5400), '1 Std. 30 Min. = 1,50 Std.');
    assert.equal(dayInWords(TODAY), 'Freitag, 27. November 2026');
    const february = parseDate('2026-02-30', TODAY);
    assert.ok(!february.ok && february.message === '2026-02-30 ist kein Datum: Februar 2026 hat 28 Tage.', JSON.stringify(february));
    const hours = checkHours('1,5', NO_ROUNDING);
    assert.ok(hours.ok && hours.understood === '1 Std. 30 Min. = 1,50 Std.', JSON.stringify(hours));
  });

  it('reads 1.5 and 1,5 as an hour and a half in every language', () => {
    for (const language of ['en', 'de']) {
      setDisplayLocale(language);
      for (const typed of ['1.5', '1,5', '1:30', '90m', '1,5h', '1h 30m']) {
        const parsed = parseDuration(typed);
        assert.ok(parsed.ok && parsed.seconds === 5400, `${language}: ${typed} → ${JSON.stringify(parsed)}`);
      }
      const hours = checkHours('1,5', NO_ROUNDING);
      assert.ok(hours.ok && hours.seconds === 5400, `${language}: checkHours 1,5`);
    }
  });

  it('reads dates in the display language’s order, with English and its own month names', () => {
    const english = parseDate('12/18', TODAY);
    assert.ok(english.ok && english.iso === '2025-12-18', `English: month first (${JSON.stringify(english)})`);
    useGerman();
    const numeric = parseDate('18.12.2026', TODAY);
    assert.ok(numeric.ok && numeric.iso === '2026-12-18', JSON.stringify(numeric));
    for (const typed of ['18 dec 2026', '18. dez 2026', '18. dezember 2026', '3. märz 2026']) {
      const parsed = parseDate(typed, TODAY);
      assert.ok(parsed.ok, `${typed}: ${JSON.stringify(parsed)}`);
    }
    const unreadable = parseDate('soon', TODAY);
    assert.ok(!unreadable.ok && unreadable.message.startsWith('„soon“ ist kein Datum;') && unreadable.message.includes('18/12'), JSON.stringify(unreadable));
  });
});
