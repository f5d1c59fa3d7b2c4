import { randomUUID } from 'node:crypto';
import {
  AGREEMENT,
  AREA3_ACTIVITIES,
  AREAS,
  BOARD_MEMBERS as MEMBERS,
  CASE,
  HEALTH_COMMITTEE,
  MKR,
  OFFICIAL_REPORT,
  ORGANISATION,
  REGIONAL_BOARD,
} from '../../src/demo/seed-003.data';
import {
  asCaseOfficer,
  asChair,
  asCommitteeSecretary,
  asRegionalDirector,
  asRegistrar,
  call,
  Headers,
  RunningApp,
  startApp,
} from '../support/app';
import { STORES } from '../support/stores';

/**
 * The whole chain of the reference case (seed 003, "Fördelning överenskommelse God och nära vård
 * 2022") over HTTP on each store (the embedded one and the KurrentDB adapter), as the officials
 * would drive it. Amounts are illustrative: the seed gives none.
 *
 * Dates are picked so the law's arithmetic shows: the protocol is adjusted on Thursday 24 March
 * 2022 and the notice posted on Friday 25 March; three weeks later is Friday 15 April —
 * Långfredagen — so the appeal window (KL-13-5) ends on Tuesday 19 April after Easter
 * (LAG-1930-173), and the decision gains legal force on 20 April.
 */
const as = (userId: string, role: string): Headers => ({ 'x-user-id': userId, 'x-user-role': role, 'x-organisation-id': 'region-exempel' });

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON answers read by path


