import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The extension's package.json as VS Code shows it in English: every `%key%` replaced by its text
 * from package.nls.json.
 */
export function readManifest<T>(extensionPath: string): T {
  const nls = JSON.parse(readFileSync(join(extensionPath, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const text = readFileSync(join(extensionPath, 'package.json'), 'utf8');
  return JSON.parse(text, (_key, value: unknown) => {
    const reference = typeof value === 'string' ? /^%(.+)%$/.exec(value) : null;
    return reference && reference[1] in nls ? nls[reference[1]] : value;
  }) as T;
}
