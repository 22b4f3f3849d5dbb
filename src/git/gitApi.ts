/**
 * The part of the built-in Git extension's API (`vscode.git`, `getAPI(1)`) this extension uses,
 * declared here so that no dependency is needed; shapes as in VS Code's `git.d.ts`.
 */

export interface GitSubscription {
  dispose(): void;
}

export type GitEvent<T> = (listener: (value: T) => unknown) => GitSubscription;

export interface GitUri {
  readonly fsPath: string;
  toString(): string;
}

/** What `vscode.extensions.getExtension('vscode.git').exports` is. */
export interface GitExtensionExports {
  readonly enabled: boolean;
  readonly onDidChangeEnablement: GitEvent<boolean>;
  getAPI(version: 1): GitApi;
}

export interface GitApi {
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: GitEvent<'uninitialized' | 'initialized'>;
  readonly repositories: readonly GitRepository[];
  readonly onDidOpenRepository: GitEvent<GitRepository>;
  readonly onDidCloseRepository: GitEvent<GitRepository>;
  getRepository(uri: GitUri): GitRepository | null;
}

export interface GitRef {
  readonly type: number;
  readonly name?: string;
  readonly commit?: string;
  readonly remote?: string;
}

export interface GitRepositoryState {
  readonly HEAD: GitRef | undefined;
  readonly onDidChange: GitEvent<void>;
}

export interface GitRepository {
  readonly rootUri: GitUri;
  readonly inputBox: { value: string };
  readonly state: GitRepositoryState;
  getBranches(query: { remote?: boolean }): Promise<GitRef[]>;
  createBranch(name: string, checkout: boolean, ref?: string): Promise<void>;
  checkout(treeish: string): Promise<void>;
}

/** What a refused git command says: git's own words (`stderr`) when it gave some. */
export function gitErrorText(error: unknown): string {
  if (error !== null && typeof error === 'object') {
    const record = error as { stderr?: unknown; message?: unknown };
    const stderr = typeof record.stderr === 'string' ? record.stderr.trim() : '';
    if (stderr !== '') {
      return stderr.replace(/^(error|fatal):\s*/gm, '').replace(/\s*\n\s*/g, ' ').slice(0, 500);
    }
    if (typeof record.message === 'string' && record.message !== '') {
      return record.message;
    }
  }
  return String(error);
}
