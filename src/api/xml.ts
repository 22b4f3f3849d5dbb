import type { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { fastXmlParser } from './lazyDependencies';

/**
 * XML ↔ plain objects shaped like the JSON the API sends, so one normaliser serves both formats.
 * Values stay strings; CDATA is kept verbatim; DTDs are refused and no entity beyond XML's five
 * predefined ones and numeric references is ever expanded.
 */

export class XmlFormatError extends Error {}

type OrderedNode = Record<string, unknown>;

let parser: XMLParser | undefined;
let builder: XMLBuilder | undefined;

/** Made on first use: the XML parser loads only when an answer or a request is XML. */
function xmlParser(): XMLParser {
  parser ??= new (fastXmlParser().XMLParser)({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: false,
    htmlEntities: false,
    cdataPropName: '#cdata',
    commentPropName: false,
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  return parser;
}

function xmlBuilder(): XMLBuilder {
  builder ??= new (fastXmlParser().XMLBuilder)({
    cdataPropName: '#cdata',
    suppressEmptyNode: false,
    processEntities: false,
    format: false,
  });
  return builder;
}

/**
 * Parses an API answer. The root element (`<intervals status="OK" code="200">`) becomes the
 * envelope: its attributes and children merge into one object.
 */
export function parseXml(text: string): Record<string, unknown> {
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    // l10n-ignore: detail for the log (serverMessage)
    throw new XmlFormatError('XML with a document type declaration is not accepted.');
  }
  // The parser itself forgives mismatched tags; a truncated answer must not pass as data.
  const valid = fastXmlParser().XMLValidator.validate(text);
  if (valid !== true) {
    // l10n-ignore: detail for the log (serverMessage)
    throw new XmlFormatError(`Malformed XML: ${valid.err.msg} (line ${valid.err.line})`);
  }
  let ordered: OrderedNode[];
  try {
    ordered = xmlParser().parse(text) as OrderedNode[];
  } catch (error) {
    // l10n-ignore: detail for the log (serverMessage)
    throw new XmlFormatError(`Malformed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const root = ordered.find((node) => elementName(node) !== undefined);
  if (!root) {
    // l10n-ignore: detail for the log (serverMessage)
    throw new XmlFormatError('The XML has no root element.');
  }
  const name = elementName(root) as string;
  const value = convertElement(root, name);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return value as Record<string, unknown>;
  }
  return { [name]: value };
}

/** `<root><field>value</field>…</root>`; values with markup characters go in CDATA, `null` is an empty element. */
export function buildXml(root: string, fields: Record<string, unknown>): string {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) {
      continue;
    }
    body[key] = xmlValue(value);
  }
  // l10n-ignore: XML declaration
  return `<?xml version="1.0" encoding="UTF-8"?>${xmlBuilder().build({ [root]: body }) as string}`;
}

function xmlValue(value: unknown): unknown {
  if (value === null) {
    return '';
  }
  if (Array.isArray(value)) {
    return value.map(String).join(',');
  }
  const text = typeof value === 'string' ? value : String(value);
  // The builder splits a "]]>" inside CDATA across two sections itself.
  return /[<>&]/.test(text) ? { '#cdata': text } : text;
}

function elementName(node: OrderedNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@' && key !== '#text' && key !== '#cdata');
}

/**
 * One element: text-only elements become strings (empty ones ''), elements with child elements
 * become objects, repeated children become arrays. Attributes merge into the object (the
 * envelope's status/code live there); a text element with attributes keeps its text as '#text'.
 */
function convertElement(node: OrderedNode, name: string): unknown {
  const children = (node[name] as OrderedNode[] | undefined) ?? [];
  const attributes = (node[':@'] as Record<string, string> | undefined) ?? {};
  const pieces: { text: string; cdata: boolean }[] = [];
  let hasElements = false;
  const object: Record<string, unknown> = {};
  for (const child of children) {
    if ('#text' in child) {
      pieces.push({ text: decodeEntities(String(child['#text'])), cdata: false });
      continue;
    }
    if ('#cdata' in child) {
      const parts = child['#cdata'] as OrderedNode[];
      pieces.push({ text: parts.map((part) => String(part['#text'] ?? '')).join(''), cdata: true });
      continue;
    }
    const childName = elementName(child);
    if (childName === undefined) {
      continue;
    }
    hasElements = true;
    const value = convertElement(child, childName);
    if (Object.prototype.hasOwnProperty.call(object, childName)) {
      // Element values are strings or objects, so an array here can only come from repetition.
      const existing = object[childName];
      object[childName] = Array.isArray(existing) ? [...(existing as unknown[]), value] : [existing, value];
    } else {
      object[childName] = value;
    }
  }
  if (!hasElements) {
    const text = joinText(pieces);
    if (Object.keys(attributes).length === 0) {
      return text;
    }
    return { ...decodeAttributes(attributes), ...(text ? { '#text': text } : {}) };
  }
  return { ...decodeAttributes(attributes), ...object };
}

/** Layout whitespace around the value goes; whitespace inside CDATA is the value and stays. */
function joinText(pieces: { text: string; cdata: boolean }[]): string {
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (first && !first.cdata) {
    first.text = first.text.trimStart();
  }
  if (last && !last.cdata) {
    last.text = last.text.trimEnd();
  }
  return pieces.map((piece) => piece.text).join('');
}

function decodeAttributes(attributes: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes)) {
    out[key] = decodeEntities(value);
  }
  return out;
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** One pass, no recursion: `&amp;lt;` becomes `&lt;`, never `<`. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) {
    return text;
  }
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (match, entity: string) => {
    if (entity.startsWith('#')) {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return named[entity] ?? match;
  });
}
