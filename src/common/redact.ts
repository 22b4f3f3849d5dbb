const secrets = new Set<string>();

/** Remembers a secret so that `redact` blanks it from any text later written to a log or shown. */
export function registerSecret(secret: string | undefined): void {
  if (secret && secret.length >= 4) {
    secrets.add(secret);
  }
}

export function forgetSecret(secret: string | undefined): void {
  if (secret) {
    secrets.delete(secret);
  }
}

export function redact(text: string): string {
  let out = text.replace(/(authorization\s*[:=]\s*)(basic|bearer)\s+[A-Za-z0-9+/=._-]+/gi, '$1$2 ***');
  for (const secret of secrets) {
    out = out.split(secret).join('***');
    const basic = Buffer.from(`${secret}:X`).toString('base64').replace(/=+$/, '');
    out = out.split(basic).join('***');
  }
  return out;
}
