/**
 * The display language of VS Code (`vscode.env.language`), for formatting dates, durations and
 * numbers with `Intl`. The extension sets it once at activation; the layers below read it without
 * importing `vscode`.
 *
 * One instance for the whole extension: esbuild.mjs bundles this file on its own, as
 * dist/display-locale.js, and resolves every import of it there, so dist/extension.js,
 * dist/commands.js and dist/git.js all read the value activation set (a module bundled into each
 * would hold one copy per file, and the lazily loaded ones would never see it).
 */

/** What formatting uses before activation sets the display language, and in plain Node tests. */
export const DEFAULT_DISPLAY_LOCALE = 'en';

let current = DEFAULT_DISPLAY_LOCALE;

/** Takes VS Code's display language (e.g. `en`, `de`, `pt-br`); an unknown tag falls back to English. */
export function setDisplayLocale(language: string | undefined): void {
  current = supported(language) ?? DEFAULT_DISPLAY_LOCALE;
}

/** The BCP 47 tag dates, durations and numbers are formatted for. */
export function displayLocale(): string {
  return current;
}

function supported(language: string | undefined): string | undefined {
  if (!language) {
    return undefined;
  }
  try {
    const [canonical] = Intl.getCanonicalLocales(language);
    return Intl.NumberFormat.supportedLocalesOf([canonical]).length > 0 ? canonical : undefined;
  } catch {
    return undefined;
  }
}
