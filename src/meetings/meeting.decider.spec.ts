import { chair, committeeSecretary, given } from '../../test/support/given';
import { DelegationRules } from '../delegations/delegation.rules';
import { MeetingCommand } from './meeting.commands';
import { meetingDecider } from './meeting.decider';
import { MeetingRules as R } from './meeting.rules';
import {
  attendance,
  body,
  closed,
  conflict,
  convened,
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
const decide = (over: Partial<Extract<MeetingCommand, { type: 'DecideItem' }>> = {}): MeetingCommand => ({
  type: 'DecideItem',
  itemId: 'item-1',
  outcome: 'approved',
  amendments: null,
  completionRequired: null,
  postponedToMeetingId: null,
  votes: null,
  ...over,
});

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

describe('meeting decider: quorum, conflicts of interest and decisions', () => {
  it('decides with three of five seats filled, with § numbers from firstParagraph, in decision order', () => {
    const history = [convened, itemAdded(), itemAdded('item-2', 'case-2', 'RS 2022-00124'), threePresent];
    given(meetingDecider, ...history).when(decide({ itemId: 'item-2' }), asSecretary).then([decided(14, 'approved', 'item-2')]);
    given(meetingDecider, ...history, decided(14, 'approved', 'item-2')).when(decide(), asSecretary).then([decided(15)]);
  });

  it('KL-6-27: no decision without more than half of the ordinary seats filled', () => {
    given(meetingDecider, convened, itemAdded(), attendance('eva.ordforande', 'lars.ledamot')).when(decide(), asSecretary).thenRefuses(R.KL_6_27);
  });

  it('KL-6-27: a serving deputy counts, a deputy who is not serving does not', () => {
    const serving = attendance('eva.ordforande', 'lars.ledamot', ['nils.ersattare', 'karin.ledamot']);
    given(meetingDecider, convened, itemAdded(), serving)
      .when(decide(), asSecretary)
      .then([decided(14, 'approved', 'item-1', ['eva.ordforande', 'lars.ledamot', 'nils.ersattare'])]);
    given(meetingDecider, convened, itemAdded(), attendance('eva.ordforande', 'lars.ledamot', 'nils.ersattare')).when(decide(), asSecretary).thenRefuses(R.KL_6_27);
  });

  it('KL-6-27: a member with a conflict of interest is not counted for that item (KL-6-28)', () => {
    given(meetingDecider, convened, itemAdded(), threePresent, conflict('lars.ledamot')).when(decide(), asSecretary).thenRefuses(R.KL_6_27);
  });

  it('KL-6-28: the member with a conflict of interest takes no part in the item', () => {
    const four = attendance('eva.ordforande', 'lars.ledamot', 'maria.justerare', 'olof.ledamot');
    given(meetingDecider, convened, itemAdded(), four, conflict('olof.ledamot')).when(decide(), asSecretary).then([decided(14)]);
  });

  it('KL-6-28: a conflicted member cannot enter a reservation; jäv is declared only for members', () => {
    const history = [convened, itemAdded(), attendance('eva.ordforande', 'lars.ledamot', 'maria.justerare', 'olof.ledamot'), conflict('olof.ledamot'), decided(14)];
    given(meetingDecider, ...history).when({ type: 'EnterReservation', itemId: 'item-1', userId: 'olof.ledamot', reason: null }, asSecretary).thenRefuses(R.KL_6_28);
    given(meetingDecider, convened, itemAdded())
      .when({ type: 'DeclareConflictOfInterest', itemId: 'item-1', userId: 'okand.person', reason: 'Jäv' }, asSecretary)
      .thenRefuses(R.KL_6_28);
  });

  it('records a declared conflict once; none can be declared after the decision (MEETING-ITEM-DECIDED)', () => {
    const declare: MeetingCommand = { type: 'DeclareConflictOfInterest', itemId: 'item-1', userId: 'lars.ledamot', reason: 'Styrelseledamot i mottagande bolag' };
    given(meetingDecider, convened, itemAdded()).when(declare, asSecretary).then([conflict('lars.ledamot')]);
    given(meetingDecider, convened, itemAdded(), conflict('lars.ledamot')).when(declare, asSecretary).then([]);
    given(meetingDecider, convened, itemAdded(), threePresent, decided(14)).when({ ...declare, userId: 'olof.ledamot' }, asSecretary).thenRefuses(R.MEETING_ITEM_DECIDED);
  });

  it('MEETING-ITEM-DECIDED: an item is decided once; the same decision retried changes nothing', () => {
    const history = [convened, itemAdded(), threePresent, decided(14)];
    given(meetingDecider, ...history).when(decide(), asSecretary).then([]);
    given(meetingDecider, ...history).when(decide({ outcome: 'rejected' }), asSecretary).thenRefuses(R.MEETING_ITEM_DECIDED);
  });

  it('MEETING-DECISION-TEXT: amendments, what to complete, and a later meeting go with their outcome', () => {
    const history = [convened, itemAdded(), threePresent];
    given(meetingDecider, ...history).when(decide({ outcome: 'approved_with_amendments' }), asSecretary).thenRefuses(R.MEETING_DECISION_TEXT);
    given(meetingDecider, ...history).when(decide({ outcome: 'referred_back' }), asSecretary).thenRefuses(R.MEETING_DECISION_TEXT);
    given(meetingDecider, ...history).when(decide({ amendments: 'Område 4 utökas' }), asSecretary).thenRefuses(R.MEETING_DECISION_TEXT);
    given(meetingDecider, ...history).when(decide({ postponedToMeetingId: 'meeting-2' }), asSecretary).thenRefuses(R.MEETING_DECISION_TEXT);
    const referred = given(meetingDecider, ...history).when(decide({ outcome: 'referred_back', completionRequired: 'Komplettera med konsekvensanalys för barn' }), asSecretary);
    referred.then([decided(14, 'referred_back')]);
  });

  it('MEETING-VOTES: no more votes than participants', () => {
    const history = [convened, itemAdded(), threePresent];
    given(meetingDecider, ...history).when(decide({ votes: { yes: 2, no: 1, abstained: 1 } }), asSecretary).thenRefuses(R.MEETING_VOTES);
  });

  it('MEETING-CLOSED: nothing is decided after the meeting closes', () => {
    given(meetingDecider, convened, itemAdded(), threePresent, closed).when(decide(), asSecretary).thenRefuses(R.MEETING_CLOSED);
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

  it('MEETING-RESERVATION-REASONS: written reasons are accepted until the protocol is adjusted', () => {
    const give: MeetingCommand = { type: 'GiveReservationReasons', itemId: 'item-1', userId: 'lars.ledamot', text: 'Fördelningen gynnar inte ambulanssjukvården.' };
    const history = [...decidedItem, reservation('lars.ledamot'), closed];
    given(meetingDecider, ...history).when(give, asSecretary).then([{ type: 'ReservationReasonsGiven', data: { itemId: 'item-1', userId: 'lars.ledamot', text: give.text, givenAt: duringMeeting.toISOString() } }]);
    const adjustedHistory: typeof history = [...history, { type: 'ProtocolAdjusted', data: { adjustedOn: '2022-03-24', noticeDueBy: '2022-03-26' } }];
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
    given(meetingDecider, convened).when(report(['dd-9']), asSecretary).thenRefuses(DelegationRules.KL_6_40);
    given(meetingDecider, convened).when(report(['dd-404']), asSecretary).thenRefuses(DelegationRules.KL_6_40);
    const [done] = meetingDecider.decide(report(['dd-1']), given(meetingDecider, convened).state, asSecretary);
    given(meetingDecider, convened, done).when(report(['dd-1']), asSecretary).then([]);
    // the register has not caught up yet, but this meeting already reported it
    given(meetingDecider, convened, done).when(report(['dd-1', 'dd-404']), asSecretary).thenRefuses(DelegationRules.KL_6_40);
  });

  it('MEETING-ITEM-UNDECIDED: a meeting closes only when every item is dealt with', () => {
    given(meetingDecider, convened, itemAdded()).when({ type: 'CloseMeeting' }, asSecretary).thenRefuses(R.MEETING_ITEM_UNDECIDED);
    given(meetingDecider, ...decidedItem).when({ type: 'CloseMeeting' }, asSecretary).then([{ type: 'MeetingClosed', data: { closedAt: duringMeeting.toISOString() } }]);
  });

  it('MEETING-CLOSED: a meeting closes once', () => {
    given(meetingDecider, ...decidedItem, closed).when({ type: 'CloseMeeting' }, asSecretary).thenRefuses(R.MEETING_CLOSED);
  });
});
