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
  readonly guard: Pick<AccountGuard, 'client'>;
  readonly lookups: Pick<LookupCache, 'activeProjects'>;
  readonly asker: Asker;
}

export type LinkFolderResult = { status: 'done'; folder: string; projectId: number | null } | { status: 'cancelled' } | { status: 'invalid'; message: string };

const TITLE = 'Link Folder to Project';

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
        return refuse(`intervals.linkFolderToProject: ${options.folder} is no folder of this workspace. Nothing was done.`);
      }
      if (!folder) {
        return vscode.workspace.workspaceFolders?.length ? { status: 'cancelled' } : refuse('Open a folder first: a project is linked to a folder.');
      }
      const projectId = options.projectId !== undefined ? (options.projectId as number | null) : await chooseProject(deps, folder);
      if (projectId === undefined) {
        return { status: 'cancelled' };
      }
      await vscode.workspace.getConfiguration('intervals', folder.uri).update('defaultProject', projectId ?? undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      vscode.window.setStatusBarMessage(`$(link) ${escapeIcons(folder.name)}: ${projectId === null ? 'no project linked' : 'project linked'}`, 5000);
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
    title: TITLE,
    step: 1,
    totalSteps: 2,
    placeholder: 'Folder to link',
    items: folders.map((folder) => ({ icon: 'folder', label: folder.name, description: folder.uri.fsPath, value: folder })),
    active,
  });
  return chosen === BACK ? undefined : chosen;
}

/** The project chosen (null: none), undefined when dismissed. */
async function chooseProject(deps: LinkFolderDependencies, folder: vscode.WorkspaceFolder): Promise<number | null | undefined> {
  if (!(await deps.guard.client('link a folder to a project'))) {
    return undefined;
  }
  const projects = await load(deps, 'the projects', () => deps.lookups.activeProjects());
  if (!projects) {
    return undefined;
  }
  const current = vscode.workspace.getConfiguration('intervals', folder.uri).get<unknown>('defaultProject');
  const items = [
    { icon: 'circle-slash', label: 'No project', description: 'unlink the folder', value: null as number | null },
    ...[...projects].sort(byClientAndName).map((project) => ({ label: project.name, description: project.client ?? 'No client', value: project.id as number | null })),
  ];
  const chosen = await deps.asker.pick({ title: `${TITLE}: ${folder.name}`, step: 2, totalSteps: 2, placeholder: 'Project of this folder', items, active: typeof current === 'number' ? current : undefined });
  return chosen === BACK ? undefined : chosen;
}

function byClientAndName(a: Project, b: Project): number {
  return (a.client ?? '').localeCompare(b.client ?? '') || a.name.localeCompare(b.name);
}

function refuse(message: string): LinkFolderResult {
  void vscode.window.showErrorMessage(defuseLinks(message));
  return { status: 'invalid', message };
}
