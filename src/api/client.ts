import * as l10n from '@vscode/l10n';
import { IntervalsError } from './errors';
import { listItems, memberItem, toClient, toMe, toPerson, toProject, toQuota, toTask, toTaskNote, toTimeEntry, toTimer, type Envelope } from './normalize';
import { toId, type WireRecord } from './scalars';
import { DEFAULT_PAGE_SIZE, fetchAll, paginate } from './pagination';
import { filterToQuery, fromProjectInput, fromTaskInput, fromTaskNoteInput, fromTimeEntryInput, fromTimerInput } from './wire';
import { mappers, type FetchAllOptions, type ListOptions, type ListResource, type ListResources } from './resources';
import { Transport, type ApiRequest, type RequestOptions, type TransportOptions } from './transport';
import type { Client, Format, Me, Module, Page, Person, Project, ProjectInput, ProjectModule, ProjectWorkType, Quota, Task, TaskInput, TaskNote, TaskNoteInput, TaskPriority, TaskStatus, TimeEntry, TimeEntryInput, Timer, TimerInput, WorkType } from './types';
import type { ClientFilter, ModuleFilter, PersonFilter, ProjectFilter, ProjectModuleFilter, ProjectWorkTypeFilter, TaskFilter, TaskNoteFilter, TaskPriorityFilter, TaskStatusFilter, TimeFilter, TimerFilter, WorkTypeFilter } from './filters';

export type { ApiLogger } from './logger';
export { MAX_ANSWER_BYTES, type RequestOptions } from './transport';
export type { FetchAllOptions, ListOptions, ListResource, ListResources } from './resources';

export interface IntervalsClientOptions extends TransportOptions {
  /** Page size of the `listAll*`/`paginate` helpers. Default 500. */
  pageSize?: number;
}

/**
 * The Intervals API, resource by resource: each call names its endpoint, maps the answer to a
 * typed value, and goes through the transport (see transport.ts: authentication, formats,
 * retries, the rate limit). Every call takes an AbortSignal.
 */
export class IntervalsClient {
  readonly baseUrl: string;
  readonly format: Format;
  private readonly transport: Transport;
  private readonly pageSize: number;

  constructor(options: IntervalsClientOptions) {
    this.transport = new Transport(options);
    this.baseUrl = this.transport.baseUrl;
    this.format = this.transport.format;
    this.pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  }

  /** Stops new requests and closes the client's own connection pool. */
  close(): Promise<void> {
    return this.transport.close();
  }

  // -------------------------------------------------------------------------------------------
  // Resources

  /** The signed-in person. */
  async me(options?: RequestOptions): Promise<Me> {
    const envelope = await this.send({ method: 'GET', resource: 'me' }, options);
    const raw = memberItem(envelope, 'me');
    if (!raw) {
      // l10n-ignore: detail for the log (serverMessage)
      throw this.transport.badResponse('The answer to /me/ named no person.', 'GET', 'me/');
    }
    return this.transport.mapOrThrow(() => toMe(raw), 'GET', 'me/');
  }

  /** Requests used today and the daily limit. Not counted against the daily limit itself. */
  async quota(options?: RequestOptions): Promise<Quota> {
    const envelope = await this.send({ method: 'GET', resource: 'quota' }, options);
    const raw = memberItem(envelope, 'quota');
    if (!raw) {
      // l10n-ignore: detail for the log (serverMessage)
      throw this.transport.badResponse('The answer to /quota/ held no quota.', 'GET', 'quota/');
    }
    return toQuota(raw);
  }

  listPeople(filter?: PersonFilter, options?: ListOptions): Promise<Page<Person>> {
    return this.listPage('person', filter, options);
  }
  listAllPeople(filter?: PersonFilter, options?: FetchAllOptions): Promise<Person[]> {
    return this.fetchAll('person', filter, options);
  }
  getPerson(id: number, options?: RequestOptions): Promise<Person> {
    return this.getMember('person', id, toPerson, options);
  }

