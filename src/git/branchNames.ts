/**
 * Branch names and tasks, without VS Code or git: the name Start Work gives a task's branch, and
 * the task number a branch name holds. Names follow git's rules for refs (`git check-ref-format`).
 */

/** `intervals.branchTemplate` when unset. */
export const DEFAULT_BRANCH_TEMPLATE = '{localid}-{slug}';

/** The longest slug of a title (the rest of a branch name comes on top). */
export const SLUG_MAX_LENGTH = 50;

/**
 * `intervals.branchTaskPattern` when unset: the first number of 1 to 7 digits at the start of the
 * name or after `/`, `-` or `_`, standing alone (`1234-fix-login`, `feature/1234-login`, `bug_1234`).
 */
export const DEFAULT_TASK_PATTERN = '(?:^|[/_-])(\\d{1,7})(?![\\d])';

/** What a template's placeholders stand for. */
export interface BranchNameParts {
  readonly localId: number | null;
  /** The API id, used where the task has no local number. */
  readonly id: number;
  readonly title: string;
  readonly project?: string | null;
  readonly user?: string | null;
}

/** A title as ASCII words joined by `-`, lower case, at most `max` characters, cut at a word where it can. */
export function slugify(text: string, max = SLUG_MAX_LENGTH): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase();
  const words = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (words.length <= max) {
    return words;
  }
  const cut = words.slice(0, max);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash >= max / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}

/**
 * The branch name of a task from `template` (`{localid}`, `{slug}`, `{project}`, `{user}`), made
 * a name git accepts. A template that gives nothing usable gives `task-{localid}`.
 */
export function branchNameFor(template: string, parts: BranchNameParts): string {
  const number = String(parts.localId ?? parts.id);
  const values: Record<string, string> = {
    localid: number,
    id: String(parts.id),
    slug: slugify(parts.title),
    project: slugify(parts.project ?? '', 30),
    user: slugify(parts.user ?? '', 30),
  };
  const filled = (template.trim() || DEFAULT_BRANCH_TEMPLATE).replace(/\{(\w+)\}/g, (whole, key: string) => values[key.toLowerCase()] ?? whole);
  // An empty placeholder leaves a separator hanging: `1234-` reads as `1234`.
  const name = sanitizeBranchName(filled.replace(/[-_]+(?=\/|$)/g, '').replace(/(^|\/)[-_]+/g, '$1'));
  return name === '' ? `task-${number}` : name;
}

/** `name` changed only as far as git needs to accept it as a branch; '' when nothing is left. */
export function sanitizeBranchName(name: string): string {
  const components = name
    // Control characters, space and what git gives a meaning in refs.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0020\u007f~^:?*[\\]+/g, '-')
    .replace(/@\{/g, '-')
    .replace(/\.{2,}/g, '.')
    .split('/')
    .map((part) => part.replace(/^[.-]+/, '').replace(/(\.lock)+$/i, '').replace(/[.]+$/, '').replace(/-{2,}/g, '-'))
    .filter((part) => part !== '');
  const joined = components.join('/');
  return joined === '@' ? '' : joined;
}

/** Whether git accepts `name` as a branch name as it is (the rules of `git check-ref-format --branch`). */
export function isValidBranchName(name: string): boolean {
  return name !== '' && name.length <= 250 && sanitizeBranchName(name) === name && !name.startsWith('-');
}

/** The compiled task pattern: the user's, or the default when theirs is empty or not a regular expression. */
export function taskPattern(source: string | undefined): RegExp {
  const text = source?.trim() ?? '';
  if (text !== '') {
    try {
      return new RegExp(text);
    } catch {
      // A pattern that does not compile is as if unset: the default applies.
    }
  }
  return new RegExp(DEFAULT_TASK_PATTERN);
}

/**
 * The task number (`localid`) a branch name holds: the pattern's first group, or its whole match
 * when it has none; undefined when it names none or the match is no positive whole number.
 */
export function taskNumberIn(branch: string, pattern: RegExp = taskPattern(undefined)): number | undefined {
  const match = pattern.exec(branch);
  if (!match) {
    return undefined;
  }
  const text = (match.length > 1 ? match.slice(1).find((group) => group !== undefined) : match[0]) ?? '';
  if (!/^\d{1,9}$/.test(text)) {
    return undefined;
  }
  const number = Number(text);
  return number > 0 ? number : undefined;
}
