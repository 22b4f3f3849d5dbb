import { IntervalsClient } from '../api/client';
import type { ClientFactory } from '../auth/accountSession';
import type { Logger } from '../common/logger';
import type { Settings } from '../common/settings';
import { proxyDispatcher } from './proxyDispatcher';

/** Builds API clients with the user's timeout and proxy settings and the extension's log. */
export class ApiClientFactory implements ClientFactory {
  constructor(
    private readonly settings: Settings,
    private readonly log: Logger,
  ) {}

  /** `onUnauthorized` hears every 401, whichever feature made the call, so a revoked token signs out once. */
  create(token: string, apiUrl: string, onUnauthorized: () => void): IntervalsClient {
    const dispatcher = proxyDispatcher(this.settings.proxy);
    return new IntervalsClient({
      baseUrl: apiUrl,
      token,
      timeoutMs: this.settings.requestTimeoutMs,
      logger: this.log,
      onUnauthorized,
      ...(dispatcher ? { dispatcher } : {}),
    });
  }
}