  listClients(filter?: ClientFilter, options?: ListOptions): Promise<Page<Client>> {
    return this.listPage('client', filter, options);
  }
  listAllClients(filter?: ClientFilter, options?: FetchAllOptions): Promise<Client[]> {
    return this.fetchAll('client', filter, options);
  }
  getClient(id: number, options?: RequestOptions): Promise<Client> {
    return this.getMember('client', id, toClient, options);
  }

  listProjects(filter?: ProjectFilter, options?: ListOptions): Promise<Page<Project>> {
    return this.listPage('project', filter, options);
  }
  listAllProjects(filter?: ProjectFilter, options?: FetchAllOptions): Promise<Project[]> {
    return this.fetchAll('project', filter, options);
  }
  getProject(id: number, options?: RequestOptions): Promise<Project> {
    return this.getMember('project', id, toProject, options);
  }
  async createProject(input: ProjectInput, options?: RequestOptions): Promise<Project> {
    return this.createMember('project', fromProjectInput(input), toProject, options);
  }
  async updateProject(id: number, patch: Partial<ProjectInput>, options?: RequestOptions): Promise<Project> {
    return this.updateMember('project', id, fromProjectInput(patch), toProject, options);
  }

  listProjectModules(filter?: ProjectModuleFilter, options?: ListOptions): Promise<Page<ProjectModule>> {
    return this.listPage('projectmodule', filter, options);
  }
  listAllProjectModules(filter?: ProjectModuleFilter, options?: FetchAllOptions): Promise<ProjectModule[]> {
    return this.fetchAll('projectmodule', filter, options);
  }

  listProjectWorkTypes(filter?: ProjectWorkTypeFilter, options?: ListOptions): Promise<Page<ProjectWorkType>> {
    return this.listPage('projectworktype', filter, options);
  }
  listAllProjectWorkTypes(filter?: ProjectWorkTypeFilter, options?: FetchAllOptions): Promise<ProjectWorkType[]> {
    return this.fetchAll('projectworktype', filter, options);
  }

  listWorkTypes(filter?: WorkTypeFilter, options?: ListOptions): Promise<Page<WorkType>> {
    return this.listPage('worktype', filter, options);
  }
  listAllWorkTypes(filter?: WorkTypeFilter, options?: FetchAllOptions): Promise<WorkType[]> {
    return this.fetchAll('worktype', filter, options);
  }

  listModules(filter?: ModuleFilter, options?: ListOptions): Promise<Page<Module>> {
    return this.listPage('module', filter, options);
  }
  listAllModules(filter?: ModuleFilter, options?: FetchAllOptions): Promise<Module[]> {
    return this.fetchAll('module', filter, options);
  }

  listTasks(filter?: TaskFilter, options?: ListOptions): Promise<Page<Task>> {
    return this.listPage('task', filter, options);
  }
  listAllTasks(filter?: TaskFilter, options?: FetchAllOptions): Promise<Task[]> {
    return this.fetchAll('task', filter, options);
  }
  getTask(id: number, options?: RequestOptions): Promise<Task> {
    return this.getMember('task', id, toTask, options);
  }
  async createTask(input: TaskInput, options?: RequestOptions): Promise<Task> {
    return this.createMember('task', fromTaskInput(input), toTask, options);
  }
  async updateTask(id: number, patch: Partial<TaskInput>, options?: RequestOptions): Promise<Task> {
    return this.updateMember('task', id, fromTaskInput(patch), toTask, options);
  }
  deleteTask(id: number, options?: RequestOptions): Promise<void> {
    return this.deleteMember('task', id, options);
  }

  listTaskStatuses(filter?: TaskStatusFilter, options?: ListOptions): Promise<Page<TaskStatus>> {
    return this.listPage('taskstatus', filter, options);
  }
  listAllTaskStatuses(filter?: TaskStatusFilter, options?: FetchAllOptions): Promise<TaskStatus[]> {
    return this.fetchAll('taskstatus', filter, options);
  }

