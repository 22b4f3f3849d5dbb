import { EnvHttpProxyAgent, ProxyAgent, type Dispatcher } from 'undici';

export interface ProxySettings {
  /** VS Code's `http.proxy`, which wins over the environment. */
  url?: string;
  /** VS Code's `http.proxyStrictSSL`. */
  strictSSL: boolean;
}

/**
 * The undici dispatcher for the user's proxy set-up, or undefined for a direct connection.
 * VS Code patches Node's own http stack for proxies but not undici, so the client does it here.
 */
export function proxyDispatcher(settings: ProxySettings, env: NodeJS.ProcessEnv = process.env): Dispatcher | undefined {
  const tls = { rejectUnauthorized: settings.strictSSL };
  if (settings.url) {
    return new ProxyAgent({ uri: settings.url, requestTls: tls, proxyTls: tls });
  }
  const fromEnv = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].some((name) => env[name]);
  if (fromEnv) {
    // Reads HTTP_PROXY, HTTPS_PROXY and NO_PROXY (so loopback can be kept direct).
    return new EnvHttpProxyAgent({ requestTls: tls, proxyTls: tls });
  }
  return undefined;
}
