// XML out and in, the way Intervals does it: `<intervals status=".." code="..">` wrapping
// elements named like the JSON keys, list items as repeated elements, values that contain
// XML-reserved characters in CDATA, null as an empty element.
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import type { BodyValue } from './values';

/** A response value before it is written as JSON or XML. */
export type OutValue = string | number | null | OutValue[] | { [key: string]: OutValue };
export type OutObject = { [key: string]: OutValue };

const RESERVED = /[&<>"']/;
// Characters XML 1.0 cannot carry at all, even in CDATA.
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  cdataPropName: '#cdata',
  suppressEmptyNode: false,
  processEntities: true,
});

function toBuilderValue(value: OutValue): unknown {
  if (value === null) {
    return null;
  }
  if (Array.isArray(value)) {
    return value.map(toBuilderValue);
  }
  if (typeof value === 'object') {
    return toBuilderObject(value);
  }
  const text = String(value).replace(INVALID_XML_CHARS, '');
  // An empty string stays an open/close pair (`<aptsuite></aptsuite>`), null becomes `<x/>`.
  return RESERVED.test(text) ? { '#cdata': text } : text;
}

function toBuilderObject(object: OutObject): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    result[key] = toBuilderValue(value);
  }
  return result;
}

/** Writes an envelope; `status` and `code` become attributes of the root element. */
export function envelopeToXml(envelope: OutObject): string {
  const { status, code, ...rest } = envelope;
  const root = {
    '@_status': String(status ?? ''),
    '@_code': String(code ?? ''),
    ...toBuilderObject(rest),
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ intervals: root }) as string}`;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  cdataPropName: '#cdata',
  // No DTD or entity expansion: predefined entities and character references are decoded below.
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

export class XmlBodyError extends Error {}

type OrderedNode = Record<string, unknown>;

const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[A-Za-z][A-Za-z0-9]*);/g, (_all, ref: string) => {
    if (ref.startsWith('#x')) {
      return String.fromCodePoint(parseInt(ref.slice(2), 16));
    }
    if (ref.startsWith('#')) {
      return String.fromCodePoint(parseInt(ref.slice(1), 10));
    }
    const char = PREDEFINED[ref];
    if (char === undefined) {
      throw new XmlBodyError(`undefined entity &${ref}; (only the XML predefined entities are accepted)`);
    }
    return char;
  });
}

function nodeName(node: OrderedNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@');
}

function textOf(children: OrderedNode[]): { text: string; hasCdata: boolean } {
  let text = '';
  let hasCdata = false;
  for (const child of children) {
    if ('#text' in child) {
      text += decodeText(String(child['#text']));
    } else if ('#cdata' in child) {
      hasCdata = true;
      for (const inner of child['#cdata'] as OrderedNode[]) {
        text += String(inner['#text'] ?? '');
      }
    }
  }
  return { text, hasCdata };
}

function elementValue(children: OrderedNode[]): BodyValue {
  const elements = children.filter((child) => {
    const name = nodeName(child);
    return name !== undefined && name !== '#text' && name !== '#cdata';
  });
  if (elements.length === 0) {
    const { text, hasCdata } = textOf(children);
    return hasCdata ? text : text.trim();
  }
  const result: { [key: string]: BodyValue } = {};
  for (const element of elements) {
    const name = nodeName(element) as string;
    const value = elementValue(element[name] as OrderedNode[]);
    const existing = result[name];
    if (existing === undefined) {
      result[name] = value;
    } else if (Array.isArray(existing)) {
      existing.push(value);
    } else {
      result[name] = [existing, value];
    }
  }
  return result;
}

/**
 * Parses a request body like `<timer><name>x</name></timer>` into its fields. The root element
 * must be named after the resource.
 */
export function parseXmlBody(xml: string, rootName: string): Record<string, BodyValue> {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new XmlBodyError('DOCTYPE and entity declarations are not accepted');
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new XmlBodyError(`malformed XML: ${valid.err.msg} (line ${valid.err.line})`);
  }
  const nodes = parser.parse(xml) as OrderedNode[];
  const roots = nodes.filter((node) => {
    const name = nodeName(node);
    return name !== undefined && name !== '#text' && name !== '#comment';
  });
  if (roots.length !== 1) {
    throw new XmlBodyError('the XML body must have exactly one root element');
  }
  const name = nodeName(roots[0]) as string;
  if (name !== rootName) {
    throw new XmlBodyError(`the root element must be <${rootName}>, not <${name}>`);
  }
  const value = elementValue(roots[0][name] as OrderedNode[]);
  if (typeof value === 'string') {
    if (value !== '') {
      throw new XmlBodyError(`<${rootName}> must contain one element per field`);
    }
    return {};
  }
  return value as Record<string, BodyValue>;
}

/** Generic XML → value reader for tests and tools: mirrors `parseXmlBody` without the root check. */
export function parseXmlDocument(xml: string): { root: string; attributes: Record<string, string>; value: BodyValue } {
  const withAttributes = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    processEntities: false,
    preserveOrder: true,
    trimValues: false,
    cdataPropName: '#cdata',
    ignoreDeclaration: true,
  });
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new XmlBodyError(`malformed XML: ${valid.err.msg}`);
  }
  const nodes = withAttributes.parse(xml) as OrderedNode[];
  const root = nodes.find((node) => {
    const name = nodeName(node);
    return name !== undefined && name !== '#text';
  });
  if (!root) {
    throw new XmlBodyError('no root element');
  }
  const name = nodeName(root) as string;
  const attributes = (root[':@'] ?? {}) as Record<string, string>;
  return { root: name, attributes, value: elementValue(root[name] as OrderedNode[]) };
}
