import * as l10n from '@vscode/l10n';
import type { StatusItemView } from './statusItemView';

/** What the waiting-entries item shows; hidden when nothing waits, a warning when Intervals refused one. */
export type WaitingEntriesView = StatusItemView;

export const NOTHING_WAITING: WaitingEntriesView = { visible: false, text: '', tooltip: '', accessibilityLabel: '', warning: false };

/**
 * Time entries kept on this computer until Intervals has them: the user sees that their time is
 * safe and on its way, and, when the service refused one, that it needs them.
 */
export function waitingEntriesView(items: readonly { state: 'pending' | 'uncertain' | 'failed' }[]): WaitingEntriesView {
  const refused = items.filter((item) => item.state === 'failed').length;
  const sending = items.length - refused;
  if (items.length === 0) {
    return NOTHING_WAITING;
  }
  const lines = [
    sending > 0 ? sendingLine(sending) : '',
    refused > 0 ? refusedLine(refused) : '',
    l10n.t('Click to show them in My Time.'),
  ].filter(Boolean);
  return {
    visible: true,
    text: refused > 0 ? `$(warning) ${items.length}` : `$(cloud-upload) ${items.length}`,
    tooltip: lines.join('\n'),
    accessibilityLabel: `Intervals: ${lines.slice(0, -1).join(' ')}`,
    warning: refused > 0,
  };
}

function sendingLine(count: number): string {
  return count === 1
    ? l10n.t('1 time entry waiting to be sent to Intervals; they go out when the connection is back.')
    : l10n.t('{0} time entries waiting to be sent to Intervals; they go out when the connection is back.', count);
}

function refusedLine(count: number): string {
  return count === 1
    ? l10n.t('1 time entry refused by Intervals: retry or discard it in My Time.')
    : l10n.t('{0} time entries refused by Intervals: retry or discard them in My Time.', count);
}
