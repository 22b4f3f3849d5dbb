import * as l10n from '@vscode/l10n';

export const DEFAULT_BASE_URL = 'https://api.myintervals.com/';

export type BaseUrlCheck = { ok: true; url: string } | { ok: false; message: string };

/**
 * Checks an API address typed by the user and returns it normalised (trailing slash, no query).
 * Plain `http://` would send the token readable on the wire, so it is allowed only for loopback,
 * where the fake server and local proxies live.
 */
export function validateBaseUrl(input: string): BaseUrlCheck {
  const text = input.trim();
  if (!text) {
    return { ok: false, message: l10n.t('Enter the address of the Intervals API, for example https://api.myintervals.com/.') };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      message: l10n.t('"{0}" is not a web address. Enter the address of the Intervals API, for example https://api.myintervals.com/.', text),
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: l10n.t('The Intervals API address must start with https:// (got {0}//).', url.protocol) };
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return {
      ok: false,
      message: l10n.t('The Intervals API address must use https:// so your token is not sent unencrypted. Plain http:// is accepted only for this machine (localhost, 127.0.0.1, ::1).'),
    };
  }
  if (url.username || url.password) {
    return { ok: false, message: l10n.t('Remove the user name and password from the Intervals API address; sign in with your API token instead.') };
  }
  if (url.search || url.hash) {
    return { ok: false, message: l10n.t('Remove the query (after "?") or fragment (after "#") from the Intervals API address.') };
  }
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return { ok: true, url: `${url.protocol}//${url.host}${path}` };
}

/** Loopback per RFC 1122/4291 and the name `localhost`; `hostname` as `URL` gives it (IPv6 in brackets). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === 'localhost' || host === '::1') {
    return true;
  }
  // IPv4-mapped IPv6 loopback; WHATWG URL writes it in hex (::ffff:7f00:1).
  const mapped = /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host) || /^::ffff:127\.\d+\.\d+\.\d+$/.test(host);
  if (mapped) {
    return true;
  }
  const octets = host.split('.');
  return (
    octets.length === 4 &&
    octets[0] === '127' &&
    octets.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)
  );
}

/** Whether two API addresses name the same server (a token belongs to one). */
export function sameServer(a: string, b: string): boolean {
  const norm = (url: string) => url.trim().replace(/\/+$/, '').toLowerCase();
  return norm(a) === norm(b);
}
