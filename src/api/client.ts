import type { Dispatcher } from 'undici';
import { validateBaseUrl } from './baseUrl';
import { clampDelay, systemNow, systemRandom, systemSleep, type Now, type Random, type Sleep } from './clock';
import {
  IntervalsError,
  errorFromAnswer,
  isWrite,
  looksLikeHtml,
  parseRetryAfter,
  userMessage,
  type IntervalsErrorKind,
  certificateCodes,
} from './errors';
import { silentLogger, type ApiLogger } from './logger';
import {
  WireFormatError,
  filterToQuery,
  fromProjectInput,
  fromTaskInput,
  fromTimeEntryInput,
  fromTimerInput,
  isRecord,
  listItems,
  memberItem,
  readEnvelope,
  toClient,
  toId,
  toMe,
  toModule,
  toPerson,
  toProject,
  toProjectModule,
  toProjectWorkType,
  toQuota,
  toTask,
  toTaskPriority,
  toTaskStatus,
  toTimeEntry,
  toTimer,
  toWorkType,
  type Envelope,
  type WireRecord,
} from './normalize';
import { DEFAULT_PAGE_SIZE, fetchAll, paginate, type PageProgress } from './pagination';
import { DEFAULT_RATE_LIMIT, SlidingWindowLimiter, type RequestBudget } from './rateLimiter';
import { Redactor } from './redaction';
import { DEFAULT_RETRY_POLICY, throwIfCancelled, withRetry, type RetryPolicy } from './retry';
import { SharedRequests } from './sharedRequests';
import type {
  Client,
  ClientFilter,
  Format,
  Me,
  Module,
  ModuleFilter,
  Page,
  Person,
  PersonFilter,
  Project,
  ProjectFilter,
  ProjectInput,
  ProjectModule,
  ProjectModuleFilter,
  ProjectWorkType,
  ProjectWorkTypeFilter,
  Quota,
  Task,
  TaskFilter,
  TaskInput,
  TaskPriority,
  TaskPriorityFilter,
  TaskStatus,
  TaskStatusFilter,
  TimeEntry,
  TimeEntryInput,
  TimeFilter,
  Timer,
  TimerFilter,
  TimerInput,
  WorkType,
  WorkTypeFilter,
} from './types';
import { dispatcherOnFirstRequest, type HttpDispatcher } from './lazyDependencies';
import { XmlFormatError, buildXml, parseXml } from './xml';

export type { ApiLogger } from './logger';

export interface IntervalsClientOptions {
  /** API address; validated with `validateBaseUrl` (https, or http on loopback only). */
  baseUrl: string;
  /** The user's 11-character API token. */
  token: string;
  /** Wire format of requests and answers. Default `json`. */
  format?: Format;
  /** Per attempt, from sending to the last byte of the answer. Default 30 s. */
  timeoutMs?: number;
  /** Replaces the client's own keep-alive pool (a proxy agent, a mock). Not closed by `close()`. */
  dispatcher?: HttpDispatcher;
  logger?: ApiLogger;
  /** Backoff for reads and deletes; `false` sends each request once. */
  retry?: Partial<RetryPolicy> | false;
  /**
   * Client-side request budget: a limit for this client (default 90 a minute), a budget shared
   * with other clients and processes, or `false` for none.
   */
  limiter?: Partial<{ maxRequests: number; windowMs: number }> | RequestBudget | false;
  /** Page size of the `listAll*`/`paginate` helpers. Default 500. */
  pageSize?: number;
  /** Called with every `unauthorized` failure, so the session can sign out. */
  onUnauthorized?: (error: IntervalsError) => void;
  /** Blanks the token (and the extension's other secrets) from errors; the client keeps its token in it. */
  redactor?: Redactor;
  userAgent?: string;
  now?: Now;
  sleep?: Sleep;
  random?: Random;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Overrides the client's timeout for this call. */
  timeoutMs?: number;
}

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
}

export type ListResource = keyof ListResources;

