import { Kysely, Transaction } from 'kysely';
import { RecordedEvent } from '../event-store/event-store.port';
import { Projection } from '../projections/projection';

/** The tables this projection owns (filled in by its implementation). */
export type DecisionRegisterTables = Record<never, never>;

export const decisionRegisterProjection: Projection<DecisionRegisterTables> = {
  name: 'decision-register',
  version: 1,
  tables: [],
  async createSchema(_db: Kysely<DecisionRegisterTables>): Promise<void> {},
  async apply(_events: RecordedEvent[], _tx: Transaction<DecisionRegisterTables>): Promise<void> {},
};
