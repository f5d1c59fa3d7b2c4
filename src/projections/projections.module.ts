import { Controller, Get, Global, Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { AppConfig } from '../platform/config';
import { ApiActor } from '../platform/http/openapi';
import { ALL_PROJECTIONS } from './all-projections';
import { ProjectionRunner } from './projection-runner';
import { openReadDatabase, READ_DATABASE, ReadDatabase } from './read-database';

class ProjectionStatusView {
  @ApiProperty({ example: 'case-board' }) name!: string;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'the last store position applied' }) position!: number | null;
  @ApiProperty({ enum: ['running', 'stopped', 'retrying'] }) state!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) lastError!: string | null;
}

@ApiTags('Read models (läsmodeller)')
@ApiActor()
@Controller('api/projections')
class ProjectionsController {
  constructor(private readonly runner: ProjectionRunner) {}

  @Get()
  @ApiOperation({ operationId: 'projectionStatus', summary: 'Läsmodellernas läge (where each read model has come in the event history)' })
  @ApiResponse({ status: 200, type: [ProjectionStatusView] })
  status(): ProjectionStatusView[] {
    return this.runner.status();
  }
}

/** The read database and the runner that keeps every read model up to date from the event store. */
@Global()
@Module({
  controllers: [ProjectionsController],
  providers: [
    {
      provide: READ_DATABASE,
      inject: [ConfigService],
      useFactory: async (config: ConfigService<AppConfig, true>): Promise<ReadDatabase> => {
        const db = await openReadDatabase({
          DATA_DIR: config.get('DATA_DIR', { infer: true }),
          DATABASE_URL: config.get('DATABASE_URL', { infer: true }),
          DATABASE_SCHEMA: config.get('DATABASE_SCHEMA', { infer: true }),
        });
        new Logger('ReadModels').log(`read models in ${db.description}`);
        return db;
      },
    },
    {
      provide: ProjectionRunner,
      inject: [EVENT_STORE, READ_DATABASE],
      useFactory: (store: EventStore, db: ReadDatabase) => new ProjectionRunner(store, db, ALL_PROJECTIONS, { logger: new Logger('Projections') }),
    },
  ],
  exports: [READ_DATABASE, ProjectionRunner],
})
export class ProjectionsModule implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(READ_DATABASE) private readonly db: ReadDatabase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.prepare();
    this.runner.start();
  }

  /** before the event store closes (onApplicationShutdown) */
  async onModuleDestroy(): Promise<void> {
    await this.runner.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
  }
}
