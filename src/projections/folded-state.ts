import { Kysely } from 'kysely';
import { chunks } from './projection';

/** One row per key: the projection's folded state as JSON. */
export interface FoldedStateRow {
  key: string;
  state: string;
}

/**
 * For projections shaped like an aggregate (a case's board row, an agreement's ledger): the
 * state folded so far is kept in the projection's own table, loaded once per batch for the keys
 * the batch touches and saved in the batch's transaction — so a restart resumes exactly where
 * the checkpoint says, and the domain's own `evolve` can be reused instead of a second copy of
 * its arithmetic.
 */
export class FoldedStates<State> {
  constructor(
    readonly table: string,
    /** for states that are not plain JSON (e.g. immutable collections) */
    private readonly codec: { encode(state: State): unknown; decode(json: unknown): State } = {
      encode: (state) => state,
      decode: (json) => json as State,
    },
  ) {}

  async createSchema<T>(db: Kysely<T>): Promise<void> {
    await this.db(db)
      .schema.createTable(this.table)
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('state', 'text', (c) => c.notNull())
      .execute();
  }

  async load<T>(tx: Kysely<T>, keys: Iterable<string>): Promise<Map<string, State>> {
    const wanted = [...new Set(keys)];
    const out = new Map<string, State>();
    for (const part of chunks(wanted, 1)) {
      const rows = await this.db(tx).selectFrom(this.table).select(['key', 'state']).where('key', 'in', part).execute();
      for (const row of rows) out.set(row.key, this.codec.decode(JSON.parse(row.state)));
    }
    return out;
  }

  async save<T>(tx: Kysely<T>, states: Map<string, State>): Promise<void> {
    const rows = [...states].map(([key, state]) => ({ key, state: JSON.stringify(this.codec.encode(state)) }));
    for (const part of chunks(rows, 2)) {
      await this.db(tx)
        .insertInto(this.table)
        .values(part)
        .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ state: eb.ref('excluded.state') })))
        .execute();
    }
  }

  private db<T>(db: Kysely<T>): Kysely<Record<string, FoldedStateRow>> {
    return db as unknown as Kysely<Record<string, FoldedStateRow>>;
  }
}
