import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { WebAddressPrompt } from '../../prompts/webAddress';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';
import type { TaskLookup } from './chosenTask';
import { taskLinkFor } from './taskLink';

/** `intervals.copyTaskLink`: puts the task's web address on the clipboard. Returns it. */
export function copyTaskLinkCommand(lookup: TaskLookup, webAddress: Pick<WebAddressPrompt, 'webUrl'>): Command {
  return {
    id: 'intervals.copyTaskLink',
    arguments: argumentKeys('intervals.copyTaskLink'),
    async execute(arg?: unknown): Promise<string | undefined> {
      const link = await taskLinkFor(lookup, webAddress, arg, l10n.t('Copy Task Link'));
      if (link) {
        await vscode.env.clipboard.writeText(link);
        vscode.window.setStatusBarMessage(l10n.t('Copied {0}', link), 3000);
      }
      return link;
    },
  };
}
