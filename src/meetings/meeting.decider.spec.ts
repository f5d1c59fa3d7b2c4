import { chair, committeeSecretary, given } from '../../test/support/given';
import { DelegationRules } from '../delegations/delegation.rules';
import { MeetingCommand } from './meeting.commands';
import { MeetingEvent } from './meeting.events';
import { meetingDecider } from './meeting.decider';
import { MeetingRules as R } from './meeting.rules';
import {
  attendance,
  body,
  closed,
  convened,
  decide,
  decided,
  delegatedDecision,
  duringMeeting,
  itemAdded,
  MEETING_ID,
  ORG,
  reservation,
  STARTS_AT,
  threePresent,
} from './meeting.spec-fixtures';

const asSecretary = { actor: committeeSecretary, now: duringMeeting };
const convene = (over: Partial<Extract<MeetingCommand, { type: 'ConveneMeeting' }>> = {}): MeetingCommand => ({
  type: 'ConveneMeeting',
  meetingId: MEETING_ID,
  body,
  startsAt: STARTS_AT,
  place: 'Regionens hus, sammanträdesrum Vättern',
  firstParagraph: 14,
  adjusterUserIds: ['maria.justerare'],
  ...over,
});
const readyCase = { caseId: 'case-1', organisationId: ORG, diaryNumber: 'RS 2022-00123', title: 'Fördelning God och nära vård 2022', status: 'ready_for_agenda', agenda: null };
describe('meeting decider: convening', () => {
  it('convenes with a snapshot of the members, the chair and the adjusters', () => {
    const [event] = meetingDecider.decide(convene(), meetingDecider.initialState, { actor: committeeSecretary, now: new Date('2022-03-01T09:00:00Z') });
    expect(event).toEqual({ ...convened });
  });

  it('a retried convening changes nothing', () => {
    given(meetingDecider, convened).when(convene(), asSecretary).then([]);
  });

  it('MEETING-ALREADY-CONVENED: another convening on the same meeting is refused', () => {
    given(meetingDecider, convened).when(convene({ place: 'Annat rum' }), asSecretary).thenRefuses(R.MEETING_ALREADY_CONVENED);
  });

  it('MEETING-SECRETARY-ROLE: only the committee secretary convenes and records', () => {
    given(meetingDecider).when(convene(), { actor: chair }).thenRefuses(R.MEETING_SECRETARY_ROLE);
    given(meetingDecider, convened).when({ type: 'RecordAttendance', present: [] }, { actor: chair }).thenRefuses(R.MEETING_SECRETARY_ROLE);
  });

  it('MEETING-CHAIR-REQUIRED: a body without a chair cannot be convened', () => {
    given(meetingDecider).when(convene({ body: { ...body, chairUserId: null } }), asSecretary).thenRefuses(R.MEETING_CHAIR_REQUIRED);
  });

  it('MEETING-ADJUSTERS: adjusters are members, at least one, not the chair', () => {
    for (const adjusterUserIds of [[], ['okand.person'], ['eva.ordforande'], ['lars.ledamot', 'lars.ledamot']]) {
      given(meetingDecider).when(convene({ adjusterUserIds }), asSecretary).thenRefuses(R.MEETING_ADJUSTERS);
    }
  });

  it("NOT-FOUND: another organisation's meeting does not exist for the actor", () => {
    given(meetingDecider, convened)
      .when({ type: 'CloseMeeting' }, { actor: { ...committeeSecretary, organisationId: 'goteborgs-stad' } })
      .thenRefuses('NOT-FOUND');
  });
});

