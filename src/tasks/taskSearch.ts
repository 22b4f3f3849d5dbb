/**
 * Find Task's matching: accents and case do not count, and every word typed must appear, in any
 * order, in the task's title, `#number`, project or client (`kiosk zurich` finds "Kiosk UI:
 * Grüezi screen" in "Café Zürich"). A few lines instead of a search library: nothing to load at
 * start-up, and 10,000 tasks are searched in a few milliseconds.
 */

/** Letters that are not a base letter with a mark, so Unicode normalisation keeps them. */
const OWN_LETTERS: Readonly<Record<string, string>> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** `Café Zürich` → `cafe zurich`: lower case, without accents. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øæœßłđðþı]/g, (letter) => OWN_LETTERS[letter] ?? letter);
}

/** The words of a query, folded; none for a blank one. */
export function queryWords(query: string): string[] {
  return foldText(query)
    .split(/\s+/)
    .filter((word) => word !== '');
}

/** What a task is searched by: its title apart (a match there ranks first), and all its text. */
export interface SearchKey {
  readonly title: string;
  readonly all: string;
}

export function searchKey(title: string, ...rest: readonly (string | null | undefined)[]): SearchKey {
  const folded = foldText(title);
  return { title: folded, all: [folded, ...rest.filter((part): part is string => !!part).map(foldText)].join(' ') };
}

/**
 * The items every word matches, those whose title holds every word first, otherwise in the
 * order given (recent tasks stay before the others).
 */
export function searchItems<T>(items: readonly T[], keyOf: (item: T) => SearchKey, query: string): T[] {
  const words = queryWords(query);
  if (words.length === 0) {
    return [...items];
  }
  const inTitle: T[] = [];
  const elsewhere: T[] = [];
  for (const item of items) {
    const key = keyOf(item);
    if (words.every((word) => key.all.includes(word))) {
      (words.every((word) => key.title.includes(word)) ? inTitle : elsewhere).push(item);
    }
  }
  return [...inTitle, ...elsewhere];
}
