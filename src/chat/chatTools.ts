import * as vscode from 'vscode';
import { createTaskTool } from './createTaskTool';
import { languageModelTool, type ChatToolDependencies } from './chatTool';
import { logTimeTool } from './logTimeTool';
import { findTasksTool, myTimeTool } from './readTools';
import { timerTool } from './timerTool';

export type { ChatToolDependencies } from './chatTool';

/**
 * Offers Intervals to VS Code's chat: each contributed tool is registered here, built on the
 * services and commands the palette uses. `intervals.chatTools` off hides them from chat (the
 * manifest's `when`); called anyway, or while signed out, a tool says so and does nothing.
 */
export function registerChatTools(deps: ChatToolDependencies): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.lm.registerTool('intervals_findTasks', languageModelTool('intervals_findTasks', findTasksTool(deps), deps)),
    vscode.lm.registerTool('intervals_myTime', languageModelTool('intervals_myTime', myTimeTool(deps), deps)),
    vscode.lm.registerTool('intervals_logTime', languageModelTool('intervals_logTime', logTimeTool(deps), deps)),
    vscode.lm.registerTool('intervals_timer', languageModelTool('intervals_timer', timerTool(deps), deps)),
    vscode.lm.registerTool('intervals_createTask', languageModelTool('intervals_createTask', createTaskTool(deps), deps)),
  );
}
