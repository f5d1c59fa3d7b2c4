import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * The read models' two databases. Every projection test runs on both: embedded SQLite and the
 * PostgreSQL CI provides (127.0.0.1:5432, trust). Each PostgreSQL test gets a schema of its own,
 * so the two Jest workers never see each other's tables.
 */
export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface ReadDatabaseUnderTest {
  name: 'sqlite' | 'postgres';
  /** env for startApp / openReadDatabase: nothing for SQLite (DATA_DIR decides), a fresh schema for PostgreSQL */
  env(): Record<string, string>;
}

export const READ_DATABASES: ReadDatabaseUnderTest[] = [
  { name: 'sqlite', env: () => ({}) },
  {
    name: 'postgres',
    env: () => ({ DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA: `t_${randomBytes(6).toString('hex')}` }),
  },
];

/** Drops the test schemas left behind (call from a globalTeardown or by hand). */
export async function dropTestSchemas(): Promise<void> {
  const client = new Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>("SELECT nspname FROM pg_namespace WHERE nspname LIKE 't\\_%'");
    for (const row of rows) await client.query(`DROP SCHEMA IF EXISTS "${row.nspname}" CASCADE`);
  } finally {
    await client.end();
  }
}
