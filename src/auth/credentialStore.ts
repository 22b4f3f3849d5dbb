import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

const SECRET_KEY = 'intervals.credentials';

export const KEYRING_HELP_URL = 'https://code.visualstudio.com/docs/configure/settings-sync#_troubleshooting-keychain-issues';

/** What is kept in SecretStorage: the token, the server it belongs to and who it signs in. */
export interface StoredCredentials {
  token: string;
  apiUrl: string;
  personId: number;
  name: string;
  group: string;
}

/** SecretStorage refused to read or write; on Linux this usually means no usable keyring. */
export class KeyringUnavailableError extends Error {
  constructor(cause: unknown) {
    super(
      l10n.t(
        'VS Code could not use the system keyring to keep your Intervals token, so it was not saved. On Linux, install and unlock a Secret Service keyring (for example GNOME Keyring or KWallet), or choose a password store in VS Code\'s runtime arguments ("password-store"), then sign in again.',
      ),
    );
    this.name = 'KeyringUnavailableError';
    this.cause = cause;
  }
}

/** The only place the token is kept. It is never written to settings, globalState or a log. */
export class CredentialStore {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChange = this.changed.event;

  constructor(private readonly secrets: vscode.SecretStorage) {
    // SecretStorage fires in every window of this VS Code when any of them changes the key.
    this.subscription = secrets.onDidChange((event) => {
      if (event.key === SECRET_KEY) {
        this.changed.fire();
      }
    });
  }

  async read(): Promise<StoredCredentials | undefined> {
    let raw: string | undefined;
    try {
      raw = await this.secrets.get(SECRET_KEY);
    } catch (error) {
      throw new KeyringUnavailableError(error);
    }
    return parse(raw);
  }

  async write(credentials: StoredCredentials): Promise<void> {
    try {
      await this.secrets.store(SECRET_KEY, JSON.stringify(credentials));
    } catch (error) {
      throw new KeyringUnavailableError(error);
    }
  }

  async clear(): Promise<void> {
    try {
      await this.secrets.delete(SECRET_KEY);
    } catch (error) {
      throw new KeyringUnavailableError(error);
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function parse(raw: string | undefined): StoredCredentials | undefined {
  if (!raw) {
    return undefined;
  }
  try {
    const value = JSON.parse(raw) as Partial<StoredCredentials>;
    if (typeof value.token === 'string' && typeof value.apiUrl === 'string' && typeof value.personId === 'number') {
      return {
        token: value.token,
        apiUrl: value.apiUrl,
        personId: value.personId,
        name: typeof value.name === 'string' ? value.name : '',
        group: typeof value.group === 'string' ? value.group : '',
      };
    }
  } catch {
    // A value that is not ours (or from an older version) counts as signed out.
  }
  return undefined;
}
