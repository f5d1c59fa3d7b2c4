import { registryDecider } from '../../src/cases/registry.decider';
import { CommandPipeline } from '../../src/platform/command-pipeline';
import { verifyChain } from '../../src/platform/hash-chain';
import { deterministicId } from '../../src/platform/ids';
import { asRegistrar, call, RunningApp, startApp } from '../support/app';
import { STORES } from '../support/stores';

const gonv = { registry: 'RS', title: 'Fördelning överenskommelse God och nära vård 2022' };


describe.each(STORES)('case registration over HTTP ($name)', (store) => {
  let running: RunningApp;
  let storeEnv: Record<string, string>;
  let stopStore: () => Promise<void>;
  const post = (body: unknown, headers = asRegistrar) => call(running.url, 'POST', '/api/cases', { body, headers });
  const get = (path: string, headers = asRegistrar) => call(running.url, 'GET', path, { headers });

  beforeEach(async () => {
    ({ env: storeEnv, stop: stopStore } = await store.open());
    running = await startApp({ env: storeEnv });
  });
  afterEach(async () => {
    await running.close();
    await stopStore();
  });

  it('registers a case, gives it RS 2022-00001 and reads it back by id and by diary number', async () => {
    const created = await post({ ...gonv, description: 'Regionens andel fördelas på fyra utvecklingsområden.' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      diaryNumber: 'RS 2022-00001',
      registry: 'RS',
      year: 2022,
      sequence: 1,
      title: gonv.title,
      organisationId: 'region-exempel',
      registeredBy: 'anna.registrator',
      registeredAt: '2022-03-15T09:00:00.000Z',
      status: 'registered',
    });
    expect(created.headers.get('location')).toBe(`/api/cases/${created.body.caseId}`);
    const byId = await get(`/api/cases/${created.body.caseId}`);
    expect(byId.status).toBe(200);
    expect(byId.body).toEqual(created.body);
    const byNumber = await get(`/api/cases/by-diary-number/${encodeURIComponent('RS 2022-00001')}`);
    expect(byNumber.body).toEqual(created.body);
  });

  it('DIARY-NUMBER-SEQUENCE: 50 concurrent registrations get exactly 00001–00050', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => post({ ...gonv, title: `Ärende nummer ${i}` })));
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    const numbers = results.map((r) => r.body.diaryNumber as string).sort();
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => `RS 2022-${String(i + 1).padStart(5, '0')}`));
    // each number went to the case whose title it was registered with
    for (const r of results) {
      const back = await get(`/api/cases/by-diary-number/${encodeURIComponent(r.body.diaryNumber as string)}`);
      expect(back.body.title).toBe(r.body.title);
    }
  });

  it('numbers per registry and per year: another registry and the new Swedish year start at 00001', async () => {
    await post(gonv);
    expect((await post({ ...gonv, registry: 'HSN' })).body.diaryNumber).toBe('HSN 2022-00001');
    running.clock.set(new Date('2022-12-31T23:30:00Z')); // already 2023 in Stockholm
    expect((await post(gonv)).body.diaryNumber).toBe('RS 2023-00001');
  });

  it('records who, when and why in every event, chained by hash', async () => {
    const created = await post(gonv, { ...asRegistrar, 'idempotency-key': 'reg-1', 'x-correlation-id': 'corr-1' });
    const events = await running.allEvents();
    const caseEvents = events.filter((e) => e.streamId === `case-${created.body.caseId}`);
    expect(caseEvents).toHaveLength(1);
    expect(caseEvents[0].metadata).toMatchObject({
      schemaVersion: 1,
      commandId: 'reg-1',
      commandType: 'RegisterCase',
      correlationId: 'corr-1',
      causationId: 'reg-1',
      actor: { userId: 'anna.registrator', role: 'registrar', organisationId: 'region-exempel' },
      occurredAt: '2022-03-15T09:00:00.000Z',
    });
    const streams = new Set(events.map((e) => e.streamId));
    for (const streamId of streams) {
      expect(verifyChain(events.filter((e) => e.streamId === streamId))).toEqual({ ok: true });
    }
  });

  it('a retried command with the same Idempotency-Key has effect once and returns the first result', async () => {
    const headers = { ...asRegistrar, 'idempotency-key': 'retry-me' };
    const first = await post(gonv, headers);
    const countAfterFirst = (await running.allEvents()).length;
    const [second, third] = await Promise.all([post(gonv, headers), post(gonv, headers)]);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(third.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect((await running.allEvents()).length).toBe(countAfterFirst);
    expect((await post(gonv)).body.diaryNumber).toBe('RS 2022-00002');
  });

  it('a registration retried after a crash between its two appends keeps the number it already took', async () => {
    // the crash: the registry stream got its number, the case stream and the stored result did not
    const key = 'crashed-before-case';
    const caseId = deterministicId('region-exempel', key, 'case');
    const envelope = {
      commandId: key,
      commandType: 'RegisterCase',
      actor: { userId: 'anna.registrator', role: 'registrar' as const, organisationId: 'region-exempel' },
      correlationId: key,
      causationId: key,
    };
    await running.app
      .get(CommandPipeline)
      .execute(registryDecider, 'diary-region-exempel-RS-2022', { caseId, registry: 'RS', year: 2022, title: gonv.title }, envelope);

    const retried = await post(gonv, { ...asRegistrar, 'idempotency-key': key });
    expect(retried.status).toBe(201);
    expect(retried.body).toMatchObject({ caseId, diaryNumber: 'RS 2022-00001' });
    expect((await post(gonv)).body.diaryNumber).toBe('RS 2022-00002');
    const registry = (await running.allEvents()).filter((e) => e.streamId === 'diary-region-exempel-RS-2022');
    expect(registry.map((e) => e.data.sequence)).toEqual([1, 2]);
  });

  it('DIARY-NUMBER-SEQUENCE: a registration that took its number on New Year\'s Eve and crashed keeps it when retried in January', async () => {
    const key = 'crashed-at-new-year';
    const caseId = deterministicId('region-exempel', key, 'case');
    const envelope = {
      commandId: key,
      commandType: 'RegisterCase',
      actor: { userId: 'anna.registrator', role: 'registrar' as const, organisationId: 'region-exempel' },
      correlationId: key,
      causationId: key,
    };
    running.clock.set(new Date('2022-12-31T22:58:00Z')); // 23:58 in Stockholm
    await running.app
      .get(CommandPipeline)
      .execute(registryDecider, 'diary-region-exempel-RS-2022', { caseId, registry: 'RS', year: 2022, title: gonv.title }, envelope);

    running.clock.set(new Date('2023-01-02T08:00:00Z'));
    const retried = await post(gonv, { ...asRegistrar, 'idempotency-key': key });
    expect(retried.status).toBe(201);
    expect(retried.body).toMatchObject({ caseId, diaryNumber: 'RS 2022-00001' });
    // the new year's registry is untouched: the next registration is its first
    expect((await post(gonv)).body.diaryNumber).toBe('RS 2023-00001');
    expect((await running.allEvents()).filter((e) => e.streamId === 'diary-region-exempel-RS-2023')).toHaveLength(1);
  });

  it('keeps a stored result only for client-chosen command ids, the only ones that can be retried', async () => {
    await post(gonv);
    expect((await running.allEvents()).filter((e) => e.streamId.startsWith('idempotency-'))).toHaveLength(0);
    await post(gonv, { ...asRegistrar, 'idempotency-key': 'keyed' });
    expect((await running.allEvents()).filter((e) => e.streamId.startsWith('idempotency-'))).toHaveLength(1);
  });

  it('IDEMPOTENCY-KEY-REUSED: the same key with another request is refused and writes nothing', async () => {
    const headers = { ...asRegistrar, 'idempotency-key': 'k-1' };
    await post(gonv, headers);
    const before = await running.allEvents();
    const reused = await post({ ...gonv, title: 'Ett helt annat ärende' }, headers);
    expect(reused.status).toBe(422);
    expect(reused.body.type).toBe('IDEMPOTENCY-KEY-REUSED');
    expect(await running.allEvents()).toEqual(before);
  });

  describe('refusals are problem+json, name the rule, and write nothing', () => {
    const refused = async (
      response: Promise<{ status: number; headers: globalThis.Headers; body: Record<string, unknown> }>,
      status: number,
      type: string,
    ) => {
      const before = await running.allEvents();
      const r = await response;
      expect(r.status).toBe(status);
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(r.body).toMatchObject({ type, status });
      expect(r.body.messages).toEqual({ sv: expect.any(String), en: expect.any(String) });
      expect(JSON.stringify(r.body)).not.toMatch(/at .*\.(ts|js):\d+/);
      expect(await running.allEvents()).toEqual(before);
      return r.body;
    };

    it('ACTOR-REQUIRED: a request without an actor is refused with 401', async () => {
      await refused(post(gonv, {}), 401, 'ACTOR-REQUIRED');
    });

    it('INVALID-HEADER: an unknown role is refused with 400', async () => {
      await refused(post(gonv, { ...asRegistrar, 'x-user-role': 'king' }), 400, 'INVALID-HEADER');
    });

    it('VALIDATION: a bad registry prefix and a missing title name the fields', async () => {
      const body = await refused(post({ registry: 'rs 1' }), 400, 'VALIDATION');
      const fields = (body.errors as Array<{ field: string }>).map((e) => e.field).sort();
      expect(fields).toEqual(['registry', 'title']);
    });

    it('VALIDATION: unknown fields are refused, not ignored', async () => {
      const body = await refused(post({ ...gonv, diaryNumber: 'RS 2022-00099' }), 400, 'VALIDATION');
      expect((body.errors as Array<{ field: string }>)[0].field).toBe('diaryNumber');
    });

    it('BAD-REQUEST: a body that is not JSON', async () => {
      const response = fetch(`${running.url}/api/cases`, {
        method: 'POST',
        headers: { ...asRegistrar, 'content-type': 'application/json' },
        body: '{"registry": ',
      }).then(async (r) => ({ status: r.status, headers: r.headers, body: (await r.json()) as Record<string, unknown> }));
      await refused(response, 400, 'BAD-REQUEST');
    });

    it('CASE-REGISTRAR-ROLE: a case officer cannot register, in Swedish by default and English on request', async () => {
      const sv = await refused(post(gonv, { ...asRegistrar, 'x-user-role': 'case_officer' }), 422, 'CASE-REGISTRAR-ROLE');
      expect(sv.title).toBe('Endast en registrator kan registrera ärenden.');
      const en = await post(gonv, { ...asRegistrar, 'x-user-role': 'case_officer', 'accept-language': 'en-GB' });
      expect(en.body.title).toBe('Only a registrar can register cases.');
    });

    it('NOT-FOUND: an unknown case, a malformed diary number, and another organisation’s case', async () => {
      const created = await post(gonv);
      await refused(get('/api/cases/0b8e7c1e-0000-4000-8000-000000000000'), 404, 'NOT-FOUND');
      await refused(get(`/api/cases/by-diary-number/${encodeURIComponent('RS 2022-00077')}`), 404, 'NOT-FOUND');
      await refused(get('/api/cases/by-diary-number/nonsense'), 404, 'NOT-FOUND');
      const otherOrg = { ...asRegistrar, 'x-organisation-id': 'goteborgs-stad' };
      await refused(get(`/api/cases/${created.body.caseId}`, otherOrg), 404, 'NOT-FOUND');
    });
  });

  it('keeps every acknowledged registration across a restart and goes on numbering', async () => {
    await post(gonv);
    await post(gonv);
    await running.close();
    running = await startApp({ dataDir: running.dataDir, env: storeEnv });
    expect((await post(gonv)).body.diaryNumber).toBe('RS 2022-00003');
    expect((await get(`/api/cases/by-diary-number/${encodeURIComponent('RS 2022-00001')}`)).status).toBe(200);
  });

  it('serves the OpenAPI document with an operationId on every operation', async () => {
    const doc = await call(running.url, 'GET', '/api/docs-json');
    expect(doc.status).toBe(200);
    const paths = doc.body.paths as Record<string, Record<string, { operationId?: string }>>;
    const operations = Object.values(paths).flatMap((p) => Object.values(p));
    expect(operations.length).toBeGreaterThanOrEqual(4);
    for (const op of operations) expect(op.operationId).toEqual(expect.any(String));
    const ui = await fetch(`${running.url}/api/docs`);
    expect(ui.status).toBe(200);
  });
});
