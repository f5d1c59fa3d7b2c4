import { randomBytes } from 'node:crypto';

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
    env: () => ({ DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA: `t_${process.env.FORDELA_TEST_RUN ?? 'adhoc'}_${randomBytes(5).toString('hex')}` }),
  },
];
