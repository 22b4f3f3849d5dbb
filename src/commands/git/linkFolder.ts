import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { Project } from '../../api/types';
import type { AccountGuard } from '../../auth/accountGuard';
import { activeFolder } from '../../common/activeFolder';
import { defuseLinks, escapeIcons } from '../../common/untrustedText';
import type { LookupCache } from '../../lookups/lookupCache';
import { BACK, type Asker } from '../../prompts/asker';
import { argumentObject } from '../args';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';
import { load, type LoadContext } from '../writes';

export interface LinkFolderDependencies extends LoadContext {
  readonly guard: Pick<AccountGuard, 'clientAsking'>;
  readonly lookups: Pick<LookupCache, 'activeProjects'>;
  readonly asker: Asker;
}

export type LinkFolderResult = { status: 'done'; folder: string; projectId: number | null } | { status: 'cancelled' } | { status: 'invalid'; message: string };

const title = (): string => l10n.t('Link Folder to Project');

/**
 * `intervals.linkFolderToProject`: sets `intervals.defaultProject` of a workspace folder (the
 * active editor's, or the one chosen), so its project's tasks come first. `{ projectId, folder? }`
 * asks nothing; `projectId: null` unlinks.
 */
export function linkFolderCommand(deps: LinkFolderDependencies): Command {
  return {
    id: 'intervals.linkFolderToProject',
    arguments: argumentKeys('intervals.linkFolderToProject'),
    async execute(arg?: unknown): Promise<LinkFolderResult> {
      const options = argumentObject(arg) ?? {};
      const folder = typeof options.folder === 'string' ? folderAt(options.folder) : await chooseFolder(deps.asker);
      if (typeof options.folder === 'string' && !folder) {
        return refuse(l10n.t('{0}: {1} is no folder of this workspace. Nothing was done.', 'intervals.linkFolderToProject', options.folder));
      }
      if (!folder) {
        return vscode.workspace.workspaceFolders?.length ? { status: 'cancelled' } : refuse(l10n.t('Open a folder first: a project is linked to a folder.'));
      }
      const projectId = options.projectId !== undefined ? (options.projectId as number | null) : await chooseProject(deps, folder);
      if (projectId === undefined) {
        return { status: 'cancelled' };
      }
      await vscode.workspace.getConfiguration('intervals', folder.uri).update('defaultProject', projectId ?? undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      const name = escapeIcons(folder.name);
      vscode.window.setStatusBarMessage(projectId === null ? l10n.t('$(link) {0}: no project linked', name) : l10n.t('$(link) {0}: project linked', name), 5000);
      return { status: 'done', folder: folder.uri.fsPath, projectId };
    },
  };
}

function folderAt(path: string): vscode.WorkspaceFolder | undefined {
  const wanted = path.replace(/[\\/]+$/, '');
  return vscode.workspace.workspaceFolders?.find((folder) => folder.uri.fsPath === wanted);
}

async function chooseFolder(asker: Asker): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) {
    return folders[0];
  }
  const active = activeFolder();
  const chosen = await asker.pick({
    title: title(),
    step: 1,
    totalSteps: 2,
    placeholder: l10n.t('Folder to link'),
    items: folders.map((folder) => ({ icon: 'folder', label: folder.name, description: folder.uri.fsPath, value: folder })),
    active,
  });
  return chosen === BACK ? undefined : chosen;
}

/** The project chosen (null: none), undefined when dismissed. */
async function chooseProject(deps: LinkFolderDependencies, folder: vscode.WorkspaceFolder): Promise<number | null | undefined> {
  if (!(await deps.guard.clientAsking(l10n.t('Sign in to Intervals to link a folder to a project.')))) {
    return undefined;
  }
  const projects = await load(deps, l10n.t('Could not load the projects'), () => deps.lookups.activeProjects());
  if (!projects) {
    return undefined;
  }
  const current = vscode.workspace.getConfiguration('intervals', folder.uri).get<unknown>('defaultProject');
  const items = [
    { icon: 'circle-slash', label: l10n.t('No project'), description: l10n.t('unlink the folder'), value: null as number | null },
    ...[...projects].sort(byClientAndName).map((project) => ({ label: project.name, description: project.client ?? l10n.t('No client'), value: project.id as number | null })),
  ];
  const chosen = await deps.asker.pick({ title: l10n.t('Link Folder to Project: {0}', folder.name), step: 2, totalSteps: 2, placeholder: l10n.t('Project of this folder'), items, active: typeof current === 'number' ? current : undefined });
  return chosen === BACK ? undefined : chosen;
}

function byClientAndName(a: Project, b: Project): number {
  return (a.client ?? '').localeCompare(b.client ?? '') || a.name.localeCompare(b.name);
}

function refuse(message: string): LinkFolderResult {
  void vscode.window.showErrorMessage(defuseLinks(message));
  return { status: 'invalid', message };
}
