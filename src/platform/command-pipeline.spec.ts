import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { registryDecider } from '../cases/registry.decider';
import { registrar } from '../../test/support/given';
import { ManualClock } from './clock';
import { CommandEnvelope, CommandPipeline, defaultPipelineOptions } from './command-pipeline';
import { Decider, DomainEvent } from './decider';
import { ConcurrencyConflict, Problem } from './errors';
import { verifyChain } from './hash-chain';

const envelope = (commandId: string = randomUUID()): CommandEnvelope => ({
  commandId,
  commandType: 'AssignDiaryNumber',
  actor: registrar,
  correlationId: commandId,
  causationId: commandId,
});
const assign = (caseId: string) => ({ caseId, registry: 'RS', year: 2022, title: 'Ärende' });
const clock = new ManualClock(new Date('2022-03-15T09:00:00Z'));

describe('command pipeline', () => {
  let store: SqliteEventStore;
  beforeEach(() => {
    store = new SqliteEventStore({ file: join(mkdtempSync(join(tmpdir(), 'fordela-pipe-')), 'events.db') });
  });
  afterEach(() => store.close());

  it('two processes racing on one stream still hand out a gap-free sequence (conflicts re-read and retry)', async () => {
    const options = { ...defaultPipelineOptions, maxAttempts: 100 };
    const a = new CommandPipeline(store, clock, options);
    const b = new CommandPipeline(store, clock, options);
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).execute(registryDecider, 'diary-x-RS-2022', assign(`c${i}`), envelope())),
    );
    const numbers = results.map((r) => r.state.assigned.get(r.events[0].data.caseId)!.sequence).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    const events = await store.readStream('diary-x-RS-2022');
    expect(events.map((e) => e.data.sequence)).toEqual(numbers);
    expect(verifyChain(events)).toEqual({ ok: true });
  });

  it('CONCURRENCY-CONFLICT: answers 409 when the bounded retries run out', async () => {
    const options = { ...defaultPipelineOptions, maxAttempts: 1 };
    const a = new CommandPipeline(store, clock, options);
    const b = new CommandPipeline(store, clock, options);
    const outcomes = await Promise.allSettled([
      a.execute(registryDecider, 'diary-x-RS-2022', assign('c1'), envelope()),
      b.execute(registryDecider, 'diary-x-RS-2022', assign('c2'), envelope()),
    ]);
    const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toBeInstanceOf(ConcurrencyConflict);
    expect((rejected[0].reason as Problem).status).toBe(409);
    expect(await store.readStream('diary-x-RS-2022')).toHaveLength(1);
  });

  it('a refused command in a batch writes nothing and does not disturb the others', async () => {
    const pipeline = new CommandPipeline(store, clock, defaultPipelineOptions);
    const officer = { ...envelope(), actor: { ...registrar, role: 'case_officer' as const } };
    const outcomes = await Promise.allSettled([
      pipeline.execute(registryDecider, 'diary-x-RS-2022', assign('c1'), envelope()),
      pipeline.execute(registryDecider, 'diary-x-RS-2022', assign('c2'), officer),
      pipeline.execute(registryDecider, 'diary-x-RS-2022', assign('c3'), envelope()),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await store.readStream('diary-x-RS-2022')).map((e) => e.data.caseId)).toEqual(['c1', 'c3']);
  });

  it('a command retried with the same id writes the same event ids, which the store recognises', async () => {
    const pipeline = new CommandPipeline(store, clock, defaultPipelineOptions);
    const same = envelope('cmd-1');
    await pipeline.execute(registryDecider, 'diary-x-RS-2022', assign('c1'), same);
    const again = await pipeline.execute(registryDecider, 'diary-x-RS-2022', assign('c1'), same);
    expect(again.events).toEqual([]);
    expect(await store.readStream('diary-x-RS-2022')).toHaveLength(1);
  });

  it('a keyed command that succeeded before a crash, retried after the stream moved on, is answered as a replay, not a conflict', async () => {
    // a decider that is not a no-op on repeat: every Tick appends; only the event ids can tell a retry
    const ticker: Decider<{ n: number }, DomainEvent<'Ticked', { n: number }>, number> = {
      name: 'ticker',
      initialState: 0,
      evolve: (count) => count + 1,
      decide: ({ n }) => [{ type: 'Ticked', data: { n } }],
    };
    const keyed = { ...envelope('client-key-1'), retryable: true };
    await new CommandPipeline(store, clock, defaultPipelineOptions).execute(ticker, 'ticker-1', { n: 1 }, keyed); // answer lost in a crash
    await new CommandPipeline(store, clock, defaultPipelineOptions).execute(ticker, 'ticker-1', { n: 2 }, envelope()); // someone else writes
    const afterRestart = new CommandPipeline(store, clock, defaultPipelineOptions);
    const retried = await afterRestart.execute(ticker, 'ticker-1', { n: 1 }, keyed);
    expect(retried).toMatchObject({ events: [], state: 2, revision: 1 });
    expect((await store.readStream('ticker-1')).map((e) => e.data.n)).toEqual([1, 2]);
  });

  it('never answers a refusal from a cached state another process has since changed', async () => {
    type GateEvent = { type: 'Opened' | 'Passed'; data: Record<string, never> };
    const gate = {
      name: 'gate',
      initialState: { open: false },
      evolve: (state: { open: boolean }, e: GateEvent) => (e.type === 'Opened' ? { open: true } : state),
      decide: (command: 'open' | 'pass', state: { open: boolean }): GateEvent[] => {
        if (command === 'open') return [{ type: 'Opened', data: {} }];
        if (!state.open) throw new Problem('GATE-CLOSED', 422, 'Stängd.', 'Closed.');
        return [{ type: 'Passed', data: {} }];
      },
    };
    const a = new CommandPipeline(store, clock, defaultPipelineOptions);
    const b = new CommandPipeline(store, clock, defaultPipelineOptions);
    await a.load(gate, 'gate-1'); // a caches "closed"
    await b.execute(gate, 'gate-1', 'open', envelope());
    await expect(a.execute(gate, 'gate-1', 'pass', envelope())).resolves.toMatchObject({ revision: 1 });
  });

  it('upcasts stored events of an older schema version when folding', async () => {
    const decider = {
      name: 'counter',
      initialState: 0,
      evolve: (total: number, e: { type: string; data: { amountOre?: number; kronor?: number } }) => total + (e.data.amountOre ?? 0),
      decide: () => [],
      upcast: (_type: string, version: number, data: object) =>
        version === 1 ? { amountOre: ((data as { kronor: number }).kronor ?? 0) * 100 } : data,
    };
    await store.append('counter-1', [{ id: randomUUID(), type: 'Added', data: { kronor: 5 }, metadata: { schemaVersion: 1 } }], 'no_stream');
    await store.append('counter-1', [{ id: randomUUID(), type: 'Added', data: { amountOre: 250 }, metadata: { schemaVersion: 2 } }], 0);
    const pipeline = new CommandPipeline(store, clock, defaultPipelineOptions);
    expect((await pipeline.load(decider, 'counter-1')).state).toBe(750);
  });
});
