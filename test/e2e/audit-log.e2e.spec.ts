import { randomUUID } from 'node:crypto';
import { loadSeed003Demo } from '../../src/demo/seed-003.demo';
import { RecordedEvent } from '../../src/event-store/event-store.port';
import { asAuditor, asCaseOfficer, asRegistrar, call, Headers, RunningApp, startApp } from '../support/app';
import { READ_DATABASES } from '../support/read-databases';
import { Json } from '../support/workflow';

/**
 * The audit log (GET /api/audit-log) over HTTP on both read databases: the seed-003 demo through
 * the API, then one more registration under a correlation id of its own, compared with what the
 * store holds.
 */
const LATER = 'audit-e2e-later-registration';
const typesOf = (page: Json) => (page.items as Json[]).map((e) => e.type as string);

describe.each(READ_DATABASES)('audit log on $name', (db) => {
  let running: RunningApp;
  let stored: RecordedEvent[];
  let caseId: string;
  let laterCaseId: string;

  const read = (query = '', headers: Headers = asAuditor) => call(running.url, 'GET', `/api/audit-log${query}`, { headers });
  const ok = async (query = '', headers: Headers = asAuditor): Promise<Json> => {
    const r = await read(query, headers);
    if (r.status !== 200) throw new Error(`${query}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const refused = async (query: string, status: number, type: string, headers: Headers = asAuditor) => {
    const r = await read(query, headers);
    expect(r.status).toBe(status);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(r.body).toMatchObject({ type, status });
    return r.body;
  };

  beforeAll(async () => {
    running = await startApp({ env: db.env(), now: new Date('2026-11-23T09:00:00Z') });
    await loadSeed003Demo(running.app);
    running.clock.set(new Date('2026-11-23T10:00:00Z'));
    const later = await call(running.url, 'POST', '/api/cases', {
      body: { registry: 'RS', title: 'Uppföljning av God och nära vård 2022' },
      headers: { ...asRegistrar, 'x-correlation-id': LATER },
    });
    laterCaseId = later.body.caseId as string;
    await running.settled();
    stored = await running.allEvents();
    caseId = stored.find((e) => e.type === 'CaseRegistered')!.streamId.slice('case-'.length);
  }, 120_000);
  afterAll(() => running.close());

  it('given the demo, when an auditor lists the log, then every stored event is there in store order with who, when and why (AUDIT-ROLE: an auditor is allowed)', async () => {
    const page = await ok('?limit=500');
    expect(page.total).toBe(stored.length);
    expect((page.items as Json[]).map((e) => e.position)).toEqual(stored.map((e) => e.position));
    const decision = stored.find((e) => e.type === 'DelegatedDecisionRecorded')!;
    const entry = (page.items as Json[]).find((e) => e.position === decision.position)!;
    const m = decision.metadata as Json;
    expect(entry).toEqual({
      position: decision.position,
      streamId: 'delegations-region-exempel',
      revision: decision.revision,
      eventId: decision.id,
      type: 'DelegatedDecisionRecorded',
      occurredAt: '2022-04-25T09:00:00.000Z',
      recordedAt: decision.recordedAt.toISOString(),
      actor: { userId: 'anders.bystrom', role: 'regional_director', organisationId: 'region-exempel' },
      commandId: m.commandId,
      commandType: 'RecordDelegatedDecision',
      correlationId: 'demo-seed-003',
      causationId: m.causationId,
      caseId,
    });
  });

  it('AUDIT-ROLE: given the log, when a case officer asks for it, then 403 problem+json; an auditor and a registrar read it', async () => {
    const body = await refused('', 403, 'AUDIT-ROLE', asCaseOfficer);
    expect(body.title).toContain('revisorer');
    await refused('', 403, 'AUDIT-ROLE', { ...asCaseOfficer, 'x-user-role': 'recipient' });
    expect((await ok('?limit=1', asAuditor)).total).toBe(stored.length);
    expect((await ok('?limit=1', asRegistrar)).total).toBe(stored.length);
  });

  it('given the demo case, when filtered by caseId, then its own stream, diary number, agreement, agenda item and the delegation and decisions on its agreement', async () => {
    const page = await ok(`?caseId=${caseId}&limit=100`);
    const byStream = (page.items as Json[]).map((e) => `${(e.streamId as string).split('-')[0]} ${e.type as string}`);
    expect(byStream).toEqual([
      'diary DiaryNumberAssigned',
      'case CaseRegistered',
      'case DocumentAttached',
      'case OfficialReportWritten',
      'case PreparationRecorded',
      'case CaseMarkedReadyForAgenda',
      'agreement AgreementOpened',
      'case CasePlacedOnAgenda',
      'meeting AgendaItemAdded',
      // named by its agenda item only: found through the item
      'meeting ConflictOfInterestDeclared',
      'meeting ItemDecided',
      'case ItemOutcomeRecorded',
      'agreement AreaBudgetsSet',
      'delegations DelegationGranted',
      'agreement ActivityAllocated',
      'delegations DelegatedDecisionRecorded',
      'agreement ActivityAllocated',
      'delegations DelegatedDecisionRecorded',
      'agreement FundsReallocatedWithinArea',
      'delegations DelegatedDecisionRecorded',
    ]);
    expect((page.items as Json[]).every((e) => e.caseId === caseId)).toBe(true);
    expect(page.total).toBe(20);
    expect(typesOf(await ok(`?caseId=${laterCaseId}`))).toEqual(['DiaryNumberAssigned', 'CaseRegistered']);
  });

  it('given the demo, when filtered by actor, role, stream, type and correlation, then exactly the matching events', async () => {
    const director = await ok('?userId=anders.bystrom');
    expect(director.total).toBe(9);
    expect((director.items as Json[]).every((e) => (e.actor as Json).userId === 'anders.bystrom')).toBe(true);
    expect(typesOf(await ok('?role=regional_director'))).toEqual(typesOf(director));
    const register = await ok('?streamId=delegations-region-exempel');
    expect((register.items as Json[]).map((e) => [e.revision, e.type])).toEqual([
      [0, 'DelegationGranted'],
      [1, 'DelegatedDecisionRecorded'],
      [2, 'DelegatedDecisionRecorded'],
      [3, 'DelegatedDecisionRecorded'],
    ]);
    const signed = await ok('?type=ProtocolSigned');
    expect((signed.items as Json[]).map((e) => (e.actor as Json).userId)).toEqual(['eva.ordforande', 'maria.justerare']);
    const later = await ok(`?correlationId=${LATER}`);
    expect(typesOf(later)).toEqual(['DiaryNumberAssigned', 'CaseRegistered']);
    expect((later.items as Json[]).every((e) => e.occurredAt === '2026-11-23T10:00:00.000Z')).toBe(true);
    expect((await ok('?correlationId=demo-seed-003')).total).toBe(stored.length - 2);
    // filters combine
    expect(typesOf(await ok(`?userId=anna.registrator&correlationId=${LATER}&type=CaseRegistered`))).toEqual(['CaseRegistered']);
    expect((await ok('?organisationId=region-exempel&limit=1')).total).toBe(stored.length);
  });

  it('given the demo, when filtered by a time range, then the events that occurred from `from` up to (not including) `to`, offsets accepted', async () => {
    const adjustmentDay = await ok('?from=2022-03-24T00:00:00Z&to=2022-03-25T00:00:00Z');
    expect(typesOf(adjustmentDay)).toEqual(['ProtocolSigned', 'CommandCompleted', 'ProtocolSigned', 'ProtocolAdjusted', 'CommandCompleted']);
    // the same instant written with an offset; `to` is exclusive
    expect(typesOf(await ok('?from=2022-03-24T11:00:00%2B01:00&to=2022-03-24T10:00:00.001Z'))).toEqual(typesOf(adjustmentDay));
    expect((await ok('?from=2022-03-24T10:00:00Z&to=2022-03-24T10:00:00Z')).total).toBe(0);
    expect(typesOf(await ok('?from=2026-01-01T00:00:00Z'))).toEqual(['DiaryNumberAssigned', 'CaseRegistered']);
  });

  it('given more events than a page, when paged, then pages follow store order without overlap, and order=desc starts from the newest', async () => {
    const first = await ok('?limit=10');
    const second = await ok('?limit=10&offset=10');
    expect(first).toMatchObject({ total: stored.length, limit: 10, offset: 0 });
    expect(second).toMatchObject({ total: stored.length, limit: 10, offset: 10 });
    expect([...(first.items as Json[]), ...(second.items as Json[])].map((e) => e.position)).toEqual(stored.slice(0, 20).map((e) => e.position));
    const newest = await ok('?order=desc&limit=3');
    expect((newest.items as Json[]).map((e) => e.position)).toEqual(stored.slice(-3).reverse().map((e) => e.position));
    expect((await ok(`?offset=${stored.length}`)).items).toEqual([]);
  });

  it.each([
    ['a date without a time', '?from=2022-03-24'],
    ['an instant without a zone', '?to=2022-03-24T10:00:00'],
    ['a day that does not exist', '?from=2022-02-30T00:00:00Z'],
    ['`to` before `from`', '?from=2022-03-25T00:00:00Z&to=2022-03-24T00:00:00Z'],
    ['an unknown role', '?role=king'],
    ['a case id that is no uuid', '?caseId=RS-2022-00001'],
    ['an event type that is not one', '?type=protocol%20adjusted'],
    ['an unknown order', '?order=newest'],
    ['a page of none', '?limit=0'],
    ['a page too large', '?limit=501'],
    ['a negative offset', '?offset=-1'],
    ['an unknown filter', '?actor=anders.bystrom'],
  ])('given %s, when the log is asked for, then 400 problem+json', async (_what, query) => {
    await refused(query, 400, 'VALIDATION');
  });

  it('given another organisation or a case that does not exist, when asked for, then 404 problem+json', async () => {
    await refused('?organisationId=region-annan', 404, 'NOT-FOUND');
    await refused(`?caseId=${randomUUID()}`, 404, 'NOT-FOUND');
    // the same case seen from another organisation is not there
    await refused(`?caseId=${caseId}`, 404, 'NOT-FOUND', { ...asAuditor, 'x-organisation-id': 'region-annan' });
    expect((await ok('', { ...asAuditor, 'x-organisation-id': 'region-annan' })).total).toBe(0);
  });
});