describe('meeting decider: agenda and attendance', () => {
  it('puts a ready case on the agenda, once; a retry changes nothing', () => {
    const added = given(meetingDecider, convened).when({ type: 'AddAgendaItem', itemId: 'item-1', case: readyCase }, asSecretary);
    added.then([{ type: 'AgendaItemAdded', data: { itemId: 'item-1', caseId: 'case-1', diaryNumber: 'RS 2022-00123', title: readyCase.title, addedAt: duringMeeting.toISOString() } }]);
    const onAgenda = { ...readyCase, status: 'on_agenda', agenda: { meetingId: MEETING_ID, itemId: 'item-1' } };
    given(meetingDecider, convened, itemAdded()).when({ type: 'AddAgendaItem', itemId: 'item-1', case: onAgenda }, asSecretary).then([]);
  });

  it('MEETING-CASE-NOT-READY: a case still in preparation, or already on the agenda, is refused', () => {
    given(meetingDecider, convened).when({ type: 'AddAgendaItem', itemId: 'item-1', case: { ...readyCase, status: 'in_preparation' } }, asSecretary).thenRefuses(R.MEETING_CASE_NOT_READY);
    given(meetingDecider, convened, itemAdded()).when({ type: 'AddAgendaItem', itemId: 'item-2', case: readyCase }, asSecretary).thenRefuses(R.MEETING_CASE_NOT_READY);
  });

  it('MEETING-CASE-NOT-READY: a case reserved for this very item (the case is written first) is taken; one on another agenda is not', () => {
    const reservedHere = { ...readyCase, status: 'on_agenda', agenda: { meetingId: MEETING_ID, itemId: 'item-1' } };
    given(meetingDecider, convened)
      .when({ type: 'AddAgendaItem', itemId: 'item-1', case: reservedHere }, asSecretary)
      .then([{ type: 'AgendaItemAdded', data: { itemId: 'item-1', caseId: 'case-1', diaryNumber: 'RS 2022-00123', title: readyCase.title, addedAt: duringMeeting.toISOString() } }]);
    const elsewhere = { ...reservedHere, agenda: { meetingId: 'meeting-2', itemId: 'item-9' } };
    given(meetingDecider, convened).when({ type: 'AddAgendaItem', itemId: 'item-1', case: elsewhere }, asSecretary).thenRefuses(R.MEETING_CASE_NOT_READY);
  });

  it("NOT-FOUND: another organisation's case cannot be put on the agenda", () => {
    given(meetingDecider, convened).when({ type: 'AddAgendaItem', itemId: 'item-1', case: { ...readyCase, organisationId: 'goteborgs-stad' } }, asSecretary).thenRefuses('NOT-FOUND');
  });

  it('MEETING-CLOSED: nothing is added to a closed meeting', () => {
    given(meetingDecider, convened, closed).when({ type: 'AddAgendaItem', itemId: 'item-1', case: readyCase }, asSecretary).thenRefuses(R.MEETING_CLOSED);
  });

  it('records ordinary members and a deputy serving for an absent one', () => {
    const present = [
      { userId: 'eva.ordforande', servingFor: null },
      { userId: 'nils.ersattare', servingFor: 'karin.ledamot' },
    ];
    given(meetingDecider, convened).when({ type: 'RecordAttendance', present }, asSecretary).then([{ type: 'AttendanceRecorded', data: { present, recordedAt: duringMeeting.toISOString() } }]);
  });

  it('MEETING-NOT-STARTED: attendance, decisions and reports are not recorded before the meeting starts', () => {
    const before = { actor: committeeSecretary, now: new Date('2022-03-22T12:59:00Z') };
    const present = [{ userId: 'eva.ordforande', servingFor: null }];
    given(meetingDecider, convened).when({ type: 'RecordAttendance', present }, before).thenRefuses(R.MEETING_NOT_STARTED);
    given(meetingDecider, convened, itemAdded(), threePresent).when(decide(), before).thenRefuses(R.MEETING_NOT_STARTED);
    const register = [delegatedDecision('dd-1')];
    given(meetingDecider, convened, threePresent).when({ type: 'ReportDelegatedDecisions', decisionIds: ['dd-1'], register }, before).thenRefuses(R.MEETING_NOT_STARTED);
    // from the minute it starts
    given(meetingDecider, convened).when({ type: 'RecordAttendance', present }, { actor: committeeSecretary, now: new Date(STARTS_AT) }).then([
      { type: 'AttendanceRecorded', data: { present, recordedAt: STARTS_AT } },
    ]);
  });

  it('MEETING-ATTENDANCE: strangers, deputies for present members, two deputies for one seat are refused', () => {
    const refused = (present: Array<{ userId: string; servingFor: string | null }>) =>
      given(meetingDecider, convened).when({ type: 'RecordAttendance', present }, asSecretary).thenRefuses(R.MEETING_ATTENDANCE);
    refused([{ userId: 'okand.person', servingFor: null }]);
    refused([{ userId: 'lars.ledamot', servingFor: 'karin.ledamot' }]);
    refused([
      { userId: 'karin.ledamot', servingFor: null },
      { userId: 'nils.ersattare', servingFor: 'karin.ledamot' },
    ]);
    refused([
      { userId: 'nils.ersattare', servingFor: 'karin.ledamot' },
      { userId: 'greta.ersattare', servingFor: 'karin.ledamot' },
    ]);
  });
});

