import { AREAS } from '../../src/demo/seed-003.data';
import { BodyDecisionRef as DecisionRef } from '../../src/meetings/decision-authority';
import { asAuditor, asRegionalDirector, RunningApp, startApp } from '../support/app';
import { adjustedApprovals, delegationSuite, readyCases, setUpRegion, THREE_MEMBER_BOARD, THREE_MEMBER_MEETING } from '../support/workflow';

const BOARD = 'regionstyrelsen';
const AREA_IDS = AREAS.map((a) => a.areaId);

/**
 * Seed 003's delegation over HTTP, version by version: granted on the adjusted paragraph of the
 * regional board, amended and revoked by later paragraphs, each delegated decision naming the
 * version in force when it was taken.
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

  describe('granting, amending and revoking', () => {
    let grant: DecisionRef;
    let amendment: DecisionRef;
    let revocation: DecisionRef;
    let agreementId: string;

    beforeEach(async () => {
      const caseIds = await readyCases(running, [
        'Fördelning överenskommelse God och nära vård 2022',
        'Ändrad beloppsgräns för regiondirektörens delegation',
        'Återkallelse av delegation God och nära vård 2022',
      ]);
      // the agreement is handled in the case whose § 1 sets its budgets and grants the delegation
      agreementId = await openAgreement(caseIds[0]);
      [grant, amendment, revocation] = await adjustedApprovals(running, caseIds, THREE_MEMBER_MEETING);
      running.clock.set(new Date('2022-03-25T10:00:00Z'));
    });

    it('grants seed 003’s delegation on the adjusted paragraph, reads it back and lists it for the board', async () => {
      const created = await send('POST', '/api/delegations', terms(grant));
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        organisationId: 'region-exempel',
        bodyId: BOARD,
        current: {
          version: 1,
          delegate: { kind: 'role', role: 'regional_director' },
          scope: { agreementId, areaIds: AREA_IDS, kinds: ['decide_activities', 'reallocate_within_area'] },
          amountLimitOre: 5_000_000_00,
          validFrom: '2022-03-15',
          validUntil: '2022-12-31',
          decision: grant,
          revokedAt: null,
        },
        versions: [{ version: 1, recordedAt: '2022-03-25T10:00:00.000Z', recordedBy: 'sara.sekreterare' }],
        revokedAt: null,
        decisions: [],
      });
      const id = created.body.delegationId as string;
      expect(created.headers.get('location')).toBe(`/api/delegations/${id}`);
      expect((await send('GET', `/api/delegations/${id}`, undefined, asRegionalDirector)).body).toEqual(created.body);
      const listed = await send('GET', `/api/delegations?bodyId=${BOARD}`);
      expect(listed.body).toEqual({ items: [created.body.current] });
      expect((await send('GET', '/api/delegations?bodyId=halso-och-sjukvardsnamnden')).body).toEqual({ items: [] });
    });

    /** Seed 003's agreement given its area budgets, the delegation on it, and activities the regional director decides under it. */
    const delegatedAgreement = async () => {
      const budgets = AREA_IDS.map((areaId) => ({ areaId, amountOre: 15_000_000_00, responsibleUserId: 'johan.palm', responsibleName: 'Johan Palm' }));
      await ok(send('PUT', `/api/agreements/${agreementId}/area-budgets`, { decision: grant, budgets }));
      const scope = { agreementId, areaIds: AREA_IDS, kinds: ['decide_activities', 'reallocate_within_area'] };
      const id = (await ok(send('POST', '/api/delegations', terms(grant, { scope })))).delegationId as string;
      const activity = (title: string, amountOre: number) =>
        send('POST', `/api/agreements/${agreementId}/activities`, { areaId: 'nara-vard', title, amountOre, authority: { delegationId: id } }, asRegionalDirector);
      return { id, scope, activity };
    };

    it('as it stood at that moment: activities name the version in force; a lowered limit and the revocation refuse; KL-6-40 report', async () => {
      const { id, scope, activity } = await delegatedAgreement();

      expect((await activity('Mobil närvård i glesbygd', 3_000_000_00)).status).toBe(201);
      running.clock.set(new Date('2022-06-20T09:00:00Z'));
      const amended = await send('PUT', `/api/delegations/${id}`, terms(amendment, { scope, amountLimitOre: 1_000_000_00 }));
      expect(amended.status).toBe(200);
      expect(amended.body.current).toMatchObject({ version: 2, amountLimitOre: 1_000_000_00, decision: amendment });
      expect((amended.body.versions as Array<{ version: number; decision: DecisionRef }>).map((v) => [v.version, v.decision])).toEqual([
        [1, grant],
        [2, amendment],
      ]);
      await refused(() => activity('Digitala vårdmöten', 3_000_000_00), 422, 'DELEGATION-AMOUNT-LIMIT');
      expect((await activity('Digitala vårdmöten', 1_000_000_00)).status).toBe(201);
      running.clock.set(new Date('2022-09-20T09:00:00Z'));
      const revoked = await ok(send('POST', `/api/delegations/${id}/revocation`, { decision: revocation }));
      expect(revoked).toMatchObject({ revokedAt: '2022-09-20T09:00:00.000Z', current: { version: 2, revokedAt: '2022-09-20T09:00:00.000Z' } });
      await refused(() => activity('Hälsosamtal', 500_000_00), 422, 'DELEGATION-REVOKED');
      await refused(() => send('POST', `/api/delegations/${id}/revocation`, { decision: amendment }), 422, 'DELEGATION-ALREADY-REVOKED');

      type Listed = { delegatedDecisionId: string; delegationVersion: number; amountOre: number; reported: unknown; summary: string };
      const read = await ok(send('GET', `/api/delegations/${id}`, undefined, asAuditor));
      const decisions = read.decisions as Listed[];
      expect(decisions.map((d) => [d.delegationVersion, d.amountOre, d.reported])).toEqual([
        [1, 3_000_000_00, null],
        [2, 1_000_000_00, null],
      ]);
      const unreported = async () =>
        ((await ok(send('GET', `/api/bodies/${BOARD}/delegated-decisions?status=unreported`))).items as Listed[]).map((d) => d.delegatedDecisionId);
      expect(await unreported()).toEqual(decisions.map((d) => d.delegatedDecisionId));

      const next = await ok(
        send('POST', '/api/meetings', { bodyId: BOARD, startsAt: '2022-10-11T13:00:00+02:00', place: 'Regionens hus, sal A', adjusterUserIds: ['lars.ledamot'] }),
      );
      await inSession(next.meetingId as string, new Date('2022-10-11T12:00:00Z'));
      await ok(send('POST', `/api/meetings/${next.meetingId as string}/delegated-decision-reports`, { decisionIds: [decisions[0].delegatedDecisionId] }));
      expect(await unreported()).toEqual([decisions[1].delegatedDecisionId]);
      const after = (await ok(send('GET', `/api/delegations/${id}`, undefined, asAuditor))).decisions as Listed[];
      expect(after[0].reported).toMatchObject({ meetingId: next.meetingId, reportedOn: '2022-10-11' });
      expect(after[1].reported).toBeNull();
    });

    it('DELEGATION-VALIDITY: an amendment valid from 1 July leaves version 1 in force on 25 June; a revocation from 1 October ends it at 00:00 that day', async () => {
      const { id, scope, activity } = await delegatedAgreement();
      running.clock.set(new Date('2022-06-20T09:00:00Z'));
      await ok(send('PUT', `/api/delegations/${id}`, terms(amendment, { scope, amountLimitOre: 1_000_000_00, validFrom: '2022-07-01' })));
      running.clock.set(new Date('2022-06-25T08:00:00Z'));
      expect((await activity('Mobil närvård i glesbygd', 3_000_000_00)).status).toBe(201);
      running.clock.set(new Date('2022-07-01T08:00:00Z'));
      await refused(() => activity('Digitala vårdmöten', 3_000_000_00), 422, 'DELEGATION-AMOUNT-LIMIT');

      running.clock.set(new Date('2022-09-20T09:00:00Z'));
      await refused(() => send('POST', `/api/delegations/${id}/revocation`, { decision: revocation, effectiveOn: '2022-03-14' }), 422, 'DELEGATION-DECISION-ORDER');
      const revoked = await ok(send('POST', `/api/delegations/${id}/revocation`, { decision: revocation, effectiveOn: '2022-10-01' }));
      expect(revoked).toMatchObject({
        revokedAt: '2022-09-30T22:00:00.000Z',
        revocation: { decision: revocation, effectiveOn: '2022-10-01', recordedAt: '2022-09-20T09:00:00.000Z' },
      });
      running.clock.set(new Date('2022-09-30T21:59:00Z'));
      expect((await activity('Hälsosamtal', 500_000_00)).status).toBe(201);
      running.clock.set(new Date('2022-09-30T22:00:00Z'));
      await refused(() => activity('Hembesök', 500_000_00), 422, 'DELEGATION-REVOKED');
      const decisions = (await ok(send('GET', `/api/delegations/${id}`, undefined, asAuditor))).decisions as Array<{ delegationVersion: number }>;
      expect(decisions.map((d) => d.delegationVersion)).toEqual([1, 2]);
    });

    it('DELEGATION-DECISION-REUSED: the grant’s own § neither amends (limit ×10), revokes, nor grants to someone else', async () => {
      const id = (await ok(send('POST', '/api/delegations', terms(grant)))).delegationId as string;
      await refused(() => send('PUT', `/api/delegations/${id}`, terms(grant, { amountLimitOre: 50_000_000_00 })), 422, 'DELEGATION-DECISION-REUSED');
      await refused(() => send('POST', `/api/delegations/${id}/revocation`, { decision: grant }), 422, 'DELEGATION-DECISION-REUSED');
      await refused(() => send('POST', '/api/delegations', terms(grant, { delegates: [{ userId: 'johan.palm' }] })), 422, 'DELEGATION-DECISION-REUSED');
      expect((await send('PUT', `/api/delegations/${id}`, terms(amendment, { amountLimitOre: 50_000_000_00 }))).status).toBe(200);
    });
  });
});
