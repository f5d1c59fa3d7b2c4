import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface HttpResult {
  requestsPerSecond: number;
  total2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  p50Ms: number;
  p99Ms: number;
  seconds: number;
  /** CPU time / wall time of the server process during the run (1.0 = one core busy) */
  serverCpu: number;
  /** the same for the load generator (this process); near 1.0 would mean the generator is the limit */
  loadGeneratorCpu: number;
  /** cores busy with anything else on the machine (Linux /proc/stat; null elsewhere); should be near 0 */
  otherCpu: number | null;
}

export interface HttpBench {
  mode: string;
  connections: number;
  echo: HttpResult;
  registerCase: HttpResult;
  /** register-case requests sent, warm-up included (an upper bound of cases registered) */
  registerRequestsSent: number;
  /** registry prefixes rotated over */
  registries: number;
  /** most diary numbers any one registry could have handed out in this run (cap: 99,999) */
  maxPerRegistry: number;
  /** registerCase.requestsPerSecond / echo.requestsPerSecond */
  ratioRegisterToEcho: number;
  goal: number;
  goalMet: boolean;
}

export const HTTP_MODE = 'server in a child process (node -r ts-node/register/transpile-only), autocannon in the bench process';

const HEADERS = {
  'content-type': 'application/json',
  'x-user-id': 'anna.registrator',
  'x-user-role': 'registrar',
  'x-organisation-id': 'region-exempel',
};
const TITLE = 'Fördelning överenskommelse God och nära vård 2022';
const DESCRIPTION =
  'Regionens andel av statsbidraget för God och nära vård 2022 fördelas på fyra utvecklingsområden enligt överenskommelsen mellan staten och SKR.';
const REGISTRIES = ['RS', 'HSN', 'KS', 'SN', 'BUN', 'MN', 'TN', 'VN', 'KFN', 'UN', 'ON', 'FN'];
/** a diary-number sequence caps at 99,999 per registry and year; stay well under it */
const PER_REGISTRY = 90_000;

const body = (registry: string) => JSON.stringify({ registry, title: TITLE, description: DESCRIPTION });

/** The app in a child process (scripts/bench/server.ts); `env` reaches it, e.g. BENCH_DATA_DIR. */
export async function startServer(env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string }> {
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '-r', 'ts-node/register/transpile-only', join(__dirname, 'server.ts')], {
    cwd: join(__dirname, '..', '..'),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...env, TS_NODE_TRANSPILE_ONLY: 'true' },
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

export async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.send('stop');
  await exited;
}

function serverCpuMicros(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    const onMessage = (m: { cpu?: NodeJS.CpuUsage }) => {
      if (!m.cpu) return;
      child.off('message', onMessage);
      resolve(m.cpu.user + m.cpu.system);
    };
    child.on('message', onMessage);
    child.send('cpu');
  });
}

/** Busy CPU time of the whole machine in µs (Linux), to see whether something else competed. */
function machineBusyMicros(): number | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = fields;
    return ((user + nice + system + irq + softirq + steal) * 1e6) / 100; // USER_HZ = 100
  } catch {
    return null;
  }
}

/** One autocannon run, with the CPU both processes (and everything else) used during it. */
export async function measure(child: ChildProcess, options: autocannon.Options): Promise<HttpResult> {
  const server0 = await serverCpuMicros(child);
  const own0 = process.cpuUsage();
  const busy0 = machineBusyMicros();
  const started = performance.now();
  const result = await autocannon(options);
  const wallMicros = (performance.now() - started) * 1000;
  const busy1 = machineBusyMicros();
  const own = process.cpuUsage(own0);
  const server = (await serverCpuMicros(child)) - server0;
  const serverCpu = server / wallMicros;
  const loadGeneratorCpu = (own.user + own.system) / wallMicros;
  const otherCpu = busy0 === null || busy1 === null ? null : Math.max(0, (busy1 - busy0) / wallMicros - serverCpu - loadGeneratorCpu);
  return summarise(result, serverCpu, loadGeneratorCpu, otherCpu);
}

function summarise(r: autocannon.Result, serverCpu: number, loadGeneratorCpu: number, otherCpu: number | null): HttpResult {
  return {
    requestsPerSecond: r['2xx'] / r.duration,
    total2xx: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    seconds: r.duration,
    serverCpu,
    loadGeneratorCpu,
    otherCpu,
  };
}

export async function httpBench(seconds: number, warmupSeconds: number, connections: number, goal: number): Promise<HttpBench> {
  const { child, url } = await startServer();
  try {
    const echoOptions: autocannon.Options = {
      url: `${url}/bench/echo`,
      method: 'POST',
      connections,
      headers: HEADERS,
      body: body('RS'),
    };
    // registries rotate per request; a registry is retired after PER_REGISTRY numbers
    let sent = 0;
    const registryFor = (n: number): string => {
      const generation = Math.floor(n / (REGISTRIES.length * PER_REGISTRY));
      const base = REGISTRIES[n % REGISTRIES.length];
      return generation === 0 ? base : `${base}${String.fromCharCode(64 + (generation % 26 || 26))}`;
    };
    const registerOptions: autocannon.Options = {
      url: `${url}/api/cases`,
      method: 'POST',
      connections,
      headers: HEADERS,
      // every command carries its own Idempotency-Key: the retry-safe path, with its stored result
      requests: [
        {
          setupRequest: (request) => {
            const n = sent++;
            return { ...request, headers: { ...request.headers, 'idempotency-key': `bench-${n}` }, body: body(registryFor(n)) };
          },
        },
      ],
    };
    if (warmupSeconds > 0) {
      await autocannon({ ...echoOptions, duration: warmupSeconds });
      await autocannon({ ...registerOptions, duration: warmupSeconds });
    }
    const echo = await measure(child, { ...echoOptions, duration: seconds });
    const registerCase = await measure(child, { ...registerOptions, duration: seconds });
    const ratio = registerCase.requestsPerSecond / echo.requestsPerSecond;
    return {
      mode: HTTP_MODE,
      connections,
      echo,
      registerCase,
      registerRequestsSent: sent,
      registries: REGISTRIES.length,
      maxPerRegistry: Math.min(PER_REGISTRY, Math.ceil(sent / REGISTRIES.length)),
      ratioRegisterToEcho: ratio,
      goal,
      goalMet: ratio >= goal && registerCase.non2xx === 0 && echo.non2xx === 0,
    };
  } finally {
    await stopServer(child);
  }
}
