/**
 * One measured phase of the projection bench, alone in its own process so its RSS is its own:
 * `read-all` (the store's raw read-all, every event touched) or `rebuild` (projections rebuilt
 * from zero through `rebuildProjections`, as `npm run projections -- rebuild` does). Started by
 * scripts/bench/children.ts with the spec in BENCH_PHASE (JSON); answers one PhaseResult over IPC.
 * Runs as plain JavaScript (scripts/bench/compile.ts), not under ts-node, for a true RSS.
 */
import 'reflect-metadata';
import { sql } from 'kysely';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { ALL_PROJECTIONS } from '../../src/projections/all-projections';
import { openReadDatabase } from '../../src/projections/read-database';
import { rebuildProjections } from '../../src/projections/rebuild';

export interface PhaseSpec {
  kind: 'read-all' | 'rebuild';
  /** the SQLite event store file (opened read-only) */
  eventsFile: string;
  /** rebuild: where read-models.db goes (SQLite) */
  dataDir?: string;
  /** rebuild: projection names (all when absent) */
  projections?: string[];
  /** rebuild into PostgreSQL instead: the schema is created, and dropped at the end */
  databaseUrl?: string;
  databaseSchema?: string;
  /** rebuild: events per transaction (the runner's default when absent) */
  batchSize?: number;
  /** events in the store, for the RSS quartiles */
  expectedEvents: number;
}

export interface PhaseResult {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** RSS once the modules are loaded, before the store is opened */
  rssStartMb: number;
  /** RSS when 25, 50, 75 and 100 % of the events were processed */
  rssAtQuartersMb: number[];
  /** the largest RSS sampled while working (every page or batch) */
  rssMaxSampledMb: number;
  /** process.resourceUsage().maxRSS: the kernel's peak for the whole process */
  peakRssMb: number;
}

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

/** RSS sampled as work progresses; a timer would not fire: reading and applying never yield to the event loop's timers. */
class RssTrack {
  private readonly quarters: number[] = [];
  private max = 0;
  private last: number | undefined;
  constructor(private readonly expected: number) {}

  sample(done: number): void {
    const rss = process.memoryUsage.rss();
    this.max = Math.max(this.max, rss);
    while (this.quarters.length < 3 && done >= (this.expected * (this.quarters.length + 1)) / 4) this.quarters.push(rss);
  }

  /** the 100 % point: the work is done, nothing closed yet */
  finish(): void {
    this.last = process.memoryUsage.rss();
    this.max = Math.max(this.max, this.last);
  }

  result(): { rssAtQuartersMb: number[]; rssMaxSampledMb: number } {
    return { rssAtQuartersMb: [...this.quarters, this.last ?? process.memoryUsage.rss()].map(mb), rssMaxSampledMb: mb(this.max) };
  }
}

interface Timed {
  events: number;
  seconds: number;
}

async function readAll(spec: PhaseSpec, track: RssTrack): Promise<Timed> {
  const started = performance.now();
  const store = new SqliteEventStore({ file: spec.eventsFile, readonly: true });
  let events = 0;
  let touched = 0;
  try {
    for await (const event of store.readAll()) {
      // touch what a projection looks at first: the type, the stream, the business time, the data
      touched += event.type.length + event.streamId.length + String(event.metadata.occurredAt).length + Object.keys(event.data).length;
      if (++events % 1000 === 0) track.sample(events);
    }
    track.finish();
  } finally {
    await store.close();
  }
  if (touched === 0 && events > 0) throw new Error('nothing touched');
  return { events, seconds: (performance.now() - started) / 1000 };
}

/** Timed as rebuildProjections times itself: from dropping the tables to caught up (not opening or dropping a PostgreSQL schema). */
async function rebuild(spec: PhaseSpec, track: RssTrack): Promise<Timed> {
  const store = new SqliteEventStore({ file: spec.eventsFile, readonly: true });
  const db = await openReadDatabase({ DATA_DIR: spec.dataDir ?? '', DATABASE_URL: spec.databaseUrl, DATABASE_SCHEMA: spec.databaseSchema });
  const projections = spec.projections ? ALL_PROJECTIONS.filter((p) => spec.projections?.includes(p.name)) : ALL_PROJECTIONS;
  if (spec.projections && projections.length !== spec.projections.length) throw new Error(`unknown projection in ${spec.projections.join(', ')}`);
  try {
    const timed = await rebuildProjections(store, db, projections, { batchSize: spec.batchSize, onProgress: ({ events }) => track.sample(events) });
    track.finish();
    return timed;
  } finally {
    if (spec.databaseUrl && spec.databaseSchema) await sql`DROP SCHEMA IF EXISTS ${sql.id(spec.databaseSchema)} CASCADE`.execute(db.writer);
    await db.close();
    await store.close();
  }
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.env.BENCH_PHASE ?? '') as PhaseSpec;
  const rssStartMb = mb(process.memoryUsage.rss());
  const track = new RssTrack(spec.expectedEvents);
  const { events, seconds } = spec.kind === 'read-all' ? await readAll(spec, track) : await rebuild(spec, track);
  const result: PhaseResult = {
    events,
    seconds,
    eventsPerSecond: events / seconds,
    rssStartMb,
    ...track.result(),
    // maxRSS is in KiB
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  process.send?.(result, () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