  listTaskPriorities(filter?: TaskPriorityFilter, options?: ListOptions): Promise<Page<TaskPriority>> {
    return this.listPage('taskpriority', filter, options);
  }
  listAllTaskPriorities(filter?: TaskPriorityFilter, options?: FetchAllOptions): Promise<TaskPriority[]> {
    return this.fetchAll('taskpriority', filter, options);
  }

  listTime(filter?: TimeFilter, options?: ListOptions): Promise<Page<TimeEntry>> {
    return this.listPage('time', filter, options);
  }
  listAllTime(filter?: TimeFilter, options?: FetchAllOptions): Promise<TimeEntry[]> {
    return this.fetchAll('time', filter, options);
  }
  getTime(id: number, options?: RequestOptions): Promise<TimeEntry> {
    return this.getMember('time', id, toTimeEntry, options);
  }
  async createTime(input: TimeEntryInput, options?: RequestOptions): Promise<TimeEntry> {
    return this.createMember('time', fromTimeEntryInput(input), toTimeEntry, options);
  }
  async updateTime(id: number, patch: Partial<TimeEntryInput>, options?: RequestOptions): Promise<TimeEntry> {
    return this.updateMember('time', id, fromTimeEntryInput(patch), toTimeEntry, options);
  }
  deleteTime(id: number, options?: RequestOptions): Promise<void> {
    return this.deleteMember('time', id, options);
  }

  listTimers(filter?: TimerFilter, options?: ListOptions): Promise<Page<Timer>> {
    return this.listPage('timer', filter, options);
  }
  listAllTimers(filter?: TimerFilter, options?: FetchAllOptions): Promise<Timer[]> {
    return this.fetchAll('timer', filter, options);
  }
  getTimer(id: number, options?: RequestOptions): Promise<Timer> {
    return this.getMember('timer', id, toTimer, options);
  }
  async createTimer(input: TimerInput, options?: RequestOptions): Promise<Timer> {
    return this.createMember('timer', fromTimerInput(input), toTimer, options);
  }
  async updateTimer(id: number, patch: TimerInput, options?: RequestOptions): Promise<Timer> {
    return this.updateMember('timer', id, fromTimerInput(patch), toTimer, options);
  }
  deleteTimer(id: number, options?: RequestOptions): Promise<void> {
    return this.deleteMember('timer', id, options);
  }

  listTaskNotes(filter?: TaskNoteFilter, options?: ListOptions): Promise<Page<TaskNote>> {
    return this.listPage('tasknote', filter, options);
  }
  createTaskNote(input: TaskNoteInput, options?: RequestOptions): Promise<TaskNote> {
    return this.createMember('tasknote', fromTaskNoteInput(input), toTaskNote, options);
  }

  // -------------------------------------------------------------------------------------------
  // Collections in general

  /** One page of a collection. */
  async listPage<R extends ListResource>(
    resource: R,
    filter?: ListResources[R]['filter'],
    options: ListOptions = {},
  ): Promise<Page<ListResources[R]['item']>> {
    const query = filterToQuery(filter);
    const offset = options.offset ?? 0;
    const limit = options.limit;
    if (limit !== undefined) {
      query.limit = String(limit);
    }
    if (options.offset !== undefined) {
      query.offset = String(offset);
    }
    const envelope = await this.send({ method: 'GET', resource, query }, options);
    const map = mappers[resource];
    const items = this.transport.mapOrThrow(() => listItems(envelope, resource).map((raw) => map(raw)), 'GET', `${resource}/`);
    return { items, offset, limit: limit ?? items.length, listCount: envelope.listCount };
  }

