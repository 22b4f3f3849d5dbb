import * as vscode from 'vscode';
import type { ChatToolDependencies } from './chatTool';
import type * as ChatToolSet from './chatToolSet';

export type { ChatToolDependencies } from './chatTool';

/** The tools as package.json contributes them (`contributes.languageModelTools`). */
export const CHAT_TOOL_NAMES = ['intervals_findTasks', 'intervals_myTime', 'intervals_logTime', 'intervals_timer', 'intervals_createTask'] as const;

/** The registered tools by name, and their registrations. */
export interface ChatTools extends vscode.Disposable {
  readonly tools: ReadonlyMap<string, vscode.LanguageModelTool<object>>;
}

/**
 * Offers Intervals to VS Code's chat: each contributed tool is registered at start-up, its code
 * loaded on first use, built on the services and commands the palette uses. `intervals.chatTools`
 * off hides them from chat (the manifest's `when`); called anyway, or while signed out, a tool
 * says so and does nothing.
 */
export function registerChatTools(deps: ChatToolDependencies): ChatTools {
  let built: ReadonlyMap<string, vscode.LanguageModelTool<object>> | undefined;
  const tool = (name: string): vscode.LanguageModelTool<object> => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    built ??= (require('./chatToolSet') as typeof ChatToolSet).chatToolSet(deps);
    return built.get(name) as vscode.LanguageModelTool<object>;
  };
  const tools = new Map<string, vscode.LanguageModelTool<object>>(
    CHAT_TOOL_NAMES.map((name) => [
      name,
      {
        prepareInvocation: (options, token) => tool(name).prepareInvocation?.(options, token),
        invoke: (options, token) => tool(name).invoke(options, token),
      },
    ]),
  );
  const registrations = vscode.Disposable.from(...[...tools].map(([name, each]) => vscode.lm.registerTool(name, each)));
  return { tools, dispose: () => registrations.dispose() };
}
