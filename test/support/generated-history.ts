import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.factory';
import { loadSeed003Demo } from '../../src/demo/seed-003.demo';
import { EVENT_STORE, EventStore, EventToAppend, JsonObject, RecordedEvent } from '../../src/event-store/event-store.port';
import { ManualClock } from '../../src/platform/clock';
import { eventHash } from '../../src/platform/hash-chain';
import { deterministicId } from '../../src/platform/ids';

/**
 * Large, realistic histories for projection tests and benchmarks: the seed-003 story is told
 * once through the real API (every event type of a decided case, a meeting, a delegation, an
 * agreement with delegated decisions), and then copied N times with every id renamed — uuids,
 * the organisation, event ids — and each stream's hash chain recomputed, so the copies are as
 * valid as the original and every projection has real work to do.
 */
export async function recordSeed003Template(): Promise<RecordedEvent[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fordela-template-'));
  const app = await createApp({
    env: { DATA_DIR: dataDir, AUTH_MODE: 'dev', SQLITE_SYNCHRONOUS: 'NORMAL', DEMO_DATA: 'false' },
    clock: new ManualClock(new Date('2022-03-01T08:00:00Z')),
    logger: false,
  });
  try {
    await loadSeed003Demo(app);
    const events: RecordedEvent[] = [];
    for await (const event of app.get<EventStore>(EVENT_STORE).readAll()) events.push(event);
    return events;
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

export interface AppendRun {
  streamId: string;
  /** the revision the stream must be at: the run's events follow it */
  expected: 'no_stream' | number;
  events: EventToAppend[];
}

/** Copy number `copy` of the template, as runs of consecutive events of one stream in the template's order. */
export function copyOfTemplate(template: RecordedEvent[], copy: number): AppendRun[] {
  const renamed = new Map<string, string>();
  const rename = (text: string) =>
    text
      .replace(UUID, (id) => {
        let next = renamed.get(id);
        if (!next) renamed.set(id, (next = deterministicId('copy', String(copy), id)));
        return next;
      })
      .replace(/region-exempel/g, `region-exempel-${copy}`);
  const runs: AppendRun[] = [];
  const lastHash = new Map<string, string | null>();
  for (const event of template) {
    // streams named by a hash (idempotency keys) keep their name through the renaming: number them
    const renamedStream = rename(event.streamId);
    const streamId = renamedStream === event.streamId ? `${event.streamId}-copy-${copy}` : renamedStream;
    const data = JSON.parse(rename(JSON.stringify(event.data))) as JsonObject;
    const metadata = JSON.parse(rename(JSON.stringify(event.metadata))) as JsonObject;
    const hash = eventHash(lastHash.get(streamId) ?? null, event.type, data, metadata);
    metadata.hash = hash;
    lastHash.set(streamId, hash);
    const appended: EventToAppend = { id: deterministicId('copy-event', String(copy), event.id), type: event.type, data, metadata };
    const last = runs[runs.length - 1];
    if (last && last.streamId === streamId) last.events.push(appended);
    else runs.push({ streamId, expected: event.revision === 0 ? 'no_stream' : event.revision - 1, events: [appended] });
  }
  return runs;
}

/** Appends copies [from, to) of the template, many appends in flight (the SQLite writer commits them in groups). */
export async function appendCopies(store: EventStore, template: RecordedEvent[], from: number, to: number): Promise<number> {
  let appended = 0;
  const inFlight = new Set<Promise<void>>();
  for (let copy = from; copy < to; copy++) {
    // one copy's streams in order: a stream's events never race each other
    const task = (async () => {
      for (const { streamId, expected, events } of copyOfTemplate(template, copy)) {
        await store.append(streamId, events, expected);
        appended += events.length;
      }
    })();
    inFlight.add(task);
    task.finally(() => inFlight.delete(task)).catch(() => undefined);
    if (inFlight.size >= 64) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return appended;
}
