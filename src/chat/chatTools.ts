import * as vscode from 'vscode';
import { createTaskTool } from './createTaskTool';
import { languageModelTool, type ChatToolDependencies, type ChatToolSpec } from './chatTool';
import { logTimeTool } from './logTimeTool';
import { findTasksTool, myTimeTool } from './readTools';
import { timerTool } from './timerTool';

export type { ChatToolDependencies } from './chatTool';

/** The registered tools by name (as package.json contributes them), and their registrations. */
export interface ChatTools extends vscode.Disposable {
  readonly tools: ReadonlyMap<string, vscode.LanguageModelTool<object>>;
}

/**
 * Offers Intervals to VS Code's chat: each contributed tool is registered here, built on the
 * services and commands the palette uses. `intervals.chatTools` off hides them from chat (the
 * manifest's `when`); called anyway, or while signed out, a tool says so and does nothing.
 */
export function registerChatTools(deps: ChatToolDependencies): ChatTools {
  const specs: Record<string, ChatToolSpec<object, unknown>> = {
    intervals_findTasks: findTasksTool(deps),
    intervals_myTime: myTimeTool(deps),
    intervals_logTime: logTimeTool(deps) as ChatToolSpec<object, unknown>,
    intervals_timer: timerTool(deps) as ChatToolSpec<object, unknown>,
    intervals_createTask: createTaskTool(deps) as ChatToolSpec<object, unknown>,
  };
  const tools = new Map(Object.entries(specs).map(([name, spec]) => [name, languageModelTool(name, spec, deps)] as const));
  const registrations = vscode.Disposable.from(...[...tools].map(([name, tool]) => vscode.lm.registerTool(name, tool)));
  return { tools, dispose: () => registrations.dispose() };
}
