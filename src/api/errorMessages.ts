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
        return `The secure connection to ${facts.host ?? 'Intervals'} could not be verified (${facts.networkCode}). If your network inspects traffic, check VS Code's proxy settings.`;
      }
      return 'Intervals is not answering. Check your connection and try again.';
    case 'timeout':
      return `Intervals did not answer${facts.timeoutMs ? ` within ${seconds(facts.timeoutMs)}` : ' in time'}. Check your connection and try again.`;
    case 'badResponse':
      return badResponseMessage(facts);
    case 'cancelled':
      return 'The request was cancelled.';
  }
}

/** The account or the person may not do this (401, 403, and Intervals' account codes). */
function accountMessage(kind: 'unauthorized' | 'forbidden', facts: MessageFacts): string {
  const { code } = facts;
  if (kind === 'unauthorized') {
    if (code === 2) {
      return 'Intervals does not know this account. Check the API address and sign in again.';
    }
    if (code === 3) {
      return 'This Intervals account is inactive. Ask the account owner to reactivate it, then sign in again.';
    }
    if (code === 8) {
      return 'Your Intervals user is not active. Ask an Intervals administrator to reactivate it, then sign in again.';
    }
    return 'The Intervals token was rejected. Sign in again with a current token.';
  }
  if (code === 5) {
    return 'This Intervals account has been banned. Contact Intervals support.';
  }
  if (code === 6) {
    return 'This Intervals account is inactive because of an unpaid invoice. Ask the account owner to settle it.';
  }
  return `Your Intervals role does not allow this.${detail(facts)} Ask an Intervals administrator for access.`;
}

/** The request itself cannot be served (404, 4xx validation). */
function requestMessage(kind: 'notFound' | 'validation', facts: MessageFacts): string {
  const { code } = facts;
  if (kind === 'notFound') {
    if (code === 13) {
      return 'This server does not offer that kind of Intervals data. Check the API address setting.';
    }
    return 'That item no longer exists in Intervals. Refresh to see the current data.';
  }
  if (code === 17) {
    return `Intervals did not recognise a parameter of the request.${detail(facts)} Update the extension or report the problem.`;
  }
  if (code === 15 || code === 16) {
    return `Intervals does not allow this action here.${detail(facts)}`;
  }
  return `Intervals did not accept the request.${detail(facts)} Correct the values and try again.`;
}

/** The service cannot answer now (rate limits, 5xx, maintenance). */
function serviceMessage(kind: 'rateLimited' | 'server', facts: MessageFacts): string {
  const { code } = facts;
  if (kind === 'rateLimited') {
    if (code === 11) {
      return 'The Intervals daily API request limit for this account is used up. Try again after it resets (midnight GMT).';
    }
    return `Intervals is busy (too many requests). Try again in ${facts.retryAfterMs ? seconds(facts.retryAfterMs) : 'a minute'}.`;
  }
  if (code === 4) {
    return 'This Intervals account is suspended. Ask the account owner to contact Intervals.';
  }
  if (code === 20) {
    return 'Intervals is offline for maintenance. Try again later.';
  }
  return `Intervals had a problem answering${facts.status ? ` (HTTP ${facts.status})` : ''}. Try again in a moment.`;
}

/** The server answered, but not like the Intervals API. */
function badResponseMessage(facts: MessageFacts): string {
  const where = facts.host ? `The server at ${facts.host}` : 'The server';
  if (facts.shape === 'html') {
    return `${where} answered with a web page instead of Intervals data. Check the API address setting, and sign in to your network if it asks.`;
  }
  if (facts.tooLargeBytes !== undefined) {
    return `${where} sent an answer larger than ${megabytes(facts.tooLargeBytes)}, more than Intervals data of this kind can be; it was not read. Check the API address setting.`;
  }
  if (facts.status !== undefined && facts.status >= 300 && facts.status < 400) {
    return `${where} redirected the request (HTTP ${facts.status}). Check the API address setting.`;
  }
  return `${where} answered in a form the extension cannot read. Check the API address setting.`;
}

function detail(facts: MessageFacts): string {
  const parts = [facts.serverMessage, ...(facts.verbose ?? [])].filter((part): part is string => !!part && part.trim() !== '');
  const unique = [...new Set(parts.map((part) => part.trim().replace(/[.\s]+$/, '')))];
  return unique.length ? ` ${unique.join('; ')}.` : '';
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

function seconds(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  return s === 1 ? '1 second' : `${s} seconds`;
}
