import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { errorCode } from '../outbox/stateFileSystem';
import { isStaleClaim } from './reminderPolicy';

/**
 * Lets one VS Code window, of all those sharing the extension's global storage, show a reminder:
 * the first to create the claim file (exclusively) shows it, the others stay quiet.
 */
export class ReminderClaims {
  constructor(private readonly dir: string) {}

  /** True when this window got the claim; false when another window (or this one) already has it. */
  async claim(key: string): Promise<boolean> {
    await fs.mkdir(this.dir, { recursive: true });
    try {
      await fs.writeFile(join(this.dir, key), `${process.pid}\n`, { flag: 'wx' });
      return true;
    } catch (error) {
      if (errorCode(error) === 'EEXIST') {
        return false;
      }
      throw error;
    }
  }

  /** Gives a claim back, e.g. when the check behind it failed and should be tried again later. */
  async release(key: string): Promise<void> {
    await fs.rm(join(this.dir, key), { force: true });
  }

  /** Deletes the claims of past days. */
  async prune(now: Date): Promise<void> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch {
      return;
    }
    await Promise.all(names.filter((name) => isStaleClaim(name, now)).map((name) => fs.rm(join(this.dir, name), { force: true })));
  }
}
