import { Emitter, type Event } from '../common/events';

/** The task the current branch names, as the status bar and the Tasks view mark it. */
export interface BranchTask {
  readonly taskId: number;
  readonly localId: number | null;
  readonly title: string;
  readonly projectId: number | null;
  readonly branch: string;
}

/**
 * The branch task of the repository the user works in (the active editor's, else the only one),
 * published by the Git integration once it has attached, read by the views. Fires on a change only.
 */
export class CurrentBranchTask {
  private current: BranchTask | undefined;
  private readonly emitter = new Emitter<BranchTask | undefined>();
  readonly onDidChange: Event<BranchTask | undefined> = this.emitter.event;

  get value(): BranchTask | undefined {
    return this.current;
  }

  set(next: BranchTask | undefined): void {
    if (JSON.stringify(next) === JSON.stringify(this.current)) {
      return;
    }
    this.current = next;
    this.emitter.fire(next);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
