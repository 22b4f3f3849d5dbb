import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { AccountSession, SignInResult } from '../../auth/accountSession';
import { KEYRING_HELP_URL } from '../../auth/credentialStore';
import { checkTokenShape, tokenHelp } from '../../auth/signInMessages';
import { argumentObject } from '../args';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';
import { asPromptText, defuseLinks } from '../../common/untrustedText';

/**
 * `intervals.signIn`: asks for the API token (or takes `{ token }`), checks it against the
 * service and keeps it in SecretStorage. Resolves to the outcome, or undefined when cancelled.
 */
export function signInCommand(session: Pick<AccountSession, 'signIn'>): Command & { execute(arg?: unknown): Promise<SignInResult | undefined> } {
  return {
    id: 'intervals.signIn',
    arguments: argumentKeys('intervals.signIn'),
    async execute(arg?: unknown): Promise<SignInResult | undefined> {
      const token = argumentObject(arg)?.token;
      if (typeof token === 'string') {
        const result = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: l10n.t('Signing in to Intervals…') },
          () => session.signIn(token),
        );
        report(result);
        return result;
      }
      const result = await promptForToken(session);
      if (result) {
        report(result);
      }
      return result;
    },
  };
}

/** The token prompt stays open with the reason when a token is refused, so it can be corrected. */
function promptForToken(session: Pick<AccountSession, 'signIn'>): Promise<SignInResult | undefined> {
  const box = vscode.window.createInputBox();
  box.title = l10n.t('Sign in to Intervals');
  box.prompt = l10n.t('Paste your Intervals API token. {0}', tokenHelp());
  box.placeholder = l10n.t('API token');
  box.password = true;
  box.ignoreFocusOut = true;
  return new Promise((resolve) => {
    let outcome: SignInResult | undefined;
    const subscriptions = [
      box.onDidChangeValue(() => {
        box.validationMessage = undefined;
      }),
      box.onDidAccept(async () => {
        const shape = checkTokenShape(box.value);
        if (shape) {
          box.validationMessage = shape;
          return;
        }
        box.busy = true;
        box.enabled = false;
        const result = await session.signIn(box.value);
        box.busy = false;
        box.enabled = true;
        if (result.ok) {
          outcome = result;
          box.hide();
        } else {
          // The service's reason: shown in the prompt, where links and $(icons) would render.
          box.validationMessage = asPromptText(result.message);
        }
      }),
      box.onDidHide(() => {
        vscode.Disposable.from(...subscriptions).dispose();
        box.dispose();
        resolve(outcome);
      }),
    ];
    box.show();
  });
}

function report(result: SignInResult): void {
  if (result.ok) {
    const { name, group } = result.account;
    const message = group ? l10n.t('Signed in to Intervals as {0} ({1}).', name, group) : l10n.t('Signed in to Intervals as {0}.', name);
    void vscode.window.showInformationMessage(defuseLinks(message));
    return;
  }
  if (result.keyring) {
    void vscode.window.showErrorMessage(defuseLinks(result.message), l10n.t({ message: 'Learn More', comment: ['Button: opens the help on the keyring'] })).then((choice) => {
      if (choice) {
        void vscode.env.openExternal(vscode.Uri.parse(KEYRING_HELP_URL));
      }
    });
    return;
  }
  void vscode.window.showErrorMessage(defuseLinks(result.message));
}
