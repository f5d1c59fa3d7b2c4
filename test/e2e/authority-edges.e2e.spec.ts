import { AGREEMENT, CASE, MKR } from '../../src/demo/seed-003.data';
import { asCaseOfficer, asChair, asCommitteeSecretary, asRegistrar, call, Headers, RunningApp, startApp } from '../support/app';
import { AGREEMENT_CASE, agreementSuite, registeredCase, seedDelegationTerms } from '../support/workflow';

/**
 * The edges of authority over HTTP: what a body's decision (§) authorises on an agreement, one
 * agreement per case, a delegation's terms against its agreement and decision, the chair's urgent
 * decision against its case, and nested objects a request must carry.
 */
describe('authority at the edges over HTTP', () => {
  let running: RunningApp;
  const { send, ok, refused, post, at, setUpBoard, budgetedAndDelegated } = agreementSuite(() => running);
  const count = async () => (await running.allEvents()).length;

  beforeEach(async () => {
    running = await startApp({ now: new Date('2022-03-15T09:00:00Z') });
  });
  afterEach(() => running.close());

  it('AGREEMENT-DECISION-REUSED: the budgets’ § is no standing authority; a § approving a separate case moves money once', async () => {
    const { agreementId, decisions } = await budgetedAndDelegated(['Omfördelning mellan utvecklingsområden']);
    const [budgetsParagraph, reallocationParagraph] = decisions;
    const between = { kind: 'between_areas', fromAreaId: 'vision-ehalsa', toAreaId: 'ambulans', amountOre: MKR };
    at('2022-04-25T09:00:00Z');

    // the § that set the budgets moves nothing more
    await refused(() => post(agreementId, 'reallocations', { ...between, authority: { decision: budgetsParagraph } }), 422, 'AGREEMENT-DECISION-REUSED');

    // the board's approval of the separate case "Omfördelning…" does, once
    const headers = { ...asCommitteeSecretary, 'idempotency-key': 'omfordelning-1' };
    const body = { ...between, authority: { decision: reallocationParagraph } };
    const first = await post(agreementId, 'reallocations', body, headers);
    expect(first.status).toBe(201);
    expect((first.body.agreement as { areas: Array<{ areaId: string; budgetOre: number }> }).areas.find((a) => a.areaId === 'ambulans')?.budgetOre).toBe(9 * MKR);
    // the same command retried is a no-op answering the same
    const before = await count();
    const again = await post(agreementId, 'reallocations', body, headers);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await count()).toBe(before);
    // another move citing the same § is refused, and so is setting the budgets with it
    await refused(() => post(agreementId, 'reallocations', body), 422, 'AGREEMENT-DECISION-REUSED');
    await refused(() => post(agreementId, 'activities', { areaId: 'ambulans', title: 'Ny ambulans', amountOre: MKR, authority: { decision: reallocationParagraph } }), 422, 'AGREEMENT-DECISION-REUSED');
  });

  it('AGREEMENT-CASE-HAS-AGREEMENT: one agreement per case — opening it again answers the same agreement, other content is refused', async () => {
    await setUpBoard();
    const caseId = await registeredCase(running, AGREEMENT_CASE);
    const first = await ok(send('POST', '/api/agreements', { caseId, ...AGREEMENT }, asCaseOfficer));
    const before = await count();
    const second = await call(running.url, 'POST', '/api/agreements', { body: { caseId, ...AGREEMENT }, headers: asCaseOfficer });
    expect(second.status).toBe(201);
    expect(second.body.agreementId).toBe(first.agreementId);
    expect(await count()).toBe(before);
    await refused(() => send('POST', '/api/agreements', { caseId, ...AGREEMENT, name: 'En andra överenskommelse i samma ärende' }, asCaseOfficer), 422, 'AGREEMENT-CASE-HAS-AGREEMENT');
    await refused(() => send('POST', '/api/agreements', { caseId, ...AGREEMENT, totalOre: 120 * MKR }, asCaseOfficer), 422, 'AGREEMENT-CASE-HAS-AGREEMENT');
  });

  it('DELEGATION-AGREEMENT and DELEGATION-PERIOD: a delegation’s terms are checked against its agreement and the decision granting it', async () => {
    const { agreementId, decisions, delegationId } = await budgetedAndDelegated(['Ändrad delegation', 'Ny delegation']);
    const [, amending, granting] = decisions;
    const terms = seedDelegationTerms(agreementId, granting);
    const withAreas = (areaIds: string[]) => ({ ...terms, scope: { ...terms.scope, areaIds } });

    await refused(() => send('POST', '/api/delegations', withAreas(['nara-vard', 'no-such-area'])), 422, 'DELEGATION-AGREEMENT');
    await refused(() => send('POST', '/api/delegations', { ...terms, scope: { ...terms.scope, agreementId: '5f0c1f0e-5f3a-5d6e-9a51-4b2f0d7a9c11' } }), 422, 'DELEGATION-AGREEMENT');
    // the board met on 15 March 2022: its delegation cannot be valid from the day before
    await refused(() => send('POST', '/api/delegations', { ...terms, validFrom: '2022-03-14' }), 422, 'DELEGATION-PERIOD');
    // an amendment is checked the same way
    const amended = { ...withAreas(['no-such-area']), decision: amending };
    await refused(() => send('PUT', `/api/delegations/${delegationId}`, amended), 422, 'DELEGATION-AGREEMENT');

    // another organisation's agreement is as unknown as none
    const other = (role: string, userId: string): Headers => ({ 'x-user-id': userId, 'x-user-role': role, 'x-organisation-id': 'linkopings-kommun' });
    await ok(send('POST', '/api/organisations', { organisationId: 'linkopings-kommun', name: 'Linköpings kommun', kind: 'municipality' }, other('registrar', 'lisa.registrator')));
    const theirCase = await ok(send('POST', '/api/cases', CASE, other('registrar', 'lisa.registrator')));
    const theirs = await ok(send('POST', '/api/agreements', { caseId: theirCase.caseId, ...AGREEMENT }, other('case_officer', 'lars.handlaggare')));
    await refused(() => send('POST', '/api/delegations', { ...terms, scope: { ...terms.scope, agreementId: theirs.agreementId } }), 422, 'DELEGATION-AGREEMENT');

    // grounded terms are granted
    expect((await send('POST', '/api/delegations', withAreas(['vision-ehalsa']))).status).toBe(201);
  });

  it('NOT-FOUND: the chair’s urgent decision names a case of the organisation, or none', async () => {
    await setUpBoard();
    const path = '/api/bodies/regionstyrelsen/urgent-decisions';
    const urgent = { subject: 'Yttrande över remiss om ambulansdirigering', decisionText: 'Ordföranden tillstyrker förslaget.' };
    await refused(() => send('POST', path, { ...urgent, caseId: '5f0c1f0e-5f3a-5d6e-9a51-4b2f0d7a9c11' }, asChair), 404, 'NOT-FOUND');
    const otherRegistrar = { ...asRegistrar, 'x-organisation-id': 'linkopings-kommun' };
    await ok(send('POST', '/api/organisations', { organisationId: 'linkopings-kommun', name: 'Linköpings kommun', kind: 'municipality' }, otherRegistrar));
    const theirCase = await ok(send('POST', '/api/cases', CASE, otherRegistrar));
    await refused(() => send('POST', path, { ...urgent, caseId: theirCase.caseId }, asChair), 404, 'NOT-FOUND');
    const caseId = await registeredCase(running);
    expect(await ok(send('POST', path, { ...urgent, caseId }, asChair))).toMatchObject({ caseId, kind: 'urgent' });
    expect((await send('POST', path, urgent, asChair)).status).toBe(201);
  });

  describe('VALIDATION: a missing nested object is 400 naming the field, never 500', () => {
    const agreementPath = '/api/agreements/5f0c1f0e-5f3a-5d6e-9a51-4b2f0d7a9c11';
    const delegationPath = '/api/delegations/5f0c1f0e-5f3a-5d6e-9a51-4b2f0d7a9c11';
    const decision = { meetingId: '5f0c1f0e-5f3a-5d6e-9a51-4b2f0d7a9c11', paragraph: 1 };
    const activity = { areaId: 'vision-ehalsa', title: 'Strukturerad vårdinformation i journalen', amountOre: MKR };
    const between = { kind: 'between_areas', fromAreaId: 'vision-ehalsa', toAreaId: 'ambulans', amountOre: MKR };
    const budgets = [{ areaId: 'vision-ehalsa', amountOre: MKR, responsibleUserId: 'johan.palm', responsibleName: 'Johan Palm' }];
    const terms = {
      bodyId: 'regionstyrelsen',
      decision,
      delegates: [{ role: 'regional_director' }],
      scope: { agreementId: '5f0c1f0e-5f3a-5d6e-9a51-4b2f0d7a9c11', areaIds: ['vision-ehalsa'], kinds: ['decide_activities'] },
      validFrom: '2022-03-15',
    };
    const without = <T extends object>(body: T, field: keyof T) => Object.fromEntries(Object.entries(body).filter(([key]) => key !== field));
    const cases: Array<[string, string, string, object, string]> = [
      ['activities without authority', 'POST', `${agreementPath}/activities`, activity, 'authority'],
      ['activities with authority []', 'POST', `${agreementPath}/activities`, { ...activity, authority: [] }, 'authority'],
      ['reallocations without authority', 'POST', `${agreementPath}/reallocations`, between, 'authority'],
      ['reallocations with authority []', 'POST', `${agreementPath}/reallocations`, { ...between, authority: [] }, 'authority'],
      ['area budgets without decision', 'PUT', `${agreementPath}/area-budgets`, { budgets }, 'decision'],
      ['a grant without decision', 'POST', '/api/delegations', without(terms, 'decision'), 'decision'],
      ['a grant without scope', 'POST', '/api/delegations', without(terms, 'scope'), 'scope'],
      ['an amendment without decision', 'PUT', delegationPath, without(terms, 'decision'), 'decision'],
      ['a revocation without decision', 'POST', `${delegationPath}/revocation`, { effectiveOn: '2022-10-01' }, 'decision'],
    ];
    it.each(cases)('%s', async (_what, method, path, body, field) => {
      const headers = path.includes('/activities') || path.includes('/reallocations') ? asCaseOfficer : asCommitteeSecretary;
      const problem = await refused(() => send(method, path, body, headers), 400, 'VALIDATION');
      expect((problem.errors as Array<{ field: string }>).map((e) => e.field)).toContain(field);
    });
  });
});
