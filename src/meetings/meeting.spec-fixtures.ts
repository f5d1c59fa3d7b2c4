import { DelegatedDecisionView } from '../delegations/mandate';
import { ItemOutcome } from './decision-authority';
import { ConveningBody, MeetingCommand } from './meeting.commands';
import { MeetingEvent } from './meeting.events';

/**
 * The regional board of seed 003 for the meeting decider specs: five ordinary seats (quorum: three
 * serving), two deputies; the chair and one adjuster sign. The meeting is on Tuesday 22 March 2022;
 * a notice on Friday 25 March makes the three weeks end on Good Friday, 15 April, so the appeal
 * window runs to Tuesday 19 April after Easter (LAG-1930-173).
 */
export const ORG = 'region-exempel';
export const MEETING_ID = 'meeting-1';
export const STARTS_AT = '2022-03-22T13:00:00.000Z';
export const duringMeeting = new Date('2022-03-22T14:00:00Z');

export const body: ConveningBody = {
  organisationId: ORG,
  bodyId: 'regionstyrelsen',
  name: 'Regionstyrelsen',
  chairUserId: 'eva.ordforande',
  members: [
    { userId: 'eva.ordforande', name: 'Eva Ordförande', seat: 'ordinary' },
    { userId: 'lars.ledamot', name: 'Lars Ledamot', seat: 'ordinary' },
    { userId: 'maria.justerare', name: 'Maria Justerare', seat: 'ordinary' },
    { userId: 'olof.ledamot', name: 'Olof Ledamot', seat: 'ordinary' },
    { userId: 'karin.ledamot', name: 'Karin Ledamot', seat: 'ordinary' },
    { userId: 'nils.ersattare', name: 'Nils Ersättare', seat: 'deputy' },
    { userId: 'greta.ersattare', name: 'Greta Ersättare', seat: 'deputy' },
  ],
};
export const adjuster = { userId: 'maria.justerare', role: 'case_officer' as const, organisationId: ORG };

export const convened: MeetingEvent = {
  type: 'MeetingConvened',
  data: {
    meetingId: MEETING_ID,
    organisationId: ORG,
    bodyId: body.bodyId,
    bodyName: body.name,
    startsAt: STARTS_AT,
    date: '2022-03-22',
    place: 'Regionens hus, sammanträdesrum Vättern',
    firstParagraph: 14,
    members: body.members,
    chairUserId: 'eva.ordforande',
    adjusterUserIds: ['maria.justerare'],
    convenedAt: '2022-03-01T09:00:00.000Z',
  },
};

export const itemAdded = (itemId = 'item-1', caseId = 'case-1', diaryNumber = 'RS 2022-00123'): MeetingEvent => ({
  type: 'AgendaItemAdded',
  data: { itemId, caseId, diaryNumber, title: 'Fördelning överenskommelse God och nära vård 2022', addedAt: '2022-03-10T09:00:00.000Z' },
});

export const attendance = (...present: Array<string | [string, string]>): MeetingEvent => ({
  type: 'AttendanceRecorded',
  data: {
    present: present.map((p) => (typeof p === 'string' ? { userId: p, servingFor: null } : { userId: p[0], servingFor: p[1] })),
    recordedAt: duringMeeting.toISOString(),
  },
});
/** the chair and two more ordinary members: exactly three of five seats */
export const threePresent = attendance('eva.ordforande', 'lars.ledamot', 'maria.justerare');

export const conflict = (userId: string, itemId = 'item-1', replacedBy: string | null = null): MeetingEvent => ({
  type: 'ConflictOfInterestDeclared',
  data: { itemId, userId, reason: 'Styrelseledamot i mottagande bolag', replacedBy, declaredAt: duringMeeting.toISOString() },
});

export const decided = (
  paragraph: number,
  outcome: ItemOutcome = 'approved',
  itemId = 'item-1',
  participants = ['eva.ordforande', 'lars.ledamot', 'maria.justerare'],
): MeetingEvent => ({
  type: 'ItemDecided',
  data: {
    itemId,
    caseId: itemId.replace('item', 'case'),
    paragraph,
    outcome,
    amendments: null,
    completionRequired: outcome === 'referred_back' ? 'Komplettera med konsekvensanalys för barn' : null,
    postponedToMeetingId: null,
    votes: null,
    participants,
    ordinarySeats: 5,
    decidedAt: duringMeeting.toISOString(),
  },
});