describe.each(STORES)('seed 003 end to end: from registration to reported delegated decisions ($name)', (store) => {
  let running: RunningApp;
  let stopStore: () => Promise<void>;
  beforeAll(async () => {
    const opened = await store.open();
    stopStore = opened.stop;
    running = await startApp({ now: new Date('2022-03-01T08:00:00Z'), env: opened.env });
  });
  afterAll(async () => {
    await running.close();
    await stopStore();
  });

  /** a state change with its own Idempotency-Key; expects 2xx unless told otherwise */
  async function send(method: string, path: string, body: unknown, headers: Headers, expected = [200, 201]): Promise<Body> {
    const res = await call(running.url, method, path, { body, headers: { ...headers, 'idempotency-key': randomUUID() } });
    if (!expected.includes(res.status)) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  const get = async (path: string, headers: Headers = asCommitteeSecretary): Promise<Body> => {
    const res = await call(running.url, 'GET', path, { headers });
    expect(res.status).toBe(200);
    return res.body;
  };
  const at = (iso: string) => running.clock.set(new Date(iso));

  it('runs the whole chain', async () => {
    // the region, its regional board and the committee the protocol is communicated to
    await send('POST', '/api/organisations', ORGANISATION, asRegistrar);
    await send('POST', '/api/bodies', REGIONAL_BOARD, asCommitteeSecretary);
    await send('POST', '/api/bodies', HEALTH_COMMITTEE, asCommitteeSecretary);
    for (const m of MEMBERS) {
      await send('PUT', `/api/bodies/regionstyrelsen/members/${m.userId}`, { name: m.name, seat: m.seat }, asCommitteeSecretary);
    }
    await send('PUT', '/api/bodies/regionstyrelsen/chair', { userId: 'eva.ordforande' }, asCommitteeSecretary);

    // 1. the registrar registers the case
    const registered = await send('POST', '/api/cases', CASE, asRegistrar);
    expect(registered.diaryNumber).toBe('RS 2022-00001');
    const caseId = registered.caseId as string;

    // 2. the case officer attaches the decision documents and writes the official report
    await send(
      'POST',
      `/api/cases/${caseId}/documents`,
      { title: 'Tjänsteskrivelse God och nära vård 2022', kind: 'official_report', sha256: 'a'.repeat(64) },
      asCaseOfficer,
    );
    const report = await send('PUT', `/api/cases/${caseId}/report`, OFFICIAL_REPORT, asCaseOfficer);
    expect(report.status).toBe('in_preparation');

    // 3. preparation, then ready for the agenda
    at('2022-03-08T09:00:00Z');
    await send(
      'POST',
      `/api/cases/${caseId}/preparations`,
      { bodyId: 'halso-och-sjukvardsnamnden', date: '2022-03-08', statement: 'Beredd i arbetsutskottet utan erinran.' },
      asCaseOfficer,
    );
    expect((await send('POST', `/api/cases/${caseId}/ready`, {}, asCaseOfficer)).status).toBe('ready_for_agenda');

    // the agreement is opened (amounts illustrative)
    const agreement = await send('POST', '/api/agreements', { caseId, ...AGREEMENT }, asCaseOfficer);
    const agreementId = agreement.agreementId as string;

    // 4. a meeting of the regional board with quorum; one member declares a conflict of interest
    at('2022-03-22T08:00:00Z');
    const meeting = await send(
      'POST',
      '/api/meetings',
      { bodyId: 'regionstyrelsen', startsAt: '2022-03-22T08:00:00Z', place: 'Regionens hus, sal A', adjusterUserIds: ['maria.justerare'] },
      asCommitteeSecretary,
    );
    const meetingId = meeting.meetingId as string;
    const withItem = await send('POST', `/api/meetings/${meetingId}/items`, { caseId }, asCommitteeSecretary);
    const itemId = (withItem.items as Body[]).find((i) => i.caseId === caseId)!.itemId as string;
    await send(
      'PUT',
      `/api/meetings/${meetingId}/attendance`,
      {
        present: [
          { userId: 'eva.ordforande' },
          { userId: 'olof.ledamot' },
          { userId: 'karin.ledamot' },
          { userId: 'maria.justerare' },
          { userId: 'lars.ersattare', servingFor: 'nils.ledamot' },
        ],
      },
      asCommitteeSecretary,
    );
    await send(
      'POST',
      `/api/meetings/${meetingId}/items/${itemId}/conflicts`,
      { userId: 'karin.ledamot', reason: 'Närstående är verksamhetschef inom Division Nära vård.' },
      asCommitteeSecretary,
    );

    // 5. approval — the delegation to the regional director is decision point 2 of the same §
    const decided = await send('POST', `/api/meetings/${meetingId}/items/${itemId}/decision`, { outcome: 'approved' }, asCommitteeSecretary);
    const item = (decided.items as Body[]).find((i) => i.itemId === itemId)!;
    const paragraph = item.paragraph as number;
    expect(paragraph).toBe(1);
    expect((await get(`/api/cases/${caseId}`)).status).toBe('decided');
    await send('POST', `/api/meetings/${meetingId}/close`, {}, asCommitteeSecretary);

    // 6. adjustment by the chair and the adjuster, then the notice (KL-8-12: within two days)
    at('2022-03-24T10:00:00Z');
    await send('POST', `/api/meetings/${meetingId}/adjustment-signatures`, {}, asChair);
    const adjusted = await send('POST', `/api/meetings/${meetingId}/adjustment-signatures`, {}, as('maria.justerare', 'committee_secretary'));
    // KL-8-12's two days are a deadline in law: Saturday 26 March moves to Monday 28 March (LAG-1930-173)
    expect(adjusted.protocol).toMatchObject({ adjustedOn: '2022-03-24', noticeDueBy: '2022-03-28' });
    at('2022-03-25T07:00:00Z');
    const noticed = await send('POST', `/api/meetings/${meetingId}/notice`, { postedOn: '2022-03-25' }, asCommitteeSecretary);
    const noticedItem = (noticed.items as Body[]).find((i) => i.itemId === itemId)!;
    // KL-13-5 + LAG-1930-173: 15 April is Långfredagen; Easter moves the end to Tuesday 19 April
    expect(noticedItem.appealEndsOn).toBe('2022-04-19');
    expect(noticedItem.appealWindow).toEqual({ threeWeeksOn: '2022-04-15', endsOn: '2022-04-19', rules: ['KL-13-5', 'LAG-1930-173'] });
    expect(noticedItem.legalForce.status).toBe('appeal_window_open');

    // the body's decision sets the area budgets and grants the delegation (both point at § 1)
    const decision = { meetingId, paragraph };
    await send(
      'PUT',
      `/api/agreements/${agreementId}/area-budgets`,
      {
        decision,
        budgets: AREAS.map((a, i) => ({
          areaId: a.areaId,
          amountOre: a.budgetOre,
          responsibleUserId: `ansvarig.${i + 1}`,
          responsibleName: `Ansvarig tjänsteperson ${i + 1}`,
        })),
      },
      asCommitteeSecretary,
    );
    const delegation = await send(
      'POST',
      '/api/delegations',
      {
        bodyId: 'regionstyrelsen',
        decision,
        delegates: [{ role: 'regional_director' }],
        scope: { agreementId, areaIds: AREAS.map((a) => a.areaId), kinds: ['decide_activities', 'reallocate_within_area'] },
        amountLimitOre: 5 * MKR,
        validFrom: '2022-03-24',
        validUntil: '2022-12-31',
      },
      asCommitteeSecretary,
    );
    const delegationId = delegation.delegationId as string;

    // 7. the clock passes the computed appeal end: still open on the 19th, legal force on the 20th
    at('2022-04-19T20:00:00Z');
    expect(((await get(`/api/meetings/${meetingId}`)).items as Body[])[0].legalForce.status).toBe('appeal_window_open');
    at('2022-04-20T08:00:00Z');
    expect(((await get(`/api/meetings/${meetingId}`)).items as Body[])[0].legalForce).toMatchObject({
      status: 'legal_force',
      legalForceOn: '2022-04-20',
    });

    // 8. the regional director decides activities in area 3 and reallocates inside it
    at('2022-04-25T09:00:00Z');
    const journaler = await send(
      'POST',
      `/api/agreements/${agreementId}/activities`,
      { areaId: 'vision-ehalsa', ...AREA3_ACTIVITIES[0], authority: { delegationId } },
      asRegionalDirector,
    );
    const tolk = await send(
      'POST',
      `/api/agreements/${agreementId}/activities`,
      { areaId: 'vision-ehalsa', ...AREA3_ACTIVITIES[1], authority: { delegationId } },
      asRegionalDirector,
    );
    const moved = await send(
      'POST',
      `/api/agreements/${agreementId}/reallocations`,
      {
        kind: 'within_area',
        areaId: 'vision-ehalsa',
        fromActivityId: journaler.activityId,
        toActivityId: tolk.activityId,
        amountOre: 1 * MKR,
        authority: { delegationId },
      },
      asRegionalDirector,
    );
    const area3 = (moved.agreement.areas as Body[]).find((a) => a.areaId === 'vision-ehalsa')!;
    expect(area3).toMatchObject({ budgetOre: 10 * MKR, allocatedOre: 7 * MKR, availableOre: 3 * MKR });
    expect(Object.fromEntries((area3.activities as Body[]).map((a) => [a.title, a.allocatedOre]))).toEqual({
      'Strukturerad vårdinformation i journalen': 3 * MKR,
      'Gemensam tillämpning av standarder': 4 * MKR,
    });

    // 9. a delegated reallocation between areas is not in the mandate: refused, nothing written
    const before = (await running.allEvents()).length;
    const refused = await call(running.url, 'POST', `/api/agreements/${agreementId}/reallocations`, {
      body: { kind: 'between_areas', fromAreaId: 'vision-ehalsa', toAreaId: 'ambulans', amountOre: 1 * MKR, authority: { delegationId } },
      headers: { ...asRegionalDirector, 'idempotency-key': randomUUID() },
    });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.type).toBe('BUDGET-BETWEEN-AREAS-MANDATE');
    expect((await running.allEvents()).length).toBe(before);

    // the three delegated decisions wait on the unreported list (KL-6-40)
    const unreported = await get('/api/bodies/regionstyrelsen/delegated-decisions?status=unreported');
    const unreportedIds = (unreported.items as Body[]).map((d) => d.delegatedDecisionId as string);
    expect(unreportedIds).toHaveLength(3);
    expect(new Set((unreported.items as Body[]).map((d) => d.delegationVersion))).toEqual(new Set([1]));

    // 10. the next meeting of the board records them as reported; the list empties
    at('2022-05-17T08:00:00Z');
    const next = await send(
      'POST',
      '/api/meetings',
      { bodyId: 'regionstyrelsen', startsAt: '2022-05-17T08:00:00Z', place: 'Regionens hus, sal A', adjusterUserIds: ['maria.justerare'] },
      asCommitteeSecretary,
    );
    await send(
      'PUT',
      `/api/meetings/${next.meetingId}/attendance`,
      { present: MEMBERS.filter((m) => m.seat === 'ordinary').map((m) => ({ userId: m.userId })) },
      asCommitteeSecretary,
    );
    const reported = await send('POST', `/api/meetings/${next.meetingId}/delegated-decision-reports`, { decisionIds: unreportedIds }, asCommitteeSecretary);
    expect(reported.delegatedDecisionReports).toEqual([expect.objectContaining({ paragraph: 1, decisionIds: unreportedIds })]);
    expect((await get('/api/bodies/regionstyrelsen/delegated-decisions?status=unreported')).items).toEqual([]);
    const all = await get('/api/bodies/regionstyrelsen/delegated-decisions?status=reported');
    expect((all.items as Body[]).map((d) => d.reported)).toEqual(
      Array(3).fill({ meetingId: next.meetingId, paragraph: 1, reportedOn: '2022-05-17' }),
    );

    // every event of the chain says who did it and why
    const events = await running.allEvents();
    for (const e of events) {
      expect(e.metadata).toMatchObject({ actor: expect.any(Object), commandId: expect.any(String), correlationId: expect.any(String) });
    }
  });
});
