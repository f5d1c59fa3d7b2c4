import { loadSeed003Demo } from '../../src/demo/seed-003.demo';
import { MKR } from '../../src/demo/seed-003.data';
import { asAuditor, asCaseOfficer, asRegionalDirector, asRegistrar, call, Headers, RunningApp, startApp } from '../support/app';
import { Json } from '../support/workflow';
import { AREA3, Demo, demoIds } from '../support/audit-demo';

/**
 * The auditor's tools over HTTP on the seed-003 demo, as a fresh `npm start` loads it: the case
 * decided on 22 March 2022 (§ 1), budgets set and the delegation granted on 25 March, two
 * activities decided in area 3 (Vision e-hälsa) by the regional director on 25 April and 1 MKR
 * reallocated between them the same morning.
 */
const NOW = new Date('2026-11-23T09:00:00Z');

describe('the auditor’s tools over HTTP on the seed-003 demo', () => {
  let running: RunningApp;
  let demo: Demo;
  beforeAll(async () => {
    running = await startApp({ now: NOW });
    await loadSeed003Demo(running.app);
    demo = await demoIds(running);
  });
  afterAll(() => running.close());

  const get = (path: string, headers: Headers = asAuditor) => call(running.url, 'GET', path, { headers });
  const ok = async (path: string, headers: Headers = asAuditor): Promise<Json> => {
    const reply = await get(path, headers);
    expect(reply.status).toBe(200);
    return reply.body;
  };
  const problem = async (path: string, status: number, type: string) => {
    const reply = await get(path);
    expect(reply.status).toBe(status);
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(reply.body).toMatchObject({ type, status });
    return reply.body;
  };
  const area3 = (ledger: Json) => ledger.areas.find((a: Json) => a.areaId === AREA3);

  describe('as-of', () => {
    it('given the demo, when the agreement is asked for the day before the reallocation in area 3, then its ledger has the budgets and no activity yet', async () => {
      const asOf = await ok(`/api/audit/as-of/agreement/${demo.agreementId}?at=2022-04-24`);
      // a date is the end of that day in Sweden (CEST: 21:59:59.999Z)
      expect(asOf).toMatchObject({ kind: 'agreement', id: demo.agreementId, organisationId: 'region-exempel', at: '2022-04-24T21:59:59.999Z' });
      expect(asOf.timeBasis.en).toMatch(/metadata\.occurredAt/);
      expect(asOf.standsOn).toMatchObject({ streamId: `agreement-${demo.agreementId}`, type: 'AreaBudgetsSet', occurredAt: '2022-03-25T07:00:00.000Z' });
      expect(asOf.eventsAfter).toBe(3);
      expect(area3(asOf.state)).toMatchObject({ budgetOre: 10 * MKR, allocatedOre: 0, availableOre: 10 * MKR, activities: [] });
      expect(asOf.state.revision).toBe(asOf.standsOn.revision);
    });

    it('given the demo, when the agreement is asked for now, then it is exactly the live ledger', async () => {
      const asOf = await ok(`/api/audit/as-of/agreement/${demo.agreementId}?at=${encodeURIComponent('2026-11-23T09:00:00+01:00')}`);
      const live = await ok(`/api/agreements/${demo.agreementId}`);
      expect(asOf.state).toEqual(live);
      expect(area3(asOf.state)).toMatchObject({ allocatedOre: 7 * MKR, availableOre: 3 * MKR });
      expect(asOf.standsOn.type).toBe('FundsReallocatedWithinArea');
      expect(asOf.eventsAfter).toBe(0);
    });

    it('given the demo, when the case is asked for the eve and the day of the board’s meeting, then it was ready for the agenda and then decided', async () => {
      const eve = await ok(`/api/audit/as-of/case/${demo.caseId}?at=2022-03-21`);
      expect(eve.state).toMatchObject({ caseId: demo.caseId, diaryNumber: 'RS 2022-00001', status: 'ready_for_agenda', decisions: [] });
      const day = await ok(`/api/audit/as-of/case/${demo.caseId}?at=2022-03-22`);
      expect(day.state).toMatchObject({ status: 'decided', decisions: [{ meetingId: demo.meetingId, paragraph: demo.paragraph }] });
      expect(day.standsOn.occurredAt).toBe('2022-03-22T08:00:00.000Z');
    });

    it('given the demo, when the delegation is asked for before its grant, on the day of the activities and now, then it did not exist, then had its decisions', async () => {
      await problem(`/api/audit/as-of/delegation/${demo.delegationId}?at=2022-03-24`, 404, 'NOT-FOUND');
      const granted = await ok(`/api/audit/as-of/delegation/${demo.delegationId}?at=2022-04-24`);
      expect(granted.state).toMatchObject({ delegationId: demo.delegationId, current: { version: 1, amountLimitOre: 5 * MKR }, decisions: [] });
      expect(granted.standsOn.type).toBe('DelegationGranted');
      // the two activities were decided on 25 April, the reallocation a week later
      const activities = await ok(`/api/audit/as-of/delegation/${demo.delegationId}?at=2022-04-25T09:00:00Z`);
      expect(activities.state.decisions.map((d: Json) => d.delegatedDecisionId)).toEqual(demo.decisionIds.slice(0, 2));
      const later = await ok(`/api/audit/as-of/delegation/${demo.delegationId}?at=2022-05-02T09:00:00Z`);
      expect(later.state.decisions.map((d: Json) => d.delegatedDecisionId)).toEqual(demo.decisionIds);
      expect(later.state).toEqual(await ok(`/api/delegations/${demo.delegationId}`));
    });

    it('given bad input, when as-of is asked, then it answers problem+json: 400 for the instant or the kind, 404 for an unknown id or a case before its registration', async () => {
      await problem(`/api/audit/as-of/agreement/${demo.agreementId}?at=yesterday`, 400, 'VALIDATION');
      await problem(`/api/audit/as-of/agreement/${demo.agreementId}?at=2022-02-30`, 400, 'VALIDATION');
      await problem(`/api/audit/as-of/agreement/${demo.agreementId}`, 400, 'VALIDATION');
      await problem(`/api/audit/as-of/meeting/${demo.meetingId}?at=2022-04-24`, 400, 'VALIDATION');
      await problem(`/api/audit/as-of/agreement/00000000-0000-4000-8000-000000000000?at=2022-04-24`, 404, 'NOT-FOUND');
      const before = await problem(`/api/audit/as-of/case/${demo.caseId}?at=2022-02-28`, 404, 'NOT-FOUND');
      expect(before.firstEventAt).toBe('2022-03-01T08:00:00.000Z');
    });

    it('given another organisation’s auditor, when they ask for the demo’s agreement, then it is answered as missing', async () => {
      const other = await get(`/api/audit/as-of/agreement/${demo.agreementId}?at=2022-04-24`, { ...asAuditor, 'x-organisation-id': 'region-annan' });
      expect(other.status).toBe(404);
    });
  });

  describe('explain', () => {
    const explain = (query: string) => ok(`/api/audit/explain/agreements/${demo.agreementId}?${query}`);
    const deltas = (e: Json) => e.chain.reduce((sum: number, s: Json) => sum + s.deltaOre, 0);

    it('given the demo, when area 3’s available figure is explained, then the chain is budget § 1 and the two delegated activities, and the reallocation inside the area is shown as leaving it unchanged', async () => {
      const e = await explain(`figure=area-available&areaId=${AREA3}`);
      expect(e).toMatchObject({ figure: 'area-available', areaId: AREA3, valueOre: 3 * MKR, organisationId: 'region-exempel' });
      expect(e.valueOre).toBe(area3(await ok(`/api/agreements/${demo.agreementId}`)).availableOre);
      expect(deltas(e)).toBe(e.valueOre);
      expect(e.chain.map((s: Json) => [s.event.type, s.beforeOre, s.afterOre, s.deltaOre])).toEqual([
        // the registration named the area, with nothing in it yet
        ['AgreementOpened', null, 0, 0],
        ['AreaBudgetsSet', 0, 10 * MKR, 10 * MKR],
        ['ActivityAllocated', 10 * MKR, 6 * MKR, -4 * MKR],
        ['ActivityAllocated', 6 * MKR, 3 * MKR, -3 * MKR],
      ]);
      const [, budget, first, second] = e.chain;
      expect(budget.authority).toMatchObject({
        kind: 'body',
        bodyId: 'regionstyrelsen',
        bodyName: 'Regionstyrelsen',
        meetingId: demo.meetingId,
        meetingDate: '2022-03-22',
        paragraph: demo.paragraph,
        diaryNumber: 'RS 2022-00001',
        adjusted: true,
        adjustedOn: '2022-03-24',
        text: `Regionstyrelsen 2022-03-22 § ${demo.paragraph} (justerat 2022-03-24)`,
      });
      expect(first.authority).toMatchObject({
        kind: 'delegated',
        delegatedDecisionId: demo.decisionIds[0],
        delegationId: demo.delegationId,
        delegationVersion: 1,
        delegate: { kind: 'role', role: 'regional_director' },
        decidedBy: 'anders.bystrom',
        decidedAt: '2022-04-25T09:00:00.000Z',
        grantedBy: { meetingId: demo.meetingId, paragraph: demo.paragraph },
        reported: null,
      });
      expect(second.authority.delegatedDecisionId).toBe(demo.decisionIds[1]);
      expect(e.unchanged.map((s: Json) => [s.event.type, s.authority.delegatedDecisionId])).toEqual([['FundsReallocatedWithinArea', demo.decisionIds[2]]]);
    });

    it('given the demo, when each activity’s allocation is explained, then the reallocation moved 1 000 000 kr from the first to the second', async () => {
      const [journal, standards] = demo.activityIds;
      const first = await explain(`figure=activity-allocated&activityId=${journal}`);
      expect(first.chain.map((s: Json) => [s.event.type, s.deltaOre, s.authority.delegatedDecisionId])).toEqual([
        ['ActivityAllocated', 4 * MKR, demo.decisionIds[0]],
        ['FundsReallocatedWithinArea', -1 * MKR, demo.decisionIds[2]],
      ]);
      const second = await explain(`figure=activity-allocated&activityId=${standards}`);
      expect(second).toMatchObject({ valueOre: 4 * MKR, chain: [{ deltaOre: 3 * MKR }, { deltaOre: 1 * MKR }] });
    });

    it('given the demo, when the unbudgeted remainder is explained, then it is the registration’s total less the budgets of § 1', async () => {
      const e = await explain('figure=unbudgeted');
      expect(e.chain.map((s: Json) => [s.event.type, s.deltaOre, s.authority?.kind ?? null])).toEqual([
        ['AgreementOpened', 60 * MKR, null],
        ['AreaBudgetsSet', -60 * MKR, 'body'],
      ]);
      expect(e.valueOre).toBe(0);
    });

    it('given bad input, when explain is asked, then 400 for an unknown figure or a missing area, 404 for an unknown area or agreement', async () => {
      await problem(`/api/audit/explain/agreements/${demo.agreementId}?figure=area-magic&areaId=${AREA3}`, 400, 'VALIDATION');
      await problem(`/api/audit/explain/agreements/${demo.agreementId}?figure=area-budget`, 400, 'VALIDATION');
      await problem(`/api/audit/explain/agreements/${demo.agreementId}?figure=area-budget&areaId=tandvard`, 404, 'NOT-FOUND');
      await problem('/api/audit/explain/agreements/00000000-0000-4000-8000-000000000000?figure=total', 404, 'NOT-FOUND');
    });
  });

  describe('mandate', () => {
    it('given the demo’s first delegated activity, when its mandate is asked, then version 1 was in force and every check of checkMandate passed, by rule id', async () => {
      const m = await ok(`/api/audit/mandate/${demo.decisionIds[0]}`);
      expect(m).toMatchObject({
        delegatedDecisionId: demo.decisionIds[0],
        organisationId: 'region-exempel',
        agreementId: demo.agreementId,
        decision: { kind: 'decide_activities', areaIds: [AREA3], amountOre: 4 * MKR, decidedBy: { userId: 'anders.bystrom', role: 'regional_director' }, decidedAt: '2022-04-25T09:00:00.000Z' },
        recordedVersion: 1,
        delegation: { delegationId: demo.delegationId, version: 1, amountLimitOre: 5 * MKR, revokedAt: null },
        grantedBy: { kind: 'body', meetingId: demo.meetingId, paragraph: demo.paragraph, adjusted: true },
        inside: true,
        refusal: null,
        reported: null,
      });
      expect(m.checks.map((c: Json) => c.ruleId)).toEqual([
        'DELEGATION-NOT-FOUND',
        'DELEGATION-REVOKED',
        'DELEGATION-VALIDITY',
        'DELEGATION-DELEGATE',
        'DELEGATION-SCOPE',
        'DELEGATION-KIND',
        'DELEGATION-AMOUNT-LIMIT',
      ]);
      expect(m.checks.find((c: Json) => c.ruleId === 'DELEGATION-VALIDITY').en).toBe('The day of the decision, 2022-04-25, lies inside the validity period 2022-03-24–2022-12-31.');
    });

    it('given bad input, when mandate is asked, then 400 for a malformed id and 404 for an unknown decision or another organisation’s register', async () => {
      await problem('/api/audit/mandate/not-a-uuid', 400, 'BAD-REQUEST');
      await problem('/api/audit/mandate/00000000-0000-4000-8000-000000000000', 404, 'NOT-FOUND');
      await problem(`/api/audit/mandate/${demo.decisionIds[0]}?organisationId=region-annan`, 404, 'NOT-FOUND');
    });
  });

  it('given the demo, when verify is asked, then every chain holds and it counts every stream and event', async () => {
    const events = await running.allEvents();
    const v = await ok('/api/audit/verify');
    expect(v).toEqual({ ok: true, streams: new Set(events.map((e) => e.streamId)).size, events: events.length, brokenStreams: 0, firstBroken: null });
  });

  it('AUDIT-ROLE: a case officer or a regional director is refused every tool; a registrar is let in', async () => {
    const paths = [
      `/api/audit/as-of/agreement/${demo.agreementId}?at=2022-04-24`,
      `/api/audit/explain/agreements/${demo.agreementId}?figure=total`,
      `/api/audit/mandate/${demo.decisionIds[0]}`,
      '/api/audit/verify',
    ];
    for (const path of paths) {
      for (const headers of [asCaseOfficer, asRegionalDirector]) {
        const reply = await get(path, headers);
        expect(reply.status).toBe(403);
        expect(reply.body).toMatchObject({ type: 'AUDIT-ROLE' });
      }
      expect((await get(path, asRegistrar)).status).toBe(200);
    }
  });
});
