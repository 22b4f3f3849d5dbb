import * as l10n from '@vscode/l10n';
import type * as FastXmlParser from 'fast-xml-parser';
import type * as Undici from 'undici';
import type { Dispatcher } from 'undici';

/**
 * The HTTP stack (undici) and the XML parser (fast-xml-parser) are most of the extension's code
 * by size, and loading them costs more than everything else at start-up. They are loaded here,
 * on the first request that needs them, so VS Code's start does not wait for them and a
 * signed-out window never loads them. The production bundle keeps each in a file of its own
 * beside dist/extension.js (see esbuild.mjs); elsewhere these are the packages themselves.
 */

let undiciModule: typeof Undici | undefined;
let xmlModule: typeof FastXmlParser | undefined;

export function undici(): typeof Undici {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  undiciModule ??= require('undici') as typeof Undici;
  return undiciModule;
}

export function fastXmlParser(): typeof FastXmlParser {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  xmlModule ??= require('fast-xml-parser') as typeof FastXmlParser;
  return xmlModule;
}

/** What the API client asks of a dispatcher; an undici Dispatcher (a pool, a proxy agent, a mock) is one. */
export interface HttpDispatcher {
  request(options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData>;
  close(): Promise<void>;
}

/** A dispatcher made, with undici loaded, on its first request; closing one never used loads nothing. */
export function dispatcherOnFirstRequest(make: (http: typeof Undici) => Dispatcher): HttpDispatcher {
  let made: Dispatcher | undefined;
  let closed = false;
  return {
    request(options) {
      if (!made) {
        if (closed) {
          return Promise.reject(new Error(l10n.t('The connection was closed before its first request.')));
        }
        made = make(undici());
      }
      return made.request(options);
    },
    close() {
      closed = true;
      return made ? made.close() : Promise.resolve();
    },
  };
}
