import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { WebAddressPrompt } from '../../prompts/webAddress';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';
import type { TaskLookup } from './chosenTask';
import { taskLinkFor } from './taskLink';

/** `intervals.openTaskInBrowser`: opens the task's page of the Intervals web app. Returns the address. */
export function openTaskInBrowserCommand(lookup: TaskLookup, webAddress: Pick<WebAddressPrompt, 'webUrl'>): Command {
  return {
    id: 'intervals.openTaskInBrowser',
    arguments: argumentKeys('intervals.openTaskInBrowser'),
    async execute(arg?: unknown): Promise<string | undefined> {
      const link = await taskLinkFor(lookup, webAddress, arg, l10n.t('Open Task in Browser'));
      if (link) {
        await vscode.env.openExternal(vscode.Uri.parse(link));
      }
      return link;
    },
  };
}
