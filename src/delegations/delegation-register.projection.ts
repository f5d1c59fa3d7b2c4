import { Kysely, Transaction } from 'kysely';
import { RecordedEvent } from '../event-store/event-store.port';
import { Projection } from '../projections/projection';

/** The tables this projection owns (filled in by its implementation). */
export type DelegationRegisterTables = Record<never, never>;

export const delegationRegisterProjection: Projection<DelegationRegisterTables> = {
  name: 'delegation-register',
  version: 1,
  tables: [],
  async createSchema(_db: Kysely<DelegationRegisterTables>): Promise<void> {},
  async apply(_events: RecordedEvent[], _tx: Transaction<DelegationRegisterTables>): Promise<void> {},
};
