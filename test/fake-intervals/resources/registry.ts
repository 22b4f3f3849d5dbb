// The resources this fake simulates, by the name used in the URL.
import { moduleResource, projectmoduleResource, projectworktypeResource, worktypeResource } from './catalog';
import { clientResource } from './clients';
import { meResource, personResource } from './people';
import { projectResource } from './projects';
import { quotaResource } from './quota';
import type { ResourceHandler } from './resource';
import { taskpriorityResource, taskstatusResource } from './taskSettings';
import { taskNoteResource } from './taskNotes';
import { taskResource } from './tasks';
import { timeResource } from './time';
import { timerResource } from './timers';

const HANDLERS: readonly ResourceHandler[] = [
  meResource,
  personResource,
  clientResource,
  projectResource,
  projectmoduleResource,
  projectworktypeResource,
  worktypeResource,
  moduleResource,
  taskResource,
  taskstatusResource,
  taskpriorityResource,
  timeResource,
  timerResource,
  taskNoteResource,
  quotaResource,
];

export const RESOURCES: ReadonlyMap<string, ResourceHandler> = new Map(HANDLERS.map((handler) => [handler.name, handler]));

export const RESOURCE_NAMES: readonly string[] = HANDLERS.map((handler) => handler.name);
