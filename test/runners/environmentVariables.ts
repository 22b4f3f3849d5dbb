/**
 * Names of the environment variables through which a runner tells the tests inside the extension
 * host (or the UI tests) where the fake Intervals server is. The extension host inherits them from
 * the VS Code process the runner starts.
 */
export const FAKE_URL_ENV = 'INTERVALS_FAKE_URL';
/** Base address of the fake server's `/__control/` endpoint. */
export const FAKE_CONTROL_URL_ENV = 'INTERVALS_FAKE_CONTROL_URL';
/** JSON object of the fake server's API tokens by role (`admin`, `manager`, ...). */
export const FAKE_TOKENS_ENV = 'INTERVALS_FAKE_TOKENS';

export interface FakeServerAddress {
  readonly url: string;
  readonly controlUrl: string;
  readonly tokens: Readonly<Record<string, string>>;
}

export function fakeServerEnvironment(address: FakeServerAddress): Record<string, string> {
  return {
    [FAKE_URL_ENV]: address.url,
    [FAKE_CONTROL_URL_ENV]: address.controlUrl,
    [FAKE_TOKENS_ENV]: JSON.stringify(address.tokens),
  };
}

/** The fake server a runner started, as the tests see it; throws when no runner set it up. */
export function fakeServerFromEnvironment(env: NodeJS.ProcessEnv = process.env): FakeServerAddress {
  const url = env[FAKE_URL_ENV];
  const controlUrl = env[FAKE_CONTROL_URL_ENV];
  if (!url || !controlUrl) {
    throw new Error(`${FAKE_URL_ENV} and ${FAKE_CONTROL_URL_ENV} are not set: run these tests through a test runner (npm run test:integration).`);
  }
  const tokens = JSON.parse(env[FAKE_TOKENS_ENV] ?? '{}') as Record<string, string>;
  return { url, controlUrl, tokens };
}

/** The `.vsix` the packaged-extension run installed (its tests check what is in it). */
export const VSIX_FILE_ENV = 'INTERVALS_TEST_VSIX';
/** The extensions folder of the VS Code server that installed it. */
export const EXTENSIONS_DIR_ENV = 'INTERVALS_TEST_EXTENSIONS_DIR';
