import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.factory';
import { EVENT_STORE, EventStore, RecordedEvent } from '../../src/event-store/event-store.port';
import { Clock, ManualClock } from '../../src/platform/clock';
import { ProjectionRunner } from '../../src/projections/projection-runner';

export interface RunningApp<C extends Clock = ManualClock> {
  app: NestFastifyApplication;
  url: string;
  store: EventStore;
  clock: C;
  dataDir: string;
  allEvents(): Promise<RecordedEvent[]>;
  /** resolves once every read model has applied every event stored so far */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real application on a real port with a fresh embedded store (or the given DATA_DIR), on a
 * ManualClock at `now` unless a clock is given (e.g. the service's SystemClock).
 */
export async function startApp<C extends Clock = ManualClock>(
  options: { dataDir?: string; now?: Date; env?: Record<string, string>; clock?: C } = {},
): Promise<RunningApp<C>> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'fordela-e2e-'));
  // without a clock of its own C is ManualClock (its default)
  const clock = options.clock ?? (new ManualClock(options.now ?? new Date('2022-03-15T09:00:00Z')) as Clock as C);
  const app = await createApp({
    env: { DATA_DIR: dataDir, AUTH_MODE: 'dev', SQLITE_SYNCHRONOUS: 'NORMAL', ...options.env },
    clock,
    logger: false,
  });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const store = app.get<EventStore>(EVENT_STORE);
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    store,
    clock,
    dataDir,
    async allEvents() {
      const out: RecordedEvent[] = [];
      for await (const e of store.readAll()) out.push(e);
      return out;
    },
    settled: () => app.get(ProjectionRunner).settled(),
    close: () => app.close(),
  };
}

export type Headers = Record<string, string>;

export const asRegistrar: Headers = {
  'x-user-id': 'anna.registrator',
  'x-user-role': 'registrar',
  'x-organisation-id': 'region-exempel',
};

const as = (userId: string, role: string): Headers => ({ 'x-user-id': userId, 'x-user-role': role, 'x-organisation-id': 'region-exempel' });
export const asCaseOfficer = as('per.handlaggare', 'case_officer');
export const asCommitteeSecretary = as('sara.sekreterare', 'committee_secretary');
export const asChair = as('eva.ordforande', 'chair');
export const asRegionalDirector = as('anders.bystrom', 'regional_director');
export const asAuditor = as('rut.revisor', 'auditor');

export async function call(
  base: string,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Headers } = {},
): Promise<{ status: number; headers: globalThis.Headers; body: Record<string, unknown> }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export type Reply = Awaited<ReturnType<typeof call>>;

/** A refusal is problem+json naming the rule, with the expected status, and the store is exactly as before. */
export async function expectRefusal(running: RunningApp, request: () => Promise<Reply>, status: number, type: string): Promise<Record<string, unknown>> {
  const before = (await running.allEvents()).length;
  const r = await request();
  expect(r.status).toBe(status);
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(r.body).toMatchObject({ type, status });
  expect((await running.allEvents()).length).toBe(before);
  return r.body;
}
