import { dispatcherOnFirstRequest, type HttpDispatcher } from '../api/lazyDependencies';
import type { ProxySettings } from '../common/settings';

export type { ProxySettings } from '../common/settings';

/**
 * The undici dispatcher for the user's proxy set-up, or undefined for a direct connection.
 * VS Code patches Node's own http stack for proxies but not undici, so the client does it here.
 * Both cases go through undici's EnvHttpProxyAgent so that NO_PROXY (or `http.noProxy`) keeps
 * the hosts it names, loopback typically, off the proxy; every value is read from `env`, never
 * from the process behind the caller's back.
 */
export function proxyDispatcher(settings: ProxySettings, env: NodeJS.ProcessEnv = process.env): HttpDispatcher | undefined {
  const tls = { rejectUnauthorized: settings.strictSSL };
  const noProxy = settings.noProxy?.length ? settings.noProxy.join(',') : (env.NO_PROXY ?? env.no_proxy ?? '');
  if (settings.url) {
    const url = settings.url;
    return dispatcherOnFirstRequest((http) => new http.EnvHttpProxyAgent({ httpProxy: url, httpsProxy: url, noProxy, requestTls: tls, proxyTls: tls }));
  }
  const httpProxy = env.HTTP_PROXY ?? env.http_proxy;
  const httpsProxy = env.HTTPS_PROXY ?? env.https_proxy;
  if (!httpProxy && !httpsProxy) {
    return undefined;
  }
  // Like curl: HTTPS_PROXY for https:// addresses, HTTP_PROXY for http:// ones.
  return dispatcherOnFirstRequest(
    (http) =>
      new http.EnvHttpProxyAgent({
        httpProxy: httpProxy ?? '',
        httpsProxy: httpsProxy ?? '',
        noProxy,
        requestTls: tls,
        proxyTls: tls,
      }),
  );
}
