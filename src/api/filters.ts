import type { DateString, DateTimeString } from './types';

/** What the list endpoints take: the query filters of each collection. */

// Filters. Id lists become CSV; `-1` means "none" where Intervals supports it.

type Ids = number | readonly number[];
export type SortDirection = 'ASC' | 'DESC';

export interface PersonFilter {
  localId?: Ids;
  username?: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  excludeGroupIds?: Ids;
  projectId?: Ids;
  clientId?: Ids;
  projectClientId?: Ids;
  search?: string;
  active?: boolean;
  groupId?: number;
  allProjects?: boolean;
  restrictTasks?: boolean;
}

export interface ClientFilter {
  localId?: Ids;
  active?: boolean;
  search?: string;
  projectsOnly?: boolean;
  sortField?: 'id' | 'localid' | 'name' | 'datecreated';
  sortDir?: SortDirection;
}

export interface ProjectFilter {
  localId?: Ids;
  clientId?: Ids;
  managerId?: Ids;
  labelId?: Ids;
  name?: string;
  dateStart?: DateString;
  dateStartBegin?: DateString;
  dateStartEnd?: DateString;
  dateEnd?: DateString;
  dateEndBegin?: DateString;
  dateEndEnd?: DateString;
  search?: string;
  active?: boolean;
  billable?: boolean;
  personId?: number;
  sortField?: string;
  sortDir?: SortDirection;
}

export interface ProjectModuleFilter {
  projectId?: Ids;
  active?: boolean;
  personId?: number;
}

export interface ProjectWorkTypeFilter {
  projectId?: Ids;
  active?: boolean;
  personId?: number;
}

export interface WorkTypeFilter {
  active?: boolean;
}

export interface ModuleFilter {
  active?: boolean;
}

export interface TaskFilter {
  localId?: Ids;
  personId?: number;
  /** Adds `timerId`/`timerStartTime` of this person's timer on each task. */
  includeTimerId?: number;
  assigneeId?: Ids;
  followerId?: Ids;
  statusId?: Ids;
  clientId?: Ids;
  projectId?: Ids;
  moduleId?: Ids;
  milestoneId?: Ids;
  ownerId?: Ids;
  priorityId?: Ids;
  /** Substring of the title. */
  title?: string;
  dateCreated?: DateString;
  dateCreatedBegin?: DateString;
  dateCreatedEnd?: DateString;
  dateOpen?: DateString;
  dateOpenBegin?: DateString;
  dateOpenEnd?: DateString;
  dateDue?: DateString;
  dateDueBegin?: DateString;
  dateDueEnd?: DateString;
  dateClosed?: DateString;
  dateClosedBegin?: DateString;
  dateClosedEnd?: DateString;
  hasDueDate?: boolean;
  overdue?: boolean;
  excludeClosed?: boolean;
  taskListFilterId?: number;
}

export interface TaskStatusFilter {
  active?: boolean;
}

export interface TaskPriorityFilter {
  active?: boolean;
}

export interface TimeFilter {
  activeOnly?: boolean;
  moduleId?: Ids;
  taskId?: Ids;
  workTypeId?: Ids;
  personId?: Ids;
  clientId?: Ids;
  projectId?: Ids;
  milestoneId?: Ids;
  date?: DateString;
  dateBegin?: DateString;
  dateEnd?: DateString;
  dateModifiedBegin?: DateTimeString;
  dateModifiedEnd?: DateTimeString;
  billable?: boolean;
  approved?: boolean;
  sortField?: 'id' | 't.date' | 'datemodified';
  sortDir?: SortDirection;
}

export interface TaskNoteFilter {
  taskId?: Ids;
  authorId?: Ids;
  public?: boolean;
  sortField?: 'id' | 'taskid' | 'authorid' | 'date';
  sortDir?: SortDirection;
}

export interface TimerFilter {
  /** Only general (task-less) timers instead of task timers. */
  generalTimers?: boolean;
  /** Both kinds in one list, with task details for task timers. */
  getTimerInfo?: boolean;
  taskId?: Ids;
  personId?: Ids;
  projectId?: Ids;
  clientId?: Ids;
  sortField?: 'lastupdate';
  sortDir?: SortDirection;
}
