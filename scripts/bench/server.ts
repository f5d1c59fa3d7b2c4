/**
 * The real application in its own process for the HTTP benchmark, so the load generator does not
 * share its event loop. Started by scripts/bench/http.ts over IPC: sends { port }, answers 'cpu' with
 * its process.cpuUsage(), stops on 'stop' (a clean exit, so `--cpu-prof` can write its profile).
 * BENCH_DATA_DIR: serve a prepared DATA_DIR (events and read models, scripts/bench/read-endpoints.ts)
 * instead of a fresh one, and leave it in place.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.factory';
import { BenchEchoModule } from './echo.module';

async function main(): Promise<void> {
  const prepared = process.env.BENCH_DATA_DIR;
  const dataDir = prepared ?? mkdtempSync(join(tmpdir(), 'fordela-bench-http-'));
  const app = await createApp({
    env: { DATA_DIR: dataDir, AUTH_MODE: 'dev', SQLITE_SYNCHRONOUS: 'FULL', LOG_LEVEL: 'error', ...(prepared ? { DEMO_DATA: 'false' } : {}) },
    extra: [BenchEchoModule],
    logger: false,
  });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.on('message', (message) => {
    if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
    if (message !== 'stop') return;
    void app
      .close()
      .finally(() => (prepared ? undefined : rmSync(dataDir, { recursive: true, force: true })))
      .then(() => process.exit(0));
  });
  process.send?.({ port, dataDir });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
