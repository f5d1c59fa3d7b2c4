import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  AppendResult,
  DuplicateEventIdError,
  EventHandler,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  JsonObject,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  WrongExpectedRevisionError,
} from '../event-store.port';
import { validateAppend } from '../append-validation';
import { startPollingSubscription } from '../polling-subscription';

export type SqliteSynchronous = 'FULL' | 'NORMAL' | 'OFF';

export interface SqliteEventStoreOptions {
  /** path of the database file; ':memory:' for tests that need no durability */
  file: string;
  /** FULL (default): an acknowledged append survives power loss. */
  synchronous?: SqliteSynchronous;
  /** most appends committed in one transaction */
  maxBatch?: number;
}

interface Row {
  position: number;
  id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  recorded_at: number;
}

interface PendingAppend {
  streamId: string;
  events: EventToAppend[];
  expected: ExpectedRevision;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

const PAGE = 1000;

const SCHEMA = `
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

/**
 * The embedded event store: one SQLite file in WAL mode.
 *
 * SQLite has one writer and better-sqlite3 is synchronous, so appends are queued and the queue is
 * committed in one transaction on the next turn of the event loop (group commit): N concurrent
 * appends cost one fsync, not N. Each append is still checked on its own, inside its own
 * savepoint, against the stream as the earlier appends of the same batch left it, so a conflict
 * refuses exactly that append and writes nothing of it.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private readonly listeners = new Set<() => void>();
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;
  private readonly maxBatch: number;
  private readonly stmt: ReturnType<SqliteEventStore['prepare']>;

  constructor(options: SqliteEventStoreOptions) {
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.maxBatch = options.maxBatch ?? 2000;
    this.stmt = this.prepare();
  }

  private prepare() {
    const cols = 'position, id, stream_id, revision, type, data, metadata, recorded_at';
    return {
      head: this.db.prepare<[string], { revision: number }>(
        'SELECT revision FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
      ),
      byId: this.db.prepare<[string], Row>(`SELECT ${cols} FROM events WHERE id = ?`),
      atRevision: this.db.prepare<[string, number], Row>(
        `SELECT ${cols} FROM events WHERE stream_id = ? AND revision = ?`,
      ),
      insert: this.db.prepare(
        'INSERT INTO events (id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      forwards: this.db.prepare<[string, number, number], Row>(
        `SELECT ${cols} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
      ),
      backwards: this.db.prepare<[string, number, number], Row>(
        `SELECT ${cols} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
      ),
      all: this.db.prepare<[number, number], Row>(
        `SELECT ${cols} FROM events WHERE position > ? ORDER BY position ASC LIMIT ?`,
      ),
    };
  }

  append(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error('event store is closed'));
    validateAppend(streamId, events, expected);
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ streamId, events, expected, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.queue.splice(0, this.maxBatch);
    if (this.queue.length > 0) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
    if (batch.length === 0) return;
    const now = Date.now();
    let outcomes: Array<{ ok: true; result: AppendResult } | { ok: false; error: unknown }>;
    try {
      outcomes = this.db.transaction(() =>
        batch.map((request) => {
          try {
            // a nested transaction is a savepoint: a refused append leaves nothing behind
            return { ok: true as const, result: this.db.transaction(() => this.appendOne(request, now))() };
          } catch (error) {
            return { ok: false as const, error };
          }
        }),
      )();
    } catch (error) {
      // the commit itself failed (disk full, I/O error): nothing of the batch is acknowledged
      for (const request of batch) request.reject(error);
      return;
    }
    batch.forEach((request, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) request.resolve(outcome.result);
      else request.reject(outcome.error);
    });
    for (const listener of this.listeners) listener();
  }

  private appendOne(request: PendingAppend, now: number): AppendResult {
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
    if (!ok) throw new WrongExpectedRevisionError(streamId, expected, current === -1 ? 'no_stream' : current);
    let position = 0;
    events.forEach((event, i) => {
      if (this.stmt.byId.get(event.id)) throw new DuplicateEventIdError(streamId, event.id);
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
  private findRetriedAppend({ streamId, events, expected }: PendingAppend): AppendResult | undefined {
    const first = this.stmt.byId.get(events[0].id);
    if (!first) return undefined;
    if (first.stream_id !== streamId) throw new DuplicateEventIdError(streamId, events[0].id);
    const placeMatches =
      expected === 'any' ||
      expected === 'stream_exists' ||
      (expected === 'no_stream' && first.revision === 0) ||
      expected === first.revision - 1;
    let last = first;
    const allMatch = events.every((event, i) => {
      const stored = this.stmt.atRevision.get(streamId, first.revision + i);
      if (stored?.id !== event.id) return false;
      last = stored;
      return true;
    });
    if (!allMatch) throw new DuplicateEventIdError(streamId, events[0].id);
    if (!placeMatches) {
      const head = this.stmt.head.get(streamId);
      throw new WrongExpectedRevisionError(streamId, expected, head ? head.revision : 'no_stream');
    }
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const max = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const rows =
      options.direction === 'backwards'
        ? this.stmt.backwards.all(streamId, options.fromRevision ?? Number.MAX_SAFE_INTEGER, max)
        : this.stmt.forwards.all(streamId, options.fromRevision ?? 0, max);
    return rows.map(toRecorded);
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    let after = options.after ?? 0;
    let remaining = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    while (remaining > 0) {
      const rows = this.stmt.all.all(after, Math.min(PAGE, remaining));
      for (const row of rows) yield toRecorded(row);
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1].position;
      remaining -= rows.length;
    }
  }

  /** Pages from the checkpoint; woken at once by this process's commits, and by polling for other processes'. */
  subscribeToAll(options: SubscribeOptions, handler: EventHandler): Subscription {
    const subscription = startPollingSubscription({
      after: options.after ?? 0,
      readPage: async (after) => this.stmt.all.all(after, PAGE).map(toRecorded),
      onCommit: (wake) => {
        this.listeners.add(wake);
        return () => this.listeners.delete(wake);
      },
      handler,
    });
    this.subscriptions.add(subscription);
    void subscription.done.finally(() => this.subscriptions.delete(subscription)).catch(() => undefined);
    return subscription;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    while (this.queue.length > 0 || this.flushScheduled) await new Promise((r) => setImmediate(r));
    this.db.close();
  }
}

function toRecorded(row: Row): RecordedEvent {
  return {
    id: row.id,
    streamId: row.stream_id,
    type: row.type,
    data: JSON.parse(row.data) as JsonObject,
    metadata: JSON.parse(row.metadata) as JsonObject,
    revision: row.revision,
    position: row.position,
    recordedAt: new Date(row.recorded_at),
  };
}
