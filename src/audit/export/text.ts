import { createHash } from 'node:crypto';
import { strToU8 } from 'fflate';

/** Characters XML 1.0 forbids even when escaped; a user's text never breaks the package's XML. */
// eslint-disable-next-line no-control-regex -- the point is to match control characters
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** For element text and attribute values alike. */
export function escapeXml(value: unknown): string {
  return String(value ?? '')
    .replace(NOT_XML, '\ufffd')
    .replace(/[&<>"']/g, (c) => XML_ENTITIES[c]);
}

/** Every piece of user text in the report goes through this, in text and in attributes. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(NOT_XML, '\ufffd')
    .replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);
}

export function sha256(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

export const utf8 = (text: string): Uint8Array => strToU8(text);

/** Pretty JSON, key order as given (events keep the order they were stored in), newline at the end. */
export const jsonFile = (value: unknown): Uint8Array => utf8(`${JSON.stringify(value, null, 2)}\n`);

/** Media types of the files the package holds. */
export function mimeTypeOf(path: string): string {
  if (path.endsWith('.json')) return 'application/json';
  if (path.endsWith('.xml')) return 'application/xml';
  if (path.endsWith('.html')) return 'text/html';
  return 'text/plain';
}

/** PRONOM identifiers of the same formats, for PREMIS (CSIP recommends PUIDs). */
export function puidOf(path: string): { name: string; puid: string } {
  if (path.endsWith('.json')) return { name: 'JSON Data Interchange Format', puid: 'fmt/817' };
  if (path.endsWith('.xml')) return { name: 'Extensible Markup Language 1.0', puid: 'fmt/101' };
  if (path.endsWith('.html')) return { name: 'Hypertext Markup Language 5', puid: 'fmt/471' };
  return { name: 'Plain Text File', puid: 'x-fmt/111' };
}
