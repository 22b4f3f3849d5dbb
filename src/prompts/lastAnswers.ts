import type * as vscode from 'vscode';

interface Stored {
  account: string;
  values: Record<string, unknown>;
}

/**
 * What a multi-step command was answered last time, so the next run starts from it: the project
 * of the last new task, the range of the last report. Kept in globalState for every window, under
 * the account it belongs to (ids mean nothing in another account). What comes back is only a
 * default: callers offer it only when it is still among the choices.
 */
export class LastAnswers {
  constructor(
    private readonly memento: vscode.Memento,
    private readonly key: string,
  ) {}

  /** The remembered ids of `account`; a value that is not a positive whole number is left out. */
  ids(account: string): Record<string, number> {
    const stored = this.read();
    if (!stored || stored.account !== account) {
      return {};
    }
    const ids: Record<string, number> = {};
    for (const [name, value] of Object.entries(stored.values)) {
      if (typeof value === 'number' && Number.isInteger(value) && value > 0) {
        ids[name] = value;
      }
    }
    return ids;
  }

  /** The remembered text of `name` for `account`, if any. */
  text(account: string, name: string): string | undefined {
    const stored = this.read();
    const value = stored?.account === account ? stored.values[name] : undefined;
    return typeof value === 'string' ? value : undefined;
  }

  /** Merges `values` into what is remembered for `account`, forgetting another account's. */
  async remember(account: string, values: Record<string, number | string | undefined>): Promise<void> {
    const stored = this.read();
    const kept = stored?.account === account ? stored.values : {};
    const defined = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
    await this.memento.update(this.key, { account, values: { ...kept, ...defined } } satisfies Stored);
  }

  private read(): Stored | undefined {
    const value = this.memento.get<unknown>(this.key);
    if (typeof value !== 'object' || value === null) {
      return undefined;
    }
    const record = value as Partial<Stored>;
    return typeof record.account === 'string' && typeof record.values === 'object' && record.values !== null
      ? { account: record.account, values: record.values }
      : undefined;
  }
}

/** Names an account for `LastAnswers`: the same person on the same Intervals address. */
export function accountKey(account: { apiUrl: string; personId: number }): string {
  return `${account.apiUrl}#${account.personId}`;
}

/** `remembered` when it is one of `choices`, else `fallback`: a stale id never becomes the default. */
export function rememberedChoice<T>(remembered: T | undefined, choices: readonly { value: T }[], fallback: T): T {
  return remembered !== undefined && choices.some((choice) => choice.value === remembered) ? remembered : fallback;
}
