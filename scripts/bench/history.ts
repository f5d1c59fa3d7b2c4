import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonObject, RecordedEvent } from '../../src/event-store/event-store.port';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { appendCopies, recordSeed003Template } from '../../test/support/generated-history';

/**
 * `per-copy`: every copy is its own organisation (region-exempel-<n>), as test/support/generated-history
 * makes them. `one`: every copy belongs to BENCH_ORGANISATION, so one organisation's case board holds
 * thousands of cases (the board shows the actor's organisation only).
 */
export type Organisations = 'per-copy' | 'one';
export const BENCH_ORGANISATION = 'region-bench';

export interface GeneratedStore {
  dataDir: string;
  eventsFile: string;
  events: number;
  copies: number;
  templateEvents: number;
  /** time spent generating (0 when reused from BENCH_CACHE_DIR) */
  seconds: number;
  reused: boolean;
  /** removes the store unless it lives in BENCH_CACHE_DIR */
  cleanup(): void;
}

let template: Promise<RecordedEvent[]> | undefined;

/** The seed-003 history told once through the real API (test/support/generated-history.ts). */
export function seed003Template(): Promise<RecordedEvent[]> {
  template ??= recordSeed003Template();
  return template;
}

/** The template moved to BENCH_ORGANISATION; the copies' hash chains are recomputed anyway. */
function inOneOrganisation(events: RecordedEvent[]): RecordedEvent[] {
  const move = <T>(value: T): T => JSON.parse(JSON.stringify(value).replace(/region-exempel/g, BENCH_ORGANISATION)) as T;
  return events.map((e) => ({ ...e, streamId: move(e.streamId), data: move<JsonObject>(e.data), metadata: move<JsonObject>(e.metadata) }));
}

/** How big: at least this many events, or exactly this many copies of the template. */
export type StoreSize = { minEvents: number } | { copies: number };

/** The template's content (deterministic: ids come from idempotency keys, times from a manual clock). */
const digest = (events: RecordedEvent[]) =>
  createHash('sha256')
    .update(JSON.stringify(events.map((e) => [e.streamId, e.type, e.data, e.metadata])))
    .digest('hex')
    .slice(0, 12);

/**
 * An embedded store (synchronous NORMAL) of copies of the seed-003 history with renamed ids and
 * recomputed hash chains. With BENCH_CACHE_DIR set the store is kept there and reused by later
 * runs of the same size and the same template (generating a million events takes minutes; a
 * changed demo or event shape makes a new template, hence a new store).
 */
export async function generateStore(size: StoreSize, organisations: Organisations): Promise<GeneratedStore> {
  const cache = process.env.BENCH_CACHE_DIR;
  const recorded = await seed003Template();
  const sizeName = 'copies' in size ? `${size.copies}-copies` : `${size.minEvents}-events`;
  const dataDir = cache ? join(cache, `seed003-${digest(recorded)}-${organisations}-${sizeName}`) : mkdtempSync(join(tmpdir(), 'fordela-bench-history-'));
  const eventsFile = join(dataDir, 'events.db');
  const marker = join(dataDir, 'generated.json');
  const cleanup = () => (cache ? undefined : rmSync(dataDir, { recursive: true, force: true }));
  if (cache && existsSync(marker)) {
    const known = JSON.parse(readFileSync(marker, 'utf8')) as Pick<GeneratedStore, 'events' | 'copies' | 'templateEvents'>;
    return { dataDir, eventsFile, ...known, seconds: 0, reused: true, cleanup };
  }
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const source = organisations === 'one' ? inOneOrganisation(recorded) : recorded;
  const copies = 'copies' in size ? size.copies : Math.ceil(size.minEvents / source.length);
  const started = performance.now();
  const store = new SqliteEventStore({ file: eventsFile, synchronous: 'NORMAL' });
  let events = 0;
  try {
    const step = Math.max(1, Math.ceil(copies / 20));
    for (let from = 0; from < copies; from += step) {
      events += await appendCopies(store, source, from, Math.min(copies, from + step));
      const rate = events / ((performance.now() - started) / 1000);
      console.error(`  generated ${events.toLocaleString('en-US')} / ${(copies * source.length).toLocaleString('en-US')} events (${Math.round(rate).toLocaleString('en-US')} ev/s)`);
    }
  } finally {
    await store.close();
  }
  const known = { events, copies, templateEvents: source.length };
  if (cache) writeFileSync(marker, JSON.stringify(known));
  return { dataDir, eventsFile, ...known, seconds: (performance.now() - started) / 1000, reused: false, cleanup };
}

/** Ids of up to `limit` agreements in the store, in store order. */
export function agreementIds(eventsFile: string, limit: number): string[] {
  const db = new Database(eventsFile, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare<[number], { stream_id: string }>("SELECT stream_id FROM events WHERE stream_id LIKE 'agreement-%' AND revision = 0 ORDER BY position LIMIT ?")
      .all(limit);
    return rows.map((r) => r.stream_id.slice('agreement-'.length));
  } finally {
    db.close();
  }
}
