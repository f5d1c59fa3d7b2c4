import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { FieldError, Problem, ValidationFailed } from '../errors';

/**
 * No request of ours nests deeper than a handful of levels; a body nested thousands deep (a few KB)
 * would overflow the stack of the recursive transformers after parsing, so it is refused first.
 */
export const MAX_BODY_DEPTH = 32;

const isOreField = (name: string): boolean => name.endsWith('Ore');
/** The number token right after `"key"` and its colon, exactly as the client wrote it. */
const AFTER_KEY = /\s*:\s*(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)?/y;

function tooDeep(): Problem {
  return new Problem(
    'BAD-REQUEST',
    400,
    `Begäran är för djupt nästlad: högst ${MAX_BODY_DEPTH} nivåer.`,
    `The request body is nested too deeply: at most ${MAX_BODY_DEPTH} levels.`,
    { maxDepth: MAX_BODY_DEPTH },
  );
}

const notWhole = (field: string, got: string): FieldError => ({
  field,
  rules: { isWholeOre: `${field} must be whole öre: an integer without decimals or exponent, at most 15 digits (got ${got})` },
});

/** Index of the quote closing the string that opens at `start`, or -1 when the text ends first. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '"') return i;
  }
  return -1;
}

/** A key as JSON.parse will read it (escapes such as `\u004f` decoded); null when it is no valid string, which the parser refuses anyway. */
function decodeKey(token: string): string | null {
  try {
    return JSON.parse(token) as string;
  } catch {
    return null;
  }
}

/**
 * Money is integer öre, and JSON.parse would quietly round `6000000000.0000001` to an integer or
 * turn `1e3` into one. So amounts are judged on the text the client sent, before parsing: a
 * fraction, an exponent or more than 15 digits (beyond what a double holds exactly) is refused
 * with 400 VALIDATION naming the field. Keys are compared decoded, so `"total\u004fre"` is
 * `totalOre`. The same pass measures nesting (brackets inside strings are text) and refuses a body
 * deeper than MAX_BODY_DEPTH with 400 BAD-REQUEST. On malformed text it stops and leaves the
 * verdict to the parser.
 */
export function rawBodyRefusal(text: string): Problem | null {
  const errors: FieldError[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{' || c === '[') {
      if (++depth > MAX_BODY_DEPTH) return tooDeep();
    } else if (c === '}' || c === ']') {
      depth--;
    } else if (c === '"') {
      const end = stringEnd(text, i);
      if (end < 0) break;
      AFTER_KEY.lastIndex = end + 1;
      const token = AFTER_KEY.exec(text)?.[1];
      if (token !== undefined && (/[.eE]/.test(token) || token.replace('-', '').length > 15)) {
        const key = decodeKey(text.slice(i, end + 1));
        if (key !== null && isOreField(key)) errors.push(notWhole(key, token));
      }
      i = end;
    }
  }
  return errors.length > 0 ? new ValidationFailed(errors) : null;
}

/**
 * The parsed body, checked again whatever the text looked like: every `…Ore` number must be a safe
 * integer. Depth is bounded by rawBodyRefusal, so the recursion is too.
 */
export function unsafeOreValues(value: unknown, path = ''): FieldError[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const field = path ? `${path}.${key}` : key;
    if (isOreField(key) && typeof child === 'number' && !Number.isSafeInteger(child)) return [notWhole(field, String(child))];
    return unsafeOreValues(child, field);
  });
}

/** Registers the JSON body parser: the raw-text checks, Fastify's own (prototype-poisoning safe) parser, then the parsed-value check. */
export function useJsonBodyParser(app: NestFastifyApplication, bodyLimit: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parse = fastify.getDefaultJsonParser('error', 'error');
  // the API speaks JSON only: any other body is 415, not a string handed to the DTOs
  fastify.removeContentTypeParser('text/plain');
  app.useBodyParser('application/json', { bodyLimit }, (request: FastifyRequest, body: string | Buffer, done: (error: Error | null, value?: unknown) => void) => {
    const text = body.toString();
    // commands without fields (close, ready, sign) are often sent with the JSON content type and no body
    if (text.trim() === '') return done(null, {});
    const refusal = rawBodyRefusal(text);
    if (refusal) return done(refusal);
    parse(request, text, (error, value) => {
      if (error) return done(error);
      const unsafe = unsafeOreValues(value);
      if (unsafe.length > 0) return done(new ValidationFailed(unsafe));
      done(null, value);
    });
  });
}
