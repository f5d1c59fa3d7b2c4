import { loadSeed003Demo } from '../../src/demo/seed-003.demo';
import { DelegationRegister } from '../../src/delegations/delegation-register';
import { Actor } from '../../src/platform/actor';
import { asAuditor, asCommitteeSecretary, call, Headers, RunningApp, startApp } from '../support/app';
import { READ_DATABASES } from '../support/read-databases';
import { agreementSuite, Json, kr, seedDelegationTerms } from '../support/workflow';

/**
 * The delegation register read model (GET /api/delegation-register…) against the register's own
 * answers (GET /api/delegations/:id, GET /api/bodies/:bodyId/delegated-decisions), on both read
 * databases, with the data built over HTTP.
 */
describe.each(READ_DATABASES)('delegation register read model on $name', ({ env }) => {
  let running: RunningApp;
  const { send, ok, at, budgetedAndDelegated } = agreementSuite(() => running);

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
  const ids = async (path: string, key: string) => ((await read(path)).items as Json[]).map((i) => i[key] as string);
  /** a decision as the register's own list has it: without what the read model adds, or the hold it keeps inside */
  const asEntry = ({ amountFormatted: _f, reportState: _s, authorisedBy: _a, hold: _h, ...entry }: Json) => entry;
  /** a version as the register's own answer has it: without the formatted limit and whether it is in force today */
  const asVersion = ({ amountLimitFormatted: _f, inForce: _i, ...version }: Json) => version;
  const unreportedOfBoard = async () => ids('/api/delegation-register/decisions?bodyId=regionstyrelsen&reported=false', 'delegatedDecisionId');
  const boardsOwnList = async () => ((await ok(send('GET', '/api/bodies/regionstyrelsen/delegated-decisions?status=unreported'))).items as Json[]).map((d) => d.delegatedDecisionId);

  /** the demo's board meets (all five ordinary members present) at `startsAt` */
  async function boardInSession(startsAt: string): Promise<string> {
    const convened = await ok(send('POST', '/api/meetings', { bodyId: 'regionstyrelsen', startsAt, place: 'Regionens hus, sal A', adjusterUserIds: ['maria.justerare'] }));
    at(new Date(Date.parse(startsAt) + 5 * 60_000).toISOString());
    const present = ['eva.ordforande', 'olof.ledamot', 'karin.ledamot', 'nils.ledamot', 'maria.justerare'].map((userId) => ({ userId }));
    await ok(send('PUT', `/api/meetings/${convened.meetingId as string}/attendance`, { present }));
    return convened.meetingId as string;
  }

  it('given the seed-003 demo, when the register is read, then the delegation, its version and its decisions equal the register’s own answers', async () => {
    await loadSeed003Demo(running.app);
    const page = await read('/api/delegation-register');
    expect(page).toMatchObject({ total: 1, limit: 50, offset: 0 });
    const [delegation] = page.items as Json[];
    const own = await ok(send('GET', `/api/delegations/${delegation.delegationId as string}`, undefined, asAuditor));
    expect(delegation).toMatchObject({ status: 'in-force', versionInForce: 1, revokedAt: null, revocation: null, decisions: { total: 3, unreported: 3 } });
    expect(asVersion(delegation.current)).toEqual(own.current);
    expect(delegation.current.amountLimitFormatted).toBe(kr('5 000 000 kr'));
    expect((delegation.versions as Json[]).map(asVersion)).toEqual(own.versions);
    expect((delegation.versions as Json[]).map((v) => v.inForce)).toEqual([true]);
    expect(await read(`/api/delegation-register/${delegation.delegationId as string}`)).toEqual(delegation);

    const decisions = (await read(`/api/delegation-register/decisions?delegationId=${delegation.delegationId as string}`)).items as Json[];
    expect(decisions.map(asEntry)).toEqual((own.decisions as Json[]).map(asEntry));
    expect(decisions.map((d) => [d.decisionKind, d.amountFormatted, d.reportState])).toEqual([
      ['decide_activities', kr('4 000 000 kr'), 'unreported'],
      ['decide_activities', kr('3 000 000 kr'), 'unreported'],
      ['reallocate_within_area', kr('1 000 000 kr'), 'unreported'],
    ]);
    // each with the version that authorised it, and the board's § behind that version
    for (const d of decisions) expect(asVersion(d.authorisedBy)).toEqual(own.versions[0]);
    expect(decisions[0].authorisedBy.decision).toEqual(own.current.decision);

    // the two activities on 25 April, the reallocation a week later
    expect(await ids('/api/delegation-register/decisions?decidedFrom=2022-04-25&decidedTo=2022-04-25', 'delegatedDecisionId')).toHaveLength(2);
    expect(await ids('/api/delegation-register/decisions?decidedFrom=2022-04-25&decidedTo=2022-05-02', 'delegatedDecisionId')).toHaveLength(3);
    expect(await ids('/api/delegation-register/decisions?decidedTo=2022-04-24', 'delegatedDecisionId')).toEqual([]);
    expect(await ids('/api/delegation-register/decisions?kind=urgent', 'delegatedDecisionId')).toEqual([]);
    const paged = await read('/api/delegation-register/decisions?limit=2&offset=2');
    expect(paged).toMatchObject({ total: 3, limit: 2, offset: 2 });
    expect((paged.items as Json[]).map((d) => d.delegatedDecisionId)).toEqual([decisions[2].delegatedDecisionId]);
  });

  it('KL-6-40: given the demo’s three unreported decisions, when a report holds two for a meeting that then refuses and another meeting takes note of them, then the unreported list follows the hold, the withdrawal and the report', async () => {
    await loadSeed003Demo(running.app);
    const [first, second, third] = await unreportedOfBoard();
    expect(await boardsOwnList()).toEqual([first, second, third]);

    // a report holds two for the first meeting, and the process dies before the meeting writes its paragraph
    const refusing = await boardInSession('2022-05-10T11:00:00Z');
    const secretary: Actor = { userId: 'sara.sekreterare', role: 'committee_secretary', organisationId: 'region-exempel' };
    const key = 'report-held-then-refused';
    await running.app
      .get(DelegationRegister)
      .markReported(
        { commandId: key, retryable: true, commandType: 'ReportDelegatedDecisions', actor: secretary, correlationId: key, causationId: key },
        { organisationId: 'region-exempel', bodyId: 'regionstyrelsen', meetingId: refusing, paragraph: 1, reportedOn: '2022-05-10', decisionIds: [first, second] },
      );
    const held = (await read('/api/delegation-register/decisions?bodyId=regionstyrelsen')).items as Json[];
    expect(held.map((d) => [d.reportState, d.reported?.meetingId ?? null])).toEqual([
      ['held', refusing],
      ['held', refusing],
      ['unreported', null],
    ]);
    // as the board's own list counts them: held for a meeting is not on the unreported list
    expect(await unreportedOfBoard()).toEqual([third]);
    expect(await boardsOwnList()).toEqual([third]);

    // the retry finds the meeting closed: the meeting refuses, the register lets the two go
    await ok(send('POST', `/api/meetings/${refusing}/close`));
    const refusal = await send('POST', `/api/meetings/${refusing}/delegated-decision-reports`, { decisionIds: [first, second] }, { ...asCommitteeSecretary, 'idempotency-key': key });
    expect(refusal.body).toMatchObject({ status: 422, type: 'MEETING-CLOSED' });
    expect(await unreportedOfBoard()).toEqual([first, second, third]);
    expect(((await read(`/api/delegation-register/decisions?bodyId=regionstyrelsen&reported=false`)).items as Json[]).map((d) => d.reportState)).toEqual([
      'unreported',
      'unreported',
      'unreported',
    ]);

    // the next meeting takes note of them: the list shrinks to the one left
    const noting = await boardInSession('2022-06-14T11:00:00Z');
    const reported = await ok(send('POST', `/api/meetings/${noting}/delegated-decision-reports`, { decisionIds: [first, second] }));
    const paragraph = (reported.delegatedDecisionReports as Json[])[0].paragraph as number;
    expect(await unreportedOfBoard()).toEqual([third]);
    expect(await boardsOwnList()).toEqual([third]);
    const done = (await read('/api/delegation-register/decisions?bodyId=regionstyrelsen&reported=true')).items as Json[];
    expect(done.map((d) => [d.delegatedDecisionId, d.reportState, d.reported])).toEqual([
      [first, 'reported', { meetingId: noting, paragraph, reportedOn: '2022-06-14' }],
      [second, 'reported', { meetingId: noting, paragraph, reportedOn: '2022-06-14' }],
    ]);
    const [delegation] = (await read('/api/delegation-register')).items as Json[];
    expect(delegation.decisions).toEqual({ total: 3, unreported: 1 });
    const own = await ok(send('GET', `/api/delegations/${delegation.delegationId as string}`, undefined, asAuditor));
    expect(((await read('/api/delegation-register/decisions')).items as Json[]).map(asEntry)).toEqual((own.decisions as Json[]).map(asEntry));
  });

  it('given delegations amended, revoked and not yet begun, when the register is filtered, then today tells in force from past and every version is listed', async () => {
    const { agreementId, delegationId, decisions } = await budgetedAndDelegated(['Ändrad delegation', 'Delegation till Johan', 'Delegation till Lisa', 'Återkallelse']);
    const terms = (decision: Json, over: object) => ({ ...seedDelegationTerms(agreementId, decision as never), ...over });
    await ok(send('PUT', `/api/delegations/${delegationId}`, terms(decisions[1], { amountLimitOre: 1_000_000_00 })));
    const johan = (await ok(send('POST', '/api/delegations', terms(decisions[2], { delegates: [{ userId: 'johan.palm' }], validUntil: '2022-06-30' })))).delegationId as string;
    const lisa = (await ok(send('POST', '/api/delegations', terms(decisions[3], { delegates: [{ userId: 'lisa.larsson' }], validFrom: '2022-09-01', validUntil: undefined }))))
      .delegationId as string;
    at('2022-04-01T09:00:00Z');
    await ok(send('POST', `/api/delegations/${johan}/revocation`, { decision: decisions[4] }));

    at('2022-04-25T09:00:00Z');
    const list = (query: string) => ids(`/api/delegation-register${query}`, 'delegationId');
    expect(await list('')).toEqual([delegationId, johan, lisa]);
    expect(await list('?status=in-force')).toEqual([delegationId]);
    expect(await list('?status=past')).toEqual([johan]);
    expect(await list('?status=upcoming')).toEqual([lisa]);
    expect(await list('?delegateUserId=lisa.larsson')).toEqual([lisa]);
    expect(await list('?delegateRole=regional_director&organisationId=region-exempel')).toEqual([delegationId]);
    // another organisation's register reads as unknown, as the live endpoints answer
    const foreign = await call(running.url, 'GET', '/api/delegation-register?organisationId=region-annan', { headers: asAuditor });
    expect([foreign.status, foreign.body.type]).toEqual([404, 'NOT-FOUND']);
    expect(await list(`?agreementId=${agreementId}&bodyId=regionstyrelsen&limit=2&offset=1`)).toEqual([johan, lisa]);

    const amended = await read(`/api/delegation-register/${delegationId}`);
    const own = await ok(send('GET', `/api/delegations/${delegationId}`, undefined, asAuditor));
    expect(amended).toMatchObject({ status: 'in-force', versionInForce: 2 });
    expect(asVersion(amended.current)).toEqual(own.current);
    expect((amended.versions as Json[]).map((v) => [v.version, v.decision, v.amountLimitOre, v.inForce])).toEqual([
      [1, decisions[0], 5_000_000_00, false],
      [2, decisions[1], 1_000_000_00, true],
    ]);
    const revoked = await read(`/api/delegation-register/${johan}`);
    const ownRevoked = await ok(send('GET', `/api/delegations/${johan}`, undefined, asAuditor));
    expect(revoked).toMatchObject({ status: 'past', versionInForce: null, revokedAt: ownRevoked.revokedAt, revocation: ownRevoked.revocation });
    expect(revoked.revocation.decision).toEqual(decisions[4]);

    // in the new year the regional director's delegation has run out; Lisa's has begun
    at('2023-01-02T09:00:00Z');
    expect(await list('?status=past')).toEqual([delegationId, johan]);
    expect(await list('?status=in-force')).toEqual([lisa]);
    expect(await list('?status=upcoming')).toEqual([]);
  });

  it('REGISTER-ROLE: given a recipient of extracts, when they ask for the delegation register, then they are refused with problem+json', async () => {
    await loadSeed003Demo(running.app);
    const [delegationId] = await ids('/api/delegation-register', 'delegationId');
    const asRecipient = { 'x-user-id': 'hsd.direktor', 'x-user-role': 'recipient', 'x-organisation-id': 'region-exempel' };
    for (const path of ['/api/delegation-register', `/api/delegation-register/${delegationId}`, '/api/delegation-register/decisions?reported=false']) {
      const r = await call(running.url, 'GET', path, { headers: asRecipient });
      expect([path, r.status, r.headers.get('content-type')]).toEqual([path, 403, expect.stringMatching(/^application\/problem\+json/)]);
      expect(r.body).toMatchObject({ type: 'REGISTER-ROLE', status: 403 });
    }
    expect(await ids('/api/delegation-register', 'delegationId')).toEqual([delegationId]);
  });

  it('given an unknown delegation or a bad filter, when the register is read, then 404 or 400 problem+json', async () => {
    await loadSeed003Demo(running.app);
    await running.settled();
    const expectProblem = async (path: string, status: number, type: string) => {
      const r = await call(running.url, 'GET', path, { headers: asAuditor });
      expect([path, r.status, r.headers.get('content-type')]).toEqual([path, status, expect.stringMatching(/^application\/problem\+json/)]);
      expect(r.body).toMatchObject({ type, status });
    };
    await expectProblem('/api/delegation-register/00000000-0000-4000-8000-000000000000', 404, 'NOT-FOUND');
    await expectProblem('/api/delegation-register/inte-ett-id', 400, 'BAD-REQUEST');
    await expectProblem('/api/delegation-register?status=giltig', 400, 'VALIDATION');
    await expectProblem('/api/delegation-register?limit=501', 400, 'VALIDATION');
    await expectProblem('/api/delegation-register/decisions?reported=ja', 400, 'VALIDATION');
    await expectProblem('/api/delegation-register/decisions?decidedFrom=2022-02-30', 400, 'VALIDATION');
    await expectProblem('/api/delegation-register/decisions?delegationId=inte-ett-id', 400, 'VALIDATION');
    await expectProblem('/api/delegation-register/decisions?okand=1', 400, 'VALIDATION');
  });
});
