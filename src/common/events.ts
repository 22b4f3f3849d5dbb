/** Something that holds a resource until it is disposed (shape-compatible with `vscode.Disposable`). */
export interface Subscription {
  dispose(): void;
}

/** Subscribe a listener; shape-compatible with the first parameter of `vscode.Event`. */
export type Event<T> = (listener: (value: T) => void) => Subscription;

/**
 * A tiny typed event emitter for code that must not import `vscode` (domain services, API layer).
 * A listener that throws does not stop the others; its error goes to `onListenerError`.
 */
export class Emitter<T> {
  private listeners: Array<(value: T) => void> = [];
  private disposed = false;

  constructor(private readonly onListenerError: (error: unknown) => void = () => undefined) {}

  readonly event: Event<T> = (listener) => {
    if (this.disposed) {
      return { dispose: () => undefined };
    }
    // Wrapping gives every subscription its own identity, so subscribing the same function
    // twice and disposing one of them removes exactly one.
    const entry = (value: T): void => listener(value);
    this.listeners.push(entry);
    return {
      dispose: () => {
        this.listeners = this.listeners.filter((candidate) => candidate !== entry);
      },
    };
  };

  get listenerCount(): number {
    return this.listeners.length;
  }

  fire(value: T): void {
    // Iterate over a snapshot: listeners may unsubscribe (or subscribe) while being called.
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  dispose(): void {
    this.disposed = true;
    this.listeners = [];
  }
}
