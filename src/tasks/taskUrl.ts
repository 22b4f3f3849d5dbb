import * as l10n from '@vscode/l10n';
import type { Task } from '../api/types';

/**
 * Links to a task in the Intervals web app. The API gives no web address (the API host is the
 * same for every account), so the user states it once, e.g. `https://acme.intervalsonline.com/`,
 * and it is kept in the setting `intervals.webUrl`.
 *
 * Intervals numbers tasks per account (`localid`, the "#1002" users see), and the web app shows
 * a task at `<web address>/tasks/view/<localid>`; the API reference does not describe web
 * addresses, so this is the one place to change should that form ever differ.
 */
export type WebUrlCheck = { ok: true; url: string } | { ok: false; message: string };

/** Checks what the user typed (or the setting holds) and normalises it to end in one `/`. */
export function checkWebUrl(input: string): WebUrlCheck {
  const text = input.trim();
  if (text === '') {
    return { ok: false, message: l10n.t('Enter the address you open Intervals at, e.g. https://acme.intervalsonline.com/') };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: l10n.t('Enter a full address starting with https://, e.g. https://acme.intervalsonline.com/') };
  }
  if (url.protocol !== 'https:') {
    return { ok: false, message: l10n.t('The address must start with https:// (Intervals is only served over HTTPS).') };
  }
  if (url.username || url.password) {
    return { ok: false, message: l10n.t('Leave the user name and password out of the address.') };
  }
  if (url.search || url.hash) {
    return { ok: false, message: l10n.t('Enter only the account address, without ? or # parts.') };
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${url.origin}${path}/` };
}

/** The task's page in the web app, or undefined for a task without a number. */
export function taskWebUrl(webUrl: string, task: Pick<Task, 'localId'>): string | undefined {
  const checked = checkWebUrl(webUrl);
  if (!checked.ok || task.localId === null) {
    return undefined;
  }
  return `${checked.url}tasks/view/${task.localId}`;
}
