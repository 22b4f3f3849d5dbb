// The HTTP side of the fake: formats, bodies, routes and the outcome of a request.
import * as http from 'node:http';
import { ApiError } from './apiErrors';
import type { WriteBody } from './resources/resource';
import { parseXmlBody, XmlBodyError, type OutObject, type OutValue } from './xml';

export type WireFormat = 'json' | 'xml';

export const MAX_BODY_BYTES = 1024 * 1024;

const SUCCESS_STATUS_TEXT: Readonly<Record<number, string>> = { 200: 'OK', 201: 'Created', 202: 'Accepted' };

export function statusText(status: number): string {
  return SUCCESS_STATUS_TEXT[status] ?? http.STATUS_CODES[status] ?? 'Error';
}

/** JSON or XML by Accept (first supported type by quality); JSON when absent or unsupported. */
export function negotiateFormat(accept: string | undefined): WireFormat {
  if (!accept) {
    return 'json';
  }
  const ranked = accept
    .split(',')
    .map((part, index) => {
      const [type, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { type: type.trim(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) {
    if (entry.type === 'application/json') {
      return 'json';
    }
    if (entry.type === 'application/xml' || entry.type === 'text/xml') {
      return 'xml';
    }
  }
  return 'json';
}

/** PHP's json_encode escapes slashes (`America\/New_York`); so does the fake. */
export function toJsonText(value: OutValue): string {
  return JSON.stringify(value).replace(/\//g, '\\/');
}

export interface ReadBody {
  bytes: Buffer;
  tooLarge: boolean;
}

export async function readBody(req: http.IncomingMessage): Promise<ReadBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      tooLarge = true;
    } else {
      chunks.push(chunk);
    }
  }
  return { bytes: Buffer.concat(chunks), tooLarge };
}

export function parseRoute(pathname: string): { resource?: string; id?: string; extra: boolean } {
  const segments = pathname.split('/').filter((segment) => segment !== '');
  return { resource: segments[0], id: segments[1], extra: segments.length > 2 };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function parseRequestBody(bytes: Buffer, contentType: string | undefined, root: string): { body: WriteBody; format?: WireFormat } {
  if (bytes.length === 0) {
    return { body: {} };
  }
  const type = contentType?.split(';')[0].trim().toLowerCase();
  if (!type) {
    throw new ApiError(18, ['Content-Type is required with a request body: application/json or application/xml']);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new ApiError(18, ['the request body is not valid UTF-8']);
  }
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new ApiError(18, [`malformed JSON body: ${(error as Error).message}`]);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new ApiError(18, ['the JSON body must be an object of fields']);
    }
    return { body: parsed as WriteBody, format: 'json' };
  }
  if (type === 'application/xml' || type === 'text/xml') {
    try {
      return { body: parseXmlBody(text, root), format: 'xml' };
    } catch (error) {
      if (error instanceof XmlBodyError) {
        throw new ApiError(18, [error.message]);
      }
      throw error;
    }
  }
  throw new ApiError(18, [`Content-Type '${type}' is not supported: use application/json or application/xml`]);
}

export interface Outcome {
  status: number;
  envelope: OutObject;
  headers?: Record<string, string>;
  code?: number;
}
