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

  it('VALIDATION: a JSON-escaped key (total\\u004fre) is the same field and is judged the same way', async () => {
    const before = (await running.allEvents()).length;
    const response = await postRaw('/api/agreements', '{"name":"God och nära vård 2022","total\\u004fre":6000000000.0000001,"year":2022}');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const body = (await response.json()) as { type: string; errors: Array<{ field: string }> };
    expect(body.type).toBe('VALIDATION');
    expect(body.errors.map((e) => e.field)).toEqual(['totalOre']);
    expect((await running.allEvents()).length).toBe(before);
  });

  it('BAD-REQUEST: a body nested deeper than 32 levels is refused with 400 before anything recurses into it', async () => {
    const before = (await running.allEvents()).length;
    const deep = `{"registry":"RS","title":"Djupt ärende","extra":${'['.repeat(2000)}${']'.repeat(2000)}}`;
    const response = await postRaw('/api/cases', deep, asRegistrar);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const body = (await response.json()) as { type: string; messages: { en: string } };
    expect(body.type).toBe('BAD-REQUEST');
    expect(body.messages.en).toMatch(/nested too deeply/);
    expect((await running.allEvents()).length).toBe(before);
  });

  it('brackets inside strings are text, not nesting', async () => {
    const response = await postRaw('/api/cases', JSON.stringify({ registry: 'RS', title: `Ärende ${'[{'.repeat(40)}` }), asRegistrar);
    expect(response.status).toBe(201);
  });

  it('a command without fields may come with the JSON content type and no body at all', async () => {
    const created = await call(running.url, 'POST', '/api/cases', { body: { registry: 'RS', title: 'Ärende utan kropp' }, headers: asRegistrar });
    const response = await fetch(`${running.url}/api/cases/${created.body.caseId as string}/ready`, {
      method: 'POST',
      headers: { ...asCaseOfficer, 'content-type': 'application/json' },
    });
    // not a 400 about the empty body: the command itself answers (no report yet)
    expect(response.status).toBe(422);
    expect(((await response.json()) as { type: string }).type).toBe('CASE-REPORT-REQUIRED');
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

/** Errors Fastify raises before a route runs still answer problem+json. */
describe('errors at the HTTP edge are problem+json', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(() => running.close());

  const expectProblem = async (response: Response, status: number, type: string) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as { type: string }).type).toBe(type);
  };

  it('a 150-character case id reaches the app and is refused by its pipe (400), not by the router (414)', async () => {
    await expectProblem(await fetch(`${running.url}/api/cases/${'a'.repeat(150)}`, { headers: asRegistrar }), 400, 'BAD-REQUEST');
  });

  it('a path parameter beyond any sane length is 414 problem+json', async () => {
    await expectProblem(await fetch(`${running.url}/api/cases/${'a'.repeat(2000)}`, { headers: asRegistrar }), 414, 'URI-TOO-LONG');
  });

  it('PAYLOAD-TOO-LARGE: a body over the 2 MiB limit is 413 problem+json, and nothing is written', async () => {
    const before = (await running.allEvents()).length;
    const body = JSON.stringify({ registry: 'RS', title: 'x'.repeat(2 * 1024 * 1024) });
    const response = await fetch(`${running.url}/api/cases`, { method: 'POST', headers: { ...asRegistrar, 'content-type': 'application/json' }, body });
    await expectProblem(response, 413, 'PAYLOAD-TOO-LARGE');
    expect((await running.allEvents()).length).toBe(before);
  });

  it('UNSUPPORTED-MEDIA-TYPE: a body that is not JSON is 415 problem+json', async () => {
    const response = await fetch(`${running.url}/api/cases`, { method: 'POST', headers: { ...asRegistrar, 'content-type': 'text/plain' }, body: 'RS Ärende' });
    await expectProblem(response, 415, 'UNSUPPORTED-MEDIA-TYPE');
  });
});

interface OpenApiResponse {
  content?: Record<string, { schema?: { $ref?: string } }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, { operationId: string; parameters?: Array<{ in: string; name: string }>; responses: Record<string, OpenApiResponse> }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}

describe('the OpenAPI document says what every operation can answer', () => {
  let running: RunningApp;
  let document: OpenApiDocument;
  beforeAll(async () => {
    running = await startApp();
    document = (await (await fetch(`${running.url}/api/docs-json`)).json()) as OpenApiDocument;
  });
  afterAll(() => running.close());

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })));
  const isProblem = (response: OpenApiResponse | undefined) => response?.content?.['application/problem+json']?.schema?.$ref === '#/components/schemas/Problem';

  it('has a Problem schema with the RFC 9457 members and our messages and field errors', () => {
    expect(Object.keys(document.components.schemas.Problem.properties ?? {})).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail', 'instance', 'messages', 'errors']),
    );
  });

  it('every write lists 403 ROLE-READ-ONLY and 415; every operation with an actor lists 400 and 401; every 4xx is application/problem+json', () => {
    const all = operations();
    expect(all.length).toBeGreaterThan(20);
    // only health needs no actor
    expect(all.filter(({ operation }) => !operation.parameters?.some((p) => p.in === 'header' && p.name === 'x-user-id')).map((o) => o.operation.operationId)).toEqual(['health']);
    for (const { method, operation } of all.filter(({ operation }) => operation.operationId !== 'health')) {
      const statuses = method === 'get' ? ['400', '401'] : ['400', '401', '403', '415'];
      for (const status of statuses) expect([operation.operationId, status, isProblem(operation.responses[status])]).toEqual([operation.operationId, status, true]);
      for (const [status, response] of Object.entries(operation.responses).filter(([s]) => s.startsWith('4'))) {
        expect([operation.operationId, status, isProblem(response)]).toEqual([operation.operationId, status, true]);
      }
    }
  });
});
