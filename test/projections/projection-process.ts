/**
 * The read models' runner in a process of its own, so a test can kill it (SIGKILL) mid-batch.
 * Environment as the service's (DATA_DIR, DATABASE_URL, DATABASE_SCHEMA). Reports
 * { position } over IPC after each committed batch and { settled: true } once caught up.
 */
import 'reflect-metadata';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { ALL_PROJECTIONS } from '../../src/projections/all-projections';
import { ProjectionRunner } from '../../src/projections/projection-runner';
import { openReadDatabase } from '../../src/projections/read-database';

async function main(): Promise<void> {
  const dataDir = process.env.DATA_DIR!;
  const store = new SqliteEventStore({ file: join(dataDir, 'events.db'), synchronous: 'NORMAL' });
  const db = await openReadDatabase({ DATA_DIR: dataDir, DATABASE_URL: process.env.DATABASE_URL, DATABASE_SCHEMA: process.env.DATABASE_SCHEMA });
  const runner = new ProjectionRunner(store, db, ALL_PROJECTIONS, {
    batchSize: Number(process.env.BATCH_SIZE ?? 100),
    onBatch: (position) => process.send?.({ position }),
  });
  await runner.prepare();
  runner.start();
  await runner.settled();
  process.send?.({ settled: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
