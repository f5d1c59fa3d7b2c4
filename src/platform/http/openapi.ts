import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse, OpenAPIObject, OperationObject, PathItemObject, SchemaObject } from '@nestjs/swagger';
import { ROLES } from '../actor';
import { ACTOR_HEADERS } from './request-context';

/** The actor headers every operation needs while AUTH_MODE=dev. */
export const ApiActor = () =>
  applyDecorators(
    ApiHeader({ name: ACTOR_HEADERS.user, required: true, example: 'anna.registrator' }),
    ApiHeader({ name: ACTOR_HEADERS.role, required: true, enum: [...ROLES], example: 'registrar' }),
    ApiHeader({ name: ACTOR_HEADERS.organisation, required: true, example: 'region-exempel' }),
  );

/** Every state change takes an Idempotency-Key (Idempotency.run). */
export const ApiIdempotencyKey = () => ApiHeader({ name: 'Idempotency-Key', required: false, description: 'retrying with the same key has effect once' });

const DESCRIPTIONS: Record<number, string> = {
  400: 'invalid input (problem+json, type VALIDATION, BAD-REQUEST or INVALID-HEADER)',
  401: 'no actor (problem+json, type ACTOR-REQUIRED)',
  403: 'the role may not do this (problem+json, type ROLE-READ-ONLY on changes, REGISTER-ROLE on the registers, AUDIT-ROLE on the audit log and the auditor’s tools)',
  404: 'not found (problem+json, type NOT-FOUND)',
  409: 'conflict (problem+json, type CONCURRENCY-CONFLICT)',
  413: 'body over 2 MiB (problem+json, type PAYLOAD-TOO-LARGE)',
  415: 'body not application/json (problem+json, type UNSUPPORTED-MEDIA-TYPE)',
  422: 'refused by a rule (problem+json, type = the rule id)',
};

export const ApiProblems = (...statuses: number[]) =>
  applyDecorators(...statuses.map((status) => ApiResponse({ status, description: DESCRIPTIONS[status] })));

/** The body of every error answer (see ProblemBody in problem.filter.ts). */
export const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'instance', 'messages'],
  properties: {
    type: { type: 'string', description: 'the rule id or error kind', example: 'KL-6-27' },
    title: { type: 'string', description: 'in Swedish, or English with Accept-Language: en' },
    status: { type: 'integer', example: 422 },
    detail: { type: 'string' },
    instance: { type: 'string', description: 'the request path', example: '/api/cases' },
    messages: {
      type: 'object',
      required: ['sv', 'en'],
      properties: { sv: { type: 'string' }, en: { type: 'string' } },
    },
    errors: {
      type: 'array',
      description: 'with type VALIDATION: each refused field and the rules it broke',
      items: {
        type: 'object',
        required: ['field', 'rules'],
        properties: {
          field: { type: 'string', example: 'totalOre' },
          rules: { type: 'object', additionalProperties: { type: 'string' } },
        },
      },
    },
  },
  additionalProperties: true,
};

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const READS = new Set<string>(['get', 'head', 'options']);

const needsActor = (operation: OperationObject): boolean =>
  (operation.parameters ?? []).some((p) => 'in' in p && p.in === 'header' && p.name.toLowerCase() === ACTOR_HEADERS.user);

/**
 * What every operation can answer whatever its controller declared, added in one place: the actor
 * guard (400 INVALID-HEADER, 401, 403 ROLE-READ-ONLY on writes) and the body parser (413, 415);
 * and every 4xx described as application/problem+json with the Problem schema.
 */
export function documentProblems(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Problem: PROBLEM_SCHEMA } };
  const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
  for (const item of Object.values(document.paths) as PathItemObject[]) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const implied = [
        ...(needsActor(operation) ? [400, 401] : []),
        ...(needsActor(operation) && !READS.has(method) ? [403] : []),
        ...(READS.has(method) ? [] : [415]),
        ...(operation.requestBody ? [413] : []),
      ];
      for (const status of implied) operation.responses[status] ??= { description: DESCRIPTIONS[status] };
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!/^4\d\d$/.test(status) || !response || '$ref' in response) continue;
        response.description ||= DESCRIPTIONS[Number(status)] ?? 'problem+json';
        response.content = problem;
      }
    }
  }
  return document;
}