export const reservation = (userId: string, itemId = 'item-1'): MeetingEvent => ({
  type: 'ReservationEntered',
  data: { itemId, userId, reason: null, enteredAt: duringMeeting.toISOString() },
});

export const closed: MeetingEvent = { type: 'MeetingClosed', data: { closedAt: '2022-03-22T16:00:00.000Z' } };
export const signed = (userId: string): MeetingEvent => ({ type: 'ProtocolSigned', data: { userId, signedAt: '2022-03-24T10:00:00.000Z' } });
/** KL-8-12 moved by LAG-1930-173: two days after Thursday 24 March is Saturday 26, so the notice is due Monday 28 */
export const adjusted = (adjustedOn = '2022-03-24', noticeDueBy = '2022-03-28'): MeetingEvent => ({ type: 'ProtocolAdjusted', data: { adjustedOn, noticeDueBy } });
export const noticePosted = (postedOn = '2022-03-25', itemId: string | null = null, noticeDueBy = '2022-03-28'): MeetingEvent => ({
  type: 'AdjustmentNoticePosted',
  data: { itemId, postedOn, noticeDueBy, overdue: postedOn > noticeDueBy, recordedAt: `${postedOn}T08:00:00.000Z` },
});
export const appealLodged = (lodgedOn: string, itemId = 'item-1', appellant = 'Kalle Kommuninvånare'): MeetingEvent => ({
  type: 'AppealLodged',
  data: { itemId, lodgedOn, appellant, registeredAt: `${lodgedOn}T12:00:00.000Z` },
});
export const appealRuled = (ruledOn: string, outcome: 'dismissed' | 'annulled' = 'dismissed', itemId = 'item-1'): MeetingEvent => ({
  type: 'AppealRuled',
  data: { itemId, ruledOn, outcome, recordedAt: `${ruledOn}T12:00:00.000Z` },
});

/** The item's case as the case's stream has it while it is on this meeting's agenda as that item. */
export const caseOnAgenda = (itemId = 'item-1') => ({
  caseId: itemId.replace('item', 'case'),
  organisationId: ORG,
  diaryNumber: 'RS 2022-00123',
  title: 'Fördelning God och nära vård 2022',
  status: 'on_agenda',
  agenda: { meetingId: MEETING_ID, itemId },
});

/** decided, closed, adjusted on Thursday 24 March and announced on Friday 25 March */
export const announced: MeetingEvent[] = [
  convened,
  itemAdded(),
  threePresent,
  decided(14),
  closed,
  signed('eva.ordforande'),
  signed('maria.justerare'),
  adjusted(),
  noticePosted(),
];

export const delegatedDecision = (id: string, reported: DelegatedDecisionView['reported'] = null): DelegatedDecisionView => ({
  delegatedDecisionId: id,
  kind: 'delegated',
  organisationId: ORG,
  bodyId: 'regionstyrelsen',
  delegationId: 'delegation-1',
  delegationVersion: 1,
  decisionKind: 'decide_activities',
  summary: 'Aktivitet: Utbildning i personcentrerad vård',
  amountOre: 1_500_000_00,
  agreementId: 'agreement-1',
  decidedAt: '2022-03-02T10:00:00.000Z',
  decidedBy: 'anders.bystrom',
  reported,
});

export type DecideItem = Extract<MeetingCommand, { type: 'DecideItem' }>;
/** The secretary records an approval of item-1, its case on this agenda as that item. */
export const decide = (over: Partial<DecideItem> = {}): DecideItem => ({
  type: 'DecideItem',
  itemId: over.itemId ?? 'item-1',
  case: caseOnAgenda(over.itemId ?? 'item-1'),
  postponedTo: null,
  outcome: 'approved',
  amendments: null,
  completionRequired: null,
  postponedToMeetingId: null,
  votes: null,
  ...over,
});

export const declare = (userId: string, replacedBy: string | null = null): Extract<MeetingCommand, { type: 'DeclareConflictOfInterest' }> => ({
  type: 'DeclareConflictOfInterest',
  itemId: 'item-1',
  userId,
  reason: 'Styrelseledamot i mottagande bolag',
  replacedBy,
});
