import * as l10n from '@vscode/l10n';
import type { OutboxItem } from './outboxFile';
import type { AttemptOutcome, FailureClassification, OutboxReconciler, OutboxSender, ReconcileAnswer } from './outboxTypes';

/**
 * One attempt at an item: an uncertain one is looked up first (and only sent when the lookup finds
 * nothing); a failure is sorted by `classify`. Never throws: every outcome is kept with the item.
 */
export async function attemptItem<P>(
  item: OutboxItem<P>,
  send: OutboxSender<P>,
  reconcile: OutboxReconciler<P>,
  classify: (error: unknown) => FailureClassification,
): Promise<{ outcome: AttemptOutcome; confirmed: boolean }> {
  if (item.state === 'uncertain') {
    let answer: ReconcileAnswer;
    let lookupError: unknown = new Error(l10n.t('Could not find out whether an earlier attempt reached the server.'));
    try {
      answer = await reconcile(item);
    } catch (error) {
      answer = 'unknown';
      lookupError = error;
    }
    if (answer === 'exists') {
      return { outcome: { result: 'done' }, confirmed: true };
    }
    if (answer !== 'absent') {
      // Nothing was sent: the item waits for its next lookup like after a failed one.
      return { outcome: { result: 'retryable', error: lookupError }, confirmed: false };
    }
  }
  try {
    await send(item);
    return { outcome: { result: 'done' }, confirmed: false };
  } catch (error) {
    let classification: FailureClassification;
    try {
      classification = classify(error);
    } catch {
      // A classifier bug must not lose the item; a timeout-like failure is the safe reading.
      classification = 'uncertain';
    }
    const { kind, retryAfterMs } = typeof classification === 'string' ? { kind: classification, retryAfterMs: undefined } : classification;
    return { outcome: { result: kind, error, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) }, confirmed: false };
  }
}
