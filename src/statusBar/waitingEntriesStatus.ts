import type { StatusItemView } from './statusItemView';

/** What the waiting-entries item shows; hidden when nothing waits, a warning when Intervals refused one. */
export type WaitingEntriesView = StatusItemView;

export const NOTHING_WAITING: WaitingEntriesView = { visible: false, text: '', tooltip: '', accessibilityLabel: '', warning: false };

function entries(count: number): string {
  return `${count} time ${count === 1 ? 'entry' : 'entries'}`;
}

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
    sending > 0 ? `${entries(sending)} waiting to be sent to Intervals; they go out when the connection is back.` : '',
    refused > 0 ? `${entries(refused)} refused by Intervals: retry or discard ${refused === 1 ? 'it' : 'them'} in My Time.` : '',
    'Click to show them in My Time.',
  ].filter(Boolean);
  return {
    visible: true,
    text: refused > 0 ? `$(warning) ${items.length}` : `$(cloud-upload) ${items.length}`,
    tooltip: lines.join('\n'),
    accessibilityLabel: `Intervals: ${lines.slice(0, -1).join(' ')}`,
    warning: refused > 0,
  };
}
