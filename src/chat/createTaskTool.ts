import * as l10n from '@vscode/l10n';
import type { Person } from '../api/types';
import { defaultPriority, defaultStatus } from '../tasks/taskDefaults';
import { createTaskConfirmation, type TaskPlan } from './chatConfirmations';
import { matchNamed, resolveDay, type Resolved } from './chatResolution';
import type { ChatToolDependencies, ChatToolSpec, ToolContext } from './chatTool';

export interface CreateTaskInput {
  readonly project?: unknown;
  readonly title?: unknown;
  readonly module?: unknown;
  readonly status?: unknown;
  readonly priority?: unknown;
  readonly assignee?: unknown;
  readonly due?: unknown;
  readonly description?: unknown;
}

interface TaskCall {
  readonly arg: Record<string, unknown>;
  readonly plan: TaskPlan;
}

const given = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const personName = (person: Person): string => `${person.firstName} ${person.lastName}`.trim() || person.username;

/** A named choice among `items`, or `fallback` when the input leaves it out. */
function named<T>(value: unknown, items: readonly T[], nameOf: (item: T) => string, idOf: (item: T) => number, field: string, fallback: T | undefined): Resolved<T | undefined> {
  return given(value) ? matchNamed(value, items, nameOf, idOf, field) : { ok: true, value: fallback };
}

async function planTask(deps: ChatToolDependencies, input: CreateTaskInput, context: ToolContext): Promise<Resolved<TaskCall>> {
  if (!given(input.title)) {
    return { ok: false, message: l10n.t('"title" is missing: the task needs a title.') };
  }
  if (!given(input.project)) {
    return { ok: false, message: l10n.t('"project" is missing: a project id or words of its name.') };
  }
  const project = matchNamed(input.project, await deps.lookups.activeProjects(), (each) => each.name, (each) => each.id, 'project');
  if (!project.ok) {
    return project;
  }
  const projectId = project.value.id;
  const modules = (await deps.lookups.projectModules(projectId)).filter((each) => each.active);
  const module = named(input.module, modules, (each) => each.name, (each) => each.moduleId, 'module', undefined);
  const statuses = (await deps.lookups.taskStatuses()).filter((each) => each.active);
  const status = named(input.status, statuses, (each) => each.name, (each) => each.id, 'status', defaultStatus(statuses));
  const priorities = (await deps.lookups.taskPriorities()).filter((each) => each.active);
  const priority = named(input.priority, priorities, (each) => each.name, (each) => each.id, 'priority', defaultPriority(priorities));
  const people = given(input.assignee) ? (await deps.lookups.projectPeople(projectId)).filter((each) => each.active) : [];
  const assignee = named(input.assignee, people, (each) => `${personName(each)} ${each.email ?? each.username}`, (each) => each.id, 'assignee', undefined);
  const due = given(input.due) ? resolveDay(input.due, context.today, 'due', 'future') : { ok: true as const, value: undefined };
  for (const check of [module, status, priority, assignee, due]) {
    if (!check.ok) {
      return check;
    }
  }
  if (!status.ok || !priority.ok || !module.ok || !assignee.ok || !due.ok || !status.value || !priority.value) {
    return { ok: false, message: l10n.t('The account has no active task status or priority; ask an Intervals administrator.') };
  }
  const description = given(input.description) ? input.description.trim() : null;
  const arg = {
    projectId,
    title: input.title.trim(),
    moduleId: module.value?.moduleId ?? null,
    statusId: status.value.id,
    priorityId: priority.value.id,
    ownerId: context.account.personId,
    assigneeIds: assignee.value ? [assignee.value.id] : [],
    dateDue: due.value ?? null,
    ...(description ? { description } : {}),
  };
  const plan: TaskPlan = {
    title: arg.title,
    project: project.value.name,
    client: project.value.client,
    module: module.value?.name ?? null,
    status: status.value.name,
    priority: priority.value.name,
    assignee: assignee.value ? personName(assignee.value) : null,
    due: due.value ?? null,
    description,
  };
  return { ok: true, value: { arg, plan } };
}

/** What `intervals.createTask` returns. */
type WriteResult = { status: 'done'; item: { id: number; localId: number | null } } | { status: string; message?: string };

export function createTaskTool(deps: ChatToolDependencies): ChatToolSpec<CreateTaskInput, TaskCall> {
  return {
    kind: 'write',
    async plan(input, context) {
      const planned = await planTask(deps, input, context);
      return planned.ok ? { ok: true, plan: planned.value, confirmation: createTaskConfirmation(planned.value.plan) } : planned;
    },
    async carryOut(call) {
      const result = await deps.run<WriteResult>('intervals.createTask', call.arg);
      if (result && result.status === 'done' && 'item' in result) {
        return l10n.t('Created: task id {0}, #{1}.', result.item.id, String(result.item.localId ?? ''));
      }
      const message = result && 'message' in result ? result.message : undefined;
      return l10n.t('The task was not created: {0}', message ?? result?.status ?? l10n.t('no answer'));
    },
  };
}
