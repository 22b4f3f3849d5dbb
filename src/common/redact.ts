import { makeRedactor } from '../api/redaction';

/** Blanks `Authorization` header values even before any token is known. */
const headersOnly = makeRedactor('');
const redactors = new Map<string, (text: string) => string>();

/** Remembers a secret so that `redact` blanks it from any text later written to a log or shown. */
export function registerSecret(secret: string | undefined): void {
  if (secret && secret.length >= 4 && !redactors.has(secret)) {
    redactors.set(secret, makeRedactor(secret));
  }
}

export function forgetSecret(secret: string | undefined): void {
  if (secret) {
    redactors.delete(secret);
  }
}

/** The text with every registered secret blanked, in each form the API client would send it. */
export function redact(text: string): string {
  let out = headersOnly(text);
  for (const redactor of redactors.values()) {
    out = redactor(out);
  }
  return out;
}
