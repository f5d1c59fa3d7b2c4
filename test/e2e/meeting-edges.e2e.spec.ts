import { DelegationRegister } from '../../src/delegations/delegation-register';
import { body as MEETING_BOARD } from '../../src/meetings/meeting.spec-fixtures';
import { asChair, asCommitteeSecretary, RunningApp, startApp } from '../support/app';
import { asMember, MEETING_CONVENE, meetingSuite, readyCase, setUpRegion } from '../support/workflow';

type Json = Record<string, unknown>;
const items = (body: Json) => body.items as Json[];

/**
 * Where a meeting could go wrong or get stuck, over HTTP: the instant it starts, a late notice of
 * a paragraph, the same delegated decision reported at several meetings, striking items and
 * cancelling a meeting that cannot decide, replacing an adjuster, and the judgment's own appeal
 * period. The board and dates are the meetings suite's: meeting Tuesday 22 March 2022 from § 14.
 */
describe('meeting edges over HTTP', () => {
  let running: RunningApp;
  const { req, ok, refused, item, convene, caseOf, crashedBefore, secretary, meetingWithItem, three, asMaria } = meetingSuite(() => running);
  const asLars = asMember('lars.ledamot');
  const at = (iso: string) => running.clock.set(new Date(iso));

  beforeEach(async () => {
    running = await startApp({ now: new Date('2022-03-01T09:00:00Z') });
    await setUpRegion(running, { members: MEETING_BOARD.members });
  });
  afterEach(() => running.close());

  it('VALIDATION: startsAt is a full date-time with an offset — week and ordinal dates, a bare year and zone-less times are refused', async () => {
    for (const startsAt of ['2022-W12-2', '2022-081', '2022', '2022-03-22T13:00:00', '2022-03-22T13:00', '2022-02-30T13:00:00Z', '2022-03-22T24:00:00Z']) {
      const problem = await refused(() => req('POST', '/api/meetings', asCommitteeSecretary, { ...MEETING_CONVENE, startsAt }), 400, 'VALIDATION');
      expect(JSON.stringify(problem)).toContain('startsAt');
    }
    const convened = await ok(req('POST', '/api/meetings', asCommitteeSecretary, { ...MEETING_CONVENE, startsAt: '2022-03-22T14:00+01:00' }));
    expect(convened.body).toMatchObject({ startsAt: '2022-03-22T14:00+01:00', date: '2022-03-22' });
  });

  /** decided and adjusted on its own at the meeting; then the protocol, adjusted Thursday 24 March and announced Friday 25 March */
  async function immediatelyAdjusted() {
    const meeting = await meetingWithItem(three);
    await ok(req('POST', `${meeting.itemPath}/decision`, asCommitteeSecretary, { outcome: 'approved' }));
    await ok(req('POST', `${meeting.itemPath}/adjustment-signatures`, asChair));
    await ok(req('POST', `${meeting.itemPath}/adjustment-signatures`, asMaria));
    await ok(req('POST', `${meeting.path}/close`, asCommitteeSecretary));
    at('2022-03-24T09:00:00Z');
    await ok(req('POST', `${meeting.path}/adjustment-signatures`, asChair));
    await ok(req('POST', `${meeting.path}/adjustment-signatures`, asMaria));
    at('2022-03-25T08:00:00Z');
    await ok(req('POST', `${meeting.path}/notice`, asCommitteeSecretary, { postedOn: '2022-03-25' }));
    return meeting;
  }

  it('KL-8-12, KL-13-5: a late notice of a paragraph already announced with the protocol is refused and does not reopen the appeal window', async () => {
    const { path, itemPath } = await immediatelyAdjusted();
    at('2022-04-20T08:00:00Z');
    expect(item(await ok(req('GET', path, asCommitteeSecretary), 200)).legalForce).toMatchObject({ status: 'legal_force', legalForceOn: '2022-04-20' });
    await refused(() => req('POST', `${itemPath}/notice`, asCommitteeSecretary, { postedOn: '2022-04-20' }), 422, 'KL-8-12');
    await refused(() => req('POST', `${itemPath}/appeals`, asCommitteeSecretary, { lodgedOn: '2022-04-20', appellant: 'Kalle Kommuninvånare' }), 422, 'KL-13-5');
    expect(item(await ok(req('GET', path, asCommitteeSecretary), 200))).toMatchObject({ notice: { postedOn: '2022-03-25' }, legalForce: { status: 'legal_force' } });
  });

  it('LAG-1930-173: after a dismissal the judgment can itself be appealed for three weeks (ruling_appealable); legal force the day after', async () => {
    const { path, itemPath } = await immediatelyAdjusted();
    at('2022-04-05T09:00:00Z');
    await ok(req('POST', `${itemPath}/appeals`, asCommitteeSecretary, { lodgedOn: '2022-04-01', appellant: 'Kalle Kommuninvånare' }));
    await ok(req('POST', `${itemPath}/appeal-ruling`, asCommitteeSecretary, { ruledOn: '2022-04-05', outcome: 'dismissed' }));
    at('2022-04-26T09:00:00Z');
    expect(item(await ok(req('GET', path, asCommitteeSecretary), 200)).legalForce).toEqual({ status: 'ruling_appealable', legalForceOn: null, note: null });
    at('2022-04-27T09:00:00Z');
    expect(item(await ok(req('GET', path, asCommitteeSecretary), 200)).legalForce).toEqual({ status: 'legal_force', legalForceOn: '2022-04-27', note: null });
  });

  describe('delegated decisions reported (KL-6-40): the register first', () => {
    const urgentDecision = async () =>
      (await ok(req('POST', '/api/bodies/regionstyrelsen/urgent-decisions', asChair, { subject: 'Yttrande i brådskande remiss', decisionText: 'Tillstyrks.' }))).body
        .delegatedDecisionId as string;
    const registered = async (id: string) => {
      const all = await ok(req('GET', '/api/bodies/regionstyrelsen/delegated-decisions?status=all', asCommitteeSecretary), 200);
      return (all.body.items as Json[]).find((d) => d.delegatedDecisionId === id)!.reported;
    };
    const inSession = async (count: number) => {
      const meetings = [];
      for (let i = 0; i < count; i++) meetings.push(await convene());
      at('2022-03-22T13:05:00Z');
      for (const m of meetings) await ok(req('PUT', `${m.path}/attendance`, asCommitteeSecretary, { present: three }), 200);
      return meetings;
    };
    /** the handler as far as the register's hold under the § its dry run expected, then a crash */
    const crashedAfterHold = (key: string, meetingId: string, paragraph: number, decisionIds: string[]) =>
      running.app.get(DelegationRegister).markReported(
        { commandId: key, retryable: true, commandType: 'ReportDelegatedDecisions', actor: secretary, correlationId: key, causationId: key },
        { organisationId: 'region-exempel', bodyId: 'regionstyrelsen', meetingId, paragraph, reportedOn: '2022-03-22', decisionIds },
      );

    it('KL-6-40: the same decision reported at six meetings at once is reported at exactly one', async () => {
      const id = await urgentDecision();
      const meetings = await inSession(6);
      const replies = await Promise.all(meetings.map((m) => req('POST', `${m.path}/delegated-decision-reports`, asCommitteeSecretary, { decisionIds: [id] })));
      expect(replies.map((r) => r.status).sort()).toEqual([201, 422, 422, 422, 422, 422]);
      for (const r of replies.filter((x) => x.status === 422)) expect(r.body).toMatchObject({ type: 'KL-6-40' });
      const winner = meetings[replies.findIndex((r) => r.status === 201)];
      expect(await registered(id)).toEqual({ meetingId: winner.meetingId, paragraph: 14, reportedOn: '2022-03-22' });
      for (const m of meetings) {
        const reports = (await ok(req('GET', m.path, asCommitteeSecretary), 200)).body.delegatedDecisionReports as Json[];
        expect(reports.length).toBe(m === winner ? 1 : 0);
      }
    });

    it('KL-6-40: held under the § a dry run expected, the register ends up naming the § the meeting actually wrote', async () => {
      const id = await urgentDecision();
      const { meetingId, path, itemPath } = await meetingWithItem(three);
      await crashedAfterHold('report-1', meetingId, 14, [id]);
      // in between, the item is decided and takes § 14
      await ok(req('POST', `${itemPath}/decision`, asCommitteeSecretary, { outcome: 'approved' }));
      const reported = await ok(req('POST', `${path}/delegated-decision-reports`, { ...asCommitteeSecretary, 'idempotency-key': 'report-1' }, { decisionIds: [id] }));
      expect(reported.body.delegatedDecisionReports).toEqual([expect.objectContaining({ paragraph: 15, decisionIds: [id] })]);
      expect(await registered(id)).toEqual({ meetingId, paragraph: 15, reportedOn: '2022-03-22' });
    });

    it('KL-6-40: when the meeting refuses the paragraph, the register lets the decision go, so another meeting can take note of it', async () => {
      const id = await urgentDecision();
      const [first, second] = await inSession(2);
      await crashedAfterHold('report-2', first.meetingId, 14, [id]);
      await ok(req('POST', `${first.path}/close`, asCommitteeSecretary));
      const refusal = await req('POST', `${first.path}/delegated-decision-reports`, { ...asCommitteeSecretary, 'idempotency-key': 'report-2' }, { decisionIds: [id] });
      expect(refusal.body).toMatchObject({ status: 422, type: 'MEETING-CLOSED' });
      expect(await registered(id)).toBeNull();
      await ok(req('POST', `${second.path}/delegated-decision-reports`, asCommitteeSecretary, { decisionIds: [id] }));
      expect(await registered(id)).toEqual({ meetingId: second.meetingId, paragraph: 14, reportedOn: '2022-03-22' });
    });
  });

  it('MEETING-ITEM-STRIKE: without a quorum the item is struck, its case is ready again and the meeting closes; a retry after a crash completes it', async () => {
    const { meetingId, path, itemPath, itemId, caseId } = await meetingWithItem([{ userId: 'eva.ordforande' }]);
    await refused(() => req('POST', `${itemPath}/decision`, asCommitteeSecretary, { outcome: 'approved' }), 422, 'KL-6-27');
    await refused(() => req('POST', `${path}/close`, asCommitteeSecretary), 422, 'MEETING-ITEM-UNDECIDED');
    const reason = 'Nämnden är inte beslutför; ärendet tas upp vid nästa sammanträde.';
    // the meeting has the strike, the case not yet: the retry with the key completes the case's side
    await crashedBefore(meetingId, 'strike-1', secretary, { type: 'StrikeItem', itemId, reason });
    expect((await caseOf(caseId)).status).toBe('on_agenda');
    const struck = await ok(req('POST', `${itemPath}/strike`, { ...asCommitteeSecretary, 'idempotency-key': 'strike-1' }, { reason }));
    expect(items(struck.body)[0]).toMatchObject({ struck: { reason }, paragraph: null, legalForce: { status: 'not_applicable' } });
    expect(await caseOf(caseId)).toMatchObject({ status: 'ready_for_agenda' });
    const count = (await running.allEvents()).length;
    const again = await ok(req('POST', `${itemPath}/strike`, { ...asCommitteeSecretary, 'idempotency-key': 'strike-1' }, { reason }));
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await running.allEvents()).length).toBe(count);
    await refused(() => req('POST', `${itemPath}/strike`, asCommitteeSecretary, { reason: 'Ett annat skäl' }), 422, 'MEETING-ITEM-STRIKE');
    await ok(req('POST', `${path}/close`, asCommitteeSecretary));
    // the case goes on the agenda of the next meeting
    const next = await ok(req('POST', '/api/meetings', asCommitteeSecretary, { ...MEETING_CONVENE, startsAt: '2022-04-26T13:00:00.000Z' }));
    await ok(req('POST', `/api/meetings/${next.body.meetingId as string}/items`, asCommitteeSecretary, { caseId }));
    expect(await caseOf(caseId)).toMatchObject({ status: 'on_agenda' });
  });

  it('MEETING-ITEM-STRIKE: a decided item is not struck', async () => {
    const { itemPath } = await meetingWithItem(three);
    await ok(req('POST', `${itemPath}/decision`, asCommitteeSecretary, { outcome: 'approved' }));
    await refused(() => req('POST', `${itemPath}/strike`, asCommitteeSecretary, { reason: 'Ärendet utgår.' }), 422, 'MEETING-ITEM-STRIKE');
  });

  it('MEETING-CANCELLATION: a meeting convened for the wrong day is cancelled, its cases ready again; it takes nothing more', async () => {
    const caseIds = [await readyCase(running), await readyCase(running, { title: 'Yttrande över remiss om ambulanssjukvård' })];
    const { path } = await convene();
    for (const caseId of caseIds) await ok(req('POST', `${path}/items`, asCommitteeSecretary, { caseId }));
    const reason = 'Sammanträdet kallades till fel dag; ärendena tas upp den 29 mars.';
    const cancelled = await ok(req('POST', `${path}/cancellation`, { ...asCommitteeSecretary, 'idempotency-key': 'cancel-1' }, { reason }));
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellation: { reason } });
    expect(items(cancelled.body).map((i) => i.struck)).toEqual([expect.objectContaining({ reason }), expect.objectContaining({ reason })]);
    for (const caseId of caseIds) expect((await caseOf(caseId)).status).toBe('ready_for_agenda');
    expect((await req('POST', `${path}/cancellation`, { ...asCommitteeSecretary, 'idempotency-key': 'cancel-1' }, { reason })).headers.get('idempotent-replayed')).toBe('true');
    at('2022-03-22T13:05:00Z');
    await refused(() => req('PUT', `${path}/attendance`, asCommitteeSecretary, { present: three }), 422, 'MEETING-CANCELLATION');
    await refused(() => req('POST', `${path}/items`, asCommitteeSecretary, { caseId: caseIds[0] }), 422, 'MEETING-CANCELLATION');
  });

  it('MEETING-CANCELLATION: a meeting that has decided is not cancelled', async () => {
    const { path, itemPath } = await meetingWithItem(three);
    await ok(req('POST', `${itemPath}/decision`, asCommitteeSecretary, { outcome: 'approved' }));
    await refused(() => req('POST', `${path}/cancellation`, asCommitteeSecretary, { reason: 'Fel dag.' }), 422, 'MEETING-CANCELLATION');
  });

  it('MEETING-ADJUSTERS-CHANGE: an absent adjuster is replaced and the new one adjusts with the chair; one who signed is not replaced', async () => {
    const { path, itemPath } = await meetingWithItem(three);
    await ok(req('POST', `${itemPath}/decision`, asCommitteeSecretary, { outcome: 'approved' }));
    await ok(req('POST', `${path}/close`, asCommitteeSecretary));
    at('2022-03-24T09:00:00Z');
    await ok(req('POST', `${path}/adjustment-signatures`, asChair));
    const changed = await ok(req('PUT', `${path}/adjusters`, asCommitteeSecretary, { adjusterUserIds: ['lars.ledamot'] }), 200);
    expect(changed.body).toMatchObject({ adjusterUserIds: ['lars.ledamot'], protocol: { awaitingSignatures: ['lars.ledamot'] } });
    await refused(() => req('POST', `${path}/adjustment-signatures`, asMaria), 422, 'PROTOCOL-SIGNATORY');
    const adjusted = await ok(req('POST', `${path}/adjustment-signatures`, asLars));
    expect(adjusted.body).toMatchObject({ status: 'adjusted', protocol: { adjustedOn: '2022-03-24' } });
    await refused(() => req('PUT', `${path}/adjusters`, asCommitteeSecretary, { adjusterUserIds: ['maria.justerare'] }), 422, 'MEETING-ADJUSTERS-CHANGE');
  });

  it('MEETING-ADJUSTERS-CHANGE: an adjuster who has signed is not replaced; MEETING-ADJUSTERS: the chair does not adjust', async () => {
    const { path, itemPath } = await meetingWithItem(three);
    await ok(req('POST', `${itemPath}/decision`, asCommitteeSecretary, { outcome: 'approved' }));
    await ok(req('POST', `${path}/close`, asCommitteeSecretary));
    await refused(() => req('PUT', `${path}/adjusters`, asCommitteeSecretary, { adjusterUserIds: ['eva.ordforande'] }), 422, 'MEETING-ADJUSTERS');
    await ok(req('POST', `${path}/adjustment-signatures`, asMaria));
    await refused(() => req('PUT', `${path}/adjusters`, asCommitteeSecretary, { adjusterUserIds: ['lars.ledamot'] }), 422, 'MEETING-ADJUSTERS-CHANGE');
  });
});
