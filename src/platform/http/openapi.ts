import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { ROLES } from '../actor';
import { ACTOR_HEADERS } from './request-context';

/** The actor headers every operation needs while AUTH_MODE=dev. */
export const ApiActor = () =>
  applyDecorators(
    ApiHeader({ name: ACTOR_HEADERS.user, required: true, example: 'anna.registrator' }),
    ApiHeader({ name: ACTOR_HEADERS.role, required: true, enum: [...ROLES], example: 'registrar' }),
    ApiHeader({ name: ACTOR_HEADERS.organisation, required: true, example: 'region-exempel' }),
  );

const DESCRIPTIONS: Record<number, string> = {
  400: 'invalid input (problem+json, type VALIDATION or INVALID-HEADER)',
  401: 'no actor (problem+json, type ACTOR-REQUIRED)',
  404: 'not found (problem+json, type NOT-FOUND)',
  409: 'conflict (problem+json, type CONCURRENCY-CONFLICT)',
  422: 'refused by a rule (problem+json, type = the rule id)',
};

export const ApiProblems = (...statuses: number[]) =>
  applyDecorators(...statuses.map((status) => ApiResponse({ status, description: DESCRIPTIONS[status] })));
