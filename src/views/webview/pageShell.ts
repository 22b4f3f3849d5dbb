/**
 * The one frame of every page the extension shows in a webview: a strict content security policy
 * (nothing remote, nothing inline but the one style and the one script carrying the nonce), the
 * page's language, its title, and every value escaped.
 */

/** Every string from the service goes through this before it reaches a page. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

export interface PageShell {
  /** The display language, for `lang` (screen readers, hyphenation, sorting). */
  readonly language: string;
  readonly title: string;
  /** Fresh for each render; only the style and script carrying it run. */
  readonly nonce: string;
  /** `webview.cspSource`. */
  readonly cspSource: string;
  readonly style: string;
  readonly script: string;
}

export function strictContentSecurityPolicy(cspSource: string, nonce: string): string {
  // l10n-ignore: the content security policy
  return `default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}'`;
}

/** The whole document around `body` (markup already escaped), with `bodyAttributes` on `<body>`. */
export function pageDocument(shell: PageShell, body: string, bodyAttributes = ''): string {
  const nonce = escapeHtml(shell.nonce);
  // l10n-ignore: markup; its words come from the callers' l10n.t calls
  return `<!DOCTYPE html>
<html lang="${escapeHtml(shell.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(strictContentSecurityPolicy(shell.cspSource, shell.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(shell.title)}</title>
<style nonce="${nonce}">${shell.style}</style>
</head>
<body${bodyAttributes}>
${body}
<script nonce="${nonce}">
${shell.script}
</script>
</body>
</html>`;
}
