import { agreementDecider } from '../../src/agreements/agreement.decider';
import { AGREEMENT, AREAS, MKR } from '../../src/demo/seed-003.data';
import { CommandPipeline } from '../../src/platform/command-pipeline';
import { deterministicId } from '../../src/platform/ids';
import { asAuditor, asCaseOfficer, asChair, asRegionalDirector, call, RunningApp, startApp } from '../support/app';
import { AGREEMENT_CASE, agreementSuite, JOURNAL, Json, kr, registeredCase } from '../support/workflow';

const BOARD = 'regionstyrelsen';

/**
 * Seed 003's agreement over HTTP: opened in its case, budgeted by the board, money allocated and
 * moved under the regional director's delegation, each delegated decision on the board's register
 * (also after a retry or a crash). What happens after the money is used is agreement-settlement's.
 */
describe('agreements and allocations over HTTP (seed 003)', () => {
  let running: RunningApp;
  const { send, ok, refused, post, at, registerService, registerOf, setUpBoard, budgetedAndDelegated, activity, area } = agreementSuite(() => running);

  beforeEach(async () => {
    running = await startApp({ now: new Date('2022-03-15T09:00:00Z') });
  });
  afterEach(() => running.close());

  it('opens the agreement in its case and reads back its ledger in öre and kronor; AGREEMENT-ROLE, AGREEMENT-CASE, AGREEMENT-DATES, BUDGET-AMOUNT-POSITIVE, VALIDATION, NOT-FOUND', async () => {
    await setUpBoard();
    const caseId = await registeredCase(running, AGREEMENT_CASE);
    const opened = await ok(send('POST', '/api/agreements', { caseId, ...AGREEMENT }, asCaseOfficer));
    const agreementId = opened.agreementId as string;
    const ledger = await ok(send('GET', `/api/agreements/${agreementId}`, undefined, asAuditor));
    // a write answers the figures; the history, which grows with every change, only GET
    expect(opened).not.toHaveProperty('history');
    expect(opened).toEqual(Object.fromEntries(Object.entries(ledger).filter(([key]) => key !== 'history')));
    expect(ledger).toMatchObject({
      agreementId,
      caseId,
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
    await refused(() => send('POST', '/api/agreements', { caseId, ...AGREEMENT }, asAuditor), 403, 'ROLE-READ-ONLY');
    await refused(() => send('POST', '/api/agreements', { caseId, ...AGREEMENT, totalOre: 0 }, asCaseOfficer), 422, 'BUDGET-AMOUNT-POSITIVE');
    await refused(() => send('POST', '/api/agreements', { caseId, ...AGREEMENT, useDeadline: '2022-02-30' }, asCaseOfficer), 400, 'VALIDATION');
    // every agreement is handled in a case, and one that exists in the organisation
    await refused(() => send('POST', '/api/agreements', AGREEMENT, asCaseOfficer), 400, 'VALIDATION');
    await refused(() => send('POST', '/api/agreements', { caseId: '5f0c1f0e-5f3a-5d6e-9a51-4b2f0d7a9c11', ...AGREEMENT }, asCaseOfficer), 422, 'AGREEMENT-CASE');
    // money used after it is reported back and repaid, or a year that has not come
    await refused(() => send('POST', '/api/agreements', { caseId, ...AGREEMENT, useDeadline: '2023-04-30' }, asCaseOfficer), 422, 'AGREEMENT-DATES');
    await refused(() => send('POST', '/api/agreements', { caseId, ...AGREEMENT, year: 2023 }, asCaseOfficer), 422, 'AGREEMENT-DATES');
    const otherOrg = { ...asCaseOfficer, 'x-organisation-id': 'linkopings-kommun' };
    // the OpenAPI document says the same: the writes answer the ledger without its history
    const api = (await call(running.url, 'GET', '/api/docs-json')).body as Json;
    const answer = (path: string, method: string, status: string) => api.paths[path][method].responses[status].content['application/json'].schema.$ref as string;
    expect(answer('/api/agreements', 'post', '201')).toBe('#/components/schemas/AgreementLedgerSummary');
    expect(answer('/api/agreements/{agreementId}/outcomes', 'post', '201')).toBe('#/components/schemas/AgreementLedgerSummary');
    expect(answer('/api/agreements/{agreementId}', 'get', '200')).toBe('#/components/schemas/AgreementLedger');
    expect(api.components.schemas.AgreementLedgerSummary.properties).not.toHaveProperty('history');
    expect(api.components.schemas.AgreementLedger.properties).toHaveProperty('history');
    expect(api.components.schemas.ActivityDecided.properties.agreement.allOf ?? [api.components.schemas.ActivityDecided.properties.agreement]).toEqual([
      { $ref: '#/components/schemas/AgreementLedgerSummary' },
    ]);
    await refused(() => send('GET', `/api/agreements/${agreementId}`, undefined, otherOrg), 404, 'NOT-FOUND');
    await refused(() => post(agreementId, 'outcomes', { activityId: 'x', spentOre: 1, reportedOn: '2022-04-01' }, otherOrg), 404, 'NOT-FOUND');
  });

  it('budgets by the board, delegated activities and a move inside Vision e-hälsa; the register learns each delegated decision', async () => {
    const { agreementId, decisions, budgeted, delegationId } = await budgetedAndDelegated(['Ny ambulansstation i Motala']);
    // the § that approved the agreement's case, and one that approved an unrelated case at the same meeting
    const [agreementDecision, unrelated] = decisions;
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

    // AGREEMENT-DECISION-REUSED: the § that set the budgets authorised that act, and moves no more money
    await refused(() => post(agreementId, 'reallocations', { ...between, authority: { decision: agreementDecision } }), 422, 'AGREEMENT-DECISION-REUSED');

    // the board itself, by a later decision of its own (here the other § of the meeting), moves what is unallocated in Vision e-hälsa to the ambulance care
    const byBoard = await ok(post(agreementId, 'reallocations', { ...between, amountOre: 3 * MKR, authority: { decision: unrelated } }));
    // …once: that § is now spent too
    await refused(() => post(agreementId, 'activities', activity('Av samma paragraf', MKR, { decision: unrelated })), 422, 'AGREEMENT-DECISION-REUSED');
    expect(byBoard.agreement).not.toHaveProperty('history');
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
    expect((ledger.history as Json[])[1].authority).toEqual({ kind: 'body', bodyId: BOARD, ...agreementDecision });
    expect((ledger.history as Json[])[5].authority).toEqual({ kind: 'body', bodyId: BOARD, ...unrelated });
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

    // the stored answers of keyed agreement commands keep the figures, never the whole history: storage grows linearly
    for (let i = 0; i < 3; i++) await ok(post(agreementId, 'activities', activity(`Aktivitet ${i}`, 10_000_00, { delegationId }), { ...asRegionalDirector, 'idempotency-key': `rd-${i}` }));
    const answers = (await running.allEvents()).filter((e) => e.type === 'CommandCompleted' && ['AllocateActivity', 'SetAreaBudgets', 'OpenAgreement'].includes(String(e.data.commandType)));
    expect(answers.length).toBeGreaterThanOrEqual(4);
    for (const stored of answers) expect(JSON.stringify(stored.data.result)).not.toContain('"history"');
  });

  /**
   * The crash: the regional director's allocation reached the agreement's stream (through the
   * pipeline, as the handler appends it) but neither the register nor a stored answer did.
   */
  async function crashBeforeRegister(agreementId: string, delegationId: string, key: string, title = JOURNAL, amountOre = 4 * MKR) {
    const activityId = deterministicId('region-exempel', key, 'activity');
    const delegatedDecisionId = deterministicId('region-exempel', key, 'delegated-decision');
    const actor = { userId: 'anders.bystrom', role: 'regional_director' as const, organisationId: 'region-exempel' };
    await running.app.get(CommandPipeline).execute(
      agreementDecider,
      `agreement-${agreementId}`,
      {
        type: 'AllocateActivity',
        activityId,
        areaId: 'vision-ehalsa',
        title,
        amountOre,
        owner: null,
        recipientOrganisationIds: [],
        authority: { kind: 'delegated', delegationId, delegatedDecisionId, delegation: await registerService().versionInForce('region-exempel', delegationId) },
      },
      { commandId: key, retryable: true, commandType: 'AllocateActivity', actor, correlationId: key, causationId: key },
    );
    return { activityId, delegatedDecisionId };
  }
  const unreported = async () => (await registerOf()).filter((d) => d.reported === null).map((d) => d.delegatedDecisionId);

  it('a retry after a crash between the agreement and the register completes the register and changes nothing else', async () => {
    const { agreementId, delegationId } = await budgetedAndDelegated();
    const key = 'crashed-before-register';
    const { activityId, delegatedDecisionId } = await crashBeforeRegister(agreementId, delegationId, key);
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

  it('a delegated decision a crash kept off the register, never retried, reaches it (KL-6-40) on the agreement’s next read or write', async () => {
    const { agreementId, delegationId } = await budgetedAndDelegated();
    at('2022-04-25T09:00:00Z');
    // the client sent no Idempotency-Key, so it cannot retry: nothing would ever record this one
    const lost = await crashBeforeRegister(agreementId, delegationId, 'no-key-1');
    expect(await unreported()).toEqual([]);

    // an auditor reading the ledger is enough
    await ok(send('GET', `/api/agreements/${agreementId}`, undefined, asAuditor));
    expect(await unreported()).toEqual([lost.delegatedDecisionId]);
    const [recorded] = await registerOf();
    expect(recorded).toMatchObject({ delegationId, delegationVersion: 1, agreementId, amountOre: 4 * MKR, decidedBy: 'anders.bystrom', decisionKind: 'decide_activities' });
    const count = (await running.allEvents()).length;
    await ok(send('GET', `/api/agreements/${agreementId}`, undefined, asAuditor));
    expect((await running.allEvents()).length).toBe(count);

    // and so is any later command on the agreement, here an outcome of another activity
    const alsoLost = await crashBeforeRegister(agreementId, delegationId, 'no-key-2', 'Gemensam tillämpning av standarder', 2 * MKR);
    await ok(post(agreementId, 'outcomes', { activityId: lost.activityId, spentOre: MKR, reportedOn: '2022-04-25' }, asCaseOfficer));
    expect((await unreported()).sort()).toEqual([lost.delegatedDecisionId, alsoLost.delegatedDecisionId].sort());
  });
});
