import type * as vscode from 'vscode';
import type { AccountSession } from './auth/accountSession';
import type { ContextKeys } from './common/contextKeys';

/** What `activate` hands the integration tests when VS Code runs the extension in test mode. */
export interface TestHooks {
  secrets: vscode.SecretStorage;
  globalState: vscode.Memento;
  logUri: vscode.Uri;
  session: AccountSession;
  contextKeys: ContextKeys;
}
