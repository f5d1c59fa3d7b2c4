import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { HttpBench, HttpResult } from './http';
import { AdapterResult, RateResult } from './sqlite';

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

export interface BenchResults {
  machine: MachineFacts;
  settings: { benchSeconds: number; sqliteSeconds: number; warmupSeconds: number; eventBytes: number };
  sqlite: { raw: RateResult; adapter1: AdapterResult; adapter32: AdapterResult };
  http: HttpBench;
}

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const r = (x: number) => x.toFixed(2);
const ms = (x: number) => `${x} ms`;

function httpCells(h: HttpResult): string[] {
  return [`${n(h.requestsPerSecond)} req/s`, ms(h.p50Ms), ms(h.p99Ms), String(h.non2xx + h.errors), `${r(h.serverCpu)} / ${r(h.loadGeneratorCpu)} / ${h.otherCpu === null ? '?' : r(h.otherCpu)}`];
}

/** A plain-text table: figure, value, the ceiling it is compared to, ratio. */
export function table(results: BenchResults): string {
  const { raw, adapter1, adapter32 } = results.sqlite;
  const { echo, registerCase } = results.http;
  const rows: string[][] = [
    ['figure', 'value', 'p50', 'p99', 'non-2xx+err', 'cpu srv/gen/other', 'ceiling', 'ratio'],
    ['raw better-sqlite3, 1 commit/event (ceiling)', `${n(raw.eventsPerSecond)} ev/s`, '', '', '', '', '—', '1.00'],
    ['SqliteEventStore, 1 appender', `${n(adapter1.eventsPerSecond)} ev/s`, '', '', '', '', `${n(raw.eventsPerSecond)} ev/s (raw)`, r(adapter1.ratioToRaw)],
    ['SqliteEventStore, 32 appenders', `${n(adapter32.eventsPerSecond)} ev/s`, '', '', '', '', `${n(raw.eventsPerSecond)} ev/s (raw)`, r(adapter32.ratioToRaw)],
    ['HTTP validated echo (ceiling)', ...httpCells(echo), '—', '1.00'],
    ['HTTP POST /api/cases (register case)', ...httpCells(registerCase), `${n(echo.requestsPerSecond)} req/s (echo)`, r(results.http.ratioRegisterToEcho)],
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const line = (row: string[]) => row.map((cell, c) => cell.padEnd(widths[c])).join(' | ');
  const out = [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.slice(1).map(line)];
  const m = results.machine;
  const verdict = results.http.goalMet ? 'MET' : 'NOT MET';
  const other = Math.max(echo.otherCpu ?? 0, registerCase.otherCpu ?? 0);
  out.push(
    '',
    `goal register/echo >= ${results.http.goal}: ${verdict} (${r(results.http.ratioRegisterToEcho)}; non-2xx echo ${echo.non2xx}, register ${registerCase.non2xx})`,
    'cpu srv/gen/other: cores busy in the server process, in the load generator, and in anything else on the machine during the run',
    `HTTP: ${results.http.mode}; ${results.http.connections} connections, ${results.settings.benchSeconds} s each after ${results.settings.warmupSeconds} s warm-up; SQLITE_SYNCHRONOUS=FULL`,
    `SQLite: synchronous=FULL, WAL, ${results.settings.eventBytes}-byte events, ${results.settings.sqliteSeconds} s each, files in ${m.tmpdir}`,
    ...(other > 0.1 ? [`WARNING: other processes used ${r(other)} cores during an HTTP run; the figures are not from a quiet machine`] : []),
    `machine: ${m.cpuModel}, ${m.cores} cores, ${m.totalMemoryGiB} GiB, Node ${m.node}, ${m.os}, load average at start ${m.loadAverageAtStart}, ${m.date}`,
  );
  return out.join('\n');
}
