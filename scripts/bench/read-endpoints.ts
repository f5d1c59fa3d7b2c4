import autocannon from 'autocannon';
import { ChildProcess } from 'node:child_process';
import { runPhase } from './children';
import { agreementIds, BENCH_ORGANISATION, generateStore } from './history';
import { HttpResult, measure, startServer, stopServer } from './http';

export interface ReadEndpoint {
  name: string;
  /** the path measured (the ledger's rotates over `agreements` ids) */
  path: string;
  /** status of one probe request before the run; anything but 200 skips the run (an endpoint not there yet answers 404) */
  probeStatus: number;
  result: HttpResult | null;
  /** result.p99Ms / echo.p99Ms */
  p99ToEcho: number | null;
}

export interface ReadEndpointsBench {
  store: { events: number; copies: number; organisation: string; generationSeconds: number; reused: boolean; rebuildSeconds: number };
  connections: number;
  echo: HttpResult;
  endpoints: ReadEndpoint[];
  /** ledgers asked for, in rotation */
  agreements: number;
}

const HEADERS = { 'x-user-id': 'anna.registrator', 'x-user-role': 'registrar', 'x-organisation-id': BENCH_ORGANISATION };
const ECHO_BODY = JSON.stringify({ registry: 'RS', title: 'Fördelning överenskommelse God och nära vård 2022' });

async function probe(url: string): Promise<number> {
  const response = await fetch(url, { headers: HEADERS });
  await response.arrayBuffer();
  return response.status;
}

async function run(child: ChildProcess, options: autocannon.Options, seconds: number, warmupSeconds: number): Promise<HttpResult> {
  if (warmupSeconds > 0) await autocannon({ ...options, duration: warmupSeconds });
  return measure(child, { ...options, duration: seconds });
}

/**
 * p99 latency of the case board and the ledger under load, next to the validated echo in the same
 * server process. The server serves a DATA_DIR holding `copies` copies of the seed-003 history in
 * ONE organisation (so its case board has `copies` cases), with read models rebuilt beforehand.
 */
export async function readEndpointsBench(copies: number, seconds: number, warmupSeconds: number, connections: number): Promise<ReadEndpointsBench> {
  console.error(`read models: generating ${copies.toLocaleString('en-US')} copies of seed-003 in ${BENCH_ORGANISATION} …`);
  const store = await generateStore({ copies }, 'one');
  try {
    console.error('read models: rebuilding them for the server …');
    const rebuilt = await runPhase({ kind: 'rebuild', eventsFile: store.eventsFile, dataDir: store.dataDir, expectedEvents: store.events });
    const agreements = agreementIds(store.eventsFile, 2000);
    const { child, url } = await startServer({ BENCH_DATA_DIR: store.dataDir });
    try {
      console.error('read models: echo, case board, ledger …');
      const echo = await run(child, { url: `${url}/bench/echo`, method: 'POST', connections, headers: { ...HEADERS, 'content-type': 'application/json' }, body: ECHO_BODY }, seconds, warmupSeconds);
      let n = 0;
      const targets = [
        { name: 'case board', path: '/api/case-board', options: { url: `${url}/api/case-board`, connections, headers: HEADERS } },
        {
          name: 'ledger',
          path: '/api/ledgers/:agreementId',
          options: {
            url: `${url}/api/ledgers/${agreements[0]}`,
            connections,
            headers: HEADERS,
            requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: `/api/ledgers/${agreements[n++ % agreements.length]}` }) }],
          },
        },
      ];
      const endpoints: ReadEndpoint[] = [];
      for (const target of targets) {
        const probeStatus = await probe(`${url}${target.path.replace(':agreementId', agreements[0] ?? 'none')}`);
        const result = probeStatus === 200 ? await run(child, target.options, seconds, warmupSeconds) : null;
        if (!result) console.error(`read models: ${target.path} answered ${probeStatus}; not measured`);
        endpoints.push({ name: target.name, path: target.path, probeStatus, result, p99ToEcho: result ? result.p99Ms / Math.max(echo.p99Ms, 1) : null });
      }
      return {
        store: {
          events: store.events,
          copies: store.copies,
          organisation: BENCH_ORGANISATION,
          generationSeconds: store.seconds,
          reused: store.reused,
          rebuildSeconds: rebuilt.seconds,
        },
        connections,
        echo,
        endpoints,
        agreements: agreements.length,
      };
    } finally {
      await stopServer(child);
    }
  } finally {
    store.cleanup();
  }
}
