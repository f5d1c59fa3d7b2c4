import { Kysely, Transaction } from 'kysely';
import { RecordedEvent } from '../event-store/event-store.port';
import { Projection } from '../projections/projection';

/** The tables this projection owns (filled in by its implementation). */
export type AuditLogTables = Record<never, never>;

export const auditLogProjection: Projection<AuditLogTables> = {
  name: 'audit-log',
  version: 1,
  tables: [],
  async createSchema(_db: Kysely<AuditLogTables>): Promise<void> {},
  async apply(_events: RecordedEvent[], _tx: Transaction<AuditLogTables>): Promise<void> {},
};
