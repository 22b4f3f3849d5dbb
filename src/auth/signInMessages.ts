import { IntervalsError } from '../api/errors';

export const TOKEN_HELP =
  'Your API token is in Intervals under My Account → API Access (API access must be enabled there).';

/** A message for a token that cannot be right, before anything is sent; undefined when it may be. */
export function checkTokenShape(input: string): string | undefined {
  const token = input.trim();
  if (!token) {
    return `Enter your Intervals API token. ${TOKEN_HELP}`;
  }
  if (/\s/.test(token)) {
    return 'The token has spaces in it. Copy it again from My Account → API Access in Intervals.';
  }
  if (!/^[A-Za-z0-9]+$/.test(token)) {
    return 'An Intervals API token has only letters and digits. Copy it again from My Account → API Access.';
  }
  return undefined;
}

/** What went wrong when checking a token, in words that say what to do next. */
export function describeSignInFailure(error: unknown, apiUrl: string): string {
  if (error instanceof IntervalsError) {
    switch (error.kind) {
      case 'unauthorized':
        return `Intervals did not accept this token. Check it under My Account → API Access (API access must be enabled) and try again.`;
      case 'forbidden':
        return `Intervals accepted the token but refused access to your account details: ${error.message}`;
      case 'network':
      case 'timeout':
        return `Could not reach Intervals at ${apiUrl}. Check your connection, proxy and the "intervals.apiUrl" setting, then try again.`;
      case 'badResponse':
        return `The server at ${apiUrl} did not answer like the Intervals API. Check the "intervals.apiUrl" setting.`;
      case 'rateLimited':
        return 'Intervals is limiting requests from this address right now. Wait a minute and try again.';
      case 'server':
        return `Intervals had a problem answering (${error.message}). Try again in a moment.`;
      default:
        return error.message;
    }
  }
  return error instanceof Error ? error.message : String(error);
}
