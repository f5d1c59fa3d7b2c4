import { randomUUID } from 'node:crypto';
import { CaseFacts } from '../../src/cases/case-facts';
import { MeetingFacts } from '../../src/meetings/meeting-facts';
import { body as MEETING_BOARD } from '../../src/meetings/meeting.spec-fixtures';
import { MeetingCommand } from '../../src/meetings/meeting.commands';
import { asChair, asCommitteeSecretary, asRegistrar, Headers, RunningApp, startApp } from '../support/app';
import { MEETING_CONVENE as CONVENE, meetingSuite, readyCase, setUpRegion } from '../support/workflow';

/**
 * A meeting of the regional board over HTTP, the board of the meeting decider specs: five ordinary
 * seats (quorum three), two deputies, the chair and one adjuster. Meeting Tuesday 22 March 2022,
 * adjusted Thursday 24, notice Friday 25: three weeks end on Good Friday, so the appeal window runs
 * to Tuesday 19 April (LAG-1930-173).
 */
describe('meetings over HTTP', () => {
  let running: RunningApp;
  const { req, ok, refused, item, convene, caseOf, crashedBefore, secretary, meetingWithItem, three, asMaria } = meetingSuite(() => running);

  beforeEach(async () => {
    running = await startApp({ now: new Date('2022-03-01T09:00:00Z') });
    await setUpRegion(running, { members: MEETING_BOARD.members });
  });
  afterEach(() => running.close());

  it('convenes, decides with a conflict of interest set aside, adjusts, announces, and reaches legal force after Easter', async () => {
    const caseId = await readyCase(running);
    const { meetingId, path, reply: convened } = await convene();
    expect(convened.headers.get('location')).toBe(path);
    expect(convened.body).toMatchObject({ bodyId: 'regionstyrelsen', date: '2022-03-22', status: 'open', chairUserId: 'eva.ordforande', adjusterUserIds: ['maria.justerare'] });
    expect(convened.body.members).toHaveLength(7);

    const added = await ok(req('POST', `${path}/items`, asCommitteeSecretary, { caseId }));
    const { itemId } = item(added);
    expect(item(added)).toMatchObject({ caseId, diaryNumber: 'RS 2022-00001', paragraph: null, legalForce: { status: 'not_decided' } });
    expect((await req('GET', `/api/cases/${caseId}`, asRegistrar, undefined)).body.status).toBe('on_agenda');

    running.clock.set(new Date('2022-03-22T13:05:00Z'));
    const present = [...three, { userId: 'olof.ledamot' }, { userId: 'nils.ersattare', servingFor: 'karin.ledamot' }];
    const attended = await ok(req('PUT', `${path}/attendance`, asCommitteeSecretary, { present }), 200);
    expect(attended.body.attendance).toMatchObject({ ordinarySeats: 5, serving: 5, required: 3, quorate: true });
    await ok(req('POST', `${path}/items/${itemId}/conflicts`, asCommitteeSecretary, { userId: 'olof.ledamot', reason: 'Styrelseledamot i mottagande bolag' }));
    const decided = await ok(req('POST', `${path}/items/${itemId}/decision`, asCommitteeSecretary, { outcome: 'approved', votes: { yes: 3, no: 1, abstained: 0 } }));
    expect(item(decided)).toMatchObject({ paragraph: 14, outcome: 'approved', quorum: { serving: 4, quorate: true } });
    expect(item(decided).participants).not.toContain('olof.ledamot');
    expect((await req('GET', `/api/cases/${caseId}`, asRegistrar, undefined)).body.status).toBe('decided');

    await ok(req('POST', `${path}/items/${itemId}/reservations`, asCommitteeSecretary, { userId: 'lars.ledamot', reason: 'Till förmån för eget förslag' }));
    await ok(req('PUT', `${path}/items/${itemId}/reservations/lars.ledamot/reasons`, asCommitteeSecretary, { text: 'Ambulanssjukvården får för lite.' }), 200);
    await ok(req('POST', `${path}/close`, asCommitteeSecretary));

    running.clock.set(new Date('2022-03-24T09:00:00Z'));
    const chairSigned = await ok(req('POST', `${path}/adjustment-signatures`, asChair));
    expect(chairSigned.body.protocol).toMatchObject({ adjustedOn: null, awaitingSignatures: ['maria.justerare'] });
    const adjusted = await ok(req('POST', `${path}/adjustment-signatures`, asMaria));
    // KL-8-12 + LAG-1930-173: two days after Thursday 24 March is a Saturday, so the notice is due on Monday 28 March
    expect(adjusted.body).toMatchObject({ status: 'adjusted', protocol: { adjustedOn: '2022-03-24', noticeDueBy: '2022-03-28', noticePostedOn: null } });
    expect(item(adjusted).legalForce.status).toBe('awaiting_notice');
    await expect(running.app.get(MeetingFacts).bodyDecision('region-exempel', { meetingId, paragraph: 14 })).resolves.toMatchObject({
      bodyId: 'regionstyrelsen',
      caseId,
      outcome: 'approved',
      decidedOn: '2022-03-22',
      adjusted: true,
      annulled: false,
    });

    running.clock.set(new Date('2022-03-25T08:00:00Z'));
    const announced = await ok(req('POST', `${path}/notice`, asCommitteeSecretary, { postedOn: '2022-03-25' }));
    expect(announced.body.protocol).toMatchObject({ noticePostedOn: '2022-03-25', noticeOverdue: false });
    expect(item(announced)).toMatchObject({ notice: { postedOn: '2022-03-25', overdue: false }, appealEndsOn: '2022-04-19', legalForce: { status: 'appeal_window_open' } });

    running.clock.set(new Date('2022-04-19T20:00:00Z')); // 22:00 in Stockholm: still the last day
    expect(item(await ok(req('GET', path, asAuditorOf()), 200)).legalForce.status).toBe('appeal_window_open');
    running.clock.set(new Date('2022-04-20T06:00:00Z'));
    expect(item(await ok(req('GET', path, asAuditorOf()), 200)).legalForce).toEqual({ status: 'legal_force', legalForceOn: '2022-04-20', note: null });
  });

  const asAuditorOf = (organisationId = 'region-exempel'): Headers => ({ 'x-user-id': 'rut.revisor', 'x-user-role': 'auditor', 'x-organisation-id': organisationId });

  it('KL-6-27: without quorum nothing is decided, and nothing is written', async () => {
    const { itemPath, caseId } = await meetingWithItem([{ userId: 'eva.ordforande' }, { userId: 'lars.ledamot' }, { userId: 'nils.ersattare' }]);
    const problem = await refused(() => req('POST', `${itemPath}/decision`, asCommitteeSecretary, { outcome: 'approved' }), 422, 'KL-6-27');
    expect(problem).toMatchObject({ serving: 2, ordinarySeats: 5 });
    expect((await req('GET', `/api/cases/${caseId}`, asRegistrar, undefined)).body.status).toBe('on_agenda');
  });

  it('KL-6-28: a member with a conflict of interest cannot enter a reservation', async () => {
    const { itemPath } = await meetingWithItem([...three, { userId: 'olof.ledamot' }]);
    await ok(req('POST', `${itemPath}/conflicts`, asCommitteeSecretary, { userId: 'olof.ledamot', reason: 'Närstående är sökande' }));
    await ok(req('POST', `${itemPath}/decision`, asCommitteeSecretary, { outcome: 'rejected' }));
    await refused(() => req('POST', `${itemPath}/reservations`, asCommitteeSecretary, { userId: 'olof.ledamot' }), 422, 'KL-6-28');
  });

  it('MEETING-CASE-NOT-READY, MEETING-SECRETARY-ROLE, PROTOCOL-SIGNATORY, KL-8-12 and NOT-FOUND refuse and write nothing', async () => {
    const unready = await ok(req('POST', '/api/cases', asRegistrar, { registry: 'RS', title: 'Ärende under beredning' }));
    const { path, itemPath } = await meetingWithItem(three);
    await refused(() => req('POST', `${path}/items`, asCommitteeSecretary, { caseId: unready.body.caseId }), 422, 'MEETING-CASE-NOT-READY');
    await refused(() => req('POST', `${itemPath}/decision`, asChair, { outcome: 'approved' }), 422, 'MEETING-SECRETARY-ROLE');
    await ok(req('POST', `${itemPath}/decision`, asCommitteeSecretary, { outcome: 'approved' }));
    await ok(req('POST', `${path}/close`, asCommitteeSecretary));
    await refused(() => req('POST', `${path}/adjustment-signatures`, asCommitteeSecretary), 422, 'PROTOCOL-SIGNATORY');
    await refused(() => req('POST', `${path}/notice`, asCommitteeSecretary, { postedOn: '2022-03-01' }), 422, 'KL-8-12');
    await refused(() => req('GET', path, asAuditorOf('goteborgs-stad')), 404, 'NOT-FOUND');
    await refused(() => req('POST', `${path}/close`, { ...asCommitteeSecretary, 'x-organisation-id': 'goteborgs-stad' }), 404, 'NOT-FOUND');
  });

  it('a decision retried with the same Idempotency-Key has effect once', async () => {
    const { itemPath } = await meetingWithItem(three);
    const headers = { ...asCommitteeSecretary, 'idempotency-key': 'decide-14' };
    const first = await ok(req('POST', `${itemPath}/decision`, headers, { outcome: 'approved' }));
    const count = (await running.allEvents()).length;
    const again = await ok(req('POST', `${itemPath}/decision`, headers, { outcome: 'approved' }));
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect((await running.allEvents()).length).toBe(count);
  });

  it('a decision retried after a crash between the meeting and the case completes the case', async () => {
    const { meetingId, itemId, itemPath, caseId } = await meetingWithItem(three);
    const key = 'crashed-after-meeting';
    const found = await running.app.get(CaseFacts).get(caseId);
    const decide: MeetingCommand = { type: 'DecideItem', itemId, case: found, postponedTo: null, outcome: 'approved', amendments: null, completionRequired: null, postponedToMeetingId: null, votes: null };
    await crashedBefore(meetingId, key, secretary, decide);
    expect((await req('GET', `/api/cases/${caseId}`, asRegistrar, undefined)).body.status).toBe('on_agenda');

    const retried = await ok(req('POST', `${itemPath}/decision`, { ...asCommitteeSecretary, 'idempotency-key': key }, { outcome: 'approved' }));
    expect(item(retried).paragraph).toBe(14);
    expect((await req('GET', `/api/cases/${caseId}`, asRegistrar, undefined)).body.status).toBe('decided');
    const decisions = (await running.allEvents()).filter((e) => e.type === 'ItemDecided');
    expect(decisions).toHaveLength(1);
  });

  it('MEETING-CASE-NOT-READY: a ready case added to two meetings at once goes on one agenda only, and the other writes nothing', async () => {
    const caseIds = [await readyCase(running), await readyCase(running), await readyCase(running)];
    const meetings = [await convene(), await convene()];
    const before = (await running.allEvents()).length;
    const replies = await Promise.all(caseIds.flatMap((caseId) => meetings.map((m) => req('POST', `${m.path}/items`, asCommitteeSecretary, { caseId }))));
    expect(replies.map((r) => r.status).sort()).toEqual([201, 201, 201, 422, 422, 422]);
    for (const r of replies.filter((x) => x.status === 422)) expect(['MEETING-CASE-NOT-READY', 'CASE-STATUS']).toContain(r.body.type);
    const written = (await running.allEvents()).slice(before).map((e) => e.type);
    expect(written.filter((t) => t === 'AgendaItemAdded')).toHaveLength(3);
    expect(written.filter((t) => t === 'CasePlacedOnAgenda')).toHaveLength(3);
    const agendas = await Promise.all(meetings.map(async (m) => ((await ok(req('GET', m.path, asCommitteeSecretary), 200)).body.items as Array<{ caseId: string; itemId: string }>)));
    for (const caseId of caseIds) {
      const holding = agendas.flatMap((items, i) => items.filter((it) => it.caseId === caseId).map((it) => ({ meetingId: meetings[i].meetingId, itemId: it.itemId })));
      expect(holding).toHaveLength(1);
      expect((await caseOf(caseId)).agenda).toMatchObject(holding[0]);
    }
  });

  it('MEETING-CLOSED: a meeting that closes between its check and its append takes no item, and the case is ready again', async () => {
    const caseId = await readyCase(running);
    const { path } = await convene();
    const facts = running.app.get(CaseFacts);
    const place = facts.placeOnAgenda.bind(facts);
    // the race, made to happen: the real reservation, then the meeting closes before the meeting's append
    const race = jest.spyOn(facts, 'placeOnAgenda').mockImplementationOnce(async (envelope, placement) => {
      await place(envelope, placement);
      await ok(req('POST', `${path}/close`, asCommitteeSecretary));
    });
    const before = (await running.allEvents()).length;
    const reply = await req('POST', `${path}/items`, asCommitteeSecretary, { caseId });
    race.mockRestore();
    expect(reply.status).toBe(422);
    expect(reply.body.type).toBe('MEETING-CLOSED');
    expect((await running.allEvents()).slice(before).map((e) => e.type)).toEqual(['CasePlacedOnAgenda', 'MeetingClosed', 'CaseRemovedFromAgenda']);
    expect(await caseOf(caseId)).toMatchObject({ status: 'ready_for_agenda', agenda: null });
    const next = await convene();
    await ok(req('POST', `${next.path}/items`, asCommitteeSecretary, { caseId }));
  });

  it('MEETING-CASE-NOT-ON-AGENDA: an item whose case is on another meeting’s agenda cannot be decided', async () => {
    const { meetingId: first, caseId } = await meetingWithItem(three);
    const { meetingId: other, path } = await convene();
    // an item left by the earlier bug: the meeting took the case from a stale snapshot
    const stale = { ...(await running.app.get(CaseFacts).get(caseId))!, status: 'ready_for_agenda', agenda: null };
    const orphan = await crashedBefore(other, 'orphan-item', secretary, { type: 'AddAgendaItem', itemId: randomUUID(), case: stale });
    await ok(req('PUT', `${path}/attendance`, asCommitteeSecretary, { present: three }), 200);
    const itemId = (orphan.state as { items: Array<{ itemId: string }> }).items[0].itemId;
    const problem = await refused(() => req('POST', `${path}/items/${itemId}/decision`, asCommitteeSecretary, { outcome: 'approved' }), 422, 'MEETING-CASE-NOT-ON-AGENDA');
    expect(problem).toMatchObject({ caseAgenda: { meetingId: first } });
  });

  it('MEETING-NOT-STARTED, MEETING-POSTPONEMENT: attendance waits for the start; a postponement names a later meeting of the board', async () => {
    const caseId = await readyCase(running);
    const { path } = await convene();
    const { itemId } = item(await ok(req('POST', `${path}/items`, asCommitteeSecretary, { caseId })));
    await refused(() => req('PUT', `${path}/attendance`, asCommitteeSecretary, { present: three }), 422, 'MEETING-NOT-STARTED');
    const later = await ok(req('POST', '/api/meetings', asCommitteeSecretary, { ...CONVENE, startsAt: '2022-04-26T12:00:00.000Z' }));
    running.clock.set(new Date('2022-03-22T13:05:00Z'));
    await ok(req('PUT', `${path}/attendance`, asCommitteeSecretary, { present: three }), 200);
    const decision = `${path}/items/${itemId}/decision`;
    await refused(() => req('POST', decision, asCommitteeSecretary, { outcome: 'postponed', postponedToMeetingId: randomUUID() }), 422, 'MEETING-POSTPONEMENT');
    const postponed = await ok(req('POST', decision, asCommitteeSecretary, { outcome: 'postponed', postponedToMeetingId: later.body.meetingId }));
    expect(item(postponed)).toMatchObject({ postponedToMeetingId: later.body.meetingId });
    expect((await caseOf(caseId)).status).toBe('ready_for_agenda');
  });
});
