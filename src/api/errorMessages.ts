import * as l10n from '@vscode/l10n';
import { isCertificateProblem, type IntervalsErrorKind } from './errors';

/** What is known of a failure, for its message. */
export interface MessageFacts {
  status?: number;
  code?: number;
  serverMessage?: string;
  verbose?: string[];
  retryAfterMs?: number;
  host?: string;
  shape?: 'json' | 'xml' | 'text' | 'html' | 'empty';
  timeoutMs?: number;
  networkCode?: string;
  /** The answer was larger than this many bytes and was not read. */
  tooLargeBytes?: number;
}

/**
 * What the user reads when a request failed: what happened and what to do. These reach the user
 * only once the client has given up (reads are retried before) or for a write it never repeats,
 * so they never promise an automatic retry; code that does resend (the time-entry outbox) says so
 * itself.
 */
export function userMessage(kind: IntervalsErrorKind, facts: MessageFacts = {}): string {
  switch (kind) {
    case 'unauthorized':
    case 'forbidden':
      return accountMessage(kind, facts);
    case 'notFound':
    case 'validation':
      return requestMessage(kind, facts);
    case 'rateLimited':
    case 'server':
      return serviceMessage(kind, facts);
    case 'network':
      if (isCertificateProblem(facts.networkCode)) {
        return l10n.t(
          "The secure connection to {0} could not be verified ({1}). If your network inspects traffic, check VS Code's proxy settings.",
          facts.host ?? 'Intervals', // l10n-ignore: the product name
          facts.networkCode ?? '',
        );
      }
      return l10n.t('Intervals is not answering. Check your connection and try again.');
    case 'timeout':
      return facts.timeoutMs
        ? l10n.t('Intervals did not answer within {0}. Check your connection and try again.', seconds(facts.timeoutMs))
        : l10n.t('Intervals did not answer in time. Check your connection and try again.');
    case 'badResponse':
      return badResponseMessage(facts);
    case 'cancelled':
      return l10n.t('The request was cancelled.');
  }
}

/** The account or the person may not do this (401, 403, and Intervals' account codes). */
function accountMessage(kind: 'unauthorized' | 'forbidden', facts: MessageFacts): string {
  const { code } = facts;
  if (kind === 'unauthorized') {
    if (code === 2) {
      return l10n.t('Intervals does not know this account. Check the API address and sign in again.');
    }
    if (code === 3) {
      return l10n.t('This Intervals account is inactive. Ask the account owner to reactivate it, then sign in again.');
    }
    if (code === 8) {
      return l10n.t('Your Intervals user is not active. Ask an Intervals administrator to reactivate it, then sign in again.');
    }
    return l10n.t('The Intervals token was rejected. Sign in again with a current token.');
  }
  if (code === 5) {
    return l10n.t('This Intervals account has been banned. Contact Intervals support.');
  }
  if (code === 6) {
    return l10n.t('This Intervals account is inactive because of an unpaid invoice. Ask the account owner to settle it.');
  }
  return l10n.t('Your Intervals role does not allow this.{0} Ask an Intervals administrator for access.', detail(facts));
}

/** The request itself cannot be served (404, 4xx validation). */
function requestMessage(kind: 'notFound' | 'validation', facts: MessageFacts): string {
  const { code } = facts;
  if (kind === 'notFound') {
    if (code === 13) {
      return l10n.t('This server does not offer that kind of Intervals data. Check the API address setting.');
    }
    return l10n.t('That item no longer exists in Intervals. Refresh to see the current data.');
  }
  if (code === 17) {
    return l10n.t('Intervals did not recognise a parameter of the request.{0} Update the extension or report the problem.', detail(facts));
  }
  if (code === 15 || code === 16) {
    return l10n.t('Intervals does not allow this action here.{0}', detail(facts));
  }
  return l10n.t('Intervals did not accept the request.{0} Correct the values and try again.', detail(facts));
}

/** The service cannot answer now (rate limits, 5xx, maintenance). */
function serviceMessage(kind: 'rateLimited' | 'server', facts: MessageFacts): string {
  const { code } = facts;
  if (kind === 'rateLimited') {
    if (code === 11) {
      return l10n.t('The Intervals daily API request limit for this account is used up. Try again after it resets (midnight GMT).');
    }
    return facts.retryAfterMs
      ? l10n.t('Intervals is busy (too many requests). Try again in {0}.', seconds(facts.retryAfterMs))
      : l10n.t('Intervals is busy (too many requests). Try again in a minute.');
  }
  if (code === 4) {
    return l10n.t('This Intervals account is suspended. Ask the account owner to contact Intervals.');
  }
  if (code === 20) {
    return l10n.t('Intervals is offline for maintenance. Try again later.');
  }
  return facts.status
    ? l10n.t('Intervals had a problem answering (HTTP {0}). Try again in a moment.', facts.status)
    : l10n.t('Intervals had a problem answering. Try again in a moment.');
}

/** The server answered, but not like the Intervals API. */
function badResponseMessage(facts: MessageFacts): string {
  const { host } = facts;
  if (facts.shape === 'html') {
    return host
      ? l10n.t('The server at {0} answered with a web page instead of Intervals data. Check the API address setting, and sign in to your network if it asks.', host)
      : l10n.t('The server answered with a web page instead of Intervals data. Check the API address setting, and sign in to your network if it asks.');
  }
  if (facts.tooLargeBytes !== undefined) {
    const size = megabytes(facts.tooLargeBytes);
    return host
      ? l10n.t('The server at {0} sent an answer larger than {1}, more than Intervals data of this kind can be; it was not read. Check the API address setting.', host, size)
      : l10n.t('The server sent an answer larger than {0}, more than Intervals data of this kind can be; it was not read. Check the API address setting.', size);
  }
  if (facts.status !== undefined && facts.status >= 300 && facts.status < 400) {
    return host
      ? l10n.t('The server at {0} redirected the request (HTTP {1}). Check the API address setting.', host, facts.status)
      : l10n.t('The server redirected the request (HTTP {0}). Check the API address setting.', facts.status);
  }
  return host
    ? l10n.t('The server at {0} answered in a form the extension cannot read. Check the API address setting.', host)
    : l10n.t('The server answered in a form the extension cannot read. Check the API address setting.');
}

function detail(facts: MessageFacts): string {
  const parts = [facts.serverMessage, ...(facts.verbose ?? [])].filter((part): part is string => !!part && part.trim() !== '');
  const unique = [...new Set(parts.map((part) => part.trim().replace(/[.\s]+$/, '')))];
  return unique.length ? ` ${unique.join('; ')}.` : '';
}

function megabytes(bytes: number): string {
  // The answer limits are whole megabytes, so the number needs no locale (api/ cannot see it).
  return l10n.t({ message: '{0} MB', args: [Math.round((bytes / (1024 * 1024)) * 10) / 10], comment: ['megabytes'] });
}

function seconds(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  return s === 1 ? l10n.t('1 second') : l10n.t('{0} seconds', s);
}
