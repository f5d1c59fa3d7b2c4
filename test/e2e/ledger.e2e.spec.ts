import { AGREEMENT, MKR } from '../../src/demo/seed-003.data';
import { loadSeed003Demo } from '../../src/demo/seed-003.demo';
import { asAuditor, asCaseOfficer, asRegionalDirector, asRegistrar, call, Headers, RunningApp, startApp } from '../support/app';
import { READ_DATABASES } from '../support/read-databases';
import { agreementSuite, JOURNAL, Json, kr, registeredCase } from '../support/workflow';

/**
 * The allocation ledger read model (GET /api/ledgers…) against the aggregate it is folded from
 * (GET /api/agreements/:agreementId), on both read databases, with the data built over HTTP.
 */
describe.each(READ_DATABASES)('allocation ledger read model on $name', ({ env }) => {
  let running: RunningApp;
  const { send, ok, post, at, budgetedAndDelegated, activity } = agreementSuite(() => running);

  beforeEach(async () => {
    running = await startApp({ now: new Date('2022-03-15T09:00:00Z'), env: env() });
  });
  afterEach(() => running.close());

  /** a read once every projection has caught up; 200 expected */
  const read = async (path: string, headers: Headers = asAuditor): Promise<Json> => {
    await running.settled();
    const r = await call(running.url, 'GET', path, { headers });
    if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const aggregate = (agreementId: string) => ok(send('GET', `/api/agreements/${agreementId}`, undefined, asAuditor));
  /** a change as the aggregate's history has it: without what the read model adds */
  const asHistory = ({ agreementId: _a, areaIds: _r, activityIds: _c, ...entry }: Json) => entry;

  /** Every kind of change: budgets, delegated activities and a move inside an area, the board's move between areas, outcomes, repayment, a correction, the reporting back. */
  async function settledAgreement(): Promise<string> {
    const { agreementId, delegationId, decisions } = await budgetedAndDelegated(['Ny ambulansstation i Motala']);
    at('2022-04-25T09:00:00Z');
    const journal = await ok(post(agreementId, 'activities', activity(JOURNAL, 4 * MKR, { delegationId }), asRegionalDirector));
    const standards = await ok(post(agreementId, 'activities', activity('Gemensam tillämpning av standarder', 3 * MKR, { delegationId }), asRegionalDirector));
    const within = { kind: 'within_area', areaId: 'vision-ehalsa', fromActivityId: journal.activityId, toActivityId: standards.activityId, amountOre: MKR };
    await ok(post(agreementId, 'reallocations', { ...within, authority: { delegationId } }, asRegionalDirector));
    const between = { kind: 'between_areas', fromAreaId: 'vision-ehalsa', toAreaId: 'ambulans', amountOre: 2 * MKR };
    await ok(post(agreementId, 'reallocations', { ...between, authority: { decision: decisions[1] } }));
    const outcome = (activityId: string, spentOre: number, reportedOn: string) => ok(post(agreementId, 'outcomes', { activityId, spentOre, reportedOn }, asCaseOfficer));
    await outcome(journal.activityId, 2_500_000_00, '2022-12-30');
    await outcome(standards.activityId, 0, '2022-12-30');
    at('2023-01-10T09:00:00Z');
    await ok(post(agreementId, 'repayment'));
    at('2023-02-14T09:00:00Z');
    await outcome(standards.activityId, 1_500_000_00, '2023-02-10');
    await ok(post(agreementId, 'reporting-back', { submittedOn: '2023-03-28', reference: 'RS 2023-00017' }));
    return agreementId;
  }

  it('given an agreement with every kind of change, when its ledger is read, then the figures and every change equal the aggregate’s', async () => {
    const agreementId = await settledAgreement();
    const { history, ...figures } = await aggregate(agreementId);

    const ledger = await read(`/api/ledgers/${agreementId}`);
    expect(ledger).toEqual(figures);
    const area3 = (ledger.areas as Json[]).find((a) => a.areaId === 'vision-ehalsa')!;
    expect(area3).toMatchObject({ budgetOre: 8 * MKR, allocatedOre: 7 * MKR, availableOre: MKR, availableFormatted: kr('1 000 000 kr'), spentOre: 4 * MKR });
    expect(area3.unspentFormatted).toBe(kr('4 000 000 kr'));

    const changes = await read(`/api/ledgers/${agreementId}/changes?limit=500`);
    expect(changes.total).toBe((history as Json[]).length);
    expect((changes.items as Json[]).map(asHistory)).toEqual(history);
    expect((changes.items as Json[]).map((c) => c.type)).toEqual(
      expect.arrayContaining(['AreaBudgetsSet', 'FundsReallocatedBetweenAreas', 'RepaymentComputed', 'RepaymentRecomputed', 'ReportingBackRecorded']),
    );

    const between = (await read(`/api/ledgers/${agreementId}/changes?areaId=ambulans&type=FundsReallocatedBetweenAreas`)).items as Json[];
    expect(between.map((c) => [c.areaIds, c.authority.kind, c.amountFormatted])).toEqual([[['vision-ehalsa', 'ambulans'], 'body', kr('2 000 000 kr')]]);

    const listed = ((await read('/api/ledgers')).items as Json[]).find((l) => l.agreementId === agreementId)!;
    for (const key of ['totalOre', 'budgetedOre', 'unbudgetedOre', 'allocatedOre', 'spentOre', 'spentFormatted', 'revision', 'decidingBodyId']) {
      expect([key, listed[key]]).toEqual([key, figures[key]]);
    }
  });

  it('given the seed-003 demo, when its changes are read, then each names the body’s § or the delegation version that authorised it, and filters by area, activity and type', async () => {
    await loadSeed003Demo(running.app);
    const [demo] = (await read('/api/ledgers')).items as Json[];
    const agreementId = demo.agreementId as string;
    const { history, ...figures } = await aggregate(agreementId);
    expect(await read(`/api/ledgers/${agreementId}`)).toEqual(figures);
    const [caseDecision] = (await read(`/api/cases/${demo.caseId as string}`)).decisions as Json[];
    const [delegation] = (await read('/api/delegations')).items as Json[];

    const changes = (await read(`/api/ledgers/${agreementId}/changes`)).items as Json[];
    expect(changes.map(asHistory)).toEqual(history);
    expect(changes.map((c) => [c.type, c.authority?.kind ?? null])).toEqual([
      ['AgreementOpened', null],
      ['AreaBudgetsSet', 'body'],
      ['ActivityAllocated', 'delegated'],
      ['ActivityAllocated', 'delegated'],
      ['FundsReallocatedWithinArea', 'delegated'],
    ]);
    expect(changes[1].authority).toEqual({ kind: 'body', bodyId: 'regionstyrelsen', meetingId: caseDecision.meetingId, paragraph: caseDecision.paragraph });
    for (const delegated of changes.slice(2)) {
      expect(delegated.authority).toMatchObject({ delegationId: delegation.delegationId, delegationVersion: 1, decidedBy: 'anders.bystrom' });
    }

    const moved = (await read(`/api/ledgers/${agreementId}/changes?type=FundsReallocatedWithinArea`)).items as Json[];
    expect(moved).toHaveLength(1);
    const [first, second] = changes.slice(2, 4).map((c) => c.data.activityId as string);
    expect(moved[0]).toMatchObject({ areaIds: ['vision-ehalsa'], activityIds: [first, second], amountOre: MKR });
    const ofFirst = (await read(`/api/ledgers/${agreementId}/changes?activityId=${first}`)).items as Json[];
    expect(ofFirst.map((c) => c.type)).toEqual(['ActivityAllocated', 'FundsReallocatedWithinArea']);
    const ofAmbulance = (await read(`/api/ledgers/${agreementId}/changes?areaId=ambulans`)).items as Json[];
    expect(ofAmbulance.map((c) => c.type)).toEqual(['AreaBudgetsSet']);
    expect((await read(`/api/ledgers/${agreementId}/changes?areaId=vision-ehalsa&type=ActivityAllocated`)).total).toBe(2);
  });

  it('given agreements of two organisations and years, when the list is filtered and paged, then each organisation reads exactly its own matching ones, page by page', async () => {
    await loadSeed003Demo(running.app);
    const open = async (caseId: string, name: string, year: number, headers: Headers = asCaseOfficer) =>
      (await ok(send('POST', '/api/agreements', { ...AGREEMENT, caseId, name, stateReference: `S${year}/0${name.length}`, year, useDeadline: `${year}-12-31`, reportingDate: `${year + 1}-03-31`, repaymentDate: `${year + 1}-06-30` }, headers)))
        .agreementId as string;
    const mental = await open(await registeredCase(running, 'Psykisk hälsa 2023'), 'Psykisk hälsa 2023', 2023);
    const maternity = await open(await registeredCase(running, 'Förlossningsvård 2022'), 'Förlossningsvård 2022', 2022);
    const other = { 'x-organisation-id': 'region-annan' };
    await ok(send('POST', '/api/organisations', { organisationId: 'region-annan', name: 'Region Annan', kind: 'region' }, { ...asRegistrar, ...other }));
    const otherCase = (await ok(send('POST', '/api/cases', { registry: 'RS', title: 'God och nära vård 2022' }, { ...asRegistrar, ...other }))).caseId as string;
    const elsewhere = await open(otherCase, 'God och nära vård 2022 (Region Annan)', 2022, { ...asCaseOfficer, ...other });

    const ids = async (query: string, headers: Headers = asAuditor) => ((await read(`/api/ledgers${query}`, headers)).items as Json[]).map((l) => l.agreementId as string);
    const all = await read('/api/ledgers');
    // each organisation reads its own ledgers
    expect(all.total).toBe(3);
    const demo = (all.items as Json[]).find((l) => l.year === 2022 && l.agreementId !== maternity)!.agreementId as string;
    // newest year first, then in the order opened
    expect(await ids('')).toEqual([mental, demo, maternity]);
    expect(await ids('', { ...asAuditor, ...other })).toEqual([elsewhere]);
    expect(await ids('?organisationId=region-annan', { ...asAuditor, ...other })).toEqual([elsewhere]);
    const foreign = await call(running.url, 'GET', '/api/ledgers?organisationId=region-annan', { headers: asAuditor });
    expect([foreign.status, foreign.body.type]).toEqual([404, 'NOT-FOUND']);
    expect((await call(running.url, 'GET', `/api/ledgers/${elsewhere}`, { headers: asAuditor })).status).toBe(404);
    expect(await ids('?year=2023')).toEqual([mental]);
    expect(await ids('?search=N%C3%84RA%20v%C3%A5rd')).toEqual([demo]);
    expect(await ids('?search=s2022%2F00042&organisationId=region-exempel&year=2022')).toEqual([demo]);
    // the user's own % is a character, not a wildcard
    expect(await ids('?search=%25')).toEqual([]);

    const first = await read('/api/ledgers?limit=2&offset=0');
    const second = await read('/api/ledgers?limit=2&offset=2');
    expect([first.total, first.limit, first.offset, second.offset]).toEqual([3, 2, 0, 2]);
    expect([...(first.items as Json[]), ...(second.items as Json[])].map((l) => l.agreementId)).toEqual([mental, demo, maternity]);

    const changes = (await read(`/api/ledgers/${demo}/changes`)).items as Json[];
    const page = await read(`/api/ledgers/${demo}/changes?limit=2&offset=2`);
    expect(page).toMatchObject({ total: changes.length, limit: 2, offset: 2 });
    expect(page.items).toEqual(changes.slice(2, 4));
  });

  it('REGISTER-ROLE: given a recipient of extracts, when they ask for the ledgers, then they are refused with problem+json', async () => {
    await loadSeed003Demo(running.app);
    const [demo] = (await read('/api/ledgers')).items as Json[];
    const asRecipient = { 'x-user-id': 'hsd.direktor', 'x-user-role': 'recipient', 'x-organisation-id': 'region-exempel' };
    for (const path of ['/api/ledgers', `/api/ledgers/${demo.agreementId as string}`, `/api/ledgers/${demo.agreementId as string}/changes`]) {
      const r = await call(running.url, 'GET', path, { headers: asRecipient });
      expect([path, r.status, r.headers.get('content-type')]).toEqual([path, 403, expect.stringMatching(/^application\/problem\+json/)]);
      expect(r.body).toMatchObject({ type: 'REGISTER-ROLE', status: 403 });
    }
    // the case officer reads them
    expect((await read(`/api/ledgers/${demo.agreementId as string}`, asCaseOfficer)).agreementId).toBe(demo.agreementId);
  });

  it('given an unknown agreement or a bad request, when the ledger is read, then 404 or 400 problem+json', async () => {
    await loadSeed003Demo(running.app);
    await running.settled();
    const [demo] = (await read('/api/ledgers')).items as Json[];
    const unknown = '00000000-0000-4000-8000-000000000000';
    const expectProblem = async (path: string, status: number, type: string) => {
      const r = await call(running.url, 'GET', path, { headers: asAuditor });
      expect([path, r.status, r.headers.get('content-type')]).toEqual([path, status, expect.stringMatching(/^application\/problem\+json/)]);
      expect(r.body).toMatchObject({ type, status });
    };
    await expectProblem(`/api/ledgers/${unknown}`, 404, 'NOT-FOUND');
    await expectProblem(`/api/ledgers/${unknown}/changes`, 404, 'NOT-FOUND');
    await expectProblem('/api/ledgers/inte-ett-id', 400, 'BAD-REQUEST');
    await expectProblem(`/api/ledgers/${demo.agreementId as string}/changes?type=Okand`, 400, 'VALIDATION');
    await expectProblem(`/api/ledgers/${demo.agreementId as string}/changes?activityId=inte-ett-id`, 400, 'VALIDATION');
    await expectProblem('/api/ledgers?limit=0', 400, 'VALIDATION');
    await expectProblem('/api/ledgers?year=tjugo', 400, 'VALIDATION');
    await expectProblem('/api/ledgers?okand=1', 400, 'VALIDATION');
  });
});
