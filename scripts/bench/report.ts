import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { HttpBench, HttpResult } from './http';
import { AdapterResult, RateResult } from './sqlite';
import { AsOfBench } from './asof';
import type { PhaseResult } from './phase';
import { ProjectionBench } from './projections';
import { ReadEndpointsBench } from './read-endpoints';

export interface MachineFacts {
  cpuModel: string;
  cores: number;
  totalMemoryGiB: number;
  node: string;
  os: string;
  tmpdir: string;
  /** 1-minute load average when the bench started: well above 0 means something else was running */
  loadAverageAtStart: number;
  date: string;
}

export function machineFacts(): MachineFacts {
  const cpu = cpus();
  return {
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    totalMemoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${platform()} ${release()}`,
    tmpdir: tmpdir(),
    loadAverageAtStart: Math.round(loadavg()[0] * 100) / 100,
    date: new Date().toISOString(),
  };
}

export interface BenchSettings {
  /** the parts run (BENCH_ONLY) */
  parts: string[];
  benchSeconds: number;
  sqliteSeconds: number;
  warmupSeconds: number;
  eventBytes: number;
  projectionEvents: number;
  postgresEvents: number;
  asOfEvents: number;
  asOfSeconds: number;
  readCopies: number;
}

/** Each part is present when it ran (BENCH_ONLY). */
export interface BenchResults {
  machine: MachineFacts;
  settings: BenchSettings;
  sqlite?: { raw: RateResult; adapter1: AdapterResult; adapter32: AdapterResult };
  http?: HttpBench;
  /** SQLite read models, then PostgreSQL when BENCH_DATABASE_URL was given */
  projections?: ProjectionBench[];
  asOf?: AsOfBench;
  readModels?: ReadEndpointsBench;
}

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const r = (x: number) => x.toFixed(2);
const ms = (x: number) => `${x} ms`;

function httpCells(h: HttpResult): string[] {
  return [`${n(h.requestsPerSecond)} req/s`, ms(h.p50Ms), ms(h.p99Ms), String(h.non2xx + h.errors), `${r(h.serverCpu)} / ${r(h.loadGeneratorCpu)} / ${h.otherCpu === null ? '?' : r(h.otherCpu)}`];
}

/** Rows as a plain-text table, the first row its header. */
function render(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const line = (row: string[]) => row.map((cell, c) => cell.padEnd(widths[c])).join(' | ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.slice(1).map(line)];
}

const HTTP_HEADER = ['figure', 'value', 'p50', 'p99', 'non-2xx+err', 'cpu srv/gen/other', 'ceiling', 'ratio'];

/** Durable appends and the register-case command (the first table of docs/benchmarks.md). */
function writeTable(results: BenchResults): string[] {
  const rows: string[][] = [HTTP_HEADER];
  const out: string[] = [];
  const { sqlite, http } = results;
  if (sqlite) {
    const { raw, adapter1, adapter32 } = sqlite;
    rows.push(
      ['raw better-sqlite3, 1 commit/event (ceiling)', `${n(raw.eventsPerSecond)} ev/s`, '', '', '', '', '—', '1.00'],
      ['SqliteEventStore, 1 appender', `${n(adapter1.eventsPerSecond)} ev/s`, '', '', '', '', `${n(raw.eventsPerSecond)} ev/s (raw)`, r(adapter1.ratioToRaw)],
      ['SqliteEventStore, 32 appenders', `${n(adapter32.eventsPerSecond)} ev/s`, '', '', '', '', `${n(raw.eventsPerSecond)} ev/s (raw)`, r(adapter32.ratioToRaw)],
    );
  }
  if (http) {
    const { echo, registerCase } = http;
    rows.push(
      ['HTTP validated echo (ceiling)', ...httpCells(echo), '—', '1.00'],
      ['HTTP POST /api/cases (register case)', ...httpCells(registerCase), `${n(echo.requestsPerSecond)} req/s (echo)`, r(http.ratioRegisterToEcho)],
    );
  }
  out.push(...render(rows), '');
  const s = results.settings;
  if (http) {
    const { echo, registerCase } = http;
    const other = Math.max(echo.otherCpu ?? 0, registerCase.otherCpu ?? 0);
    out.push(
      `goal register/echo >= ${http.goal}: ${http.goalMet ? 'MET' : 'NOT MET'} (${r(http.ratioRegisterToEcho)}; non-2xx echo ${echo.non2xx}, register ${registerCase.non2xx})`,
      `HTTP: ${http.mode}; ${http.connections} connections, ${s.benchSeconds} s each after ${s.warmupSeconds} s warm-up; SQLITE_SYNCHRONOUS=FULL`,
      ...(other > 0.1 ? [`WARNING: other processes used ${r(other)} cores during an HTTP run; the figures are not from a quiet machine`] : []),
    );
  }
  if (sqlite) out.push(`SQLite: synchronous=FULL, WAL, ${s.eventBytes}-byte events, ${s.sqliteSeconds} s each, files in ${results.machine.tmpdir}`);
  return out;
}

const rss = (p: PhaseResult) => `${p.rssStartMb} / ${p.rssAtQuartersMb.join(' / ')}`;

/** Projection rebuilds against the raw read-all of the same store. */
function projectionTable(bench: ProjectionBench): string[] {
  const ceiling = `${n(bench.readAllCeiling)} ev/s (read-all)`;
  const phaseRow = (figure: string, p: PhaseResult, ceilingCell: string, ratio: string) => [
    figure,
    n(p.events),
    `${n(p.eventsPerSecond)} ev/s`,
    `${p.seconds.toFixed(1)} s`,
    rss(p),
    `${p.peakRssMb} MB`,
    ceilingCell,
    ratio,
  ];
  const rows: string[][] = [['figure', 'events', 'rate', 'time', 'RSS MB start / 25 / 50 / 75 / 100 %', 'peak RSS', 'ceiling', 'ratio']];
  bench.readAll.forEach((p, i) => rows.push(phaseRow(`raw read-all, ${i === 0 ? 'before' : 'after'} the rebuild (ceiling: the faster)`, p, '—', r(p.eventsPerSecond / bench.readAllCeiling))));
  rows.push(phaseRow(`rebuild all projections (${bench.database})`, bench.rebuildAll, ceiling, r(bench.rebuildAll.ratioToReadAll)));
  for (const p of bench.perProjection) rows.push(phaseRow(`  rebuild ${p.name} alone`, p, ceiling, r(p.ratioToReadAll)));
  const all = bench.rebuildAll;
  const growth = all.rssAtQuartersMb[all.rssAtQuartersMb.length - 1] - all.rssAtQuartersMb[0];
  return [
    ...render(rows),
    '',
    `goal rebuild/read-all >= ${bench.goalRatio}: ${bench.goalRatioMet ? 'MET' : 'NOT MET'} (${r(all.ratioToReadAll)}); goal peak RSS < ${bench.goalRssMb} MB: ${bench.goalRssMet ? 'MET' : 'NOT MET'} (${all.peakRssMb} MB; ${growth >= 0 ? '+' : ''}${growth} MB from 25 % to 100 %)`,
    `store: ${n(bench.store.events)} events (${n(bench.store.copies)} copies of the ${bench.store.templateEvents}-event seed-003 history, one organisation each), SQLite synchronous=NORMAL, ${bench.store.reused ? 'reused from BENCH_CACHE_DIR' : `generated in ${bench.store.generationSeconds.toFixed(0)} s`}; read models: ${bench.target}`,
    'each figure is a child process of its own (plain JavaScript, no ts-node); RSS sampled per page/batch; peak = process.resourceUsage().maxRSS',
  ];
}

function asOfTable(a: AsOfBench): string[] {
  const rows = [
    ['figure', 'stream events', 'calls/s', 'events/s', 'ceiling', 'ratio'],
    ['readStream of the agreement (ceiling)', n(a.streamEvents), n(a.readStream.callsPerSecond), n(a.readStream.eventsPerSecond), '—', '1.00'],
    ['as-of replay of the agreement (asOf, every event folded)', n(a.streamEvents), n(a.asOf.callsPerSecond), n(a.asOf.eventsPerSecond), `${n(a.readStream.callsPerSecond)} calls/s (readStream)`, r(a.ratio)],
  ];
  return [
    ...render(rows),
    '',
    `goal as-of/readStream >= ${a.goal}: ${a.goalMet ? 'MET' : 'NOT MET'} (${r(a.ratio)}); stream built with ${n(a.reallocations)} delegated reallocations through the API in ${a.buildSeconds.toFixed(0)} s, as of ${a.at}`,
  ];
}

function readModelsTable(b: ReadEndpointsBench): string[] {
  const rows: string[][] = [[...HTTP_HEADER.slice(0, -2), 'ceiling (p99)', 'p99 ratio']];
  rows.push(['HTTP validated echo (ceiling)', ...httpCells(b.echo), '—', '1.00']);
  for (const e of b.endpoints) {
    const figure = `HTTP GET ${e.path} (${e.name})`;
    if (!e.result) rows.push([figure, `not measured: ${e.probeStatus}`, '', '', '', '', '', '']);
    else rows.push([figure, ...httpCells(e.result), `${ms(b.echo.p99Ms)} (echo)`, r(e.p99ToEcho ?? 0)]);
  }
  const st = b.store;
  const other = Math.max(b.echo.otherCpu ?? 0, ...b.endpoints.map((e) => e.result?.otherCpu ?? 0));
  return [
    ...render(rows),
    '',
    ...(other > 0.1 ? [`WARNING: other processes used ${r(other)} cores during a run; the figures are not from a quiet machine`] : []),
    `server: ${n(st.events)} events, ${n(st.copies)} copies of seed-003 all in ${st.organisation} (its case board: ${n(st.copies)} cases), read models rebuilt in ${st.rebuildSeconds.toFixed(0)} s; ledger requests rotate over ${n(b.agreements)} agreements; ${b.connections} connections`,
  ];
}

/** Plain-text tables, one per part run: figure, value, the ceiling it is compared to, ratio. */
export function table(results: BenchResults): string {
  const out: string[] = [];
  if (results.sqlite || results.http) out.push(...writeTable(results), '');
  for (const p of results.projections ?? []) out.push(...projectionTable(p), '');
  if (results.asOf) out.push(...asOfTable(results.asOf), '');
  if (results.readModels) out.push(...readModelsTable(results.readModels), '');
  const m = results.machine;
  out.push(
    'cpu srv/gen/other: cores busy in the server process, in the load generator, and in anything else on the machine during the run',
    `machine: ${m.cpuModel}, ${m.cores} cores, ${m.totalMemoryGiB} GiB, Node ${m.node}, ${m.os}, load average at start ${m.loadAverageAtStart}, ${m.date}`,
  );
  return out.join('\n');
}
