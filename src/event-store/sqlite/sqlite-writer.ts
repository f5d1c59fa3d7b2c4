import Database from 'better-sqlite3';
import { AppendResult, EventToAppend, ExpectedRevision } from '../event-store.port';

export type SqliteSynchronous = 'FULL' | 'NORMAL' | 'OFF';

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position    INTEGER PRIMARY KEY,
  id          TEXT    NOT NULL UNIQUE,
  stream_id   TEXT    NOT NULL,
  revision    INTEGER NOT NULL,
  type        TEXT    NOT NULL,
  data        TEXT    NOT NULL,
  metadata    TEXT    NOT NULL,
  recorded_at INTEGER NOT NULL,
  UNIQUE (stream_id, revision)
);`;

export interface AppendRequest {
  streamId: string;
  events: EventToAppend[];
  expected: ExpectedRevision;
}

/** Crosses the thread boundary as plain data; the store turns refusals back into the port's errors. */
export type Refusal =
  | { kind: 'wrong-expected-revision'; streamId: string; expected: ExpectedRevision; actual: number | 'no_stream' }
  | { kind: 'duplicate-event-id'; streamId: string; eventId: string };

export type AppendOutcome = { ok: true; result: AppendResult } | { ok: false; refusal: Refusal };

class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.kind);
  }
}

interface Located {
  stream_id: string;
  revision: number;
  position: number;
}

/**
 * The single writer of the SQLite file. `commit` writes a batch of appends in one transaction
 * (one fsync). Every append is fully checked before any of its rows is written, so a refused append
 * leaves nothing behind without a savepoint; a failure while writing aborts the whole batch.
 */
export class SqliteWriter {
  private readonly db: Database.Database;
  private readonly stmt;
  private readonly commitBatch: (batch: AppendRequest[], now: number) => AppendOutcome[];

  constructor(file: string, synchronous: SqliteSynchronous) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${synchronous}`);
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.stmt = {
      head: this.db.prepare<[string], { revision: number }>(
        'SELECT revision FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
      ),
      byId: this.db.prepare<[string], Located>('SELECT stream_id, revision, position FROM events WHERE id = ?'),
      idAt: this.db.prepare<[string, number], { id: string; position: number }>(
        'SELECT id, position FROM events WHERE stream_id = ? AND revision = ?',
      ),
      insert: this.db.prepare(
        'INSERT INTO events (id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
    };
    this.commitBatch = this.db.transaction((batch: AppendRequest[], now: number) =>
      batch.map((request): AppendOutcome => {
        try {
          return { ok: true, result: this.appendOne(request, now) };
        } catch (error) {
          if (error instanceof Refused) return { ok: false, refusal: error.refusal };
          throw error;
        }
      }),
    );
  }

  /** Throws when the transaction fails as a whole (disk full, I/O error): nothing was committed. */
  commit(batch: AppendRequest[]): AppendOutcome[] {
    return this.commitBatch(batch, Date.now());
  }

  close(): void {
    this.db.close();
  }

  private appendOne(request: AppendRequest, now: number): AppendResult {
    const { streamId, events, expected } = request;
    const retried = this.findRetriedAppend(request);
    if (retried) return retried;
    const head = this.stmt.head.get(streamId);
    const current = head ? head.revision : -1;
    const ok =
      expected === 'any' ||
      (expected === 'no_stream' && current === -1) ||
      (expected === 'stream_exists' && current >= 0) ||
      expected === current;
    if (!ok) {
      throw new Refused({ kind: 'wrong-expected-revision', streamId, expected, actual: current === -1 ? 'no_stream' : current });
    }
    for (const event of events) {
      if (this.stmt.byId.get(event.id)) throw new Refused({ kind: 'duplicate-event-id', streamId, eventId: event.id });
    }
    // from here on nothing is refused: an exception aborts the whole batch
    let position = 0;
    events.forEach((event, i) => {
      const info = this.stmt.insert.run(
        event.id,
        streamId,
        current + 1 + i,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        now,
      );
      position = Number(info.lastInsertRowid);
    });
    return { nextExpectedRevision: current + events.length, position };
  }

  /**
   * A batch whose ids are already stored, in order, where this expectation would have put them is
   * a retry of an append that succeeded: answer with the first result and write nothing.
   */
  private findRetriedAppend({ streamId, events, expected }: AppendRequest): AppendResult | undefined {
    const first = this.stmt.byId.get(events[0].id);
    if (!first) return undefined;
    if (first.stream_id !== streamId) throw new Refused({ kind: 'duplicate-event-id', streamId, eventId: events[0].id });
    let position = first.position;
    const allMatch = events.every((event, i) => {
      const stored = this.stmt.idAt.get(streamId, first.revision + i);
      if (stored?.id !== event.id) return false;
      position = stored.position;
      return true;
    });
    if (!allMatch) throw new Refused({ kind: 'duplicate-event-id', streamId, eventId: events[0].id });
    const placeMatches =
      expected === 'any' ||
      expected === 'stream_exists' ||
      (expected === 'no_stream' && first.revision === 0) ||
      expected === first.revision - 1;
    if (!placeMatches) {
      const head = this.stmt.head.get(streamId);
      throw new Refused({ kind: 'wrong-expected-revision', streamId, expected, actual: head ? head.revision : 'no_stream' });
    }
    return { nextExpectedRevision: first.revision + events.length - 1, position };
  }
}
