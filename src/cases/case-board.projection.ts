import { Kysely, Transaction } from 'kysely';
import { RecordedEvent } from '../event-store/event-store.port';
import { Projection } from '../projections/projection';

/** The tables this projection owns (filled in by its implementation). */
export type CaseBoardTables = Record<never, never>;

export const caseBoardProjection: Projection<CaseBoardTables> = {
  name: 'case-board',
  version: 1,
  tables: [],
  async createSchema(_db: Kysely<CaseBoardTables>): Promise<void> {},
  async apply(_events: RecordedEvent[], _tx: Transaction<CaseBoardTables>): Promise<void> {},
};
