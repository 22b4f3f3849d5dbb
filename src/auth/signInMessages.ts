import * as l10n from '@vscode/l10n';
import { IntervalsError } from '../api/errors';

/** Where the token is found, as a sentence in the display language. */
export function tokenHelp(): string {
  return l10n.t('Your API token is in Intervals under My Account → API Access (API access must be enabled there).');
}

/** A message for a token that cannot be right, before anything is sent; undefined when it may be. */
export function checkTokenShape(input: string): string | undefined {
  const token = input.trim();
  if (!token) {
    return l10n.t('Enter your Intervals API token. Your API token is in Intervals under My Account → API Access (API access must be enabled there).');
  }
  if (/\s/.test(token)) {
    return l10n.t('The token has spaces in it. Copy it again from My Account → API Access in Intervals.');
  }
  if (!/^[A-Za-z0-9]+$/.test(token)) {
    return l10n.t('An Intervals API token has only letters and digits. Copy it again from My Account → API Access.');
  }
  return undefined;
}

/** What went wrong when checking a token, in words that say what to do next. */
export function describeSignInFailure(error: unknown, apiUrl: string): string {
  if (error instanceof IntervalsError) {
    switch (error.kind) {
      case 'unauthorized':
        return l10n.t('Intervals did not accept this token. Check it under My Account → API Access (API access must be enabled) and try again.');
      case 'forbidden':
        return l10n.t('Intervals accepted the token but refused access to your account details: {0}', error.message);
      case 'network':
      case 'timeout':
        return l10n.t('Could not reach Intervals at {0}. Check your connection, proxy and the "intervals.apiUrl" setting, then try again.', apiUrl);
      case 'badResponse':
        return l10n.t('The server at {0} did not answer like the Intervals API. Check the "intervals.apiUrl" setting.', apiUrl);
      case 'rateLimited':
        return l10n.t('Intervals is limiting requests from this address right now. Wait a minute and try again.');
      case 'server':
        return l10n.t('Intervals had a problem answering ({0}). Try again in a moment.', error.message);
      default:
        return error.message;
    }
  }
  return error instanceof Error ? error.message : String(error);
}
