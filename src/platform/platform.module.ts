import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { CLOCK, SystemClock } from './clock';
import { CommandPipeline, defaultPipelineOptions, PIPELINE_OPTIONS } from './command-pipeline';
import { HealthController } from './http/health.controller';
import { ProblemFilter } from './http/problem.filter';
import { ActorGuard } from './http/request-context';
import { Idempotency } from './idempotency';

@Global()
@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [HealthController],
  providers: [
    { provide: CLOCK, useFactory: () => new SystemClock() },
    { provide: PIPELINE_OPTIONS, useValue: defaultPipelineOptions },
    CommandPipeline,
    Idempotency,
    { provide: APP_FILTER, useClass: ProblemFilter },
    { provide: APP_GUARD, useClass: ActorGuard },
  ],
  exports: [CLOCK, CommandPipeline, Idempotency],
})
export class PlatformModule {}