const mappers: { [R in ListResource]: (raw: WireRecord) => ListResources[R]['item'] } = {
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
};

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface ApiRequest {
  method: Method;
  resource: string;
  id?: number;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_ERROR_BODY = 64 * 1024;
const MIB = 1024 * 1024;

/**
 * The largest successful answer read, by kind: generous for what Intervals sends (a page of 500
 * tasks with long descriptions stays well under), small enough that a wrong address or a broken
 * proxy streaming a huge file cannot fill the memory of the extension host.
 */
export const MAX_ANSWER_BYTES = {
  /** `/me/` and `/quota/`: one small record. */
  account: 1 * MIB,
  /** One member: a read, or the answer to a create or update. */
  member: 4 * MIB,
  /** One page of a collection. */
  page: 32 * MIB,
} as const;

function answerLimit(request: ApiRequest): number {
  if (request.resource === 'me' || request.resource === 'quota') {
    return MAX_ANSWER_BYTES.account;
  }
  return request.method === 'GET' && request.id === undefined ? MAX_ANSWER_BYTES.page : MAX_ANSWER_BYTES.member;
}
const TIMEOUT = Symbol('timeout');

/**
 * The one way to talk to Intervals: HTTP Basic with the token, JSON or XML, envelope unwrapped
 * and values normalised, reads retried with backoff, requests kept under the rate limit, and
 * identical reads in flight shared. Every call takes an AbortSignal.
 */
export class IntervalsClient {
  readonly baseUrl: string;
  readonly format: Format;
  readonly #authorization: string;
  readonly #redact: (text: string) => string;
  private readonly origin: string;
  private readonly basePath: string;
  private readonly host: string;
  private readonly dispatcher: HttpDispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly timeoutMs: number;
  private readonly logger: ApiLogger;
  private readonly retryPolicy: RetryPolicy;
  private readonly limiter: RequestBudget | undefined;
  private readonly shared = new SharedRequests<Envelope>();
  private readonly pageSize: number;
  private readonly onUnauthorized: ((error: IntervalsError) => void) | undefined;
  private readonly userAgent: string;
  private readonly now: Now;
  private readonly sleep: Sleep;
  private readonly random: Random;
  private closed = false;

  constructor(options: IntervalsClientOptions) {
    const checked = validateBaseUrl(options.baseUrl);
    if (!checked.ok) {
      throw new Error(checked.message);
    }
    const token = options.token.trim();
    if (!token) {
      throw new Error('An Intervals API token is needed. Sign in with the token from My Account → API Access.');
    }
    this.baseUrl = checked.url;
    const url = new URL(checked.url);
    this.origin = url.origin;
    this.basePath = url.pathname;
    this.host = url.host;
    this.format = options.format ?? 'json';
    this.#authorization = `Basic ${Buffer.from(`${token}:X`).toString('base64')}`;
    const redactor = options.redactor ?? new Redactor();
    // For the client's whole life: an answer may arrive, and be logged, after close().
    redactor.keep(token);
    this.#redact = (text) => redactor.redact(text);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? systemNow;
    this.sleep = options.sleep ?? systemSleep;
    this.random = options.random ?? systemRandom;
    this.retryPolicy = options.retry === false ? { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 } : { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.limiter =
      options.limiter === false
        ? undefined
        : isBudget(options.limiter)
          ? options.limiter
          : new SlidingWindowLimiter({ ...DEFAULT_RATE_LIMIT, ...options.limiter, now: this.now, sleep: this.sleep });
    this.pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    this.onUnauthorized = options.onUnauthorized;
    this.userAgent = options.userAgent ?? 'intervals-vscode';
    if (options.dispatcher) {
      this.dispatcher = options.dispatcher;
      this.ownsDispatcher = false;
    } else {
      this.dispatcher = dispatcherOnFirstRequest(
        (http) =>
          new http.Pool(this.origin, {
            connections: 6,
            keepAliveTimeout: 30_000,
            connect: { timeout: Math.min(this.timeoutMs, 15_000) },
          }),
      );
      this.ownsDispatcher = true;
    }
  }

  /** Stops new requests and closes the client's own connection pool. */
  async close(): Promise<void> {
    if (this.closed) {
      return;
    }
    this.closed = true;
    if (this.ownsDispatcher) {
      await this.dispatcher.close();
    }
  }

  // -------------------------------------------------------------------------------------------
  // Resources

  /** The signed-in person. */
  async me(options?: RequestOptions): Promise<Me> {
    const envelope = await this.send({ method: 'GET', resource: 'me' }, options);
    const raw = memberItem(envelope, 'me');
    if (!raw) {
      throw this.badResponse('The answer to /me/ named no person.', 'GET', 'me/');
    }
    return this.mapOrThrow(() => toMe(raw), 'GET', 'me/');
  }

  /** Requests used today and the daily limit. Not counted against the daily limit itself. */
  async quota(options?: RequestOptions): Promise<Quota> {
    const envelope = await this.send({ method: 'GET', resource: 'quota' }, options);
    const raw = memberItem(envelope, 'quota');
    if (!raw) {
      throw this.badResponse('The answer to /quota/ held no quota.', 'GET', 'quota/');
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
    const items = this.mapOrThrow(() => listItems(envelope, resource).map((raw) => map(raw)), 'GET', `${resource}/`);
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
      throw this.badResponse(`The answer held no ${resource}.`, 'GET', `${resource}/${id}/`);
    }
    return this.mapOrThrow(() => map(raw), 'GET', `${resource}/${id}/`);
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
      return this.mapOrThrow(() => map(raw), knownId ? 'PUT' : 'POST', `${resource}/`);
    }
    const id = toId(raw?.id) ?? toId(envelope.body.id) ?? knownId;
    if (id === undefined || id === null) {
      throw this.badResponse(`The answer to the ${resource} write named no id.`, knownId ? 'PUT' : 'POST', `${resource}/`, true);
    }
    return this.getMember(resource, id, map, options);
  }

  // -------------------------------------------------------------------------------------------
  // Transport

  /** One API call: shared when it is a read already in flight, retried when that is safe. */
  private send(request: ApiRequest, options: RequestOptions = {}): Promise<Envelope> {
    if (this.closed) {
      return Promise.reject(
        new IntervalsError({ kind: 'cancelled', message: 'The Intervals connection was closed (signed out or settings changed).' }),
      );
    }
    const path = this.pathFor(request);
    if (request.method === 'GET') {
      const key = `${this.format} ${path}`;
      return this.shared.run(key, options.signal, (signal) => this.sendWithRetry(request, path, { ...options, signal }));
    }
    return this.sendWithRetry(request, path, options);
  }

  private async sendWithRetry(request: ApiRequest, path: string, options: RequestOptions): Promise<Envelope> {
    let earlierMayHaveApplied = false;
    try {
      return await withRetry(
        async () => {
          try {
            return await this.attempt(request, path, options);
          } catch (error) {
            // A delete that may have gone through before and now finds nothing has done its job.
            if (request.method === 'DELETE' && earlierMayHaveApplied && error instanceof IntervalsError && error.kind === 'notFound') {
              this.logger.debug(`${request.method} ${path}: already gone after an unanswered attempt; treating as deleted`);
              return readEnvelope({});
            }
            if (error instanceof IntervalsError && error.mayHaveReachedServer) {
              earlierMayHaveApplied = true;
            }
            throw error;
          }
        },
        {
          method: request.method,
          policy: this.retryPolicy,
          sleep: this.sleep,
          random: this.random,
          signal: options.signal,
          onRetry: ({ attempt, delayMs, error }) => {
            if (error.kind === 'rateLimited' && error.retryAfterMs !== undefined) {
              this.limiter?.holdUntil(this.now() + error.retryAfterMs);
            }
            this.logger.info(
              `${request.method} ${path}: ${describeFailure(error)}; retrying in ${Math.round(delayMs)}ms (attempt ${attempt + 1} of ${this.retryPolicy.maxAttempts})`,
            );
          },
        },
      );
    } catch (error) {
      const failure = this.toIntervalsError(error, request.method, path);
      if (failure.kind === 'cancelled') {
        this.logger.debug(`${request.method} ${path} cancelled`);
      } else {
        this.logger.warn(`${request.method} ${path} failed (${describeFailure(failure)}): ${failure.serverMessage ?? failure.message}`);
      }
      if (failure.kind === 'unauthorized') {
        this.onUnauthorized?.(failure);
      }
      throw failure;
    }
  }

  /** One HTTP exchange, bounded by the timeout, its answer parsed or turned into an error. */
  private async attempt(request: ApiRequest, path: string, options: RequestOptions): Promise<Envelope> {
    const { signal } = options;
    if (this.limiter) {
      await this.limiter.acquire(signal);
    }
    throwIfCancelled(signal);
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const controller = new AbortController();
    const onCallerAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onCallerAbort, { once: true });
    const timer = setTimeout(() => controller.abort(TIMEOUT), clampDelay(timeoutMs));
    const { method } = request;
    const started = this.now();
    const write = isWrite(method);
    let dispatched = false;
    try {
      const body = request.body ? this.encode(request.resource, request.body) : undefined;
      const headers: Record<string, string> = {
        authorization: this.#authorization,
        accept: mediaType(this.format),
        'user-agent': this.userAgent,
      };
      if (body !== undefined) {
        headers['content-type'] = mediaType(this.format);
        headers['content-length'] = String(body.byteLength);
      }
      dispatched = true;
      const response = await this.dispatcher.request({
        origin: this.origin,
        path,
        method,
        headers,
        body,
        signal: controller.signal,
        // Our own timer bounds the whole exchange; undici's would only fire later.
        headersTimeout: timeoutMs + 1_000,
        bodyTimeout: timeoutMs + 1_000,
      });
      const status = response.statusCode;
      const contentType = headerValue(response.headers['content-type']);
      let text: string;
      if (status >= 300) {
        text = await readBody(response.body, MAX_ERROR_BODY);
      } else {
        const limit = answerLimit(request);
        const read = await readBodyWithin(response.body, limit, Number(headerValue(response.headers['content-length'])));
        if (read === undefined) {
          throw new IntervalsError({
            kind: 'badResponse',
            status,
            message: userMessage('badResponse', { host: this.host, tooLargeBytes: limit }),
            serverMessage: `answer larger than ${limit} bytes`,
            // A write was applied before its answer came, however large.
            mayHaveReachedServer: write,
            method,
            path,
          });
        }
        text = read;
      }
      try {
        if (status >= 200 && status < 300) {
          const envelope = this.parseSuccess(text, contentType, status, method, path);
          this.logger.debug(`${method} ${path} ${status} ${this.now() - started}ms`);
          return envelope;
        }
        if (status >= 300 && status < 400) {
          throw new IntervalsError({
            kind: 'badResponse',
            status,
            message: userMessage('badResponse', { status, host: this.host }),
            method,
            path,
          });
        }
        throw errorFromAnswer({
          status,
          body: text,
          contentType,
          retryAfterMs: parseRetryAfter(response.headers['retry-after'], this.now()),
          method,
          path,
          host: this.host,
        });
      } catch (error) {
        if (error instanceof IntervalsError) {
          this.logger.debug(`${method} ${path} ${status} ${describeFailure(error, false)} ${this.now() - started}ms`);
        }
        throw error;
      }
    } catch (error) {
      if (error instanceof IntervalsError) {
        throw error;
      }
      const failure = this.transportError(error, controller.signal.reason === TIMEOUT, signal, method, path, timeoutMs, dispatched && write);
      this.logger.debug(`${method} ${path} ${describeFailure(failure)} ${this.now() - started}ms`);
      throw failure;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  private encode(resource: string, body: Record<string, unknown>): Buffer {
    const text = this.format === 'xml' ? buildXml(resource, body) : JSON.stringify(body);
    return Buffer.from(text, 'utf8');
  }

  private parseSuccess(text: string, contentType: string | undefined, status: number, method: string, path: string): Envelope {
    const trimmed = text.trim();
    if (!trimmed) {
      if (method === 'DELETE' || status === 204) {
        return readEnvelope({});
      }
      throw this.badResponse('The answer was empty.', method, path, isWrite(method));
    }
    if (looksLikeHtml(trimmed, contentType)) {
      throw new IntervalsError({
        kind: 'badResponse',
        status,
        message: userMessage('badResponse', { shape: 'html', host: this.host }),
        serverMessage: 'HTML page instead of API data',
        mayHaveReachedServer: isWrite(method),
        method,
        path,
      });
    }
    let parsed: unknown;
    try {
      parsed = isXml(trimmed, contentType) ? parseXml(trimmed) : (JSON.parse(trimmed) as unknown);
    } catch (error) {
      const reason = error instanceof XmlFormatError || error instanceof SyntaxError ? error.message : String(error);
      throw this.badResponse(`Unreadable answer: ${reason}`, method, path, isWrite(method));
    }
    let envelope: Envelope;
    try {
      envelope = readEnvelope(parsed);
    } catch (error) {
      throw this.badResponse(error instanceof Error ? error.message : String(error), method, path, isWrite(method));
    }
    // An error dressed as success: envelope code ≥ 400 or an `error` member.
    const envelopeCode = envelope.code ?? 0;
    if (isRecord(envelope.body.error) || envelopeCode >= 400) {
      throw errorFromAnswer({ status: envelopeCode >= 400 ? envelopeCode : 400, body: text, contentType, method, path, host: this.host });
    }
    return envelope;
  }

  private transportError(
    error: unknown,
    timedOut: boolean,
    signal: AbortSignal | undefined,
    method: string,
    path: string,
    timeoutMs: number,
    sent: boolean,
  ): IntervalsError {
    if (timedOut) {
      return new IntervalsError({
        kind: 'timeout',
        message: userMessage('timeout', { timeoutMs }),
        mayHaveReachedServer: sent,
        method,
        path,
      });
    }
    if (signal?.aborted) {
      return new IntervalsError({ kind: 'cancelled', message: userMessage('cancelled'), mayHaveReachedServer: sent, method, path });
    }
    const networkCode = errorCode(error);
    const kind: IntervalsErrorKind =
      networkCode === 'UND_ERR_HEADERS_TIMEOUT' || networkCode === 'UND_ERR_BODY_TIMEOUT' || networkCode === 'UND_ERR_CONNECT_TIMEOUT'
        ? 'timeout'
        : 'network';
    const notConnected = networkCode !== undefined && neverConnectedCodes.has(networkCode);
    return new IntervalsError({
      kind,
      message: userMessage(kind, { timeoutMs, networkCode, host: this.host }),
      serverMessage: this.#redact(errorText(error)),
      mayHaveReachedServer: sent && !notConnected,
      method,
      path,
      networkCode,
    });
  }

  private toIntervalsError(error: unknown, method: string, path: string): IntervalsError {
    if (error instanceof IntervalsError) {
      const located = error.method && error.path ? error : error.withRequest(method, path);
      return located.redacted(this.#redact);
    }
    // A bug, not a transport problem; keep its text for the log, without secrets.
    return new IntervalsError({
      kind: 'badResponse',
      message: this.#redact(`The Intervals answer could not be handled: ${errorText(error)}`),
      method,
      path,
      mayHaveReachedServer: isWrite(method),
    }).redacted(this.#redact);
  }

  private badResponse(detail: string, method: string, path: string, mayHaveReachedServer = false): IntervalsError {
    return new IntervalsError({
      kind: 'badResponse',
      message: userMessage('badResponse', { host: this.host }),
      serverMessage: this.#redact(detail),
      mayHaveReachedServer,
      method,
      path,
    });
  }

  private mapOrThrow<T>(map: () => T, method: string, path: string): T {
    try {
      return map();
    } catch (error) {
      if (error instanceof WireFormatError) {
        throw this.badResponse(error.message, method, path);
      }
      throw error;
    }
  }

  private pathFor(request: ApiRequest): string {
    const member = request.id !== undefined ? `${request.id}/` : '';
    const query = encodeQuery(request.query ?? {});
    return `${this.basePath}${request.resource}/${member}${query ? `?${query}` : ''}`;
  }
}

function isBudget(value: unknown): value is RequestBudget {
  return typeof (value as RequestBudget | undefined)?.acquire === 'function';
}

function checkId(id: number): number {
  if (!Number.isInteger(id) || id <= 0) {
    throw new IntervalsError({ kind: 'validation', message: `"${String(id)}" is not an Intervals id.` });
  }
  return id;
}

function mediaType(format: Format): string {
  return format === 'xml' ? 'application/xml' : 'application/json';
}

function isXml(text: string, contentType: string | undefined): boolean {
  if (contentType && /json/i.test(contentType)) {
    return false;
  }
  if (contentType && /xml/i.test(contentType)) {
    return true;
  }
  return text.startsWith('<');
}

/** Commas stay literal so CSV filters read naturally in the log. */
function encodeQuery(query: Record<string, string>): string {
  return Object.entries(query)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value).replace(/%2C/gi, ',')}`)
    .join('&');
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The whole answer, or undefined (and the stream closed) once it is declared or found longer than `limit`. */
async function readBodyWithin(body: Dispatcher.ResponseData['body'], limit: number, declaredLength: number): Promise<string | undefined> {
  if (declaredLength > limit) {
    body.destroy();
    return undefined;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > limit) {
      body.destroy();
      return undefined;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** At most `limit` bytes of an error answer: enough to read its message. */
async function readBody(body: Dispatcher.ResponseData['body'], limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    chunks.push(buffer);
    size += buffer.length;
    if (size >= limit) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, limit);
}

const neverConnectedCodes: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  ...certificateCodes,
]);

function errorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      return code;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const code = errorCode(error);
    return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}

function describeFailure(error: IntervalsError, withStatus = true): string {
  const parts: string[] = [withStatus && error.status !== undefined ? String(error.status) : error.kind];
  if (error.code !== undefined) {
    parts.push(`code ${error.code}`);
  }
  if (error.networkCode) {
    parts.push(error.networkCode);
  }
  return parts.join(' ');
}
