import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely } from 'kysely';
import { EventStore } from '../../src/event-store/event-store.port';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { erased } from '../../src/projections/projection';
import { ProjectionRunner } from '../../src/projections/projection-runner';
import { rebuildProjections } from '../../src/projections/rebuild';
import { openReadDatabase, ReadDatabase } from '../../src/projections/read-database';
import { READ_DATABASES } from '../support/read-databases';
import { CountTables, countingProjection, dumpTables } from './test-projection';

async function appendEvents(store: EventStore, streams: number, perStream: number, tag: string): Promise<void> {
  for (let s = 0; s < streams; s++) {
    const streamId = `test-${tag}-${s}`;
    const existing = await store.readStream(streamId);
    const events = Array.from({ length: perStream }, (_, i) => ({
      id: crypto.randomUUID(),
      type: 'Counted',
      data: { n: existing.length + i },
      metadata: {},
    }));
    await store.append(streamId, events, existing.length === 0 ? 'no_stream' : existing.length - 1);
  }
}

async function storeCount(store: EventStore): Promise<number> {
  let n = 0;
  for await (const _ of store.readAll()) n++;
  return n;
}

describe.each(READ_DATABASES)('the projection runner on %s', (database) => {
  let dir: string;
  let store: EventStore;
  let db: ReadDatabase;
  const runners: ProjectionRunner[] = [];
  let env: Record<string, string>;
  // two writers in one process: better-sqlite3's busy wait blocks the thread, so keep it short
  const open = () =>
    openReadDatabase({ DATA_DIR: dir, DATABASE_URL: env.DATABASE_URL, DATABASE_SCHEMA: env.DATABASE_SCHEMA, busyTimeoutMs: 20 });
  const runner = (db: ReadDatabase, options: Parameters<typeof countingProjection>[0] = {}, batchSize = 50) => {
    const r = new ProjectionRunner(store, db, [erased(countingProjection(options))], { batchSize });
    runners.push(r);
    return r;
  };
  const applied = async (db: ReadDatabase) =>
    (await (db.reader as Kysely<CountTables>).selectFrom('rm_test_applied').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fordela-runner-'));
    env = database.env();
    store = new SqliteEventStore({ file: join(dir, 'events.db'), synchronous: 'NORMAL' });
    db = await open();
  });
  afterEach(async () => {
    for (const r of runners.splice(0)) await r.stop();
    await db.close();
    await store.close();
  });

  it('given stored events, when the runner starts, then every event is applied once and the checkpoint is the last position', async () => {
    await appendEvents(store, 7, 30, 'a');
    const r = runner(db);
    await r.prepare();
    r.start();
    await r.settled();
    expect(Number(await applied(db))).toBe(210);
    expect(r.status()[0].position).toBe(await store.lastPosition!());
  });

  it('given a stopped runner, when events arrive and a new runner starts, then it resumes from the checkpoint (none applied twice)', async () => {
    await appendEvents(store, 3, 40, 'b');
    const first = runner(db);
    await first.prepare();
    first.start();
    await first.settled();
    await first.stop();
    await appendEvents(store, 3, 25, 'b');
    const second = runner(db);
    await second.prepare();
    second.start();
    await second.settled();
    // a re-applied position would have failed its batch on the primary key and never settled
    expect(Number(await applied(db))).toBe(195);
  });

  it('given a running runner, when events are appended live, then they are applied without a restart', async () => {
    const r = runner(db);
    await r.prepare();
    r.start();
    await appendEvents(store, 2, 10, 'live');
    await r.settled();
    expect(Number(await applied(db))).toBe(20);
  });

  it('given a projection whose version changed, when prepared, then it is rebuilt from zero', async () => {
    await appendEvents(store, 2, 10, 'c');
    const v1 = runner(db);
    await v1.prepare();
    v1.start();
    await v1.settled();
    await v1.stop();
    const v2 = runner(db, { version: 2 });
    await v2.prepare();
    expect(v2.status()[0].position).toBeNull();
    expect(Number(await applied(db))).toBe(0);
    v2.start();
    await v2.settled();
    expect(Number(await applied(db))).toBe(20);
  });

  it('given a projection that throws on one event, when its batch fails, then nothing of the batch is kept and the checkpoint stays before it', async () => {
    await appendEvents(store, 1, 10, 'd');
    const failing = runner(db, { failOn: (e) => e.position === 5 }, 100);
    await failing.prepare();
    failing.start();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await failing.stop();
    expect(failing.status()[0].position).toBeNull();
    expect(failing.status()[0].lastError).toMatch(/refuses event at 5/);
    expect(Number(await applied(db))).toBe(0);
    const healthy = runner(db, {}, 100);
    await healthy.prepare();
    healthy.start();
    await healthy.settled();
    expect(Number(await applied(db))).toBe(10);
  });

  it('given two runners on the same read database, when both project, then every event is counted exactly once (compare-and-set checkpoint)', async () => {
    await appendEvents(store, 20, 50, 'e');
    const otherDb = await open();
    try {
      // unguarded: a second application of any event would show in the counts
      const a = runner(db, { guard: false }, 20);
      const b = runner(otherDb, { guard: false }, 20);
      await a.prepare();
      await b.prepare();
      a.start();
      b.start();
      await appendEvents(store, 5, 20, 'e');
      await Promise.all([a.settled(), b.settled()]);
      await a.stop();
      await b.stop();
      const counts = await (db.reader as Kysely<CountTables>).selectFrom('rm_test_counts').selectAll().execute();
      expect(counts.reduce((sum, row) => sum + Number(row.events), 0)).toBe(1100);
      expect(counts.every((row) => Number(row.events) === (row.stream_id.endsWith('-0') || /-[0-4]$/.test(row.stream_id) ? 70 : 50))).toBe(true);
    } finally {
      await otherDb.close();
    }
  });

  it('given a running runner, when a rebuild runs next to it, then the read model ends equal to a clean build', async () => {
    await appendEvents(store, 10, 30, 'f');
    const live = runner(db, {}, 25);
    await live.prepare();
    live.start();
    const projection = erased(countingProjection());
    const [rebuilt] = await Promise.all([rebuildProjections(store, db, [projection], { batchSize: 25 }), appendEvents(store, 4, 10, 'f')]);
    expect(rebuilt.events).toBeGreaterThan(0);
    await live.settled();
    expect(Number(await applied(db))).toBe(await storeCount(store));
    const dump = await dumpTables(db.reader, ['rm_test_applied', 'rm_test_counts']);
    expect(dump.rm_test_applied).toHaveLength(340);
  });
});
