import { randomUUID } from 'node:crypto';
import {
  AppendStreamState,
  CurrentStreamState,
  DeadlineExceededError,
  EventData,
  KurrentDBClient,
  NO_STREAM,
  STREAM_EXISTS,
  WrongExpectedVersionError,
  jsonEvent,
} from '@kurrent/kurrentdb-client';
import { EventToAppend, RecordedEvent } from '../../src/event-store/event-store.port';
import { KurrentDbEventStore } from '../../src/event-store/kurrentdb/kurrentdb-event-store';
import { KurrentDbStandIn, startKurrentDbStandIn } from '../kurrentdb-standin/kurrentdb-standin';
import { eventStoreContract } from './event-store.contract';

/**
 * The client appends over Streams.BatchAppend when the server lists it (every server since 21.10)
 * and over Streams.Append otherwise, so the whole suite runs once per path.
 */
const MODES = [
  { name: 'KurrentDB adapter on the stand-in (BatchAppend, as 25.x+ servers)', batchAppend: true },
  { name: 'KurrentDB adapter on the stand-in (classic Append)', batchAppend: false },
];

const event = (i: number): EventToAppend => ({ id: randomUUID(), type: 'Numbered', data: { i }, metadata: {} });
const ids = (events: RecordedEvent[]) => events.map((e) => e.id);
async function collect(iterable: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of iterable) out.push(e);
  return out;
}

for (const mode of MODES) {
  describe(mode.batchAppend ? 'stand-in listing BatchAppend' : 'stand-in not listing BatchAppend', () => {
    let standIn: KurrentDbStandIn;
    beforeAll(async () => {
      standIn = await startKurrentDbStandIn({ batchAppend: mode.batchAppend });
    });
    afterAll(async () => {
      await standIn.stop();
    });

    // first, while the log is small: the read bridge takes ~30 ms per call, and these page by three
    adapterDetails(() => standIn);
    eventStoreContract({ name: mode.name, open: async () => new KurrentDbEventStore(standIn.url) });

    // declared after the contract so the totals below cover every append made before it
    it(`appends over ${mode.batchAppend ? 'BatchAppend' : 'Append'} only, the contract's appends included`, async () => {
      const before = standIn.stats();
      const store = new KurrentDbEventStore(standIn.url);
      try {
        const s = `path-${randomUUID()}`;
        await Promise.all(Array.from({ length: 5 }, (_, i) => store.append(`${s}-${i}`, [event(i)], 'no_stream')));
      } finally {
        await store.close();
      }
      const after = standIn.stats();
      if (mode.batchAppend) {
        // one connection keeps one call open and tags each of its appends with a correlation id
        expect(after.calls.BatchAppend - before.calls.BatchAppend).toBe(1);
        expect(after.batchAppendRequests - before.batchAppendRequests).toBe(5);
        expect(after.calls.Append).toBe(0);
      } else {
        expect(after.calls.Append - before.calls.Append).toBe(5);
        expect(after.calls.BatchAppend).toBe(0);
        expect(after.batchAppendRequests).toBe(0);
      }
    });

    it("raises the client's own WrongExpectedVersionError with the stream, expected and actual state", async () => {
      const raw = KurrentDBClient.connectionString(standIn.url);
      try {
        const s = `wev-${randomUUID()}`;
        const missing = `wev-missing-${randomUUID()}`;
        const [a, b, c] = [0, 1, 2].map((i) => jsonEvent({ id: randomUUID(), type: 'E', data: { i } }));
        await raw.appendToStream(s, [a, b], { streamState: NO_STREAM });
        const refused = async (stream: string, streamState: AppendStreamState, events: EventData[] = [c]) =>
          raw.appendToStream(stream, events, { streamState }).then(
            () => {
              throw new Error(`appending to ${stream} with ${String(streamState)} was accepted`);
            },
            (error: unknown) => error,
          );
        const cases: Array<[stream: string, AppendStreamState, CurrentStreamState, events?: EventData[]]> = [
          [s, 0n, 1n],
          [s, NO_STREAM, 1n],
          [s, 5n, 1n],
          // `any` fails only as a retry that matches in part
          [s, 'any', 1n, [a, c]],
          [missing, STREAM_EXISTS, 'no_stream'],
          [missing, 3n, 'no_stream'],
        ];
        for (const [stream, expected, actual, events] of cases) {
          const error = await refused(stream, expected, events);
          expect(error).toBeInstanceOf(WrongExpectedVersionError);
          expect(error).toMatchObject({ streamName: stream, expectedState: expected, actualState: actual });
        }
      } finally {
        await raw.dispose();
      }
    });

    if (mode.batchAppend) batchAppendProtocol(() => standIn);
  });
}

