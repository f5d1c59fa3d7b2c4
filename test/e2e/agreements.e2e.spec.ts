import { agreementDecider } from '../../src/agreements/agreement.decider';
import { DelegationRegister } from '../../src/delegations/delegation-register';
import { AGREEMENT, AREAS, MKR } from '../../src/demo/seed-003.data';
import { BodyDecisionRef as DecisionRef } from '../../src/meetings/decision-authority';
import { CommandPipeline } from '../../src/platform/command-pipeline';
import { deterministicId } from '../../src/platform/ids';
import { asAuditor, asCaseOfficer, asChair, asCommitteeSecretary, asRegionalDirector, call, expectRefusal, Headers, Reply, RunningApp, startApp } from '../support/app';
import { adjustedApprovals, readyCases, seedDelegationTerms, setUpRegion, THREE_MEMBER_BOARD, THREE_MEMBER_MEETING } from '../support/workflow';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON answers read by path

const BOARD = 'regionstyrelsen';
const NBSP = '\u00a0';
const kr = (text: string) => text.replaceAll(' ', NBSP);
const JOURNAL = 'Strukturerad vårdinformation i journalen';

describe('agreements and allocations over HTTP (seed 003)', () => {
  let running: RunningApp;
  const send = (method: string, path: string, body?: unknown, headers: Headers = asCommitteeSecretary) => call(running.url, method, path, { body, headers });
  const ok = async (response: Promise<Reply>): Promise<Json> => {
    const r = await response;
    if (r.status !== 200 && r.status !== 201) throw new Error(`${r.status}: ${JSON.stringify(r.body)}`);
    return r.body;
  };
  /** a refusal is problem+json naming the rule, and the store is exactly as before */
  const refused = (request: () => Promise<Reply>, status: number, type: string) => expectRefusal(running, request, status, type);
  const post = (agreementId: string, what: string, body?: unknown, headers: Headers = asCommitteeSecretary) =>
    send('POST', `/api/agreements/${agreementId}/${what}`, body, headers);
  const at = (iso: string) => running.clock.set(new Date(iso));
  /** the board's delegation register, through the service the meetings read it with (its HTTP list is the delegations suite's) */
  const registerService = () => running.app.get(DelegationRegister);
  const registerOf = () => registerService().decisions('region-exempel', BOARD);

  /** The region, its board (three ordinary members, Eva in the chair) and the agreement opened by the case officer. */
  async function setUp(): Promise<string> {
    await setUpRegion(running, { members: THREE_MEMBER_BOARD });
    return (await ok(send('POST', '/api/agreements', AGREEMENT, asCaseOfficer))).agreementId as string;
  }

  /** One case per title, each approved at one meeting of the board whose protocol is then adjusted. */
  const adjustedDecisions = async (titles: string[]): Promise<DecisionRef[]> =>
    adjustedApprovals(running, await readyCases(running, titles), THREE_MEMBER_MEETING);

  const budgets = (decision: DecisionRef) => ({
    decision,
    budgets: AREAS.map((a, i) => ({
      areaId: a.areaId,
      amountOre: a.budgetOre,
      responsibleUserId: `ansvarig.${i + 1}`,
      responsibleName: `Ansvarig tjänsteperson ${i + 1}`,
    })),
  });
  /** decision point 2 of seed 003: activities, and reallocation inside each area, up to 5 000 000 kr a decision */
  const delegate = async (agreementId: string, decision: DecisionRef): Promise<string> =>
    (await ok(send('POST', '/api/delegations', seedDelegationTerms(agreementId, decision)))).delegationId as string;
  /** the agreement with its budgets set by the board on 25 March and the regional director's delegation */
  async function budgetedAndDelegated(titles = ['Fördelning överenskommelse God och nära vård 2022']) {
    const agreementId = await setUp();
    const decisions = await adjustedDecisions(titles);
    at('2022-03-25T10:00:00Z');
    const budgeted = await ok(send('PUT', `/api/agreements/${agreementId}/area-budgets`, budgets(decisions[0])));
    return { agreementId, decisions, budgeted, delegationId: await delegate(agreementId, decisions[0]) };
  }
  const activity = (title: string, amountOre: number, authority: object, extra: object = {}) => ({ areaId: 'vision-ehalsa', title, amountOre, authority, ...extra });
  const area = (ledger: Json, areaId: string) => (ledger.areas as Json[]).find((a) => a.areaId === areaId)!;

  beforeEach(async () => {
    running = await startApp({ now: new Date('2022-03-15T09:00:00Z') });
  });
  afterEach(() => running.close());

  it('opens the agreement and reads back its ledger in öre and kronor; AGREEMENT-ROLE, BUDGET-AMOUNT-POSITIVE, VALIDATION, NOT-FOUND', async () => {
    const agreementId = await setUp();
    const ledger = await ok(send('GET', `/api/agreements/${agreementId}`, undefined, asAuditor));
    expect(ledger).toMatchObject({
      agreementId,
      organisationId: 'region-exempel',
      stateReference: 'S2022/00042',
      totalOre: 60 * MKR,
      totalFormatted: kr('60 000 000 kr'),
      budgetedOre: 0,
      unbudgetedFormatted: kr('60 000 000 kr'),
      decidingBodyId: null,
      useDeadline: '2022-12-31',
      openedBy: 'per.handlaggare',
      repayment: null,
      reportingBack: null,
    });
    expect((ledger.areas as Json[]).map((a) => [a.areaId, a.budgetOre, a.responsible])).toEqual(AREAS.map((a) => [a.areaId, 0, null]));
    expect(ledger.history).toEqual([expect.objectContaining({ revision: 0, type: 'AgreementOpened', authority: null, recordedBy: 'per.handlaggare' })]);

    // refused at the door, nothing written
    await refused(() => send('POST', '/api/agreements', AGREEMENT, asAuditor), 422, 'AGREEMENT-ROLE');
    await refused(() => send('POST', '/api/agreements', { ...AGREEMENT, totalOre: 0 }, asCaseOfficer), 422, 'BUDGET-AMOUNT-POSITIVE');
    await refused(() => send('POST', '/api/agreements', { ...AGREEMENT, useDeadline: '2022-02-30' }, asCaseOfficer), 400, 'VALIDATION');
    const otherOrg = { ...asCaseOfficer, 'x-organisation-id': 'linkopings-kommun' };
    await refused(() => send('GET', `/api/agreements/${agreementId}`, undefined, otherOrg), 404, 'NOT-FOUND');
    await refused(() => post(agreementId, 'outcomes', { activityId: 'x', spentOre: 1, reportedOn: '2022-04-01' }, otherOrg), 404, 'NOT-FOUND');
  });

  it('budgets by the board, delegated activities and a move inside Vision e-hälsa; the register learns each delegated decision', async () => {
    const { agreementId, decisions, budgeted, delegationId } = await budgetedAndDelegated([
      'Fördelning överenskommelse God och nära vård 2022',
      'Omfördelning från Vision e-hälsa till ambulanssjukvården',
    ]);
    const moveBetween = decisions[1];
    expect(budgeted).toMatchObject({ budgetedOre: 60 * MKR, unbudgetedOre: 0, decidingBodyId: BOARD });
    expect(area(budgeted, 'vision-ehalsa')).toMatchObject({ budgetOre: 10 * MKR, budgetFormatted: kr('10 000 000 kr'), responsible: { userId: 'ansvarig.3' } });

    // the regional director decides two activities under the delegation
    at('2022-04-25T09:00:00Z');
    const journal = await ok(
      post(agreementId, 'activities', activity(JOURNAL, 4 * MKR, { delegationId }, { owner: 'region' }), asRegionalDirector),
    );
    const standards = await ok(
      send(
        'POST',
        `/api/agreements/${agreementId}/activities`,
        activity('Gemensam tillämpning av standarder', 3 * MKR, { delegationId }, { owner: 'joint', recipientOrganisationIds: ['linkopings-kommun'] }),
        asRegionalDirector,
      ),
    );
    expect(journal.delegatedDecisionId).toEqual(expect.any(String));
    const allocatedJournal = (area(journal.agreement, 'vision-ehalsa').activities as Json[])[0];
    expect(allocatedJournal).toMatchObject({
      activityId: journal.activityId,
      allocatedOre: 4 * MKR,
      allocatedFormatted: kr('4 000 000 kr'),
      owner: 'region',
      authority: { kind: 'delegated', delegationId, delegationVersion: 1, delegatedDecisionId: journal.delegatedDecisionId, decidedBy: 'anders.bystrom' },
    });

    // and moves 1 000 000 kr from one to the other: the area's total is unchanged
    const moved = await ok(
      send(
        'POST',
        `/api/agreements/${agreementId}/reallocations`,
        { kind: 'within_area', areaId: 'vision-ehalsa', fromActivityId: journal.activityId, toActivityId: standards.activityId, amountOre: MKR, authority: { delegationId } },
        asRegionalDirector,
      ),
    );
    expect(moved.reallocationId).toEqual(expect.any(String));
    const area3 = area(moved.agreement, 'vision-ehalsa');
    expect(area3).toMatchObject({ budgetOre: 10 * MKR, allocatedOre: 7 * MKR, availableOre: 3 * MKR, availableFormatted: kr('3 000 000 kr') });
    expect(Object.fromEntries((area3.activities as Json[]).map((a) => [a.title, a.allocatedOre]))).toEqual({
      'Strukturerad vårdinformation i journalen': 3 * MKR,
      'Gemensam tillämpning av standarder': 4 * MKR,
    });

    // the three delegated decisions wait on the board's unreported list (KL-6-40), naming the version
    const listed = (await registerOf()).filter((d) => d.reported === null);
    expect(listed.map((d) => d.delegatedDecisionId).sort()).toEqual([journal.delegatedDecisionId, standards.delegatedDecisionId, moved.delegatedDecisionId].sort());
    expect(listed.every((d) => d.delegationId === delegationId && d.delegationVersion === 1 && d.agreementId === agreementId)).toBe(true);

    // refused, with nothing written: a move between areas is outside the mandate, and so is more than the limit
    const between = { kind: 'between_areas', fromAreaId: 'vision-ehalsa', toAreaId: 'ambulans', amountOre: MKR };
    await refused(() => post(agreementId, 'reallocations', { ...between, authority: { delegationId } }, asRegionalDirector), 422, 'BUDGET-BETWEEN-AREAS-MANDATE');
    await refused(
      () => post(agreementId, 'activities', activity('För stor aktivitet', 5 * MKR + 1, { delegationId }), asRegionalDirector),
      422,
      'DELEGATION-AMOUNT-LIMIT',
    );
    await refused(
      () => post(agreementId, 'activities', activity('Utöver budget', 3 * MKR + 1, { delegationId }), asRegionalDirector),
      422,
      'BUDGET-ALLOCATION-WITHIN-AREA',
    );
    await refused(
      () => post(agreementId, 'activities', activity('Av ordföranden', MKR, { delegationId }), asChair),
      422,
      'DELEGATION-DELEGATE',
    );

    // the board itself moves what is unallocated in Vision e-hälsa to the ambulance care
    const byBoard = await ok(post(agreementId, 'reallocations', { ...between, amountOre: 3 * MKR, authority: { decision: moveBetween } }));
    expect(byBoard.delegatedDecisionId).toBeNull();
    expect(area(byBoard.agreement, 'vision-ehalsa')).toMatchObject({ budgetOre: 7 * MKR, availableOre: 0 });
    expect(area(byBoard.agreement, 'ambulans')).toMatchObject({ budgetOre: 11 * MKR });
    expect(byBoard.agreement.budgetedOre).toBe(60 * MKR);

    // every change in the history names its authority
    const ledger = await ok(send('GET', `/api/agreements/${agreementId}`, undefined, asAuditor));
    expect((ledger.history as Json[]).map((h) => [h.type, h.authority?.kind ?? null])).toEqual([
      ['AgreementOpened', null],
      ['AreaBudgetsSet', 'body'],
      ['ActivityAllocated', 'delegated'],
      ['ActivityAllocated', 'delegated'],
      ['FundsReallocatedWithinArea', 'delegated'],
      ['FundsReallocatedBetweenAreas', 'body'],
    ]);
    expect((ledger.history as Json[])[5].authority).toEqual({ kind: 'body', bodyId: BOARD, ...moveBetween });
  });

  it('outcomes, then after the use deadline the repayment and the reporting back', async () => {
    const { agreementId, delegationId } = await budgetedAndDelegated();
    const journal = await ok(
      post(agreementId, 'activities', activity(JOURNAL, 4 * MKR, { delegationId }), asRegionalDirector),
    );
    await refused(
      () => post(agreementId, 'outcomes', { activityId: journal.activityId, spentOre: 4 * MKR + 1, reportedOn: '2022-12-30' }, asCaseOfficer),
      422,
      'BUDGET-OUTCOME-WITHIN-ALLOCATION',
    );
    const reported = await ok(post(agreementId, 'outcomes', { activityId: journal.activityId, spentOre: 3_500_000_00, reportedOn: '2022-12-30' }, asCaseOfficer));
    expect(area(reported, 'vision-ehalsa')).toMatchObject({ spentOre: 3_500_000_00, unspentOre: 6_500_000_00, unspentFormatted: kr('6 500 000 kr') });

    await refused(() => post(agreementId, 'repayment'), 422, 'BUDGET-REPAYMENT-BEFORE-DEADLINE');
    at('2023-01-10T09:00:00Z');
    await refused(
      () => post(agreementId, 'activities', activity('För sent', MKR, { delegationId }), asRegionalDirector),
      422,
      'BUDGET-DEADLINE-PASSED',
    );
    const repaid = await ok(post(agreementId, 'repayment'));
    expect(repaid.repayment).toMatchObject({
      computedOn: '2023-01-10',
      repaymentOre: 56_500_000_00,
      repaymentFormatted: kr('56 500 000 kr'),
      dueBy: '2023-06-30',
    });
    expect((repaid.repayment.areas as Json[]).find((a) => a.areaId === 'vision-ehalsa')).toMatchObject({ unspentOre: 6_500_000_00 });
    await refused(() => post(agreementId, 'repayment'), 422, 'BUDGET-REPAYMENT-ONCE');
    const back = await ok(post(agreementId, 'reporting-back', { submittedOn: '2023-03-28', reference: 'RS 2023-00017' }));
    expect(back.reportingBack).toEqual({ submittedOn: '2023-03-28', reference: 'RS 2023-00017', dueBy: '2023-03-31' });
  });

  it('a delegated allocation retried with the same Idempotency-Key has effect once, on both streams', async () => {
    const { agreementId, delegationId } = await budgetedAndDelegated();
    const headers = { ...asRegionalDirector, 'idempotency-key': 'rd-journal-1' };
    const body = activity(JOURNAL, 4 * MKR, { delegationId });
    const first = await post(agreementId, 'activities', body, headers);
    expect(first.status).toBe(201);
    const count = (await running.allEvents()).length;
    const [second, third] = await Promise.all([1, 2].map(() => post(agreementId, 'activities', body, headers)));
    for (const again of [second, third]) {
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
    }
    expect((await running.allEvents()).length).toBe(count);
    expect((await registerOf()).map((d) => d.delegatedDecisionId)).toEqual([first.body.delegatedDecisionId]);
    await refused(() => post(agreementId, 'activities', { ...body, amountOre: MKR }, headers), 422, 'IDEMPOTENCY-KEY-REUSED');
  });

  it('a retry after a crash between the agreement and the register completes the register and changes nothing else', async () => {
    const { agreementId, delegationId } = await budgetedAndDelegated();
    const key = 'crashed-before-register';
    const activityId = deterministicId('region-exempel', key, 'activity');
    const delegatedDecisionId = deterministicId('region-exempel', key, 'delegated-decision');
    const actor = { userId: 'anders.bystrom', role: 'regional_director' as const, organisationId: 'region-exempel' };
    // the crash: the agreement took the decision, the register and the stored answer did not
    await running.app.get(CommandPipeline).execute(
      agreementDecider,
      `agreement-${agreementId}`,
      {
        type: 'AllocateActivity',
        activityId,
        areaId: 'vision-ehalsa',
        title: 'Strukturerad vårdinformation i journalen',
        amountOre: 4 * MKR,
        owner: null,
        recipientOrganisationIds: [],
        authority: { kind: 'delegated', delegationId, delegatedDecisionId, delegation: await registerService().versionInForce('region-exempel', delegationId) },
      },
      { commandId: key, retryable: true, commandType: 'AllocateActivity', actor, correlationId: key, causationId: key },
    );
    expect(await registerOf()).toEqual([]);

    const retried = await ok(
      post(agreementId, 'activities', activity(JOURNAL, 4 * MKR, { delegationId }), { ...asRegionalDirector, 'idempotency-key': key }),
    );
    expect(retried).toMatchObject({ activityId, delegatedDecisionId });
    expect(area(retried.agreement, 'vision-ehalsa')).toMatchObject({ allocatedOre: 4 * MKR });
    expect((await registerOf()).map((d) => [d.delegatedDecisionId, d.reported])).toEqual([[delegatedDecisionId, null]]);
    const agreementEvents = (await running.allEvents()).filter((e) => e.streamId === `agreement-${agreementId}`);
    expect(agreementEvents.filter((e) => e.type === 'ActivityAllocated')).toHaveLength(1);
  });
});
