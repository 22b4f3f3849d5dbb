// l10n-ignore: markup and code that run in the page, no words
export const SHEET_STYLE = `
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 20px 20px; }
h1 { font-size: 1.4em; font-weight: 600; }
.toolbar { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0 12px; }
button { color: var(--vscode-button-secondaryForeground, var(--vscode-button-foreground)); background: var(--vscode-button-secondaryBackground, var(--vscode-button-background)); border: none; padding: 4px 12px; cursor: pointer; }
button:hover { background: var(--vscode-button-secondaryHoverBackground, var(--vscode-button-hoverBackground)); }
button:disabled { opacity: 0.5; cursor: default; }
button:focus { outline: none; }
button:focus-visible, input.cell:focus { outline: 2px solid var(--vscode-focusBorder); outline-offset: 1px; }
@media (forced-colors: active) { button:focus-visible, input.cell:focus { outline-color: Highlight; } }
body.vscode-high-contrast input.cell:focus, body.vscode-high-contrast button:focus-visible { outline-style: dashed; }
table { border-collapse: collapse; margin: 8px 0; }
caption { text-align: left; font-weight: 600; padding-bottom: 6px; }
th, td { padding: 3px 8px; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); text-align: left; vertical-align: middle; }
thead th { vertical-align: bottom; }
tbody th { font-weight: normal; max-width: 22em; }
.title { display: block; }
.detail, .target, .muted { color: var(--vscode-descriptionForeground); font-size: 0.9em; }
.detail, .target { display: block; font-weight: normal; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.total, tfoot th, tfoot td { font-weight: 600; }
tfoot td.under { box-shadow: inset 0 -2px 0 var(--vscode-editorWarning-foreground, var(--vscode-focusBorder)); }
input.cell { width: 4.5em; text-align: right; font: inherit; font-variant-numeric: tabular-nums; color: var(--vscode-input-foreground); background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, transparent); padding: 2px 4px; }
input.cell[readonly] { background: transparent; border-color: transparent; color: var(--vscode-disabledForeground, inherit); }
input.cell.pending { font-style: italic; }
input.cell.several { border-style: dashed; border-color: var(--vscode-descriptionForeground); }
.notice:empty { display: none; }
.notice.error { color: var(--vscode-errorForeground); }
.locked { padding: 6px 10px; border-left: 3px solid var(--vscode-editorWarning-foreground, var(--vscode-focusBorder)); background: var(--vscode-textBlockQuote-background); }
.empty td { color: var(--vscode-descriptionForeground); }
`;

/**
 * The page's one script. Each cell is an input: arrows move between cells (left and right only
 * at the edge of the text once it is being edited), Enter saves a changed cell, Escape puts the
 * value back, Tab moves on (and saves, as leaving a changed cell does). The extension draws the
 * page again after every change; the focused cell is kept in the webview's state and focused
 * again. No \`<\` in it.
 */
// l10n-ignore: code that runs in the page, no words
export const SHEET_SCRIPT = `const vscode = acquireVsCodeApi();
const cells = Array.from(document.querySelectorAll('input.cell'));
const columns = 7;
const week = document.body.dataset.week;
document.querySelectorAll('button[data-action]').forEach((button) => button.addEventListener('click', () => vscode.postMessage({ type: button.dataset.action })));
function remember(input) {
  vscode.setState({ week, row: input.dataset.row, date: input.dataset.date });
}
function commit(input) {
  if (input.readOnly || input.value === input.dataset.value) {
    return;
  }
  input.dataset.value = input.value;
  vscode.postMessage({ type: 'edit', row: input.dataset.row, date: input.dataset.date, value: input.value });
}
function move(input, rows, days) {
  const index = cells.indexOf(input);
  const day = (index % columns) + days;
  if (day === -1 || day === columns) {
    return;
  }
  const target = cells[index + rows * columns + days];
  if (target) {
    target.focus();
  }
}
cells.forEach((input) => {
  input.addEventListener('focus', () => {
    remember(input);
    input.select();
  });
  input.addEventListener('change', () => commit(input));
  input.addEventListener('keydown', (event) => {
    const editing = input.value !== input.dataset.value;
    if (event.key === 'Enter') {
      event.preventDefault();
      if (editing) {
        commit(input);
      } else {
        input.select();
      }
    } else if (event.key === 'Escape') {
      event.preventDefault();
      input.value = input.dataset.value;
      input.select();
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      commit(input);
      move(input, event.key === 'ArrowUp' ? -1 : 1, 0);
    } else if (event.key === 'ArrowLeft' && (!editing || input.selectionEnd === 0)) {
      event.preventDefault();
      commit(input);
      move(input, 0, -1);
    } else if (event.key === 'ArrowRight' && (!editing || input.selectionStart === input.value.length)) {
      event.preventDefault();
      commit(input);
      move(input, 0, 1);
    }
  });
});
// Only a cell that had the focus before the page was drawn again takes it back: focusing on a
// first draw would take it from a quick pick the extension opens meanwhile (Add Row…).
const state = vscode.getState();
const again = state && state.week === week ? cells.find((input) => input.dataset.row === state.row && input.dataset.date === state.date) : undefined;
again?.focus();
vscode.postMessage({ type: 'drawn' });`;
