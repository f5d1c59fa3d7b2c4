import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Pool, types } from 'pg';

/**
 * Where the read models live: an SQLite file next to the embedded event store, or PostgreSQL
 * when DATABASE_URL is set. Every query is written once with Kysely and runs on both.
 */
export interface ReadDatabase {
  readonly dialect: 'sqlite' | 'postgres';
  /** the projections' connection: the only one that writes */
  readonly writer: Kysely<unknown>;
  /** what queries use; with SQLite a second connection, so a reader never waits for a projection's batch */
  readonly reader: Kysely<unknown>;
  /** a readable description for logs, without credentials */
  readonly description: string;
  close(): Promise<void>;
}

export const READ_DATABASE = Symbol('READ_DATABASE');

export interface ReadDatabaseConfig {
  DATA_DIR: string;
  DATABASE_URL?: string;
  /** PostgreSQL schema for the read models (created when missing) */
  DATABASE_SCHEMA?: string;
  /**
   * SQLite: how long a write waits for another process's transaction. better-sqlite3 waits
   * synchronously, so two writers in ONE process (only tests do that) need a short wait.
   */
  busyTimeoutMs?: number;
}

// int8 (bigint) columns hold öre and store positions; every value we write is a safe integer
types.setTypeParser(20, (value) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${value} is beyond a safe integer`);
  return n;
});

export async function openReadDatabase(config: ReadDatabaseConfig): Promise<ReadDatabase> {
  if (config.DATABASE_URL) return openPostgres(config.DATABASE_URL, config.DATABASE_SCHEMA ?? 'public');
  mkdirSync(config.DATA_DIR, { recursive: true });
  return openSqlite(join(config.DATA_DIR, 'read-models.db'), config.busyTimeoutMs ?? 10_000);
}

function openSqlite(file: string, busyTimeoutMs: number): ReadDatabase {
  const connect = (readonly: boolean) => {
    const database = new Database(file);
    database.pragma('journal_mode = WAL');
    // read models are rebuilt from the event store: a power loss may undo the last batches, and
    // their checkpoint with them (same transaction), never one without the other
    database.pragma('synchronous = NORMAL');
    database.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
    if (readonly) database.pragma('query_only = true');
    // checkpoint the WAL into the file every ~40 MB instead of every 4 MB: a rebuild's commits
    // spent most of their time in checkpoints (measured with the bench)
    else database.pragma('wal_autocheckpoint = 10000');
    return new Kysely<unknown>({ dialect: new SqliteDialect({ database }) });
  };
  const writer = connect(false);
  const reader = connect(true);
  return {
    dialect: 'sqlite',
    writer,
    reader,
    description: `SQLite ${file}`,
    async close() {
      await reader.destroy();
      await writer.destroy();
    },
  };
}

async function openPostgres(url: string, schema: string): Promise<ReadDatabase> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`DATABASE_SCHEMA must be a plain identifier, got "${schema}"`);
  const pool = new Pool({ connectionString: url, max: 10, options: `-c search_path=${schema}` });
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(schema)}`.execute(db).catch((error: { code?: string }) => {
    // two processes creating it at once: the other one won, which is all we wanted
    if (error.code !== '23505' && error.code !== '42P06') throw error;
  });
  const safe = url.replace(/\/\/[^@/]*@/, '//***@');
  return {
    dialect: 'postgres',
    writer: db,
    reader: db,
    description: `PostgreSQL ${safe} (schema ${schema})`,
    close: () => db.destroy(),
  };
}
