/**
 * Text from the Intervals service (task titles, project and client names, error messages) is
 * untrusted: VS Code gives some characters a meaning where it shows text, and a title must show
 * as the characters it has, never as a link or an icon.
 */

/**
 * For notifications and input box prompts: VS Code makes `[label](command:…)`, `(https://…)` and
 * `(file:…)` clickable there (commands included). It needs `](` side by side, so a space between
 * them leaves the text readable and no link can form. A bare `command:x` is never a link there.
 * Our own messages hold no intended links, so this may be applied to a whole message.
 */
export function defuseLinks(text: string): string {
  return text.replace(/\]\(/g, '] (');
}

/**
 * For quick pick labels, descriptions and details, status bar text and input box prompts, where
 * `$(name)` is drawn as a codicon. VS Code draws `\$(name)` as the text `$(name)`; a backslash
 * already in front is then doubled in effect (`\$(x)` becomes `\\$(x)`, shown as `\$(x)`).
 * Apply it to the service's part of a text only: our own icons must stay icons.
 */
export function escapeIcons(text: string): string {
  return text.replace(/\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/g, (icon) => `\\${icon}`);
}

/** For input box prompts and validation messages, which draw both links and icons: neither forms. */
export function asPromptText(text: string): string {
  return escapeIcons(defuseLinks(text));
}

/** Backslash-escapes every character Markdown (CommonMark) could give a meaning to. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&:"'=$%@^]/g, (char) => `\\${char}`);
}
