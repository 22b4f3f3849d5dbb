/** Authorization header values, whatever the token: blanked before any token is known. */
const AUTHORIZATION = /(authorization["']?\s*[:=]\s*["']?)(basic|bearer)\s+[A-Za-z0-9+/=._~-]+/gi;

/** Every form a token could leak in: as is, inside the Basic credentials, URL-encoded. */
function secretForms(token: string): string[] {
  const forms = new Set<string>();
  if (token.length >= 4) {
    forms.add(token);
    for (const password of ['X', 'x', '']) {
      const basic = Buffer.from(`${token}:${password}`).toString('base64');
      forms.add(basic);
      forms.add(basic.replace(/=+$/, ''));
    }
    forms.add(encodeURIComponent(token));
  }
  return [...forms].filter((form) => form.length >= 4);
}

/**
 * Blanks tokens from any text before it reaches a message, a stack or the log. One redactor
 * serves the whole extension: the account session keeps the signed-in token in it, every API
 * client its own, and the log passes each line through it.
 */
export class Redactor {
  private readonly kept = new Map<string, { count: number; forms: string[] }>();
  private ordered: string[] = [];

  /**
   * Blanks `secret` from every text from now on, until the returned function is called (a secret
   * kept twice is blanked until both let go). Secrets shorter than four characters are ignored.
   */
  keep(secret: string | undefined): () => void {
    if (!secret || secret.length < 4) {
      return () => undefined;
    }
    const entry = this.kept.get(secret) ?? { count: 0, forms: secretForms(secret) };
    entry.count++;
    this.kept.set(secret, entry);
    this.reorder();
    let released = false;
    return () => {
      if (released) {
        return;
      }
      released = true;
      if (--entry.count === 0 && this.kept.get(secret) === entry) {
        this.kept.delete(secret);
        this.reorder();
      }
    };
  }

  redact(text: string): string {
    let out = text.replace(AUTHORIZATION, '$1$2 ***');
    for (const form of this.ordered) {
      out = out.split(form).join('***');
    }
    return out;
  }

  /** Longest first, so a token inside a longer form never leaves part of that form behind. */
  private reorder(): void {
    this.ordered = [...new Set([...this.kept.values()].flatMap((entry) => entry.forms))].sort((a, b) => b.length - a.length);
  }
}
