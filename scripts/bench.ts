/**
 * `npm run bench`: durable append rates of the embedded store and HTTP command throughput, each
 * next to its ceiling measured in the same run. Prints JSON, then a table; the JSON also goes to
 * bench-results/latest.json. See docs/benchmarks.md.
 *
 * BENCH_SECONDS (default 10): length of each HTTP run. BENCH_SQLITE_SECONDS (default 3): length of
 * each SQLite run. BENCH_WARMUP_SECONDS (default 2): unrecorded HTTP warm-up per endpoint.
 * BENCH_SERVER_NODE_ARGS: extra node flags for the server process, e.g. "--cpu-prof".
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventBytes } from './bench/events';
import { httpBench } from './bench/http';
import { BenchResults, machineFacts, table } from './bench/report';
import { adapterAppendRate, rawOneCommitPerEvent } from './bench/sqlite';

function seconds(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number of seconds`);
  return value;
}

async function main(): Promise<void> {
  const benchSeconds = seconds('BENCH_SECONDS', 10);
  const sqliteSeconds = seconds('BENCH_SQLITE_SECONDS', 3);
  const warmupSeconds = seconds('BENCH_WARMUP_SECONDS', 2);
  const machine = machineFacts();

  console.error('sqlite: raw one commit per event …');
  const raw = await rawOneCommitPerEvent(sqliteSeconds);
  console.error('sqlite: adapter, 1 appender …');
  const adapter1 = await adapterAppendRate(1, sqliteSeconds, raw);
  console.error('sqlite: adapter, 32 appenders …');
  const adapter32 = await adapterAppendRate(32, sqliteSeconds, raw);
  console.error('http: echo and register case …');
  const http = await httpBench(benchSeconds, warmupSeconds, 50, 0.6);

  const results: BenchResults = {
    machine,
    settings: { benchSeconds, sqliteSeconds, warmupSeconds, eventBytes: eventBytes() },
    sqlite: { raw, adapter1, adapter32 },
    http,
  };
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
