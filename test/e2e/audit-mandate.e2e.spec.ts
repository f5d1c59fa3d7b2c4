import { loadSeed003Demo } from '../../src/demo/seed-003.demo';
import { MKR } from '../../src/demo/seed-003.data';
import { asAuditor, asCaseOfficer, asRegionalDirector, call, RunningApp, startApp } from '../support/app';
import { Demo, demoIds } from '../support/audit-demo';
import { adjustedApprovals, Json, readyCases, seedDelegationTerms } from '../support/workflow';

/**
 * The auditor's mandate and as-of when the demo's delegation changes after its decisions: each
 * decision is judged against the delegation as the register stood when it was taken.
 */
const NOW = new Date('2026-11-23T09:00:00Z');
const SECRETARY = { ...asCaseOfficer, 'x-user-id': 'sara.sekreterare', 'x-user-role': 'committee_secretary' };
const PRESENT = ['eva.ordforande', 'olof.ledamot', 'karin.ledamot', 'nils.ledamot', 'maria.justerare'].map((userId) => ({ userId }));

/** A later adjusted approval of the regional board, on a case of its own, at a meeting starting at `startsAt`. */
async function boardDecision(running: RunningApp, title: string, startsAt: string) {
  const [caseId] = await readyCases(running, [title]);
  const [decision] = await adjustedApprovals(running, [caseId], { startsAt, place: 'Regionens hus, sal A', adjusterUserIds: ['maria.justerare'], present: PRESENT });
  return decision;
}

describe('the auditor’s tools after the demo’s delegation is amended', () => {
  let running: RunningApp;
  let demo: Demo;
  let laterDecisionId: string;
  beforeAll(async () => {
    running = await startApp({ now: NOW });
    await loadSeed003Demo(running.app);
    demo = await demoIds(running);
    // on 10 May 2022 the board lowers the limit to 2 000 000 kr a decision (version 2); the next day the director decides under it
    running.clock.set(new Date('2022-05-10T10:00:00Z'));
    const decision = await boardDecision(running, 'Ändrad beloppsgräns för regiondirektörens delegation', '2022-05-10T08:00:00Z');
    const terms = { ...seedDelegationTerms(demo.agreementId, decision, '2022-05-10'), amountLimitOre: 2 * MKR };
    const amended = await call(running.url, 'PUT', `/api/delegations/${demo.delegationId}`, { body: terms, headers: SECRETARY });
    expect(amended.status).toBe(200);
    running.clock.set(new Date('2022-05-11T08:00:00Z'));
    const body = { areaId: 'nara-vard', title: 'Mobila team i hemsjukvården', amountOre: 1 * MKR, authority: { delegationId: demo.delegationId } };
    const decided = await call(running.url, 'POST', `/api/agreements/${demo.agreementId}/activities`, { body, headers: asRegionalDirector });
    expect(decided.status).toBe(201);
    laterDecisionId = decided.body.delegatedDecisionId as string;
  });
  afterAll(() => running.close());
  const ok = async (path: string): Promise<Json> => {
    const reply = await call(running.url, 'GET', path, { headers: asAuditor });
    expect(reply.status).toBe(200);
    return reply.body;
  };

  it('given an amended delegation, when the mandate of a decision taken before the amendment is asked, then it shows version 1 and its 5 000 000 kr limit', async () => {
    const m = await ok(`/api/audit/mandate/${demo.decisionIds[0]}`);
    expect(m).toMatchObject({ inside: true, recordedVersion: 1, delegation: { version: 1, amountLimitOre: 5 * MKR } });
    expect(m.checks.at(-1)).toMatchObject({ ruleId: 'DELEGATION-AMOUNT-LIMIT', en: 'The amount 4\u00a0000\u00a0000\u00a0kr is within the limit of 5\u00a0000\u00a0000\u00a0kr.' });
  });

  it('given an amended delegation, when the mandate of a decision taken after it is asked, then it shows version 2, granted by the later §', async () => {
    const m = await ok(`/api/audit/mandate/${laterDecisionId}`);
    expect(m).toMatchObject({ inside: true, recordedVersion: 2, delegation: { version: 2, amountLimitOre: 2 * MKR, validFrom: '2022-05-10' }, grantedBy: { meetingDate: '2022-05-10' } });
    expect(m.grantedBy.meetingId).not.toBe(demo.meetingId);
  });

  it('given an amended delegation, when it is asked as of the day before and the day of the amendment, then it had one version, then two', async () => {
    expect((await ok(`/api/audit/as-of/delegation/${demo.delegationId}?at=2022-05-09`)).state.versions).toHaveLength(1);
    const after = await ok(`/api/audit/as-of/delegation/${demo.delegationId}?at=2022-05-10`);
    expect(after.state).toMatchObject({ current: { version: 2 }, versions: [{ version: 1 }, { version: 2 }] });
    expect(after.standsOn.type).toBe('DelegationAmended');
  });
});

describe('the auditor’s mandate when a revocation was recorded after the decisions it predates', () => {
  let running: RunningApp;
  let demo: Demo;
  beforeAll(async () => {
    running = await startApp({ now: NOW });
    await loadSeed003Demo(running.app);
    demo = await demoIds(running);
    // the board revoked the delegation on 20 April, effective 21 April, but the secretary records it only on 12 May
    running.clock.set(new Date('2022-05-12T10:00:00Z'));
    const decision = await boardDecision(running, 'Återkallelse av regiondirektörens delegation', '2022-04-20T08:00:00Z');
    const revoked = await call(running.url, 'POST', `/api/delegations/${demo.delegationId}/revocation`, { body: { decision, effectiveOn: '2022-04-21' }, headers: SECRETARY });
    expect(revoked.status).toBe(200);
  });
  afterAll(() => running.close());

  it('given a revocation recorded later but effective before the decision, when the mandate is asked, then the register as it stood at the decision shows it not revoked and every check passed', async () => {
    const m = (await call(running.url, 'GET', `/api/audit/mandate/${demo.decisionIds[0]}`, { headers: asAuditor })).body as Json;
    expect(m).toMatchObject({ inside: true, delegation: { version: 1, revokedAt: null }, refusal: null });
    expect(m.registerStandsOn.occurredAt <= '2022-04-25T09:00:00.000Z').toBe(true);
    // what the register says today
    const now = (await call(running.url, 'GET', `/api/delegations/${demo.delegationId}`, { headers: asAuditor })).body as Json;
    expect(now.revokedAt).toBe('2022-04-20T22:00:00.000Z');
  });
});
