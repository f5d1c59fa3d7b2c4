import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExpectedRevision } from '../../src/event-store/event-store.port';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { sampleEvent } from './events';

export interface RateResult {
  events: number;
  seconds: number;
  eventsPerSecond: number;
}

export interface AdapterResult extends RateResult {
  appenders: number;
  /** eventsPerSecond / raw one-commit-per-event eventsPerSecond */
  ratioToRaw: number;
}

function tempFile(label: string): { file: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `fordela-bench-${label}-`));
  return { file: join(dir, 'events.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The ceiling: better-sqlite3 on its own, one INSERT per transaction (one commit = one WAL fsync
 * per event). The table is created by SqliteEventStore itself, so the schema is the adapter's by
 * construction; the connection then uses the adapter's pragmas.
 */
export async function rawOneCommitPerEvent(seconds: number): Promise<RateResult> {
  const { file, cleanup } = tempFile('raw');
  await new SqliteEventStore({ file, synchronous: 'FULL' }).close();
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    const insert = db.prepare(
      'INSERT INTO events (id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const streams = 32;
    const revisions = new Array<number>(streams).fill(0);
    let events = 0;
    const start = performance.now();
    const deadline = start + seconds * 1000;
    while (performance.now() < deadline) {
      const e = sampleEvent(events);
      const s = events % streams;
      // autocommit: each statement is its own transaction, committed (and fsynced) before run() returns
      insert.run(e.id, `bench-${s}`, revisions[s]++, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata), Date.now());
      events++;
    }
    const elapsed = (performance.now() - start) / 1000;
    return { events, seconds: elapsed, eventsPerSecond: events / elapsed };
  } finally {
    db.close();
    cleanup();
  }
}

/**
 * The adapter: `appenders` concurrent loops, each appending single events to its own stream with
 * the exact expected revision, until the time is up. Group commit batches whatever is queued.
 */
export async function adapterAppendRate(appenders: number, seconds: number, raw: RateResult): Promise<AdapterResult> {
  const { file, cleanup } = tempFile(`adapter-${appenders}`);
  const store = new SqliteEventStore({ file, synchronous: 'FULL' });
  try {
    let events = 0;
    const start = performance.now();
    const deadline = start + seconds * 1000;
    const loop = async (a: number): Promise<void> => {
      let expected: ExpectedRevision = 'no_stream';
      while (performance.now() < deadline) {
        const result = await store.append(`bench-${a}`, [sampleEvent(events)], expected);
        expected = result.nextExpectedRevision;
        events++;
      }
    };
    await Promise.all(Array.from({ length: appenders }, (_, a) => loop(a)));
    const elapsed = (performance.now() - start) / 1000;
    const eventsPerSecond = events / elapsed;
    return { appenders, events, seconds: elapsed, eventsPerSecond, ratioToRaw: eventsPerSecond / raw.eventsPerSecond };
  } finally {
    await store.close();
    cleanup();
  }
}
