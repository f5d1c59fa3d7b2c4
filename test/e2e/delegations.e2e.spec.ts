import { AREAS } from '../../src/demo/seed-003.data';
import { BodyDecisionRef as DecisionRef } from '../../src/meetings/decision-authority';
import { asChair, asCommitteeSecretary, asRegionalDirector, RunningApp, startApp } from '../support/app';
import { adjustedApprovals, asMember, delegationSuite, readyCases, setUpRegion, THREE_MEMBER_BOARD, THREE_MEMBER_MEETING } from '../support/workflow';

const BOARD = 'regionstyrelsen';
const AREA_IDS = AREAS.map((a) => a.areaId);

/**
 * Seed 003 over HTTP: the regional board approves the report whose decision point 2 delegates to
 * the regional director, the protocol is adjusted, and the secretary records the delegation in the
 * register; here what the register refuses, and the chair's urgent decisions. Granting, amending
 * and revoking, version by version, are delegation-versions'.
 */
describe('delegations over HTTP', () => {
  let running: RunningApp;
  const { send, ok, terms, openAgreement, inSession, refused } = delegationSuite(() => running);


  beforeEach(async () => {
    // 14:00 on the day of the board's meeting, which began at 13:00: its attendance and decisions can be recorded
    running = await startApp({ now: new Date('2022-03-15T13:00:00Z') });
    await setUpRegion(running, { members: THREE_MEMBER_BOARD });
  });
  afterEach(() => running.close());

  describe('refusals name the rule and write nothing', () => {
    let grant: DecisionRef;
    beforeEach(async () => {
      const [caseId] = await readyCases(running, ['Fördelning överenskommelse God och nära vård 2022']);
      await openAgreement(caseId);
      [grant] = await adjustedApprovals(running, [caseId], THREE_MEMBER_MEETING);
    });

    it('KL-6-37: two delegates, or a group role, are refused with 422 (not 400)', async () => {
      const two = terms(grant, { delegates: [{ role: 'regional_director' }, { userId: 'johan.palm' }] });
      await refused(() => send('POST', '/api/delegations', two), 422, 'KL-6-37');
      await refused(() => send('POST', '/api/delegations', terms(grant, { delegates: [{ role: 'case_officer' }] })), 422, 'KL-6-37');
      await refused(() => send('POST', '/api/delegations', terms(grant, { delegates: [{ role: 'chair' }] })), 422, 'KL-6-37');
    });

    it('KL-6-38: a matter of principle cannot be delegated', async () => {
      const scope = { agreementId: 'god-och-nara-vard-2022', areaIds: AREA_IDS, kinds: ['decide_activities', 'matter_of_principle'] };
      const body = await refused(() => send('POST', '/api/delegations', terms(grant, { scope })), 422, 'KL-6-38');
      expect(body.nonDelegable).toEqual(['matter_of_principle']);
    });

    it('DECISION-AUTHORITY: a paragraph that does not exist grants nothing', async () => {
      await refused(() => send('POST', '/api/delegations', terms({ ...grant, paragraph: grant.paragraph + 40 })), 422, 'DECISION-AUTHORITY');
    });

    it('DELEGATION-SECRETARY-ROLE: the regional director cannot record his own delegation', async () => {
      await refused(() => send('POST', '/api/delegations', terms(grant), asRegionalDirector), 422, 'DELEGATION-SECRETARY-ROLE');
    });

    it('VALIDATION: an unknown kind, a float amount and an impossible date are 400', async () => {
      const scope = { agreementId: 'god-och-nara-vard-2022', areaIds: AREA_IDS, kinds: ['buy_ambulances'] };
      const fields = async (body: Record<string, unknown>) =>
        ((await refused(() => send('POST', '/api/delegations', terms(grant, body)), 400, 'VALIDATION')).errors as Array<{ field: string }>)
          .map((e) => e.field)
          .sort();
      expect(await fields({ scope, validUntil: '2022-02-30' })).toEqual(['scope.kinds', 'validUntil']);
      expect(await fields({ amountLimitOre: 12.5 })).toEqual(['amountLimitOre']);
    });

    it('NOT-FOUND: another organisation’s delegation and body are not there', async () => {
      const id = (await ok(send('POST', '/api/delegations', terms(grant)))).delegationId as string;
      const elsewhere = { ...asCommitteeSecretary, 'x-organisation-id': 'region-annan' };
      await refused(() => send('GET', `/api/delegations/${id}`, undefined, elsewhere), 404, 'NOT-FOUND');
      await refused(() => send('GET', `/api/bodies/${BOARD}/delegated-decisions`, undefined, elsewhere), 404, 'NOT-FOUND');
      await refused(() => send('PUT', `/api/delegations/${id}`, terms(grant), elsewhere), 404, 'NOT-FOUND');
    });

    it('an Idempotency-Key retry has effect once and answers the first result', async () => {
      const headers = { ...asCommitteeSecretary, 'idempotency-key': 'grant-gonv-2022' };
      const first = await send('POST', '/api/delegations', terms(grant), headers);
      const count = (await running.allEvents()).length;
      const again = await send('POST', '/api/delegations', terms(grant), headers);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect((await running.allEvents()).length).toBe(count);
      await refused(() => send('POST', '/api/delegations', terms(grant, { amountLimitOre: null }), headers), 422, 'IDEMPOTENCY-KEY-REUSED');
    });
  });

  describe('urgent decisions of the chair (KL 6:39) and their report (KL 6:40)', () => {
    const urgent = { subject: 'Yttrande över remiss om ambulanssjukvårdens dirigering', decisionText: 'Regionstyrelsen tillstyrker förslaget.' };

    it('KL-6-39: the chair decides an urgent matter; it stays unreported until reported at the next meeting', async () => {
      running.clock.set(new Date('2022-05-02T12:00:00Z'));
      const decided = await send('POST', `/api/bodies/${BOARD}/urgent-decisions`, urgent, { ...asChair, 'idempotency-key': 'urgent-1' });
      expect(decided.status).toBe(201);
      expect(decided.body).toMatchObject({
        kind: 'urgent',
        decisionKind: 'urgent',
        bodyId: BOARD,
        summary: urgent.subject,
        decisionText: urgent.decisionText,
        decidedAt: '2022-05-02T12:00:00.000Z',
        decidedBy: 'eva.ordforande',
        reported: null,
      });
      const retried = await send('POST', `/api/bodies/${BOARD}/urgent-decisions`, urgent, { ...asChair, 'idempotency-key': 'urgent-1' });
      expect(retried.body).toEqual(decided.body);
      const id = decided.body.delegatedDecisionId as string;
      const list = async (status: string) => {
        const register = await ok(send('GET', `/api/bodies/${BOARD}/delegated-decisions?status=${status}`));
        expect(register).toMatchObject({ bodyId: BOARD, status });
        return (register.items as Array<{ delegatedDecisionId: string }>).map((d) => d.delegatedDecisionId);
      };
      expect(await list('unreported')).toEqual([id]);
      expect(await list('reported')).toEqual([]);

      const meeting = await ok(
        send('POST', '/api/meetings', { bodyId: BOARD, startsAt: '2022-06-14T13:00:00+02:00', place: 'Regionens hus, sal A', adjusterUserIds: ['lars.ledamot'] }),
      );
      await inSession(meeting.meetingId as string, new Date('2022-06-14T12:00:00Z'));
      const report = await send('POST', `/api/meetings/${meeting.meetingId as string}/delegated-decision-reports`, { decisionIds: [id] });
      expect(report.status).toBeLessThan(300);
      expect(await list('unreported')).toEqual([]);
      expect(await list('reported')).toEqual([id]);
      expect(await list('all')).toEqual([id]);
    });

    it('KL-6-39: a member who is not the chair cannot decide on the body’s behalf', async () => {
      await refused(() => send('POST', `/api/bodies/${BOARD}/urgent-decisions`, urgent, asRegionalDirector), 422, 'KL-6-39');
      await refused(() => send('POST', `/api/bodies/${BOARD}/urgent-decisions`, urgent, asMember('lars.ledamot')), 422, 'KL-6-39');
    });

    it('NOT-FOUND: an urgent decision for a body the organisation does not have', async () => {
      await refused(() => send('POST', '/api/bodies/okand-namnd/urgent-decisions', urgent, asChair), 404, 'NOT-FOUND');
    });
  });
});