/** What the adapter never sends today but the client does for large appends or short deadlines. */
function batchAppendProtocol(standIn: () => KurrentDbStandIn): void {
  describe('BatchAppend protocol (stand-in)', () => {
    const events = (n: number) =>
      Array.from({ length: n }, (_, i) => jsonEvent({ id: randomUUID(), type: 'Chunked', data: { i, pad: 'x'.repeat(100) } }));

    it('commits each append sent in chunks at once, with two such appends in flight on one call', async () => {
      const raw = KurrentDBClient.connectionString(standIn().url);
      const store = new KurrentDbEventStore(standIn().url);
      try {
        const [s1, s2] = [`chunked-${randomUUID()}`, `chunked-${randomUUID()}`];
        const before = standIn().stats().batchAppendRequests;
        // a batch size below one event's size puts every event in a chunk of its own
        await Promise.all([
          raw.appendToStream(s1, events(10), { streamState: NO_STREAM, batchAppendSize: 150 }),
          raw.appendToStream(s2, events(10), { streamState: NO_STREAM, batchAppendSize: 150 }),
        ]);
        expect(standIn().stats().batchAppendRequests - before).toBeGreaterThanOrEqual(20);
        const all = (await collect(store.readAll())).filter((e) => e.streamId === s1 || e.streamId === s2);
        // each append is one commit: its ten events sit together in $all
        expect(all.map((e) => e.streamId)).toEqual([...Array(10).fill(all[0].streamId), ...Array(10).fill(all[10].streamId)]);
        expect(all[0].streamId).not.toBe(all[10].streamId);
        expect(all.map((e) => e.revision)).toEqual([...Array(10).keys(), ...Array(10).keys()]);

        const refused = await raw
          .appendToStream(s1, events(5), { streamState: 3n, batchAppendSize: 150 })
          .catch((error: unknown) => error);
        expect(refused).toMatchObject({ expectedState: 3n, actualState: 9n });
        expect(await store.readStream(s1)).toHaveLength(10);
      } finally {
        await Promise.all([raw.dispose(), store.close()]);
      }
    });

    it('answers an append past its deadline with Timeout and writes nothing', async () => {
      const raw = KurrentDBClient.connectionString(standIn().url);
      const store = new KurrentDbEventStore(standIn().url);
      try {
        const s = `late-${randomUUID()}`;
        await expect(raw.appendToStream(s, events(1), { deadline: 0 })).rejects.toBeInstanceOf(DeadlineExceededError);
        expect(await store.readStream(s)).toEqual([]);
        // the call stays usable for the next append
        await raw.appendToStream(s, events(1), { streamState: NO_STREAM });
        expect(await store.readStream(s)).toHaveLength(1);
      } finally {
        await Promise.all([raw.dispose(), store.close()]);
      }
    });
  });
}

/** What the shared contract cannot see: paging, the server-side filter, close() during a handler. */
function adapterDetails(standIn: () => KurrentDbStandIn): void {
  describe('KurrentDB adapter details (stand-in)', () => {
    it('pages through $all in small pages, from the start and from a checkpoint, same as one big page', async () => {
      const paged = new KurrentDbEventStore(standIn().url, { pageSize: 3 });
      const whole = new KurrentDbEventStore(standIn().url);
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
      const raw = KurrentDBClient.connectionString(standIn().url);
      const store = new KurrentDbEventStore(standIn().url);
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
      const store = new KurrentDbEventStore(standIn().url);
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
}
