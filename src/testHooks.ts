import type * as vscode from 'vscode';
import type { AccountSession } from './auth/accountSession';
import type { ContextKeys } from './common/contextKeys';
import type { Services } from './services';

/** What `activate` hands the integration tests when VS Code runs the extension in test mode. */
export interface TestHooks {
  secrets: vscode.SecretStorage;
  globalState: vscode.Memento;
  logUri: vscode.Uri;
  session: AccountSession;
  contextKeys: ContextKeys;
  /** Every collaborator `activate` built, for tests that look inside a feature. */
  services: Services;
}
