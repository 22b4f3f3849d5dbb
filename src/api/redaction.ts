/**
 * Blanks the token from any text before it reaches a message, a stack or the log, in every form
 * it could leak: as is, inside the Basic credentials, or as an `Authorization` header value.
 */
export function makeRedactor(token: string): (text: string) => string {
  const secrets = new Set<string>();
  if (token.length >= 4) {
    secrets.add(token);
    for (const password of ['X', 'x', '']) {
      const basic = Buffer.from(`${token}:${password}`).toString('base64');
      secrets.add(basic);
      secrets.add(basic.replace(/=+$/, ''));
    }
    secrets.add(encodeURIComponent(token));
  }
  const ordered = [...secrets].filter((secret) => secret.length >= 4).sort((a, b) => b.length - a.length);
  return (text: string) => {
    let out = text.replace(/(authorization["']?\s*[:=]\s*["']?)(basic|bearer)\s+[A-Za-z0-9+/=._~-]+/gi, '$1$2 ***');
    for (const secret of ordered) {
      out = out.split(secret).join('***');
    }
    return out;
  };
}
