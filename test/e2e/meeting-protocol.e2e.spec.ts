import { MeetingFacts } from '../../src/meetings/meeting-facts';
import { body as MEETING_BOARD } from '../../src/meetings/meeting.spec-fixtures';
import { MeetingCommand } from '../../src/meetings/meeting.commands';
import { Actor } from '../../src/platform/actor';
import { asChair, asCommitteeSecretary, Headers, RunningApp, startApp } from '../support/app';
import { meetingSuite, setUpRegion } from '../support/workflow';

/**
 * What follows a meeting of the regional board, over HTTP: the delegated and urgent decisions it
 * takes note of (KL-6-40), the adjusted protocol's notice, appeals against its decisions, and the
 * protocol's steps retried after a crash. The board, the dates and the steps are the meetings
 * suite's: meeting Tuesday 22 March 2022, adjusted Thursday 24, notice Friday 25.
 */
describe('meeting protocols over HTTP', () => {
  let running: RunningApp;
  const { req, ok, refused, item, crashedBefore, secretary, meetingWithItem, three, asMaria } = meetingSuite(() => running);

  beforeEach(async () => {
    running = await startApp({ now: new Date('2022-03-01T09:00:00Z') });
    await setUpRegion(running, { members: MEETING_BOARD.members });
  });
  afterEach(() => running.close());

  it('KL-6-40: reports the chair’s urgent decision as a paragraph and the register marks it reported', async () => {
    const urgent = await ok(
      req('POST', '/api/bodies/regionstyrelsen/urgent-decisions', asChair, {
        subject: 'Yttrande över remiss om ambulanssjukvårdens dirigering',
        decisionText: 'Ordföranden beslutar på regionstyrelsens vägnar att tillstyrka förslaget.',
      }),
    );
    const id = urgent.body.delegatedDecisionId as string;
    const { path, itemPath } = await meetingWithItem(three);
    // KL-6-27: the body takes note only with a quorum
    await ok(req('PUT', `${path}/attendance`, asCommitteeSecretary, { present: [{ userId: 'eva.ordforande' }] }), 200);
    await refused(() => req('POST', `${path}/delegated-decision-reports`, asCommitteeSecretary, { decisionIds: [id] }), 422, 'KL-6-27');
    await ok(req('PUT', `${path}/attendance`, asCommitteeSecretary, { present: three }), 200);
    await ok(req('POST', `${itemPath}/decision`, asCommitteeSecretary, { outcome: 'approved' }));
    const reported = await ok(req('POST', `${path}/delegated-decision-reports`, asCommitteeSecretary, { decisionIds: [id] }));
    expect(reported.body.delegatedDecisionReports).toEqual([
      expect.objectContaining({ paragraph: 15, title: 'Anmälan av delegationsbeslut', decisionIds: [id], reportedOn: '2022-03-22' }),
    ]);
    const register = await ok(req('GET', '/api/bodies/regionstyrelsen/delegated-decisions?status=unreported', asCommitteeSecretary), 200);
    expect(register.body.items).toEqual([]);
    // taking note of reported decisions decides nothing: that paragraph can authorise no budget or delegation
    const meetingId = path.split('/').pop()!;
    await expect(running.app.get(MeetingFacts).bodyDecision('region-exempel', { meetingId, paragraph: 15 })).resolves.toBeNull();
    // the same report again finds its paragraph and writes nothing; a decision not on the unreported list is refused
    const count = (await running.allEvents()).length;
    await ok(req('POST', `${path}/delegated-decision-reports`, asCommitteeSecretary, { decisionIds: [id] }));
    expect((await running.allEvents()).length).toBe(count);
    await refused(() => req('POST', `${path}/delegated-decision-reports`, asCommitteeSecretary, { decisionIds: [id, 'dd-okand'] }), 422, 'KL-6-40');
    // KL-6-40: an urgent decision of the next day cannot be reported at the meeting of 22 March, still open
    running.clock.set(new Date('2022-03-23T09:00:00Z'));
    const nextDay = await ok(req('POST', '/api/bodies/regionstyrelsen/urgent-decisions', asChair, { subject: 'Yttrande i brådskande remiss', decisionText: 'Tillstyrks.' }));
    await refused(() => req('POST', `${path}/delegated-decision-reports`, asCommitteeSecretary, { decisionIds: [nextDay.body.delegatedDecisionId] }), 422, 'KL-6-40');
  });

  /** decided, closed, adjusted on Thursday 24 March and announced on Friday 25 March */
  async function announcedItem() {
    const meeting = await meetingWithItem(three);
    await ok(req('POST', `${meeting.itemPath}/decision`, asCommitteeSecretary, { outcome: 'approved' }));
    await ok(req('POST', `${meeting.path}/close`, asCommitteeSecretary));
    running.clock.set(new Date('2022-03-24T09:00:00Z'));
    await ok(req('POST', `${meeting.path}/adjustment-signatures`, asChair));
    await ok(req('POST', `${meeting.path}/adjustment-signatures`, asMaria));
    running.clock.set(new Date('2022-03-25T08:00:00Z'));
    await ok(req('POST', `${meeting.path}/notice`, asCommitteeSecretary, { postedOn: '2022-03-25' }));
    return meeting;
  }

  it('KL-13-5, DECISION-AUTHORITY: a second appeal after an early dismissal is registered; an annulment ends the decision’s authority', async () => {
    const { meetingId, itemPath } = await announcedItem();
    running.clock.set(new Date('2022-04-05T09:00:00Z'));
    await ok(req('POST', `${itemPath}/appeals`, asCommitteeSecretary, { lodgedOn: '2022-04-01', appellant: 'Kalle Kommuninvånare' }));
    const dismissed = await ok(req('POST', `${itemPath}/appeal-ruling`, asCommitteeSecretary, { ruledOn: '2022-04-05', outcome: 'dismissed' }));
    // dismissed before the window ends: no legal force until the window has passed
    expect(item(dismissed).legalForce).toEqual({ status: 'appeal_window_open', legalForceOn: null, note: null });
    running.clock.set(new Date('2022-04-10T09:00:00Z'));
    expect(item(await ok(req('POST', `${itemPath}/appeals`, asCommitteeSecretary, { lodgedOn: '2022-04-10', appellant: 'Lisa Länsbo' }))).legalForce.status).toBe('appealed');
    running.clock.set(new Date('2022-05-20T09:00:00Z'));
    const annulled = await ok(req('POST', `${itemPath}/appeal-ruling`, asCommitteeSecretary, { ruledOn: '2022-05-20', outcome: 'annulled' }));
    expect(item(annulled).legalForce.status).toBe('annulled');
    await expect(running.app.get(MeetingFacts).bodyDecision('region-exempel', { meetingId, paragraph: 14 })).resolves.toMatchObject({ adjusted: true, annulled: true });
  });

  it('close, signatures, notice and appeal ruling retried with their key after a crash change nothing', async () => {
    const { meetingId, path, itemPath } = await meetingWithItem(three);
    await ok(req('POST', `${itemPath}/decision`, asCommitteeSecretary, { outcome: 'approved' }));
    const itemId = itemPath.split('/').pop()!;
    // the retry stores its answer under the key, and changes nothing else
    const meetingEvents = async () => (await running.allEvents()).filter((e) => e.streamId === `meeting-${meetingId}`).length;
    const retried = async (key: string, actor: Actor, command: MeetingCommand, url: string, headers: Headers, body?: unknown) => {
      await crashedBefore(meetingId, key, actor, command);
      const count = await meetingEvents();
      await ok(req('POST', url, { ...headers, 'idempotency-key': key }, body));
      expect(await meetingEvents()).toBe(count);
    };
    await retried('close-1', secretary, { type: 'CloseMeeting' }, `${path}/close`, asCommitteeSecretary);
    running.clock.set(new Date('2022-03-24T09:00:00Z'));
    const eva: Actor = { userId: 'eva.ordforande', role: 'chair', organisationId: 'region-exempel' };
    await retried('sign-eva', eva, { type: 'SignProtocol' }, `${path}/adjustment-signatures`, asChair);
    await ok(req('POST', `${path}/adjustment-signatures`, asMaria));
    running.clock.set(new Date('2022-03-25T08:00:00Z'));
    await retried('notice-1', secretary, { type: 'PostNotice', itemId: null, postedOn: '2022-03-25' }, `${path}/notice`, asCommitteeSecretary, { postedOn: '2022-03-25' });
    running.clock.set(new Date('2022-04-05T09:00:00Z'));
    await ok(req('POST', `${itemPath}/appeals`, asCommitteeSecretary, { lodgedOn: '2022-04-01', appellant: 'Kalle Kommuninvånare' }));
    const ruling = { ruledOn: '2022-04-05', outcome: 'dismissed' as const };
    await retried('ruling-1', secretary, { type: 'RecordAppealRuling', itemId, ...ruling }, `${itemPath}/appeal-ruling`, asCommitteeSecretary, ruling);
  });
});
