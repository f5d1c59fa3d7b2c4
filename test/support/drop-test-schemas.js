// Jest globalSetup/globalTeardown for the read-model suites on PostgreSQL: every run names its
// schemas t_<run>_<random> (the run id goes to the workers through the environment) and drops
// exactly those afterwards, never another run's. Plain JS: Jest loads these untransformed.
const { randomBytes } = require('node:crypto');
const { Client } = require('pg');

async function setup() {
  process.env.FORDELA_TEST_RUN = randomBytes(4).toString('hex');
}

async function teardown() {
  const run = process.env.FORDELA_TEST_RUN;
  if (!run) return;
  const client = new Client({ connectionString: process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test' });
  try {
    await client.connect();
    const { rows } = await client.query('SELECT nspname FROM pg_namespace WHERE nspname LIKE $1', [`t\\_${run}\\_%`]);
    for (const row of rows) await client.query(`DROP SCHEMA IF EXISTS "${row.nspname}" CASCADE`);
  } catch (error) {
    console.warn(`could not drop this run's test schemas: ${error.message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

module.exports = { setup, teardown };
