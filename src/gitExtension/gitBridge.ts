import * as vscode from 'vscode';
import { Emitter, type Event } from '../common/events';
import type { GitApi, GitExtensionExports, GitRepository } from '../git/gitApi';

export const GIT_EXTENSION_ID = 'vscode.git';

/** A repository's branch changed (checked out, created): `from` is undefined the first time it is seen. */
export interface BranchSwitch {
  readonly repository: GitRepository;
  readonly from: string | undefined;
  readonly to: string | undefined;
}

export interface GitBridgeOptions {
  /** `vscode.extensions.getExtension`, or a stand-in (the Git extension absent). */
  readonly getExtension: (id: string) => Pick<vscode.Extension<GitExtensionExports>, 'activate'> | undefined;
  /** Told whether git features may show (enabled, with a repository open): a context key. */
  readonly onAvailability: (available: boolean) => void;
  readonly log: { info(message: string): void; warn(message: string): void };
}

/**
 * The one place that talks to the built-in Git extension, through its API (`getAPI(1)`), never
 * the git binary. It attaches on first use or once the extension has started (never during its
 * activation), follows the Git extension being enabled and disabled, and reports each
 * repository's branch changes. With the Git extension absent or disabled it has no repositories
 * and says git features are unavailable.
 */
export class GitBridge implements vscode.Disposable {
  private api: GitApi | undefined;
  private attaching: Promise<void> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly apiSubscriptions: vscode.Disposable[] = [];
  /** By root folder: the Git API hands out a new object for a repository at each ask. */
  private readonly heads = new Map<string, { known: boolean; name: string | undefined; watch: vscode.Disposable }>();
  private readonly switched = new Emitter<BranchSwitch>();
  private readonly changedRepositories = new Emitter<void>();
  /** A repository's branch changed. */
  readonly onDidSwitchBranch: Event<BranchSwitch> = this.switched.event;
  /** A repository opened or closed, or the Git extension was enabled or disabled. */
  readonly onDidChangeRepositories: Event<void> = this.changedRepositories.event;

  constructor(private readonly options: GitBridgeOptions) {}

  /** Attaches once; later calls wait for the first. Never throws: a failure leaves git unavailable. */
  attach(): Promise<void> {
    this.attaching ??= this.doAttach().catch((error: unknown) => {
      this.options.log.warn(`The Git extension could not be used: ${error instanceof Error ? error.message : String(error)}`);
      this.publish();
    });
    return this.attaching;
  }

  get repositories(): readonly GitRepository[] {
    return this.api?.repositories ?? [];
  }

  get available(): boolean {
    return this.repositories.length > 0;
  }

  /** The repository holding `uri`, or undefined. */
  repositoryOf(uri: vscode.Uri | undefined): GitRepository | undefined {
    return uri && this.api ? (this.api.getRepository(uri) ?? undefined) : undefined;
  }

  /** The repository of the active editor's file, else the only (or first) one. */
  activeRepository(): GitRepository | undefined {
    return this.repositoryOf(vscode.window.activeTextEditor?.document.uri) ?? this.repositories[0];
  }

  /** The branch checked out in `repository` (undefined: a detached HEAD). */
  branchOf(repository: GitRepository): string | undefined {
    return repository.state.HEAD?.name;
  }

  private async doAttach(): Promise<void> {
    const extension = this.options.getExtension(GIT_EXTENSION_ID);
    if (!extension) {
      this.options.log.info('The Git extension is not installed: git features are off.');
      this.publish();
      return;
    }
    const git = await extension.activate();
    this.subscriptions.push(git.onDidChangeEnablement((enabled) => this.follow(git, enabled)));
    await this.follow(git, git.enabled);
  }

  private async follow(git: GitExtensionExports, enabled: boolean): Promise<void> {
    this.detachApi();
    if (enabled) {
      const api = git.getAPI(1);
      this.api = api;
      this.apiSubscriptions.push(
        api.onDidOpenRepository((repository) => this.watch(repository)),
        api.onDidCloseRepository((repository) => this.unwatch(repository)),
        api.onDidChangeState(() => this.publish()),
      );
      api.repositories.forEach((repository) => this.watch(repository));
      if (api.state !== 'initialized') {
        await new Promise<void>((resolve) => {
          const listener = api.onDidChangeState((state) => state === 'initialized' && (listener.dispose(), resolve()));
        });
      }
    } else {
      this.options.log.info('The Git extension is disabled (git.enabled): git features are off.');
    }
    this.publish();
  }

  private watch(repository: GitRepository): void {
    const root = repository.rootUri.fsPath;
    if (this.heads.has(root)) {
      return;
    }
    // A repository just opened has no HEAD until git answered: its first branch is no switch.
    const head: { known: boolean; name: string | undefined; watch: vscode.Disposable } = { known: repository.state.HEAD !== undefined, name: this.branchOf(repository), watch: { dispose: () => undefined } };
    head.watch = repository.state.onDidChange(() => {
      const name = this.branchOf(repository);
      if (!head.known) {
        head.known = repository.state.HEAD !== undefined;
        head.name = name;
      } else if (head.name !== name) {
        const from = head.name;
        head.name = name;
        this.switched.fire({ repository, from, to: name });
      }
    });
    this.heads.set(root, head);
    this.publish();
  }

  private unwatch(repository: GitRepository): void {
    const root = repository.rootUri.fsPath;
    this.heads.get(root)?.watch.dispose();
    this.heads.delete(root);
    this.publish();
  }

  private detachApi(): void {
    this.apiSubscriptions.splice(0).forEach((subscription) => subscription.dispose());
    [...this.heads.values()].forEach((head) => head.watch.dispose());
    this.heads.clear();
    this.api = undefined;
  }

  private publish(): void {
    this.options.onAvailability(this.available);
    this.changedRepositories.fire();
  }

  dispose(): void {
    this.detachApi();
    this.subscriptions.splice(0).forEach((subscription) => subscription.dispose());
    this.switched.dispose();
    this.changedRepositories.dispose();
  }
}
