import { asAuditor, asCaseOfficer, asRegistrar, call, RunningApp, startApp } from '../support/app';

/** Input the handlers never see: judged on the raw request before any command runs. */
describe('money in requests is whole öre, judged on the text the client sent', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(() => running.close());

  const postRaw = (path: string, text: string, headers = asCaseOfficer) =>
    fetch(`${running.url}${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: text });

  it.each([
    ['a fraction JSON.parse would round away', '6000000000.0000001'],
    ['an exponent', '6e9'],
    ['more digits than a double holds exactly', '9007199254740993'],
  ])('VALIDATION: totalOre as %s is refused with 400 naming the field, and nothing is written', async (_what, token) => {
    const before = (await running.allEvents()).length;
    const response = await postRaw('/api/agreements', `{"name":"God och nära vård 2022","totalOre":${token},"year":2022}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const body = (await response.json()) as { type: string; errors: Array<{ field: string; rules: Record<string, string> }> };
    expect(body.type).toBe('VALIDATION');
    expect(body.errors).toEqual([{ field: 'totalOre', rules: { isWholeOre: expect.stringContaining(token) } }]);
    expect((await running.allEvents()).length).toBe(before);
  });

  it('whole amounts and ordinary bodies parse as before', async () => {
    const response = await call(running.url, 'POST', '/api/cases', { body: { registry: 'RS', title: 'Ärende med belopp 1 000 kr' }, headers: asRegistrar });
    expect(response.status).toBe(201);
  });

  it('BAD-REQUEST: a prototype-poisoning body is still refused by the parser', async () => {
    const response = await postRaw('/api/cases', '{"registry":"RS","title":"x","__proto__":{"admin":true}}', asRegistrar);
    expect(response.status).toBe(400);
  });
});

describe('access and keys, before any command runs', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(() => running.close());
  const asRecipient = { 'x-user-id': 'hsd.direktor', 'x-user-role': 'recipient', 'x-organisation-id': 'region-exempel' };

  it.each([
    ['an auditor', asAuditor],
    ['a recipient of extracts', asRecipient],
  ])('ROLE-READ-ONLY: %s changes nothing (403, nothing written) but reads', async (_who, headers) => {
    const before = (await running.allEvents()).length;
    for (const [method, path, body] of [
      ['POST', '/api/cases', { registry: 'RS', title: 'Ärende från revisorn' }],
      ['PUT', '/api/bodies/regionstyrelsen/chair', { userId: 'rut.revisor' }],
      ['DELETE', '/api/bodies/regionstyrelsen/members/eva.ordforande', undefined],
    ] as const) {
      const refused = await call(running.url, method, path, { body, headers });
      expect(refused.status).toBe(403);
      expect(refused.body.type).toBe('ROLE-READ-ONLY');
    }
    expect((await running.allEvents()).length).toBe(before);
    const created = await call(running.url, 'POST', '/api/cases', { body: { registry: 'RS', title: 'Ärende att läsa' }, headers: asRegistrar });
    expect((await call(running.url, 'GET', `/api/cases/${created.body.caseId}`, { headers })).status).toBe(200);
  });

  it('IDEMPOTENCY-KEY-REUSED: a key belongs to the user who used it first; another user with the same key and body is refused, not replayed', async () => {
    const body = { registry: 'RS', title: 'Ärende med nyckel' };
    const first = await call(running.url, 'POST', '/api/cases', { body, headers: { ...asRegistrar, 'idempotency-key': 'delad-nyckel' } });
    expect(first.status).toBe(201);
    const otherRegistrar = { ...asRegistrar, 'x-user-id': 'bo.registrator', 'idempotency-key': 'delad-nyckel' };
    const before = (await running.allEvents()).length;
    const other = await call(running.url, 'POST', '/api/cases', { body, headers: otherRegistrar });
    expect(other.status).toBe(422);
    expect(other.body.type).toBe('IDEMPOTENCY-KEY-REUSED');
    expect(other.headers.get('idempotent-replayed')).toBeNull();
    expect((await running.allEvents()).length).toBe(before);
  });
});
