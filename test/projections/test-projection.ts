import { Kysely, Transaction } from 'kysely';
import { RecordedEvent } from '../../src/event-store/event-store.port';
import { Projection } from '../../src/projections/projection';

export interface CountTables {
  rm_test_applied: { position: number; stream_id: string };
  rm_test_counts: { stream_id: string; events: number };
}

/**
 * A projection that would notice any double application: every applied position is a primary
 * key (a second apply of the same event fails the batch), and per-stream counts must equal the
 * store's.
 */
export function countingProjection(
  options: {
    version?: number;
    failOn?: (event: RecordedEvent) => boolean;
    /** false: no primary key on applied positions, so only the runner's checkpoint stands between an event and a second count */
    guard?: boolean;
  } = {},
): Projection<CountTables> {
  return {
    name: 'test-counts',
    version: options.version ?? 1,
    tables: ['rm_test_applied', 'rm_test_counts'],
    async createSchema(db: Kysely<CountTables>) {
      await db.schema
        .createTable('rm_test_applied')
        .addColumn('position', 'bigint', (c) => c.primaryKey())
        .addColumn('stream_id', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('rm_test_counts')
        .addColumn('stream_id', 'text', (c) => c.primaryKey())
        .addColumn('events', 'integer', (c) => c.notNull())
        .execute();
    },
    async apply(events: RecordedEvent[], tx: Transaction<CountTables>) {
      const failing = events.find((e) => options.failOn?.(e));
      // written before the failure, so a test can see the transaction roll it back
      if (options.guard !== false) {
        await tx
          .insertInto('rm_test_applied')
          .values(events.map((e) => ({ position: e.position, stream_id: e.streamId })))
          .execute();
      }
      if (failing) throw new Error(`test projection refuses event at ${failing.position}`);
      const counts = new Map<string, number>();
      for (const e of events) counts.set(e.streamId, (counts.get(e.streamId) ?? 0) + 1);
      const current = await tx.selectFrom('rm_test_counts').selectAll().where('stream_id', 'in', [...counts.keys()]).execute();
      for (const row of current) counts.set(row.stream_id, row.events + (counts.get(row.stream_id) ?? 0));
      await tx
        .insertInto('rm_test_counts')
        .values([...counts].map(([stream_id, n]) => ({ stream_id, events: n })))
        .onConflict((oc) => oc.column('stream_id').doUpdateSet((eb) => ({ events: eb.ref('excluded.events') })))
        .execute();
    },
  };
}

/** Every table of the given read models, rows sorted, for comparing two databases. */
export async function dumpTables(db: Kysely<unknown>, tables: string[]): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  const any = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  for (const table of tables) {
    const rows = await any.selectFrom(table).selectAll().execute();
    out[table] = rows.map((row) => JSON.stringify(row, Object.keys(row).sort())).sort();
  }
  return out;
}
