import * as l10n from '@vscode/l10n';
import type { HourFormat } from '../../time/duration';
import type { DayTotals, TimeReport } from '../../timeReport/reportModel';
import { escapeHtml, pageDocument } from '../webview/pageShell';
import { columnHeadings, dayTable, entriesTable, groupTable, hoursText, PAGE_SCRIPT, type HoursText } from './reportTables';

export { escapeHtml } from '../webview/pageShell';

export interface ReportPage {
  /** `webview.cspSource`. */
  cspSource: string;
  /** A fresh random value per render; the only scripts and styles that run carry it. */
  nonce: string;
  report: TimeReport;
  /** How the page writes amounts of time (`intervals.hourFormat`). */
  hourFormat: HourFormat;
  /** The display language (`vscode.env.language`): the page's `lang`, its weekdays and sort order. */
  language?: string;
}

/** The short label above a bar: `7:30` or `7.5`, the page's hour format without its unit. */
function barLabel(hours: number, format: HourFormat): string {
  if (format === 'decimal') {
    return String(Math.round(hours * 100) / 100);
  }
  const minutes = Math.round(hours * 60);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Hours per day as stacked bars (billable below, non-billable above), drawn in SVG. */
function dayChart(days: readonly DayTotals[], hours: HoursText, format: HourFormat): string {
  const barWidth = 24;
  const gap = 8;
  const height = 160;
  // Room above the tallest bar for its label.
  const head = 14;
  const top = Math.max(1, ...days.map((d) => d.hours));
  const width = Math.max(1, days.length * (barWidth + gap));
  const bars = days
    .map((day, index) => {
      const x = index * (barWidth + gap);
      const billable = (day.billable / top) * height;
      const other = (day.nonBillable / top) * height;
      const label = l10n.t('{0}: {1} ({2} billable)', day.date, hours(day.hours), hours(day.billable));
      return (
        `<g><title>${escapeHtml(label)}</title>` +
        // l10n-ignore: markup; its words come from l10n.t
        `<rect class="billable" x="${x}" y="${(head + height - billable).toFixed(1)}" width="${barWidth}" height="${billable.toFixed(1)}"></rect>` +
        // l10n-ignore: markup; its words come from l10n.t
        `<rect class="nonbillable" x="${x}" y="${(head + height - billable - other).toFixed(1)}" width="${barWidth}" height="${other.toFixed(1)}"></rect>` +
        (day.hours > 0
          ? `<text x="${x + barWidth / 2}" y="${(head + height - billable - other - 3).toFixed(1)}" text-anchor="middle">${barLabel(day.hours, format)}</text>`
          : '') +
        `<text x="${x + barWidth / 2}" y="${head + height + 14}" text-anchor="middle">${escapeHtml(day.date.slice(8))}</text></g>`
      );
    })
    .join('');
  return (
    // l10n-ignore: markup; its words come from l10n.t
    `<svg class="chart" role="img" aria-labelledby="chart-heading" viewBox="0 0 ${width} ${head + height + 20}" width="${width}" height="${head + height + 20}">` +
    `${bars}</svg>`
  );
}

// l10n-ignore: markup; its words come from l10n.t
const STYLE = `
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 20px 20px; }
h1 { font-size: 1.4em; font-weight: 600; }
.summary { display: flex; flex-wrap: wrap; gap: 24px; margin: 12px 0 20px; }
.summary div { display: flex; flex-direction: column; }
.summary strong { font-size: 1.5em; }
.summary dd { margin: 0; }
tbody th { font-weight: normal; }
.muted, .empty td, .empty th { color: var(--vscode-descriptionForeground); }
.tables { display: flex; flex-wrap: wrap; gap: 0 32px; align-items: flex-start; }
table { border-collapse: collapse; margin: 16px 0; min-width: 420px; }
caption { text-align: left; font-weight: 600; padding-bottom: 6px; }
th, td { padding: 4px 12px 4px 0; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); text-align: left; vertical-align: top; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
#entries td:first-child { white-space: nowrap; }
#entries td:last-child { max-width: 32em; }
button.sort { color: inherit; background: none; font: inherit; font-weight: 600; padding: 0; }
button.sort:hover { background: none; text-decoration: underline; }
th[aria-sort="ascending"] button.sort::after { content: " \\25B2"; font-size: 0.8em; }
th[aria-sort="descending"] button.sort::after { content: " \\25BC"; font-size: 0.8em; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.chart text { fill: var(--vscode-descriptionForeground); font-size: 10px; }
.chart .billable, .legend .billable { fill: var(--vscode-charts-blue); background: var(--vscode-charts-blue); }
.chart .nonbillable, .legend .nonbillable { fill: var(--vscode-charts-orange); background: var(--vscode-charts-orange); }
.legend span { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 12px; }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 6px 14px; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
button:focus { outline: none; }
button:focus-visible { outline: 2px solid var(--vscode-focusBorder); outline-offset: 2px; }
button.sort:focus-visible { outline-offset: 1px; }
@media (forced-colors: active) { button:focus-visible { outline-color: Highlight; } }
body.vscode-high-contrast button:focus-visible, body.vscode-high-contrast-light button:focus-visible { outline: 2px dashed var(--vscode-contrastActiveBorder, var(--vscode-focusBorder)); }
.chart-box { overflow-x: auto; }
`;

/** The report's tables: by day, client, project, task, work type (and person), then every entry. */
function tables(report: TimeReport, hours: HoursText, language: string): string {
  const h = columnHeadings();
  return (
    // l10n-ignore: markup; its words come from l10n.t
    `<div class="tables">${dayTable(report.dayRows, hours, language)}` +
    `${groupTable(l10n.t('By client'), h.client, report.clients, hours)}` +
    `${groupTable(l10n.t('By project'), h.project, report.projects, hours)}` +
    `${groupTable(l10n.t('By task'), h.task, report.tasks, hours)}` +
    `${groupTable(l10n.t('By work type'), h.workType, report.workTypes, hours)}` +
    `${report.person.id === 'everyone' ? groupTable(l10n.t('By person'), h.person, report.people, hours) : ''}</div>` +
    `${entriesTable(report, hours, language)}`
  );
}

/** The totals at the top of the page, each a term and its value. */
function summary(report: TimeReport, hours: HoursText): string {
  const h = columnHeadings();
  // l10n-ignore: markup; its words come from l10n.t
  const item = (term: string, value: string): string => `<div><dt class="muted">${escapeHtml(term)}</dt><dd><strong>${value}</strong></dd></div>`;
  return (
    // l10n-ignore: markup; its words come from l10n.t
    `<dl class="summary">` +
    item(l10n.t({ message: 'Total', comment: ['The hours of the whole time report'] }), hours(report.totals.hours)) +
    item(h.billable, hours(report.totals.billable)) +
    item(h.nonBillable, hours(report.totals.nonBillable)) +
    item(l10n.t({ message: 'Entries', comment: ['The number of time entries in the time report'] }), String(report.entryCount)) +
    `</dl>`
  );
}

/**
 * The report page. No remote resource, no inline handler: one nonce'd style and one nonce'd
 * script (the export button and sorting the entries), everything else static markup with escaped
 * text. Colours are VS Code's theme variables, so the page follows the theme.
 */
export function timeReportHtml(page: ReportPage): string {
  const { report } = page;
  const language = page.language ?? 'en';
  const hours = hoursText(page.hourFormat);
  const title = l10n.t('Time of {0}, {1} to {2}', report.person.name, report.range.start, report.range.end);
  const h = columnHeadings();
  const shell = { language, title, nonce: page.nonce, cspSource: page.cspSource, style: STYLE, script: PAGE_SCRIPT };
  // l10n-ignore: markup; its words are the l10n.t calls in it
  const body = `<main>
<h1>${escapeHtml(title)}</h1>
${summary(report, hours)}
<button id="export" type="button">${escapeHtml(l10n.t('Export to CSV…'))}</button>
<section aria-labelledby="chart-heading">
<h2 id="chart-heading">${escapeHtml(l10n.t('Hours per day'))}</h2>
<p class="legend"><span class="billable" aria-hidden="true"></span>${escapeHtml(h.billable)}<span class="nonbillable" aria-hidden="true"></span>${escapeHtml(h.nonBillable)}</p>
<div class="chart-box">${dayChart(report.days, hours, page.hourFormat)}</div>
</section>
<section aria-label="${escapeHtml(l10n.t('Tables'))}">
${tables(report, hours, language)}
</section>
</main>`;
  return pageDocument(shell, body);
}
