import * as path from 'node:path';
import type { StateFileSystem } from '../../src/outbox/stateFileSystem';

/** Thrown into a window's work once it has been killed; the campaign catches it. */
export class Killed extends Error {
  constructor(readonly window: string) {
    super(`window ${window} was killed`);
    this.name = 'Killed';
  }
}

function fsError(code: string, file: string): Error {
  return Object.assign(new Error(`${code}: ${file}`), { code });
}

interface Entry {
  text: string;
  mtime: number;
}

/**
 * One folder of files in memory, shared by the simulated windows, on the campaign's clock. Each
 * window gets its own view; a view can be armed to kill its window at its n-th operation, which
 * then leaves what a process dying there leaves on a disk: an empty lock file, a temporary file
 * half written, or nothing, and fails every later operation of that window.
 */
export class MemoryFolder {
  private readonly files = new Map<string, Entry>();
  private readonly killAt = new Map<string, number>();
  private readonly operations = new Map<string, number>();
  private readonly dead = new Set<string>();
  private temps = 0;
  /** Kills that happened, with what they left behind. */
  readonly kills: string[] = [];

  constructor(private readonly now: () => number) {}

  /** Kills `window` at its `afterOps`-th file operation from now. */
  armKill(window: string, afterOps: number): void {
    this.killAt.set(window, (this.operations.get(window) ?? 0) + afterOps);
  }

  disarm(window: string): void {
    this.killAt.delete(window);
  }

  isDead(window: string): boolean {
    return this.dead.has(window);
  }

  text(file: string): string | undefined {
    return this.files.get(file)?.text;
  }

  names(): string[] {
    return [...this.files.keys()].map((file) => path.basename(file)).sort();
  }

  view(window: string): StateFileSystem {
    const step = (what: string, file: string, partial?: () => void): void => {
      if (this.dead.has(window)) {
        throw new Killed(window);
      }
      const count = (this.operations.get(window) ?? 0) + 1;
      this.operations.set(window, count);
      if (this.killAt.get(window) === count) {
        this.killAt.delete(window);
        this.dead.add(window);
        partial?.();
        this.kills.push(`${window} killed in ${what} ${path.basename(file)}`);
        throw new Killed(window);
      }
    };
    const write = (file: string, text: string): void => {
      this.files.set(file, { text, mtime: this.now() });
    };
    const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
    return {
      readFile: async (file) => {
        await settle();
        step('read', file);
        const entry = this.files.get(file);
        if (!entry) {
          throw fsError('ENOENT', file);
        }
        return entry.text;
      },
      createExclusive: async (file, content) => {
        await settle();
        // Dying here leaves the file created but not yet written: an empty lock.
        step('create', file, () => this.files.has(file) || write(file, ''));
        if (this.files.has(file)) {
          throw fsError('EEXIST', file);
        }
        write(file, content);
      },
      writeAtomic: async (file, content) => {
        await settle();
        // Dying here leaves a temporary file cut short; the file itself is untouched.
        step('write', file, () => write(`${file}.${++this.temps}.tmp`, content.slice(0, Math.floor(content.length / 2))));
        write(file, content);
      },
      rename: async (from, to) => {
        await settle();
        step('rename', from);
        const entry = this.files.get(from);
        if (!entry) {
          throw fsError('ENOENT', from);
        }
        this.files.delete(from);
        this.files.set(to, entry);
      },
      link: async (existing, name) => {
        await settle();
        step('link', name);
        const entry = this.files.get(existing);
        if (!entry) {
          throw fsError('ENOENT', existing);
        }
        if (this.files.has(name)) {
          throw fsError('EEXIST', name);
        }
        this.files.set(name, { ...entry });
      },
      remove: async (file) => {
        await settle();
        step('remove', file);
        this.files.delete(file);
      },
      ageMs: async (file) => {
        await settle();
        step('stat', file);
        const entry = this.files.get(file);
        return entry ? this.now() - entry.mtime : undefined;
      },
      list: async (folder) => {
        await settle();
        step('list', folder);
        return [...this.files.keys()].filter((file) => path.dirname(file) === folder).map((file) => path.basename(file));
      },
      ensureFolder: async () => {
        await settle();
      },
      copyFile: async (from, to) => {
        await settle();
        step('copy', from);
        const entry = this.files.get(from);
        if (!entry) {
          throw fsError('ENOENT', from);
        }
        write(to, entry.text);
      },
    };
  }
}
