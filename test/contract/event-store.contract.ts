import { randomUUID } from 'node:crypto';
import {
  EventStore,
  EventToAppend,
  RecordedEvent,
  WrongExpectedRevisionError,
} from '../../src/event-store/event-store.port';

/**
 * The one contract every event store adapter passes, unchanged. Stream names carry a per-test
 * prefix so the suite also runs against a shared, non-empty KurrentDB.
 */
export interface ContractTarget {
  name: string;
  open(): Promise<EventStore>;
}

function event(type: string, data: Record<string, unknown> = {}): EventToAppend {
  return { id: randomUUID(), type, data, metadata: { test: true, correlationId: randomUUID() } };
}

async function collectAll(store: EventStore, prefix: string, after?: number): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of store.readAll({ after })) if (e.streamId.startsWith(prefix)) out.push(e);
  return out;
}

async function waitFor(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function eventStoreContract(target: ContractTarget): void {
  describe(`event store contract: ${target.name}`, () => {
    let store: EventStore;
    let prefix: string;
    const stream = (name: string) => `${prefix}${name}`;

    beforeEach(async () => {
      store = await target.open();
      prefix = `t${randomUUID().slice(0, 8)}-`;
    });
    afterEach(async () => {
      await store.close();
    });

    it('reads a missing stream as empty, forwards and backwards', async () => {
      expect(await store.readStream(stream('missing'))).toEqual([]);
      expect(await store.readStream(stream('missing'), { direction: 'backwards' })).toEqual([]);
      expect(await collectAll(store, prefix)).toEqual([]);
    });

    it('records id, type, data, metadata, revision, position and time of each event', async () => {
      const e = event('CaseRegistered', { title: 'Fördelning God och nära vård', amountOre: 123_456_789 });
      const before = Date.now();
      const result = await store.append(stream('case-1'), [e], 'no_stream');
      const [read] = await store.readStream(stream('case-1'));
      expect(read).toMatchObject({
        id: e.id,
        streamId: stream('case-1'),
        type: 'CaseRegistered',
        data: e.data,
        metadata: e.metadata,
        revision: 0,
        position: result.position,
      });
      expect(result.nextExpectedRevision).toBe(0);
      expect(read.recordedAt).toBeInstanceOf(Date);
      expect(read.recordedAt.getTime()).toBeGreaterThanOrEqual(before - 5_000);
    });

    it('keeps per-stream order and reads forwards, backwards, from a revision and up to a count', async () => {
      const s = stream('ordered');
      const batch = Array.from({ length: 5 }, (_, i) => event('Numbered', { i }));
      await store.append(s, batch.slice(0, 2), 'no_stream');
      await store.append(s, batch.slice(2), 1);
      const forwards = await store.readStream(s);
      expect(forwards.map((e) => e.data.i)).toEqual([0, 1, 2, 3, 4]);
      expect(forwards.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
      const backwards = await store.readStream(s, { direction: 'backwards' });
      expect(backwards.map((e) => e.revision)).toEqual([4, 3, 2, 1, 0]);
      expect((await store.readStream(s, { fromRevision: 3 })).map((e) => e.revision)).toEqual([3, 4]);
      expect((await store.readStream(s, { direction: 'backwards', fromRevision: 2, maxCount: 2 })).map((e) => e.revision)).toEqual([2, 1]);
      expect((await store.readStream(s, { direction: 'backwards', maxCount: 1 }))[0].revision).toBe(4);
      expect((await store.readStream(s, { fromRevision: 9 }))).toEqual([]);
    });

    it('refuses a wrong expected revision and writes nothing', async () => {
      const s = stream('guarded');
      await store.append(s, [event('A'), event('B')], 'no_stream');
      const before = await collectAll(store, prefix);
      await expect(store.append(s, [event('C')], 'no_stream')).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(store.append(s, [event('C')], 0)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(store.append(s, [event('C')], 5)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(store.append(stream('absent'), [event('C')], 'stream_exists')).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      await expect(store.append(stream('absent'), [event('C')], 0)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      const error = await store.append(s, [event('C')], 0).catch((e: unknown) => e);
      expect(error).toMatchObject({ streamId: s, expected: 0, actual: 1 });
      expect(await collectAll(store, prefix)).toEqual(before);
      expect(await store.readStream(stream('absent'))).toEqual([]);
      await store.append(s, [event('C')], 'stream_exists');
      await store.append(s, [event('D')], 2);
      await store.append(s, [event('E')], 'any');
      expect((await store.readStream(s)).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D', 'E']);
    });

    it('treats re-appending the same event ids as a retry that has effect once', async () => {
      const s = stream('idempotent');
      const first = [event('A'), event('B')];
      const r1 = await store.append(s, first, 'no_stream');
      const r2 = await store.append(s, first, 'no_stream');
      expect(r2.nextExpectedRevision).toBe(r1.nextExpectedRevision);
      const second = [event('C')];
      await store.append(s, second, 1);
      await store.append(s, second, 1);
      await store.append(s, second, 'any');
      const read = await store.readStream(s);
      expect(read.map((e) => e.type)).toEqual(['A', 'B', 'C']);
      expect((await collectAll(store, prefix)).length).toBe(3);
    });

    it('keeps a global order with no gaps and no skipped events while 8 writers append', async () => {
      const writers = 8;
      const perWriter = 40;
      const seen: RecordedEvent[] = [];
      const live = store.subscribeToAll({}, (e) => {
        if (e.streamId.startsWith(prefix)) seen.push(e);
      });
      await Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          for (let i = 0; i < perWriter; i++) {
            await store.append(stream(`writer-${w}`), [event('Written', { w, i })], i === 0 ? 'no_stream' : i - 1);
          }
        }),
      );
      const all = await collectAll(store, prefix);
      expect(all).toHaveLength(writers * perWriter);
      for (let i = 1; i < all.length; i++) expect(all[i].position).toBeGreaterThan(all[i - 1].position);
      for (let w = 0; w < writers; w++) {
        const mine = all.filter((e) => e.streamId === stream(`writer-${w}`));
        expect(mine.map((e) => e.data.i)).toEqual(Array.from({ length: perWriter }, (_, i) => i));
      }
      await waitFor(() => seen.length >= writers * perWriter, 'the live subscription');
      await live.close();
      expect(seen.map((e) => e.id)).toEqual(all.map((e) => e.id));
      // paging from any position gives exactly the rest
      const middle = all[Math.floor(all.length / 2)].position;
      expect((await collectAll(store, prefix, middle)).map((e) => e.id)).toEqual(
        all.filter((e) => e.position > middle).map((e) => e.id),
      );
    });

    it('resumes a subscription from a checkpoint and delivers every later event exactly once', async () => {
      const s = stream('subscribed');
      await store.append(s, [event('E', { n: 0 }), event('E', { n: 1 }), event('E', { n: 2 })], 'no_stream');
      const firstRun: RecordedEvent[] = [];
      const first = store.subscribeToAll({}, (e) => {
        if (e.streamId.startsWith(prefix)) firstRun.push(e);
      });
      await waitFor(() => firstRun.length === 3, 'catch-up');
      await first.close();
      const checkpoint = firstRun[1].position; // as if the process stopped after handling n=1

      await store.append(s, [event('E', { n: 3 }), event('E', { n: 4 })], 2);
      const secondRun: number[] = [];
      const second = store.subscribeToAll({ after: checkpoint }, (e) => {
        if (e.streamId.startsWith(prefix)) secondRun.push(e.data.n as number);
      });
      await waitFor(() => secondRun.length === 3, 'catch-up from the checkpoint');
      await store.append(s, [event('E', { n: 5 })], 4); // live, after catch-up
      await waitFor(() => secondRun.length === 4, 'live delivery');
      await new Promise((r) => setTimeout(r, 200));
      await second.close();
      expect(secondRun).toEqual([2, 3, 4, 5]);
    });

    it('delivers to a slow handler one event at a time, in order', async () => {
      const s = stream('slow');
      await store.append(s, Array.from({ length: 5 }, (_, i) => event('E', { i })), 'no_stream');
      let running = 0;
      let maxRunning = 0;
      const got: number[] = [];
      const sub = store.subscribeToAll({}, async (e) => {
        if (!e.streamId.startsWith(prefix)) return;
        running++;
        maxRunning = Math.max(maxRunning, running);
        await new Promise((r) => setTimeout(r, 5));
        got.push(e.data.i as number);
        running--;
      });
      await waitFor(() => got.length === 5, 'slow delivery');
      await sub.close();
      expect(got).toEqual([0, 1, 2, 3, 4]);
      expect(maxRunning).toBe(1);
    });

    it('reports a handler failure through the subscription and stops there', async () => {
      const s = stream('failing');
      await store.append(s, [event('Boom')], 'no_stream');
      const sub = store.subscribeToAll({}, (e) => {
        if (e.streamId === s) throw new Error('handler failed');
      });
      await expect(sub.done).rejects.toThrow('handler failed');
      await sub.close();
    });
  });
}
