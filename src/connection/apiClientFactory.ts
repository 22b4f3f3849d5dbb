import { IntervalsClient } from '../api/client';
import type { HttpDispatcher } from '../api/lazyDependencies';
import type { RequestBudget } from '../api/rateLimiter';
import type { Redactor } from '../api/redaction';
import type { ClientFactory } from '../auth/accountSession';
import type { Logger } from '../common/logger';
import type { ProxySettings, Settings } from '../common/settings';
import { proxyDispatcher } from './proxyDispatcher';

/**
 * Builds API clients with the user's timeout and proxy settings and the extension's log. Clients
 * share one proxy dispatcher while the proxy settings stay the same; when they change, the next
 * client gets a new one and the old one is closed once its requests are done.
 */
export class ApiClientFactory implements ClientFactory {
  private shared: { key: string; dispatcher: HttpDispatcher | undefined } | undefined;

  constructor(
    private readonly settings: Pick<Settings, 'proxy' | 'requestTimeoutMs'>,
    private readonly log: Logger,
    /** Blanks each client's token from its errors. */
    private readonly redactor: Redactor,
    /** Shared by every client of every window, so together they stay under the service's limit. */
    private readonly budget?: RequestBudget,
  ) {}

  /** `onUnauthorized` hears every 401, whichever feature made the call, so a revoked token signs out once. */
  create(token: string, apiUrl: string, onUnauthorized: () => void): IntervalsClient {
    const dispatcher = this.dispatcherFor(this.settings.proxy);
    return new IntervalsClient({
      baseUrl: apiUrl,
      token,
      timeoutMs: this.settings.requestTimeoutMs,
      logger: this.log,
      onUnauthorized,
      redactor: this.redactor,
      ...(this.budget ? { limiter: this.budget } : {}),
      ...(dispatcher ? { dispatcher } : {}),
    });
  }

  dispose(): void {
    void this.shared?.dispatcher?.close().catch(() => undefined);
    this.shared = undefined;
  }

  private dispatcherFor(settings: ProxySettings): HttpDispatcher | undefined {
    const key = JSON.stringify(settings);
    if (this.shared?.key !== key) {
      const old = this.shared?.dispatcher;
      this.shared = { key, dispatcher: proxyDispatcher(settings) };
      // close() lets requests under way finish; the session replaces its client on the same change.
      void old?.close().catch(() => undefined);
      if (settings.url) {
        this.log.info(`Requests go through the proxy set in http.proxy${settings.noProxy?.length ? `, except to ${settings.noProxy.join(', ')}` : ''}`);
      }
    }
    return this.shared.dispatcher;
  }
}
