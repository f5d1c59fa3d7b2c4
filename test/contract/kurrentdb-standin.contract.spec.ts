import { randomUUID } from 'node:crypto';
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { EventToAppend, RecordedEvent } from '../../src/event-store/event-store.port';
import { KurrentDbEventStore } from '../../src/event-store/kurrentdb/kurrentdb-event-store';
import { KurrentDbStandIn, startKurrentDbStandIn } from '../kurrentdb-standin/kurrentdb-standin';
import { eventStoreContract } from './event-store.contract';

let standIn: KurrentDbStandIn;
beforeAll(async () => {
  standIn = await startKurrentDbStandIn();
});
afterAll(async () => {
  await standIn.stop();
});

eventStoreContract({
  name: 'KurrentDB adapter against the in-process gRPC stand-in',
  open: async () => new KurrentDbEventStore(standIn.url),
});

/** What the shared contract cannot see: paging, the server-side filter, close() during a handler. */
describe('KurrentDB adapter details (stand-in)', () => {
  const event = (i: number): EventToAppend => ({ id: randomUUID(), type: 'Numbered', data: { i }, metadata: {} });
  const ids = (events: RecordedEvent[]) => events.map((e) => e.id);
  async function collect(iterable: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    for await (const e of iterable) out.push(e);
    return out;
  }

  it('pages through $all in small pages, from the start and from a checkpoint, same as one big page', async () => {
    const paged = new KurrentDbEventStore(standIn.url, { pageSize: 3 });
    const whole = new KurrentDbEventStore(standIn.url);
    try {
      await paged.append(`paging-${randomUUID()}`, Array.from({ length: 10 }, (_, i) => event(i)), 'no_stream');
      const all = await collect(whole.readAll());
      expect(ids(await collect(paged.readAll()))).toEqual(ids(all));
      const checkpoint = all[all.length - 7].position;
      expect(ids(await collect(paged.readAll({ after: checkpoint })))).toEqual(ids(all.slice(-6)));
      expect(ids(await collect(paged.readAll({ after: checkpoint, maxCount: 4 })))).toEqual(ids(all.slice(-6, -2)));
    } finally {
      await Promise.all([paged.close(), whole.close()]);
    }
  });

  it('never yields the system events the node holds', async () => {
    const raw = KurrentDBClient.connectionString(standIn.url);
    const store = new KurrentDbEventStore(standIn.url);
    try {
      const systemIds = new Set<string>();
      for await (const { event } of raw.readAll({ maxCount: 10_000 })) {
        if (event && (event.type.startsWith('$') || event.streamId.startsWith('$'))) systemIds.add(event.id);
      }
      expect(systemIds.size).toBeGreaterThan(0);
      const read = await collect(store.readAll());
      expect(read.filter((e) => systemIds.has(e.id))).toEqual([]);
      const seen: string[] = [];
      const sub = store.subscribeToAll({}, (e) => void seen.push(e.id));
      await new Promise((r) => setTimeout(r, 300));
      await sub.close();
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.filter((id) => systemIds.has(id))).toEqual([]);
    } finally {
      await Promise.all([store.close(), raw.dispose()]);
    }
  });

  it('close() resolves only after the running handler call, and nothing is delivered after it', async () => {
    const store = new KurrentDbEventStore(standIn.url);
    try {
      const s = `closing-${randomUUID()}`;
      await store.append(s, [event(0), event(1)], 'no_stream');
      let release!: () => void;
      const blocked = new Promise<void>((r) => (release = r));
      const calls: number[] = [];
      const sub = store.subscribeToAll({}, async (e) => {
        if (e.streamId !== s) return;
        calls.push(e.data.i as number);
        await blocked;
      });
      while (calls.length === 0) await new Promise((r) => setTimeout(r, 10));
      let closed = false;
      const closing = sub.close().then(() => (closed = true));
      await new Promise((r) => setTimeout(r, 100));
      expect(closed).toBe(false);
      release();
      await closing;
      await new Promise((r) => setTimeout(r, 100));
      expect(calls).toEqual([0]);
      await expect(sub.done).resolves.toBeUndefined();
    } finally {
      await store.close();
    }
  });
});
