import * as l10n from '@vscode/l10n';
import { basename } from 'node:path';
import type { Task } from '../../api/types';
import { branchNameFor, taskNumberIn, taskPattern } from '../../git/branchNames';
import type { GitRepository } from '../../git/gitApi';
import type { GitBridge } from '../../gitExtension/gitBridge';
import { BACK, type Asker } from '../../prompts/asker';

/** A choice that cannot be made from the argument object: its message, nothing done. */
export class Refused {
  constructor(readonly message: string) {}
}

/**
 * The repository to work in: the one `path` names (its root, or a folder inside it), the only one,
 * or the one the user picks (the active editor's first). Undefined when the user dismissed the pick.
 */
export async function chooseRepository(
  bridge: Pick<GitBridge, 'repositories' | 'activeRepository'>,
  asker: Asker,
  path: string | undefined,
  title: string,
): Promise<GitRepository | Refused | undefined> {
  const repositories = bridge.repositories;
  if (path !== undefined) {
    const wanted = path.replace(/[\\/]+$/, '');
    const found = repositories.find((repository) => repository.rootUri.fsPath === wanted) ??
      repositories.find((repository) => wanted.startsWith(`${repository.rootUri.fsPath}/`));
    return found ?? new Refused(l10n.t('No open git repository is at {0}.', path));
  }
  if (repositories.length <= 1) {
    return repositories[0];
  }
  // Compared by root: the Git API hands out a new object for a repository at each ask.
  const activeRoot = bridge.activeRepository()?.rootUri.fsPath;
  const active = repositories.find((repository) => repository.rootUri.fsPath === activeRoot);
  const ordered = active ? [active, ...repositories.filter((repository) => repository !== active)] : [...repositories];
  const chosen = await asker.pick({
    title,
    step: 1,
    totalSteps: 1,
    placeholder: l10n.t('Repository to work in'),
    items: ordered.map((repository) => ({ icon: 'repo', label: basename(repository.rootUri.fsPath), description: repository.rootUri.fsPath, value: repository })),
    active,
  });
  return chosen === BACK ? undefined : chosen;
}

/** What naming a task's branch reads from the settings and the account. */
export interface BranchNaming {
  readonly template: string;
  readonly pattern: string;
  readonly user: string | undefined;
}

/**
 * The branch of the task: the template's name when the repository has it, else a branch already
 * naming the task (`1234-old-title`), else the template's name, to be created.
 */
export async function taskBranch(repository: GitRepository, task: Task, naming: BranchNaming): Promise<{ name: string; exists: boolean }> {
  const wanted = branchNameFor(naming.template, { ...task, user: naming.user });
  const local = (await repository.getBranches({ remote: false })).map((ref) => ref.name).filter((name): name is string => typeof name === 'string');
  if (local.includes(wanted)) {
    return { name: wanted, exists: true };
  }
  const pattern = taskPattern(naming.pattern);
  const number = task.localId ?? task.id;
  const existing = local.find((name) => taskNumberIn(name, pattern) === number);
  return existing ? { name: existing, exists: true } : { name: wanted, exists: false };
}
