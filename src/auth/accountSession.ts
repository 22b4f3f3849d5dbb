import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { IntervalsClient } from '../api/client';
import type { Me } from '../api/types';
import { Disposable } from '../common/disposable';
import { sameServer } from '../api/baseUrl';
import type { Redactor } from '../api/redaction';
import type { Logger } from '../common/logger';
import type { Notifier } from '../common/notifier';
import { KeyringUnavailableError, type CredentialStore, type StoredCredentials } from './credentialStore';
import { checkTokenShape, describeSignInFailure } from './signInMessages';

export interface Account {
  personId: number;
  name: string;
  group: string;
  apiUrl: string;
}

export type SessionState = { readonly signedIn: false } | { readonly signedIn: true; readonly account: Account };

export type SignInResult = { ok: true; account: Account } | { ok: false; message: string; keyring?: boolean };

export interface ClientFactory {
  create(token: string, apiUrl: string, onUnauthorized: () => void): IntervalsClient;
}

/**
 * Who is signed in, and the API client that acts for them. Owns the client: it exists only while
 * signed in, so nothing can keep sending requests with a token the service has refused.
 */
export class AccountSession extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<SessionState>());
  readonly onDidChange = this.changed.event;

  private current: { credentials: StoredCredentials; client: IntervalsClient; release: () => void } | undefined;
  private restoring: Promise<void> | undefined;
  private unauthorizedNotified = false;
  private generation = 0;

  constructor(
    private readonly store: CredentialStore,
    private readonly clients: ClientFactory,
    private readonly apiUrl: () => string,
    private readonly log: Logger,
    /** Blanks the signed-in token from every log line and message. */
    private readonly redactor: Redactor,
    private readonly notifier: Notifier,
  ) {
    super();
    this.register(store.onDidChange(() => void this.reload()));
    this.register({ dispose: () => this.dropClient() });
  }

  get state(): SessionState {
    return this.current ? { signedIn: true, account: toAccount(this.current.credentials) } : { signedIn: false };
  }

  /** The client for the signed-in account, or undefined when signed out. */
  get client(): IntervalsClient | undefined {
    return this.current?.client;
  }

  /** The token, for the authentication provider that hands it to extensions the user allowed. */
  get token(): string | undefined {
    return this.current?.credentials.token;
  }

  /** Reads the stored credentials; no request is made. Safe to call more than once. */
  restore(): Promise<void> {
    this.restoring ??= this.reload();
    return this.restoring;
  }

  /** Checks the token against `GET /me/` on the configured server without storing anything. */
  async verify(token: string): Promise<{ ok: true; me: Me; apiUrl: string } | { ok: false; message: string }> {
    const shape = checkTokenShape(token);
    if (shape) {
      return { ok: false, message: shape };
    }
    const apiUrl = this.apiUrl();
    let probe: IntervalsClient;
    try {
      probe = this.clients.create(token.trim(), apiUrl, () => undefined);
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    try {
      const me = await probe.me();
      return { ok: true, me, apiUrl };
    } catch (error) {
      this.log.warn(`Sign-in check failed: ${error instanceof Error ? error.message : String(error)}`);
      return { ok: false, message: describeSignInFailure(error, apiUrl) };
    } finally {
      void probe.close();
    }
  }

  /** Verifies the token and, when the service accepts it, keeps it in SecretStorage. */
  async signIn(token: string): Promise<SignInResult> {
    const verified = await this.verify(token);
    if (!verified.ok) {
      return verified;
    }
    const credentials: StoredCredentials = {
      token: token.trim(),
      apiUrl: verified.apiUrl,
      personId: verified.me.id,
      name: displayName(verified.me),
      group: verified.me.group ?? '',
    };
    try {
      await this.store.write(credentials);
    } catch (error) {
      return error instanceof KeyringUnavailableError
        ? { ok: false, message: error.message, keyring: true }
        : { ok: false, message: String(error) };
    }
    this.use(credentials);
    this.log.info(`Signed in as ${credentials.name} (${credentials.group}) at ${credentials.apiUrl}`);
    return { ok: true, account: toAccount(credentials) };
  }

  async signOut(reason?: string): Promise<void> {
    const wasSignedIn = !!this.current;
    this.use(undefined);
    try {
      await this.store.clear();
    } catch (error) {
      this.log.error(error instanceof Error ? error : String(error));
    }
    if (wasSignedIn) {
      this.log.info(reason ? `Signed out: ${reason}` : 'Signed out');
    }
  }

  /**
   * Replaces the client after the connection settings (proxy, timeout) changed; the account stays
   * signed in. Listeners hear a change so that they pick up the new client.
   */
  reconnect(): void {
    const previous = this.current;
    if (!previous) {
      return;
    }
    this.current = {
      credentials: previous.credentials,
      client: this.connect(previous.credentials),
      release: previous.release,
    };
    this.generation++;
    void previous.client.close();
    this.log.info('Connection settings changed; new requests use them');
    this.changed.fire(this.state);
  }

  /** Called by the client on any 401: sign out once and offer to sign in again. */
  handleUnauthorized(): void {
    if (!this.current || this.unauthorizedNotified) {
      return;
    }
    this.unauthorizedNotified = true;
    // l10n-ignore: log line
    void this.signOut('the service refused the token').then(() =>
      this.notifier.offer(
        'warning',
        l10n.t('Intervals no longer accepts your API token (it may have been revoked or regenerated). Sign in again to continue.'),
        [l10n.t('Sign In')],
        () => vscode.commands.executeCommand('intervals.signIn'),
      ),
    );
  }

  private async reload(): Promise<void> {
    let stored: StoredCredentials | undefined;
    // A sign-in or sign-out in this window while the read was in flight makes the read stale.
    for (let attempt = 0; attempt < 3; attempt++) {
      const generation = this.generation;
      try {
        stored = await this.store.read();
      } catch (error) {
        this.log.error(error instanceof Error ? error : String(error));
        stored = undefined;
      }
      if (generation === this.generation) {
        break;
      }
    }
    if (stored && !sameServer(stored.apiUrl, this.apiUrl())) {
      // The token belongs to another server than the one now configured.
      // l10n-ignore: log line
      await this.signOut('the API address changed');
      return;
    }
    if (stored?.token !== this.current?.credentials.token) {
      this.use(stored);
    }
  }

  private use(credentials: StoredCredentials | undefined): void {
    const before = this.current?.credentials;
    if (before?.token === credentials?.token && before?.apiUrl === credentials?.apiUrl) {
      return;
    }
    this.generation++;
    this.dropClient();
    if (credentials) {
      const release = this.redactor.keep(credentials.token);
      this.unauthorizedNotified = false;
      this.current = {
        credentials,
        client: this.connect(credentials),
        release,
      };
    }
    this.changed.fire(this.state);
  }

  /**
   * A client for these credentials. Its 401s sign out only while its token is the one in use: a
   * late answer to a request of an earlier account must not sign out the account that replaced it.
   */
  private connect(credentials: StoredCredentials): IntervalsClient {
    return this.clients.create(credentials.token, credentials.apiUrl, () => {
      if (this.current?.credentials.token === credentials.token) {
        this.handleUnauthorized();
      }
    });
  }

  private dropClient(): void {
    if (this.current) {
      void this.current.client.close();
      this.current.release();
      this.current = undefined;
    }
  }
}

function toAccount(credentials: StoredCredentials): Account {
  return { personId: credentials.personId, name: credentials.name, group: credentials.group, apiUrl: credentials.apiUrl };
}

function displayName(me: Me): string {
  const name = [me.firstName, me.lastName].filter(Boolean).join(' ').trim();
  return name || me.username || `Person ${me.id}`;
}

