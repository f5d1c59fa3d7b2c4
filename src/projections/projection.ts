import { Kysely, Transaction } from 'kysely';
import { RecordedEvent } from '../event-store/event-store.port';

/**
 * A read model fed from the store's subscription (never from the in-process event bus).
 *
 * `apply` receives the events of one batch in store order and writes through the transaction it
 * is given; the runner moves the projection's checkpoint in that same transaction, so a crash
 * leaves either the whole batch and its checkpoint or neither. `apply` must be deterministic (it
 * reads no clock: times come from the events), so a restart and a rebuild end in the same rows.
 *
 * `Tables` is the projection's own part of the read database (a Kysely table interface).
 */
export interface Projection<Tables = unknown> {
  /** kebab-case, e.g. `case-board`; `npm run projections -- rebuild case-board` */
  readonly name: string;
  /** raise it whenever what the projection writes changes: the projection is then rebuilt from zero */
  readonly version: number;
  /** every table the projection owns: dropped and recreated on a rebuild */
  readonly tables: ReadonlyArray<keyof Tables & string>;
  /** creates the tables and their indexes (within the rebuild's transaction) */
  createSchema(db: Kysely<Tables>): Promise<void>;
  apply(events: RecordedEvent[], tx: Transaction<Tables>): Promise<void>;
}

/** A projection with its table types erased, so the runner can keep all of them in one list. */
export interface AnyProjection {
  readonly name: string;
  readonly version: number;
  readonly tables: ReadonlyArray<string>;
  createSchema(db: Kysely<unknown>): Promise<void>;
  apply(events: RecordedEvent[], tx: Transaction<unknown>): Promise<void>;
}

export function erased<Tables>(projection: Projection<Tables>): AnyProjection {
  return projection as unknown as AnyProjection;
}

/** The stream category of an event: `case` for `case-…`, `meeting` for `meeting-…`. */
export function categoryOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash === -1 ? streamId : streamId.slice(0, dash);
}

/** The id part of a stream id: `case-<id>` → `<id>`. */
export function idOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash === -1 ? '' : streamId.slice(dash + 1);
}

/** Splits rows into chunks small enough for one statement on both databases (SQLite: 32 766 variables). */
export function chunks<T>(rows: T[], columnsPerRow: number): T[][] {
  const size = Math.max(1, Math.floor(30_000 / Math.max(1, columnsPerRow)));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
