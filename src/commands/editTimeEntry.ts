import { boolean, hours, id, isoDate, text } from './commandArguments';
import type { EditTimeEntryResult, EditTimeFlow } from '../views/time/editTimeFlow';
import type { Command } from './commandTable';

/**
 * `intervals.editTimeEntry`: a My Time node or `{ entryId }` asks for the new values with the
 * current ones filled in; `{ entryId, date?, hours?, worktypeId?, description?, billable? }`
 * changes just those (PUT /time/{id}/). From the palette it asks which entry of the shown week.
 */
export function editTimeEntryCommand(flow: EditTimeFlow): Command {
  return {
    id: 'intervals.editTimeEntry',
    arguments: { entryId: id, id, date: isoDate, hours, worktypeId: id, billable: boolean, description: text, prompt: boolean },
    execute: (arg?: unknown): Promise<EditTimeEntryResult> => flow.run(arg),
  };
}