describe('meeting decider: reservations, reports, closing', () => {
  const decidedItem = [convened, itemAdded(), threePresent, decided(14)];
  const reserve = (userId: string): MeetingCommand => ({ type: 'EnterReservation', itemId: 'item-1', userId, reason: 'Till förmån för eget förslag' });

  it('a participant enters a reservation before the meeting closes', () => {
    given(meetingDecider, ...decidedItem)
      .when(reserve('lars.ledamot'), asSecretary)
      .then([{ type: 'ReservationEntered', data: { itemId: 'item-1', userId: 'lars.ledamot', reason: 'Till förmån för eget förslag', enteredAt: duringMeeting.toISOString() } }]);
  });

  it('MEETING-RESERVATION: only participants, only before closing, only once', () => {
    given(meetingDecider, ...decidedItem).when(reserve('olof.ledamot'), asSecretary).thenRefuses(R.MEETING_RESERVATION);
    given(meetingDecider, ...decidedItem, closed).when(reserve('lars.ledamot'), asSecretary).thenRefuses(R.MEETING_RESERVATION);
    given(meetingDecider, ...decidedItem, reservation('lars.ledamot')).when(reserve('lars.ledamot'), asSecretary).thenRefuses(R.MEETING_RESERVATION);
  });

  it('MEETING-RESERVATION: no reservation once the paragraph was adjusted on its own (omedelbar justering)', () => {
    const paragraphAdjusted: MeetingEvent = { type: 'ParagraphAdjusted', data: { itemId: 'item-1', paragraph: 14, adjustedOn: '2022-03-22', noticeDueBy: '2022-03-24' } };
    given(meetingDecider, ...decidedItem, paragraphAdjusted).when(reserve('lars.ledamot'), asSecretary).thenRefuses(R.MEETING_RESERVATION);
  });

  it('MEETING-RESERVATION-REASONS: written reasons are accepted until the protocol is adjusted', () => {
    const give: MeetingCommand = { type: 'GiveReservationReasons', itemId: 'item-1', userId: 'lars.ledamot', text: 'Fördelningen gynnar inte ambulanssjukvården.' };
    const history = [...decidedItem, reservation('lars.ledamot'), closed];
    given(meetingDecider, ...history).when(give, asSecretary).then([{ type: 'ReservationReasonsGiven', data: { itemId: 'item-1', userId: 'lars.ledamot', text: give.text, givenAt: duringMeeting.toISOString() } }]);
    const adjustedHistory: typeof history = [...history, { type: 'ProtocolAdjusted', data: { adjustedOn: '2022-03-24', noticeDueBy: '2022-03-28' } }];
    given(meetingDecider, ...adjustedHistory).when(give, asSecretary).thenRefuses(R.MEETING_RESERVATION_REASONS);
  });

  it('KL-6-40: reports unreported decisions of the register as the next paragraph', () => {
    const register = [delegatedDecision('dd-1'), delegatedDecision('dd-2')];
    given(meetingDecider, ...decidedItem)
      .when({ type: 'ReportDelegatedDecisions', decisionIds: ['dd-1', 'dd-2'], register }, asSecretary)
      .then([
        {
          type: 'DelegatedDecisionsReported',
          data: {
            paragraph: 15,
            title: 'Anmälan av delegationsbeslut',
            decisionIds: ['dd-1', 'dd-2'],
            decisions: register.map(({ delegatedDecisionId, kind, summary, amountOre, decidedAt, decidedBy }) => ({ delegatedDecisionId, kind, summary, amountOre, decidedAt, decidedBy })),
            reportedOn: '2022-03-22',
            reportedAt: duringMeeting.toISOString(),
          },
        },
      ]);
  });

  it('KL-6-40: an unknown or already reported decision is refused; a retried report changes nothing', () => {
    const reportedElsewhere = delegatedDecision('dd-9', { meetingId: 'meeting-0', paragraph: 3, reportedOn: '2022-02-15' });
    const register = [delegatedDecision('dd-1'), reportedElsewhere];
    const report = (decisionIds: string[]): MeetingCommand => ({ type: 'ReportDelegatedDecisions', decisionIds, register });
    given(meetingDecider, convened, threePresent).when(report(['dd-9']), asSecretary).thenRefuses(DelegationRules.KL_6_40);
    given(meetingDecider, convened, threePresent).when(report(['dd-404']), asSecretary).thenRefuses(DelegationRules.KL_6_40);
    const [done] = meetingDecider.decide(report(['dd-1']), given(meetingDecider, convened, threePresent).state, asSecretary);
    given(meetingDecider, convened, threePresent, done).when(report(['dd-1']), asSecretary).then([]);
    // the register has not caught up yet, but this meeting already reported it
    given(meetingDecider, convened, threePresent, done).when(report(['dd-1', 'dd-404']), asSecretary).thenRefuses(DelegationRules.KL_6_40);
  });

  it('KL-6-40: the register comes as this report sees it — its own hold is its to report, another report’s hold for this meeting is refused', () => {
    // DelegationRegister.decisionsFor shows this report's own hold as unreported
    const ownHold = delegatedDecision('dd-1');
    const report: MeetingCommand = { type: 'ReportDelegatedDecisions', decisionIds: ['dd-1'], register: [ownHold] };
    const [event] = meetingDecider.decide(report, given(meetingDecider, convened, threePresent).state, asSecretary);
    expect(event).toMatchObject({ type: 'DelegatedDecisionsReported', data: { paragraph: 14, decisionIds: ['dd-1'] } });
    const heldByAnotherHere = delegatedDecision('dd-1', { meetingId: 'meeting-1', paragraph: 14, reportedOn: '2022-03-22' });
    given(meetingDecider, convened, threePresent).when({ ...report, register: [heldByAnotherHere] }, asSecretary).thenRefuses(DelegationRules.KL_6_40);
    const heldElsewhere = delegatedDecision('dd-1', { meetingId: 'meeting-0', paragraph: 3, reportedOn: '2022-03-22' });
    given(meetingDecider, convened, threePresent).when({ ...report, register: [heldElsewhere] }, asSecretary).thenRefuses(DelegationRules.KL_6_40);
  });

  it('KL-6-40: a decision taken after the day of the meeting cannot be reported at it', () => {
    const nextDay = { ...delegatedDecision('dd-2'), decidedAt: '2022-03-22T23:30:00.000Z' }; // 00:30 on 23 March in Stockholm
    const sameDay = { ...delegatedDecision('dd-3'), decidedAt: '2022-03-22T13:30:00.000Z' };
    const report = (decisionIds: string[]): MeetingCommand => ({ type: 'ReportDelegatedDecisions', decisionIds, register: [delegatedDecision('dd-1'), nextDay, sameDay] });
    given(meetingDecider, convened, threePresent).when(report(['dd-1', 'dd-2']), asSecretary).thenRefuses(DelegationRules.KL_6_40);
    const [event] = meetingDecider.decide(report(['dd-1', 'dd-3']), given(meetingDecider, convened, threePresent).state, asSecretary);
    expect(event).toMatchObject({ type: 'DelegatedDecisionsReported', data: { decisionIds: ['dd-1', 'dd-3'] } });
  });

  it('KL-6-27: the body takes note of delegated decisions only with a quorum', () => {
    const report: MeetingCommand = { type: 'ReportDelegatedDecisions', decisionIds: ['dd-1'], register: [delegatedDecision('dd-1')] };
    given(meetingDecider, convened).when(report, asSecretary).thenRefuses(R.KL_6_27);
    given(meetingDecider, convened, attendance('eva.ordforande', 'lars.ledamot')).when(report, asSecretary).thenRefuses(R.KL_6_27);
  });

  it('MEETING-ITEM-UNDECIDED: a meeting closes only when every item is dealt with', () => {
    given(meetingDecider, convened, itemAdded()).when({ type: 'CloseMeeting' }, asSecretary).thenRefuses(R.MEETING_ITEM_UNDECIDED);
    given(meetingDecider, ...decidedItem).when({ type: 'CloseMeeting' }, asSecretary).then([{ type: 'MeetingClosed', data: { closedAt: duringMeeting.toISOString() } }]);
  });

  it('MEETING-CLOSED: a meeting closes once; the close retried changes nothing', () => {
    given(meetingDecider, ...decidedItem, closed).when({ type: 'CloseMeeting' }, asSecretary).then([]);
    given(meetingDecider, ...decidedItem, closed).when({ type: 'RecordAttendance', present: [] }, asSecretary).thenRefuses(R.MEETING_CLOSED);
  });
});
