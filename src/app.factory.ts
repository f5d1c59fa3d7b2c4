import { LogLevel, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { CLOCK, Clock } from './platform/clock';
import { useJsonBodyParser } from './platform/http/json-body';
import { documentProblems } from './platform/http/openapi';
import { sendProblem } from './platform/http/problem.filter';
import { validationPipe } from './platform/http/validation';

export interface AppOptions {
  /** configuration instead of process.env */
  env?: Record<string, string | undefined>;
  /** a clock tests control */
  clock?: Clock;
  extra?: Type[];
  /** false: silent; otherwise the lowest level logged */
  logger?: false | LogLevel;
}

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
const upTo = (level: false | LogLevel | undefined): false | LogLevel[] =>
  level === false ? false : LEVELS.slice(0, LEVELS.indexOf(level ?? 'log') + 1);

/** Builds the HTTP application exactly as `npm start` runs it; tests and benchmarks use the same. */
export async function createApp(options: AppOptions = {}): Promise<NestFastifyApplication> {
  const module = AppModule.register({ env: options.env, extra: options.extra });
  const bodyLimit = 2 * 1024 * 1024;
  const adapter = new FastifyAdapter({
    bodyLimit,
    // ids longer than Fastify's default 100 characters reach the app and its pipes (400/404 problem+json)
    routerOptions: { maxParamLength: 500 },
    // what the router refuses before Nest sees the request (414, a malformed URL) is problem+json too
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => sendProblem(error, request, reply),
  });
  let app: NestFastifyApplication;
  if (options.clock) {
    const testing = await Test.createTestingModule({ imports: [module] })
      .overrideProvider(CLOCK)
      .useValue(options.clock)
      .compile();
    app = testing.createNestApplication<NestFastifyApplication>(adapter, { logger: upTo(options.logger), bodyParser: false });
  } else {
    app = await NestFactory.create<NestFastifyApplication>(module, adapter, { logger: upTo(options.logger), bodyParser: false });
  }
  useJsonBodyParser(app, bodyLimit);
  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();
  const description = new DocumentBuilder()
    .setTitle('Fördela')
    .setDescription('Ärenden, beslut, delegation och fördelning av statsbidrag — cases, decisions, delegation and state-grant allocation')
    .setVersion('0.1.0')
    .build();
  const document = documentProblems(SwaggerModule.createDocument(app, description));
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
