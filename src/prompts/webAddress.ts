import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { Settings } from '../common/settings';
import { asPromptText } from '../common/untrustedText';
import { checkWebUrl } from '../tasks/taskUrl';

/** The account's web address, asked for once (an https address) and kept in `intervals.webUrl`. */
export class WebAddressPrompt {
  constructor(private readonly settings: Pick<Settings, 'webUrl' | 'setWebUrl'>) {}

  /** The address, asking for it when the setting has none (or an unusable one); undefined when not given. */
  async webUrl(): Promise<string | undefined> {
    const current = this.settings.webUrl;
    const checked = current === '' ? undefined : checkWebUrl(current);
    if (checked?.ok) {
      return checked.url;
    }
    const input = await vscode.window.showInputBox({
      title: l10n.t('Intervals Web Address'),
      prompt: checked
        ? asPromptText(l10n.t('The setting intervals.webUrl is not usable ({0}). Enter the address you open Intervals at.', checked.message))
        : l10n.t('Enter the address you open Intervals at in the browser. It is kept in the setting intervals.webUrl.'),
      placeHolder: 'https://acme.intervalsonline.com/',
      value: current,
      ignoreFocusOut: true,
      validateInput: (value) => {
        const result = checkWebUrl(value);
        return result.ok ? undefined : result.message;
      },
    });
    if (input === undefined) {
      return undefined;
    }
    const result = checkWebUrl(input);
    if (!result.ok) {
      return undefined;
    }
    await this.settings.setWebUrl(result.url);
    return result.url;
  }
}
