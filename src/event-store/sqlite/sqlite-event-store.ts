import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
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
  UnreadableEventError,
  WrongExpectedRevisionError,
} from '../event-store.port';
import { validateAppend } from '../append-validation';
import { OpenSubscriptions } from '../open-subscriptions';
import { startPollingSubscription } from '../polling-subscription';
import { Refusal, SCHEMA, SqliteSynchronous } from './sqlite-writer';
import type { WriterOptions, WriterReply, WriterRequest } from './sqlite-writer.worker';

export type { SqliteSynchronous } from './sqlite-writer';

export interface SqliteEventStoreOptions {
  /** path of the database file */
  file: string;
  /** FULL (default): an acknowledged append survives power loss. */
  synchronous?: SqliteSynchronous;
  /** most appends committed in one transaction */
  maxBatch?: number;
  /**
   * Open an existing file read-only, without the writer thread: the auditor's CLI reads next to a
   * running service (WAL readers never block the writer, nor it them). Appends are refused.
   */
  readonly?: boolean;
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

interface Pending {
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

const PAGE = 1000;

/** The compiled worker next to this file; from TypeScript sources (tests, ts-node) it compiles itself. */
function startWriter(options: WriterOptions): Worker {
  const workerData = { fordelaSqliteWriter: options };
  const compiled = join(__dirname, 'sqlite-writer.worker.js');
  if (existsSync(compiled)) return new Worker(compiled, { workerData });
  return new Worker(join(__dirname, 'sqlite-writer.worker.ts'), {
    workerData,
    execArgv: ['-r', 'ts-node/register/transpile-only'],
  });
}

function toError(refusal: Refusal): Error {
  return refusal.kind === 'wrong-expected-revision'
    ? new WrongExpectedRevisionError(refusal.streamId, refusal.expected, refusal.actual)
    : new DuplicateEventIdError(refusal.streamId, refusal.eventId);
}

/**
 * The embedded event store: one SQLite file in WAL mode.
 *
 * Writes happen on a writer thread (`sqlite-writer.worker.ts`), so the fsync of a commit never
 * blocks the event loop that serves requests. Appends that arrive while a transaction is in
 * flight are committed together in the next one (group commit): N concurrent appends cost one
 * fsync, not N. Each append is still checked on its own against the stream as the earlier appends
 * of the same batch left it, so a conflict refuses exactly that append and writes nothing of it.
 * Reads use this thread's own connection: WAL readers see every committed transaction and never
 * wait for the writer.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  /** null when read-only */
  private readonly writer: Worker | null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private writerFailure: Error | undefined;
  private readonly writerClosed: Promise<void>;
  private readonly listeners = new Set<() => void>();
  private readonly subscriptions = new OpenSubscriptions();
  private closed = false;
  private readonly stmt: ReturnType<SqliteEventStore['prepare']>;

  constructor(options: SqliteEventStoreOptions) {
    if (options.readonly) {
      this.db = new Database(options.file, { readonly: true, fileMustExist: true });
      this.db.pragma('busy_timeout = 5000');
      this.stmt = this.prepare();
      this.writer = null;
      this.writerClosed = Promise.resolve();
      return;
    }
    mkdirSync(dirname(options.file), { recursive: true });
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    // this connection only reads; the writer thread is the one writer
    this.db.pragma('query_only = true');
    this.stmt = this.prepare();
    const writer = startWriter({
      file: options.file,
      synchronous: options.synchronous ?? 'FULL',
      maxBatch: options.maxBatch ?? 2000,
    });
    this.writer = writer;
    writer.unref();
    writer.on('message', (reply: WriterReply) => this.onReply(reply));
    this.writerClosed = new Promise((resolve) => {
      writer.on('error', (error) => this.failWriter(error));
      writer.on('exit', (code) => {
        if (!this.closed) this.failWriter(new Error(`SQLite writer thread exited (code ${code})`));
        resolve();
      });
    });
  }

  private prepare() {
    const cols = 'position, id, stream_id, revision, type, data, metadata, recorded_at';
    return {
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
    const writer = this.writer;
    if (!writer) return Promise.reject(new Error('event store is open read-only: appends are refused'));
    if (this.writerFailure) return Promise.reject(this.writerFailure);
    validateAppend(streamId, events, expected);
    const id = ++this.nextId;
    return new Promise<AppendResult>((resolve, reject) => {
      // the writer keeps the process alive only while an append waits for it
      if (this.pending.size === 0) writer.ref();
      this.pending.set(id, { resolve, reject });
      writer.postMessage({ type: 'append', id, streamId, events, expected } satisfies WriterRequest);
    });
  }

  private settle(id: number): Pending | undefined {
    const pending = this.pending.get(id);
    this.pending.delete(id);
    if (this.pending.size === 0) this.writer?.unref();
    return pending;
  }

  private onReply(reply: WriterReply): void {
    if (reply.type === 'committed') {
      reply.ids.forEach((id, i) => {
        const outcome = reply.outcomes[i];
        const pending = this.settle(id);
        if (outcome.ok) pending?.resolve(outcome.result);
        else pending?.reject(toError(outcome.refusal));
      });
      for (const listener of this.listeners) listener();
    } else if (reply.type === 'failed') {
      // the transaction failed as a whole (disk full, I/O error): nothing of it is acknowledged
      for (const id of reply.ids) this.settle(id)?.reject(new Error(`SQLite commit failed: ${reply.message}`));
    }
  }

  private failWriter(error: Error): void {
    this.writerFailure = error;
    for (const id of [...this.pending.keys()]) this.settle(id)?.reject(error);
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
  async lastPosition(): Promise<number | undefined> {
    const row = this.db.prepare<[], { last: number | null }>('SELECT max(position) AS last FROM events').get();
    return row?.last ?? undefined;
  }

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
    return this.subscriptions.track(subscription);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.subscriptions.closeAll();
    // the writer commits what it was given before it closes
    if (this.writer) {
      this.writer.ref();
      this.writer.postMessage({ type: 'close' } satisfies WriterRequest);
    }
    await this.writerClosed;
    this.db.close();
  }
}

/** JSON of a stored event; one that no longer parses is named (UnreadableEventError), not a bare SyntaxError. */
function parse(row: Row, column: 'data' | 'metadata'): JsonObject {
  try {
    return JSON.parse(row[column]) as JsonObject;
  } catch (error) {
    throw new UnreadableEventError(row.stream_id, row.revision, row.position, `${column}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function toRecorded(row: Row): RecordedEvent {
  return {
    id: row.id,
    streamId: row.stream_id,
    type: row.type,
    data: parse(row, 'data'),
    metadata: parse(row, 'metadata'),
    revision: row.revision,
    position: row.position,
    recordedAt: new Date(row.recorded_at),
  };
}