  /** Every item of a collection, fetched in large pages as the iteration proceeds. */
  paginate<R extends ListResource>(
    resource: R,
    filter?: ListResources[R]['filter'],
    options: FetchAllOptions = {},
  ): AsyncGenerator<ListResources[R]['item'], void, undefined> {
    return paginate(
      (page) => this.listPage(resource, filter, { limit: page.limit, offset: page.offset, signal: page.signal, timeoutMs: options.timeoutMs }),
      { pageSize: options.pageSize ?? this.pageSize, signal: options.signal, onPage: options.onPage, maxPages: options.maxPages },
    );
  }

  /** Every item of a collection, in one array. */
  fetchAll<R extends ListResource>(
    resource: R,
    filter?: ListResources[R]['filter'],
    options: FetchAllOptions = {},
  ): Promise<ListResources[R]['item'][]> {
    return fetchAll(
      (page) => this.listPage(resource, filter, { limit: page.limit, offset: page.offset, signal: page.signal, timeoutMs: options.timeoutMs }),
      { pageSize: options.pageSize ?? this.pageSize, signal: options.signal, onPage: options.onPage, maxPages: options.maxPages },
    );
  }

  // -------------------------------------------------------------------------------------------
  // Members

  private async getMember<T>(resource: string, id: number, map: (raw: WireRecord) => T, options?: RequestOptions): Promise<T> {
    const envelope = await this.send({ method: 'GET', resource, id: checkId(id) }, options);
    const raw = memberItem(envelope, resource);
    if (!raw) {
      // l10n-ignore: detail for the log (serverMessage)
      throw this.transport.badResponse(`The answer held no ${resource}.`, 'GET', `${resource}/${id}/`);
    }
    return this.transport.mapOrThrow(() => map(raw), 'GET', `${resource}/${id}/`);
  }

  private async createMember<T>(
    resource: string,
    body: Record<string, unknown>,
    map: (raw: WireRecord) => T,
    options?: RequestOptions,
  ): Promise<T> {
    const envelope = await this.send({ method: 'POST', resource, body }, options);
    return this.writtenMember(envelope, resource, undefined, map, options);
  }

  private async updateMember<T>(
    resource: string,
    id: number,
    body: Record<string, unknown>,
    map: (raw: WireRecord) => T,
    options?: RequestOptions,
  ): Promise<T> {
    const envelope = await this.send({ method: 'PUT', resource, id: checkId(id), body }, options);
    return this.writtenMember(envelope, resource, id, map, options);
  }

  private async deleteMember(resource: string, id: number, options?: RequestOptions): Promise<void> {
    await this.send({ method: 'DELETE', resource, id: checkId(id) }, options);
  }

  /**
   * The member a create or update answered with. Should the answer carry only an id, the
   * member is read back: the write has happened, so failing here would invite a duplicate.
   */
  private async writtenMember<T>(
    envelope: Envelope,
    resource: string,
    knownId: number | undefined,
    map: (raw: WireRecord) => T,
    options?: RequestOptions,
  ): Promise<T> {
    const raw = memberItem(envelope, resource);
    if (raw && toId(raw.id) !== null && Object.keys(raw).length > 1) {
      return this.transport.mapOrThrow(() => map(raw), knownId ? 'PUT' : 'POST', `${resource}/`);
    }
    const id = toId(raw?.id) ?? toId(envelope.body.id) ?? knownId;
    if (id === undefined || id === null) {
      // l10n-ignore: detail for the log (serverMessage)
      throw this.transport.badResponse(`The answer to the ${resource} write named no id.`, knownId ? 'PUT' : 'POST', `${resource}/`, true);
    }
    return this.getMember(resource, id, map, options);
  }

  private send(request: ApiRequest, options?: RequestOptions): Promise<Envelope> {
    return this.transport.send(request, options);
  }
}

function checkId(id: number): number {
  if (!Number.isInteger(id) || id <= 0) {
    throw new IntervalsError({ kind: 'validation', message: l10n.t('"{0}" is not an Intervals id.', String(id)) });
  }
  return id;
}
