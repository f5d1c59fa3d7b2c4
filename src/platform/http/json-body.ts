import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { ValidationFailed } from '../errors';

/** A property named `…Ore` followed by its number token, exactly as the client wrote it. */
const ORE_TOKEN = /"([A-Za-z0-9_]*Ore)"\s*:\s*(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

/**
 * Money is integer öre, and JSON.parse would quietly round `6000000000.0000001` to an integer or
 * turn `1e3` into one. So amounts are judged on the text the client sent, before parsing: a
 * fraction, an exponent or more than 15 digits (beyond what a double holds exactly) is refused
 * with 400 VALIDATION naming the field, and nothing reaches a handler.
 */
export function wholeOreViolations(text: string): ValidationFailed | null {
  const errors = [...text.matchAll(ORE_TOKEN)]
    .filter(([, , token]) => /[.eE]/.test(token) || token.replace('-', '').length > 15)
    .map(([, field, token]) => ({
      field,
      rules: { isWholeOre: `${field} must be whole öre: an integer without decimals or exponent, at most 15 digits (got ${token})` },
    }));
  return errors.length > 0 ? new ValidationFailed(errors) : null;
}

/** Registers the JSON body parser: the whole-öre check, then Fastify's own (prototype-poisoning safe) parser. */
export function useJsonBodyParser(app: NestFastifyApplication, bodyLimit: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parse = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit }, (request: FastifyRequest, body: string | Buffer, done: (error: Error | null, value?: unknown) => void) => {
    const violation = wholeOreViolations(body.toString());
    if (violation) return done(violation);
    parse(request, body.toString(), done);
  });
}
