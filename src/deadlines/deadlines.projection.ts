import { Kysely, Transaction } from 'kysely';
import { RecordedEvent } from '../event-store/event-store.port';
import { Projection } from '../projections/projection';

/** The tables this projection owns (filled in by its implementation). */
export type DeadlinesTables = Record<never, never>;

export const deadlinesProjection: Projection<DeadlinesTables> = {
  name: 'deadlines',
  version: 1,
  tables: [],
  async createSchema(_db: Kysely<DeadlinesTables>): Promise<void> {},
  async apply(_events: RecordedEvent[], _tx: Transaction<DeadlinesTables>): Promise<void> {},
};
