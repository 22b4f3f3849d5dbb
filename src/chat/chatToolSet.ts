import type * as vscode from 'vscode';
import { createTaskTool } from './createTaskTool';
import { languageModelTool, type ChatToolDependencies, type ChatToolSpec } from './chatTool';
import { logTimeTool } from './logTimeTool';
import { findTasksTool, myTimeTool } from './readTools';
import { timerTool } from './timerTool';

/**
 * The chat tools' code, loaded on a tool's first use (the production bundle keeps it in
 * dist/chat.js, see esbuild.mjs): each tool by its contributed name.
 */
export function chatToolSet(deps: ChatToolDependencies): ReadonlyMap<string, vscode.LanguageModelTool<object>> {
  const specs: Record<string, ChatToolSpec<object, unknown>> = {
    intervals_findTasks: findTasksTool(deps),
    intervals_myTime: myTimeTool(deps),
    intervals_logTime: logTimeTool(deps) as ChatToolSpec<object, unknown>,
    intervals_timer: timerTool(deps) as ChatToolSpec<object, unknown>,
    intervals_createTask: createTaskTool(deps) as ChatToolSpec<object, unknown>,
  };
  return new Map(Object.entries(specs).map(([name, spec]) => [name, languageModelTool(name, spec, deps)] as const));
}
