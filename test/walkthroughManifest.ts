import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readManifest } from './manifest';

/** A step of `contributes.walkthroughs` as package.json has it (`%key%` references kept). */
export interface WalkthroughStep {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly media: { readonly image?: string; readonly altText?: string };
  readonly completionEvents?: readonly string[];
  readonly when?: string;
}

export interface Walkthrough {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly steps: readonly WalkthroughStep[];
}

interface WalkthroughManifest {
  readonly contributes: { readonly walkthroughs?: readonly Walkthrough[]; readonly views?: Record<string, readonly { readonly id: string }[]> };
}

/** The extension's walkthroughs: `raw` with the `%key%` references, `english` with package.nls.json's texts. */
export function readWalkthroughs(extensionPath: string): { raw: readonly Walkthrough[]; english: readonly Walkthrough[]; viewIds: readonly string[] } {
  const raw = (JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8')) as WalkthroughManifest).contributes.walkthroughs ?? [];
  const manifest = readManifest<WalkthroughManifest>(extensionPath);
  const viewIds = Object.values(manifest.contributes.views ?? {}).flatMap((views) => views.map((view) => view.id));
  return { raw, english: manifest.contributes.walkthroughs ?? [], viewIds };
}

/** A command link of a step's description: `[label](command:id?args)`, args decoded from the URI's query. */
export interface CommandLink {
  readonly label: string;
  readonly command: string;
  readonly args?: unknown;
  /** Alone on its line: the walkthrough shows it as a button. */
  readonly button: boolean;
}

export function commandLinks(description: string): CommandLink[] {
  return description.split('\n').flatMap((line) =>
    [...line.matchAll(/\[([^\]]+)\]\(command:([\w.-]+)(?:\?([^)\s]+))?\)/g)].map((match) => ({
      label: match[1] ?? '',
      command: match[2] ?? '',
      ...(match[3] ? { args: JSON.parse(decodeURIComponent(match[3])) as unknown } : {}),
      button: line.trim() === match[0],
    })),
  );
}

/** The regular expression of a `when` clause `config.… =~ /…/flags`. */
export function whenRegExp(when: string): RegExp {
  const match = /=~ \/(.+)\/([a-z]*)\)?$/.exec(when);
  if (!match?.[1]) {
    throw new Error(`no regular expression in ${when}`);
  }
  return new RegExp(match[1], match[2]);
}
