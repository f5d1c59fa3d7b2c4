import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.factory';
import { asOf } from '../../src/audit/as-of';
import { loadSeed003Demo } from '../../src/demo/seed-003.demo';
import { EVENT_STORE, EventStore, RecordedEvent } from '../../src/event-store/event-store.port';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { ManualClock } from '../../src/platform/clock';

export const AS_OF_GOAL_RATIO = 0.5;

export interface Rate {
  calls: number;
  seconds: number;
  callsPerSecond: number;
  /** events read (or folded) per second: callsPerSecond × stream length */
  eventsPerSecond: number;
}

export interface AsOfBench {
  streamId: string;
  streamEvents: number;
  /** the instant asked for: the last event's business time, so every event is folded */
  at: string;
  /** reallocations sent through the API to grow the stream, and how long building it took */
  reallocations: number;
  buildSeconds: number;
  readStream: Rate;
  asOf: Rate;
  /** asOf.callsPerSecond / readStream.callsPerSecond */
  ratio: number;
  goal: number;
  goalMet: boolean;
}

const DIRECTOR = { 'x-user-id': 'anders.bystrom', 'x-user-role': 'regional_director', 'x-organisation-id': 'region-exempel' };
const AREA = 'vision-ehalsa';

/** Calls `fn` for `seconds` (after a short unrecorded warm-up) and counts. */
async function rate(seconds: number, streamEvents: number, fn: () => Promise<unknown>): Promise<Rate> {
  for (let i = 0; i < 20; i++) await fn();
  let calls = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  while (performance.now() < deadline) {
    await fn();
    calls++;
  }
  const elapsed = (performance.now() - started) / 1000;
  return { calls, seconds: elapsed, callsPerSecond: calls / elapsed, eventsPerSecond: (calls * streamEvents) / elapsed };
}

/**
 * One agreement stream of ≥ `minEvents` events, built through the real app in-process: the
 * seed-003 demo, then delegated reallocations within area 3 back and forth (100 kr each, a minute
 * apart, from an hour after the demo's last step), each answered 2xx.
 */
async function buildLongAgreement(dataDir: string, minEvents: number): Promise<{ agreementId: string; reallocations: number }> {
  const clock = new ManualClock(new Date('2022-03-01T08:00:00Z'));
  const app = await createApp({
    env: { DATA_DIR: dataDir, AUTH_MODE: 'dev', SQLITE_SYNCHRONOUS: 'NORMAL', DEMO_DATA: 'false', LOG_LEVEL: 'error' },
    clock,
    logger: false,
  });
  try {
    await loadSeed003Demo(app);
    let agreementId = '';
    let delegationId = '';
    for await (const event of app.get<EventStore>(EVENT_STORE).readAll()) {
      if (event.type === 'AgreementOpened' || (!agreementId && event.streamId.startsWith('agreement-'))) agreementId = event.streamId.slice('agreement-'.length);
      if (event.type === 'DelegationGranted') delegationId = String(event.data.delegationId);
    }
    const ledger = await app.inject({ method: 'GET', url: `/api/agreements/${agreementId}`, headers: DIRECTOR });
    const area = (ledger.json() as { areas: Array<{ areaId: string; activities: Array<{ activityId: string }> }> }).areas.find((a) => a.areaId === AREA);
    const [first, second] = area?.activities.map((a) => a.activityId) ?? [];
    if (!first || !second || !delegationId) throw new Error(`as-of bench: the demo has no two activities in ${AREA} or no delegation`);
    const store = app.get<EventStore>(EVENT_STORE);
    const demo = await store.readStream(`agreement-${agreementId}`);
    let length = demo.length;
    // after the demo's last step, so business time never goes back along the stream
    const start = Math.max(...demo.map((e) => Date.parse(String(e.metadata.occurredAt)))) + 3_600_000;
    let reallocations = 0;
    while (length < minEvents) {
      clock.set(new Date(start + reallocations * 60_000));
      const forth = reallocations % 2 === 0;
      const response = await app.inject({
        method: 'POST',
        url: `/api/agreements/${agreementId}/reallocations`,
        headers: { ...DIRECTOR, 'idempotency-key': `bench-as-of-${reallocations}` },
        payload: { kind: 'within_area', areaId: AREA, fromActivityId: forth ? first : second, toActivityId: forth ? second : first, amountOre: 100_00, authority: { delegationId } },
      });
      if (response.statusCode >= 300) throw new Error(`as-of bench: reallocation ${reallocations} answered ${response.statusCode} ${response.body}`);
      reallocations++;
      length++;
    }
    return { agreementId, reallocations };
  } finally {
    await app.close();
  }
}

/** as-of replay of one long agreement stream against reading that stream raw, on the same store, in this process. */
export async function asOfBench(minEvents: number, seconds: number): Promise<AsOfBench> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fordela-bench-asof-'));
  try {
    const built = performance.now();
    const { agreementId, reallocations } = await buildLongAgreement(dataDir, minEvents);
    const buildSeconds = (performance.now() - built) / 1000;
    // read-only, without the app: nothing else (projections, writer thread) shares the event loop
    const store = new SqliteEventStore({ file: join(dataDir, 'events.db'), readonly: true });
    try {
      const streamId = `agreement-${agreementId}`;
      const events: RecordedEvent[] = await store.readStream(streamId);
      const at = new Date(String(events[events.length - 1].metadata.occurredAt));
      const raw = await rate(seconds, events.length, () => store.readStream(streamId));
      const replay = await rate(seconds, events.length, () => asOf(store, 'agreement', agreementId, at));
      const check = await asOf(store, 'agreement', agreementId, at);
      if (check.eventsFolded !== events.length) throw new Error(`as-of folded ${check.eventsFolded} of ${events.length} events`);
      const ratio = replay.callsPerSecond / raw.callsPerSecond;
      return {
        streamId,
        streamEvents: events.length,
        at: at.toISOString(),
        reallocations,
        buildSeconds,
        readStream: raw,
        asOf: replay,
        ratio,
        goal: AS_OF_GOAL_RATIO,
        goalMet: ratio >= AS_OF_GOAL_RATIO,
      };
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
