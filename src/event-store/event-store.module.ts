import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { join } from 'node:path';
import { AppConfig } from '../platform/config';
import { EVENT_STORE, EventStore } from './event-store.port';
import { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

/** KURRENTDB_URL selects KurrentDB; otherwise the embedded SQLite file under DATA_DIR. */
export function openEventStore(config: Pick<AppConfig, 'KURRENTDB_URL' | 'DATA_DIR' | 'SQLITE_SYNCHRONOUS'>): EventStore {
  const logger = new Logger('EventStore');
  if (config.KURRENTDB_URL) {
    logger.log(`KurrentDB at ${config.KURRENTDB_URL.replace(/\/\/[^@/]*@/, '//***@')}`);
    return new KurrentDbEventStore(config.KURRENTDB_URL);
  }
  const file = join(config.DATA_DIR, 'events.db');
  logger.log(`embedded SQLite at ${file} (synchronous=${config.SQLITE_SYNCHRONOUS})`);
  return new SqliteEventStore({ file, synchronous: config.SQLITE_SYNCHRONOUS });
}

@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) =>
        openEventStore({
          KURRENTDB_URL: config.get('KURRENTDB_URL', { infer: true }),
          DATA_DIR: config.get('DATA_DIR', { infer: true }),
          SQLITE_SYNCHRONOUS: config.get('SQLITE_SYNCHRONOUS', { infer: true }),
        }),
    },
  ],
  exports: [EVENT_STORE],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
