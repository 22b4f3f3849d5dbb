import { toClient, toModule, toPerson, toProject, toProjectModule, toProjectWorkType, toTask, toTaskNote, toTaskPriority, toTaskStatus, toTimeEntry, toTimer, toWorkType } from './normalize';
import { type WireRecord } from './scalars';
import type { PageProgress } from './pagination';
import type { RequestOptions } from './transport';
import type { Client, Module, Person, Project, ProjectModule, ProjectWorkType, Task, TaskNote, TaskPriority, TaskStatus, TimeEntry, Timer, WorkType } from './types';
import type { ClientFilter, ModuleFilter, PersonFilter, ProjectFilter, ProjectModuleFilter, ProjectWorkTypeFilter, TaskFilter, TaskNoteFilter, TaskPriorityFilter, TaskStatusFilter, TimeFilter, TimerFilter, WorkTypeFilter } from './filters';

export interface ListOptions extends RequestOptions {
  /** Page size of this one request; Intervals' default is 10. */
  limit?: number;
  offset?: number;
}

export interface FetchAllOptions extends RequestOptions {
  pageSize?: number;
  onPage?: (progress: PageProgress) => void;
  maxPages?: number;
}

/** Collections and the types they hold, for the generic `paginate`/`fetchAll`. */
export interface ListResources {
  person: { item: Person; filter: PersonFilter };
  client: { item: Client; filter: ClientFilter };
  project: { item: Project; filter: ProjectFilter };
  projectmodule: { item: ProjectModule; filter: ProjectModuleFilter };
  projectworktype: { item: ProjectWorkType; filter: ProjectWorkTypeFilter };
  worktype: { item: WorkType; filter: WorkTypeFilter };
  module: { item: Module; filter: ModuleFilter };
  task: { item: Task; filter: TaskFilter };
  taskstatus: { item: TaskStatus; filter: TaskStatusFilter };
  taskpriority: { item: TaskPriority; filter: TaskPriorityFilter };
  time: { item: TimeEntry; filter: TimeFilter };
  timer: { item: Timer; filter: TimerFilter };
  tasknote: { item: TaskNote; filter: TaskNoteFilter };
}

export type ListResource = keyof ListResources;

/** How each collection's raw items become typed ones. */
export const mappers: { [R in ListResource]: (raw: WireRecord) => ListResources[R]['item'] } = {
  person: toPerson,
  client: toClient,
  project: toProject,
  projectmodule: toProjectModule,
  projectworktype: toProjectWorkType,
  worktype: toWorkType,
  module: toModule,
  task: toTask,
  taskstatus: toTaskStatus,
  taskpriority: toTaskPriority,
  time: toTimeEntry,
  timer: toTimer,
  tasknote: toTaskNote,
};

