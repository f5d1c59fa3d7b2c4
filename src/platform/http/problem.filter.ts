import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Problem, ValidationFailed } from '../errors';

/** The one shape of every error answer: RFC 9457 problem+json, in Swedish unless the client asks for English. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  messages: { sv: string; en: string };
  errors?: ValidationFailed['errors'];
  [extension: string]: unknown;
}

const HTTP_TYPES: Record<number, { type: string; sv: string; en: string }> = {
  400: { type: 'BAD-REQUEST', sv: 'Felaktig begäran.', en: 'Bad request.' },
  401: { type: 'ACTOR-REQUIRED', sv: 'Okänd användare.', en: 'Unknown user.' },
  403: { type: 'FORBIDDEN', sv: 'Åtkomst nekad.', en: 'Access denied.' },
  404: { type: 'NOT-FOUND', sv: 'Finns inte.', en: 'Not found.' },
  405: { type: 'METHOD-NOT-ALLOWED', sv: 'Metoden stöds inte.', en: 'Method not allowed.' },
  413: { type: 'PAYLOAD-TOO-LARGE', sv: 'Begäran är för stor.', en: 'Payload too large.' },
  414: { type: 'URI-TOO-LONG', sv: 'Adressen är för lång.', en: 'URI too long.' },
  415: { type: 'UNSUPPORTED-MEDIA-TYPE', sv: 'Innehållstypen stöds inte.', en: 'Unsupported media type.' },
};

const logger = new Logger('Problem');

/**
 * Answers the exception as problem+json. Used by the filter and for the errors Fastify's router
 * raises before Nest sees the request (e.g. 414 from an over-long path parameter).
 */
export function sendProblem(exception: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const english = /^en\b/i.test(String(request.headers['accept-language'] ?? ''));
  const body = toBody(exception, request.url);
  if (body.status >= 500) logger.error(exception instanceof Error ? exception.stack : String(exception));
  const { sv, en } = body.messages;
  body.title = english ? en : sv;
  body.detail = english ? en : sv;
  void reply.status(body.status).header('content-type', 'application/problem+json; charset=utf-8').send(body);
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(exception, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
  }
}

function toBody(exception: unknown, instance: string): ProblemBody {
  if (exception instanceof Problem) {
    return {
      // extension members first: they can never overwrite the standard ones
      ...exception.details,
      type: exception.ruleId,
      title: '',
      status: exception.status,
      detail: '',
      instance,
      messages: { sv: exception.sv, en: exception.en },
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const known = HTTP_TYPES[status] ?? { type: `HTTP-${status}`, sv: 'Fel i begäran.', en: exception.message };
    return { type: known.type, title: '', status, detail: '', instance, messages: { sv: known.sv, en: known.en } };
  }
  const fastifyStatus = (exception as { statusCode?: unknown })?.statusCode;
  if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
    // e.g. a body that is not JSON, too large, or of another media type, rejected by Fastify before any handler ran
    const known = HTTP_TYPES[fastifyStatus] ?? HTTP_TYPES[400];
    return { type: known.type, title: '', status: fastifyStatus, detail: '', instance, messages: { sv: known.sv, en: known.en } };
  }
  return {
    type: 'INTERNAL',
    title: '',
    status: 500,
    detail: '',
    instance,
    messages: { sv: 'Ett internt fel inträffade.', en: 'An internal error occurred.' },
  };
}
