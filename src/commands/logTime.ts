import { boolean, hours, id, isoDate, text } from './commandArguments';
import type { LogTimeFlow, LogTimeResult } from '../views/time/logTimeFlow';
import type { Command } from './commandTable';

/**
 * `intervals.logTime`: `{ taskId, date, hours, worktypeId, billable, description, timerId?, prompt? }`
 * skips the prompts it answers (with `prompt: true` they only prefill them); a task tree node
 * fixes the task. Returns what became of the entry.
 */
export function logTimeCommand(flow: LogTimeFlow): Command {
  return {
    id: 'intervals.logTime',
    arguments: { taskId: id, date: isoDate, hours, worktypeId: id, billable: boolean, description: text, prompt: boolean, timerId: id, fromTimer: boolean },
    execute: (arg?: unknown): Promise<LogTimeResult> => flow.run(arg),
  };
}
