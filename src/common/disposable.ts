import type * as vscode from 'vscode';

export interface DisposableLike {
  dispose(): unknown;
}

export function toDisposable(dispose: () => void): vscode.Disposable {
  let done = false;
  return {
    dispose: () => {
      if (!done) {
        done = true;
        dispose();
      }
    },
  };
}

export function disposeAll(disposables: DisposableLike[]): void {
  while (disposables.length) {
    disposables.pop()?.dispose();
  }
}

/** Owns what it registers and disposes it, newest first, when it is disposed itself. */
export abstract class Disposable implements vscode.Disposable {
  private readonly owned: DisposableLike[] = [];
  private disposed = false;

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  protected register<T extends DisposableLike>(value: T): T {
    if (this.disposed) {
      value.dispose();
    } else {
      this.owned.push(value);
    }
    return value;
  }

  dispose(): void {
    if (!this.disposed) {
      this.disposed = true;
      disposeAll(this.owned);
    }
  }
}
