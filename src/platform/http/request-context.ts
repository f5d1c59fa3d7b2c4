import { CanActivate, createParamDecorator, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { Actor, Role, ROLES } from '../actor';
import { CommandEnvelope } from '../command-pipeline';
import { requireWriteAccess } from '../access.rules';
import { Problem } from '../errors';
import { SLUG } from './validators';

/** Headers that carry the actor while AUTH_MODE=dev (before authentication lands). */
export const ACTOR_HEADERS = { user: 'x-user-id', role: 'x-user-role', organisation: 'x-organisation-id' } as const;

export interface RequestContext {
  actor: Actor;
  /** from the Idempotency-Key header; a fresh id when the client sent none */
  commandId: string;
  correlationId: string;
  /** builds the envelope of a command taken in this request */
  envelope(commandType: string): CommandEnvelope;
}

const KEY = /^[\x21-\x7e]{1,200}$/;

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function badHeader(name: string, sv: string, en: string): Problem {
  return new Problem('INVALID-HEADER', 400, sv, en, { header: name });
}

export function readActor(request: FastifyRequest): Actor {
  const userId = header(request, ACTOR_HEADERS.user);
  const role = header(request, ACTOR_HEADERS.role);
  const organisationId = header(request, ACTOR_HEADERS.organisation);
  if (!userId || !role || !organisationId) {
    throw new Problem(
      'ACTOR-REQUIRED',
      401,
      `Ange användare, roll och organisation (${Object.values(ACTOR_HEADERS).join(', ')}).`,
      `Say who you are: user, role and organisation (${Object.values(ACTOR_HEADERS).join(', ')}).`,
    );
  }
  if (userId.length > 100) throw badHeader(ACTOR_HEADERS.user, 'Användar-id är för långt.', 'The user id is too long.');
  if (!(ROLES as readonly string[]).includes(role)) {
    throw badHeader(ACTOR_HEADERS.role, `Okänd roll. Giltiga: ${ROLES.join(', ')}.`, `Unknown role. Valid: ${ROLES.join(', ')}.`);
  }
  if (!SLUG.test(organisationId)) {
    throw badHeader(
      ACTOR_HEADERS.organisation,
      'Organisations-id: gemener, siffror och bindestreck.',
      'Organisation id: lower-case letters, digits and hyphens.',
    );
  }
  return { userId, role: role as Role, organisationId };
}

export function readRequestContext(request: FastifyRequest): RequestContext {
  const actor = readActor(request);
  const key = header(request, 'idempotency-key');
  if (key !== undefined && !KEY.test(key)) {
    throw badHeader('idempotency-key', 'Idempotency-Key: 1–200 synliga tecken.', 'Idempotency-Key: 1–200 visible characters.');
  }
  const commandId = key ?? randomUUID();
  const correlationId = header(request, 'x-correlation-id') ?? commandId;
  return {
    actor,
    commandId,
    correlationId,
    envelope: (commandType) => ({ commandId, retryable: key !== undefined, commandType, actor, correlationId, causationId: commandId }),
  };
}

/** The actor, command id and correlation id of this request. */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  readRequestContext(context.switchToHttp().getRequest<FastifyRequest>()),
);

const PUBLIC = 'fordela:public';
/** Marks a route that needs no actor (health). */
export const Public = () => SetMetadata(PUBLIC, true);

/** Every request names its actor (401 otherwise), and read-only roles only read (ROLE-READ-ONLY), before any handler runs. */
@Injectable()
export class ActorGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const open = this.reflector.getAllAndOverride<boolean>(PUBLIC, [context.getHandler(), context.getClass()]);
    if (open) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    requireWriteAccess(readActor(request).role, request.method);
    return true;
  }
}
