import type { DayTotals, GroupTotals, TimeReport } from '../../timeReport/reportModel';

/** Every string from the service goes through this before it reaches the page. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function hours(value: number): string {
  return `${value.toFixed(2)} h`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function weekday(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return WEEKDAYS[new Date(year, month - 1, day).getDay()];
}

export interface ReportPage {
  /** `webview.cspSource`. */
  cspSource: string;
  /** A fresh random value per render; the only scripts and styles that run carry it. */
  nonce: string;
  report: TimeReport;
}

/** Hours per day as stacked bars (billable below, non-billable above), drawn in SVG. */
function dayChart(days: readonly DayTotals[]): string {
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
      const label = `${day.date}: ${hours(day.hours)} (${hours(day.billable)} billable)`;
      return (
        `<g><title>${escapeHtml(label)}</title>` +
        `<rect class="billable" x="${x}" y="${(head + height - billable).toFixed(1)}" width="${barWidth}" height="${billable.toFixed(1)}"></rect>` +
        `<rect class="nonbillable" x="${x}" y="${(head + height - billable - other).toFixed(1)}" width="${barWidth}" height="${other.toFixed(1)}"></rect>` +
        (day.hours > 0
          ? `<text x="${x + barWidth / 2}" y="${(head + height - billable - other - 3).toFixed(1)}" text-anchor="middle">${String(Math.round(day.hours * 100) / 100)}</text>`
          : '') +
        `<text x="${x + barWidth / 2}" y="${head + height + 14}" text-anchor="middle">${escapeHtml(day.date.slice(8))}</text></g>`
      );
    })
    .join('');
  return (
    `<svg class="chart" role="img" aria-label="Hours per day" viewBox="0 0 ${width} ${head + height + 20}" width="${width}" height="${head + height + 20}">` +
    `${bars}</svg>`
  );
}

function groupTable(caption: string, heading: string, groups: readonly GroupTotals[]): string {
  const rows = groups
    .map(
      (g) =>
        `<tr><td>${escapeHtml(g.name)}</td><td class="num">${hours(g.hours)}</td><td class="num">${hours(g.billable)}</td>` +
        `<td class="num">${hours(g.nonBillable)}</td><td class="num">${Math.round(g.share * 100)}%</td></tr>`,
    )
    .join('');
  const body = rows || '<tr><td colspan="5">No time in this range.</td></tr>';
  return (
    `<table><caption>${escapeHtml(caption)}</caption><thead><tr><th scope="col">${escapeHtml(heading)}</th>` +
    '<th scope="col" class="num">Hours</th><th scope="col" class="num">Billable</th><th scope="col" class="num">Non-billable</th><th scope="col" class="num">Share</th></tr></thead>' +
    `<tbody>${body}</tbody></table>`
  );
}

function dayTable(days: readonly DayTotals[]): string {
  const rows = days
    .map(
      (d) =>
        `<tr${d.hours === 0 ? ' class="empty"' : ''}><td>${escapeHtml(weekday(d.date))} ${escapeHtml(d.date)}</td><td class="num">${hours(d.hours)}</td>` +
        `<td class="num">${hours(d.billable)}</td><td class="num">${hours(d.nonBillable)}</td></tr>`,
    )
    .join('');
  return (
    '<table><caption>By day</caption><thead><tr><th scope="col">Day</th><th scope="col" class="num">Hours</th>' +
    '<th scope="col" class="num">Billable</th><th scope="col" class="num">Non-billable</th></tr></thead>' +
    `<tbody>${rows}</tbody></table>`
  );
}

/**
 * The report page. No remote resource, no inline handler: one nonce'd style and one nonce'd
 * script (the export button), everything else static markup with escaped text. Colours are VS
 * Code's theme variables, so the page follows the theme.
 */
export function timeReportHtml(page: ReportPage): string {
  const { report, nonce, cspSource } = page;
  const csp = `default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}'`;
  const title = `Time of ${report.person.name}, ${report.range.start} to ${report.range.end}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(title)}</title>
<style nonce="${escapeHtml(nonce)}">
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 20px 20px; }
h1 { font-size: 1.4em; font-weight: 600; }
.summary { display: flex; flex-wrap: wrap; gap: 24px; margin: 12px 0 20px; }
.summary div { display: flex; flex-direction: column; }
.summary strong { font-size: 1.5em; }
.muted, .empty td { color: var(--vscode-descriptionForeground); }
table { border-collapse: collapse; margin: 16px 0; min-width: 420px; }
caption { text-align: left; font-weight: 600; padding-bottom: 6px; }
th, td { padding: 4px 12px 4px 0; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); text-align: left; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.chart text { fill: var(--vscode-descriptionForeground); font-size: 10px; }
.chart .billable, .legend .billable { fill: var(--vscode-charts-blue); background: var(--vscode-charts-blue); }
.chart .nonbillable, .legend .nonbillable { fill: var(--vscode-charts-orange); background: var(--vscode-charts-orange); }
.legend span { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 12px; }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 6px 14px; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
button:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
.chart-box { overflow-x: auto; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<div class="summary">
<div><span class="muted">Total</span><strong>${hours(report.totals.hours)}</strong></div>
<div><span class="muted">Billable</span><strong>${hours(report.totals.billable)}</strong></div>
<div><span class="muted">Non-billable</span><strong>${hours(report.totals.nonBillable)}</strong></div>
<div><span class="muted">Entries</span><strong>${report.entryCount}</strong></div>
</div>
<button id="export" type="button">Export to CSV…</button>
<h2>Hours per day</h2>
<p class="legend"><span class="billable"></span>Billable<span class="nonbillable"></span>Non-billable</p>
<div class="chart-box">${dayChart(report.days)}</div>
${dayTable(report.days)}
${groupTable('By project', 'Project', report.projects)}
${groupTable('By work type', 'Work type', report.workTypes)}
<script nonce="${escapeHtml(nonce)}">
const vscode = acquireVsCodeApi();
document.getElementById('export').addEventListener('click', () => vscode.postMessage({ type: 'exportCsv' }));
</script>
</body>
</html>`;
}
