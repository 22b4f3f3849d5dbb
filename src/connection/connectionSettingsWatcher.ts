import type { Subscription } from '../common/events';
import type { Settings } from '../common/settings';

/** Settings that change how requests are sent, not who sends them. */
export const CONNECTION_SETTINGS = ['http.proxy', 'http.proxyStrictSSL', 'http.noProxy', 'intervals.requestTimeoutSeconds'] as const;

/** What the watcher needs of the session: a new client for the same account. */
export interface Reconnectable {
  reconnect(): void;
}

/** A change of proxy or timeout settings applies at once, without signing in again. */
export function watchConnectionSettings(settings: Settings, session: Reconnectable): Subscription {
  return settings.onDidChange((affects) => {
    if (CONNECTION_SETTINGS.some((section) => affects(section))) {
      session.reconnect();
    }
  });
}
