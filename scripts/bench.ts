/**
 * `npm run bench`: durable append rates of the embedded store, HTTP command throughput, projection
 * rebuilds, as-of replay and read-endpoint latency, each next to its ceiling measured in the same
 * run. Prints JSON, then tables; the JSON also goes to bench-results/latest.json. See docs/benchmarks.md.
 *
 * BENCH_ONLY (default: all): comma-separated parts to run: sqlite, http, projections, postgres,
 *   asof, readmodels. `postgres` runs only when BENCH_DATABASE_URL is set (then it is in "all").
 * BENCH_SECONDS (default 10): length of each HTTP run. BENCH_SQLITE_SECONDS (default 3): length of
 *   each SQLite run. BENCH_WARMUP_SECONDS (default 2): unrecorded HTTP warm-up per endpoint.
 * BENCH_SERVER_NODE_ARGS: extra node flags for the server process, e.g. "--cpu-prof".
 * BENCH_PROJECTION_EVENTS (default 1000000): events generated for the projection rebuild (whole
 *   copies of the seed-003 history, so slightly more). BENCH_PER_PROJECTION (default 1): 0 skips
 *   rebuilding each projection alone. BENCH_REBUILD_BATCH: events per rebuild transaction (default:
 *   the runner's). BENCH_PHASE_NODE_ARGS: extra node flags for the measured
 *   read-all/rebuild processes, e.g. "--cpu-prof --cpu-prof-dir=bench-results/prof".
 * BENCH_DATABASE_URL: PostgreSQL for the optional rebuild into PostgreSQL (e.g.
 *   postgres://postgres@127.0.0.1:5432/test; a fresh schema per rebuild, dropped afterwards);
 *   BENCH_POSTGRES_EVENTS (default 200000) events for it.
 * BENCH_ASOF_EVENTS (default 1000): length of the agreement stream replayed as of an instant;
 *   BENCH_ASOF_SECONDS (default 3): length of each as-of/readStream measurement.
 * BENCH_READ_COPIES (default 2000): copies of the seed-003 history (one organisation) the server
 *   holds for the case board and ledger latency runs.
 * BENCH_CACHE_DIR: keep generated stores there and reuse them in later runs of the same size.
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asOfBench } from './bench/asof';
import { eventBytes } from './bench/events';
import { httpBench } from './bench/http';
import { projectionBench } from './bench/projections';
import { readEndpointsBench } from './bench/read-endpoints';
import { BenchResults, machineFacts, table } from './bench/report';
import { adapterAppendRate, rawOneCommitPerEvent } from './bench/sqlite';

const PARTS = ['sqlite', 'http', 'projections', 'postgres', 'asof', 'readmodels'] as const;
type Part = (typeof PARTS)[number];

function number(name: string, fallback: number, what = 'a number'): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be ${what}`);
  return value;
}

const seconds = (name: string, fallback: number) => number(name, fallback, 'a number of seconds');

function parts(): Part[] {
  const only = process.env.BENCH_ONLY;
  if (!only) return PARTS.filter((p) => p !== 'postgres' || process.env.BENCH_DATABASE_URL);
  const chosen = only.split(',').map((p) => p.trim()).filter(Boolean);
  const unknown = chosen.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length > 0) throw new Error(`BENCH_ONLY: unknown part(s) ${unknown.join(', ')}; known: ${PARTS.join(', ')}`);
  if (chosen.includes('postgres') && !process.env.BENCH_DATABASE_URL) throw new Error('BENCH_ONLY=postgres needs BENCH_DATABASE_URL');
  return chosen as Part[];
}

async function main(): Promise<void> {
  const run = parts();
  const settings = {
    parts: run,
    benchSeconds: seconds('BENCH_SECONDS', 10),
    sqliteSeconds: seconds('BENCH_SQLITE_SECONDS', 3),
    warmupSeconds: seconds('BENCH_WARMUP_SECONDS', 2),
    eventBytes: eventBytes(),
    projectionEvents: number('BENCH_PROJECTION_EVENTS', 1_000_000),
    postgresEvents: number('BENCH_POSTGRES_EVENTS', 200_000),
    asOfEvents: number('BENCH_ASOF_EVENTS', 1000),
    asOfSeconds: seconds('BENCH_ASOF_SECONDS', 3),
    readCopies: number('BENCH_READ_COPIES', 2000),
  };
  const results: BenchResults = { machine: machineFacts(), settings };

  if (run.includes('sqlite')) {
    console.error('sqlite: raw one commit per event …');
    const raw = await rawOneCommitPerEvent(settings.sqliteSeconds);
    console.error('sqlite: adapter, 1 appender …');
    const adapter1 = await adapterAppendRate(1, settings.sqliteSeconds, raw);
    console.error('sqlite: adapter, 32 appenders …');
    const adapter32 = await adapterAppendRate(32, settings.sqliteSeconds, raw);
    results.sqlite = { raw, adapter1, adapter32 };
  }
  if (run.includes('http')) {
    console.error('http: echo and register case …');
    results.http = await httpBench(settings.benchSeconds, settings.warmupSeconds, 50, 0.6);
  }
  const perProjection = process.env.BENCH_PER_PROJECTION !== '0';
  const batchSize = process.env.BENCH_REBUILD_BATCH ? number('BENCH_REBUILD_BATCH', 0, 'a number of events') : undefined;
  if (run.includes('projections')) {
    results.projections = [await projectionBench({ events: settings.projectionEvents, perProjection, batchSize })];
  }
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  if (run.includes('postgres') && databaseUrl) {
    const postgres = await projectionBench({ events: settings.postgresEvents, perProjection, batchSize, databaseUrl });
    results.projections = [...(results.projections ?? []), postgres];
  }
  if (run.includes('asof')) {
    console.error(`as-of: building an agreement stream of ${settings.asOfEvents} events through the API …`);
    results.asOf = await asOfBench(settings.asOfEvents, settings.asOfSeconds);
  }
  if (run.includes('readmodels')) {
    results.readModels = await readEndpointsBench(settings.readCopies, settings.benchSeconds, settings.warmupSeconds, 50);
  }

  const json = JSON.stringify(results, null, 2);
  const dir = join(__dirname, '..', 'bench-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), `${json}\n`);
  console.log(json);
  console.log();
  console.log(table(results));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
