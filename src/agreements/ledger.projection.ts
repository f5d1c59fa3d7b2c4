import { Kysely, Transaction } from 'kysely';
import { RecordedEvent } from '../event-store/event-store.port';
import { Projection } from '../projections/projection';

/** The tables this projection owns (filled in by its implementation). */
export type LedgerTables = Record<never, never>;

export const ledgerProjection: Projection<LedgerTables> = {
  name: 'allocation-ledger',
  version: 1,
  tables: [],
  async createSchema(_db: Kysely<LedgerTables>): Promise<void> {},
  async apply(_events: RecordedEvent[], _tx: Transaction<LedgerTables>): Promise<void> {},
};
