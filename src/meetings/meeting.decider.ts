import { swedishDate } from '../calendar/swedish-calendar';
import { checkReportable } from '../delegations/delegation.rules';
import { Actor } from '../platform/actor';
import { Decider } from '../platform/decider';
import { NotFound } from '../platform/errors';
import { MeetingCommand, MeetingCommandOf } from './meeting.commands';
import { MeetingEvent } from './meeting.events';
import { decideProtocol, isProtocolCommand } from './meeting.protocol';
import { refuse } from './meeting.rules';
import { Convened, evolveMeeting, findItem, hasQuorum, MeetingState, ordinarySeats, participantsOf, requireItem } from './meeting.state';

export type { MeetingState } from './meeting.state';

export const MEETING = { sv: 'Sammanträdet', en: 'The meeting' };
const CASE = { sv: 'Ärendet', en: 'The case' };

export const REPORT_TITLE = 'Anmälan av delegationsbeslut';

export const meetingStreamId = (meetingId: string) => `meeting-${meetingId}`;

/**
 * A meeting (sammanträde) of a body: convening with a snapshot of its members, the agenda,
 * attendance, conflicts of interest, decisions with § numbers, reservations and reports of
 * delegated decisions; the protocol's adjustment, notice and appeals are in meeting.protocol.ts.
 */
export const meetingDecider: Decider<MeetingCommand, MeetingEvent, MeetingState> = {
  name: 'meeting',
  initialState: { status: 'none' },
  evolve: evolveMeeting,

  decide(command, state, { actor, now }) {
    const at = now.toISOString();
    if (command.type === 'ConveneMeeting') return convene(command, state, actor, at);
    // another organisation's meeting is answered as missing: its existence is not ours to tell
    if (state.status === 'none' || state.organisationId !== actor.organisationId) throw new NotFound(MEETING, {});
    if (isProtocolCommand(command)) return decideProtocol(command, state, { actor, now });
    // MEETING-SECRETARY-ROLE: signatures aside (they are personal), the secretary records everything
    if (actor.role !== 'committee_secretary') throw refuse.notSecretary(actor.role);
    switch (command.type) {
      case 'AddAgendaItem':
        return addItem(command, state, at);
      case 'RecordAttendance':
        return recordAttendance(command, state, at);
      case 'DeclareConflictOfInterest':
        return declareConflict(command, state, at);
      case 'DecideItem':
        return decideItem(command, state, at);
      case 'EnterReservation':
        return enterReservation(command, state, at);
      case 'GiveReservationReasons':
        return giveReasons(command, state, at);
      case 'ReportDelegatedDecisions':
        return report(command, state, at);
      case 'CloseMeeting':
        requireOpen(state);
        // MEETING-ITEM-UNDECIDED: every item is dealt with, if only by postponing it
        for (const item of state.items) if (!item.decision) throw refuse.itemUndecided(item.itemId);
        return [{ type: 'MeetingClosed', data: { closedAt: at } }];
    }
  },
};

function requireOpen(state: Convened): void {
  // MEETING-CLOSED
  if (state.status === 'closed') throw refuse.closed();
}

function convene(c: MeetingCommandOf<'ConveneMeeting'>, state: MeetingState, actor: Actor, at: string): MeetingEvent[] {
  if (actor.role !== 'committee_secretary') throw refuse.notSecretary(actor.role);
  if (state.status !== 'none') {
    // MEETING-ALREADY-CONVENED, unless it is the same convening retried
    const same = state.bodyId === c.body.bodyId && state.startsAt === c.startsAt && state.place === c.place;
    if (same && state.organisationId === actor.organisationId) return [];
    throw refuse.alreadyConvened(c.meetingId);
  }
  const { body } = c;
  // MEETING-CHAIR-REQUIRED
  if (!body.chairUserId) throw refuse.noChair(body.bodyId);
  // MEETING-ADJUSTERS
  const adjusters = c.adjusterUserIds;
  if (adjusters.length === 0) throw refuse.adjusters('Utse minst en justerare.', 'Appoint at least one adjuster.', adjusters);
  if (new Set(adjusters).size !== adjusters.length || adjusters.includes(body.chairUserId)) {
    throw refuse.adjusters('Justerarna ska vara olika personer och inte ordföranden.', 'Adjusters must be different people, not the chair.', adjusters);
  }
  const memberIds = new Set(body.members.map((m) => m.userId));
  if (adjusters.some((u) => !memberIds.has(u))) {
    throw refuse.adjusters('Justerarna ska vara ledamöter eller ersättare i nämnden.', 'Adjusters must be members of the body.', adjusters);
  }
  return [
    {
      type: 'MeetingConvened',
      data: {
        meetingId: c.meetingId,
        organisationId: actor.organisationId,
        bodyId: body.bodyId,
        bodyName: body.name,
        startsAt: c.startsAt,
        date: swedishDate(new Date(c.startsAt)),
        place: c.place,
        firstParagraph: c.firstParagraph,
        members: body.members.map(({ userId, name, seat }) => ({ userId, name, seat })),
        chairUserId: body.chairUserId,
        adjusterUserIds: adjusters,
        convenedAt: at,
      },
    },
  ];
}

function addItem(c: MeetingCommandOf<'AddAgendaItem'>, state: Convened, at: string): MeetingEvent[] {
  const existing = findItem(state, c.itemId);
  // a retry finds its item (and the handler then completes the case's side)
  if (existing && existing.caseId === c.case?.caseId) return [];
  requireOpen(state);
  const found = c.case;
  if (!found || found.organisationId !== state.organisationId) throw new NotFound(CASE, { caseId: found?.caseId });
  // MEETING-CASE-NOT-READY
  const details = { caseId: found.caseId, status: found.status };
  if (existing || state.items.some((i) => i.caseId === found.caseId)) {
    throw refuse.caseNotReady('Ärendet står redan på föredragningslistan.', 'The case is already on the agenda.', details);
  }
  if (found.status !== 'ready_for_agenda') {
    throw refuse.caseNotReady(
      `Ärendet är inte klart för föredragningslistan (status ${found.status}).`,
      `The case is not ready for the agenda (status ${found.status}).`,
      details,
    );
  }
  return [{ type: 'AgendaItemAdded', data: { itemId: c.itemId, caseId: found.caseId, diaryNumber: found.diaryNumber, title: found.title, addedAt: at } }];
}

function recordAttendance(c: MeetingCommandOf<'RecordAttendance'>, state: Convened, at: string): MeetingEvent[] {
  requireOpen(state);
  // MEETING-ATTENDANCE
  const seatOf = new Map(state.members.map((m) => [m.userId, m.seat]));
  const ids = c.present.map((p) => p.userId);
  const bad = (sv: string, en: string, userId: string) => refuse.attendance(sv, en, { userId });
  if (new Set(ids).size !== ids.length) throw bad('Varje närvarande anges en gång.', 'Each person present is listed once.', '');
  const servedFor = new Set<string>();
  for (const p of c.present) {
    const seat = seatOf.get(p.userId);
    if (!seat) throw bad(`${p.userId} är inte ledamot eller ersättare i nämnden.`, `${p.userId} is not a member of the body.`, p.userId);
    if (p.servingFor === null) continue;
    if (seat === 'ordinary') throw bad('En ordinarie ledamot tjänstgör på sin egen plats.', 'An ordinary member serves in their own seat.', p.userId);
    const absent = seatOf.get(p.servingFor) === 'ordinary' && !c.present.some((q) => q.userId === p.servingFor);
    if (!absent || servedFor.has(p.servingFor)) {
      throw bad(
        'En ersättare tjänstgör för en frånvarande ordinarie ledamot, en ersättare per plats.',
        'A deputy serves for an absent ordinary member, one deputy per seat.',
        p.userId,
      );
    }
    servedFor.add(p.servingFor);
  }
  if (JSON.stringify(c.present) === JSON.stringify(state.attendance)) return [];
  return [{ type: 'AttendanceRecorded', data: { present: c.present, recordedAt: at } }];
}

function declareConflict(c: MeetingCommandOf<'DeclareConflictOfInterest'>, state: Convened, at: string): MeetingEvent[] {
  requireOpen(state);
  const item = requireItem(state, c.itemId);
  if (item.conflicts.some((x) => x.userId === c.userId)) return [];
  // MEETING-ITEM-DECIDED: who took part is fixed once the item is decided
  if (item.decision) throw refuse.itemDecided(item.decision.paragraph);
  // KL-6-28
  if (!state.members.some((m) => m.userId === c.userId)) {
    throw refuse.conflict('Jäv anmäls för en ledamot eller ersättare i nämnden.', 'A conflict of interest is declared for a member of the body.', c.userId);
  }
  return [{ type: 'ConflictOfInterestDeclared', data: { itemId: c.itemId, userId: c.userId, reason: c.reason, declaredAt: at } }];
}

function decideItem(c: MeetingCommandOf<'DecideItem'>, state: Convened, at: string): MeetingEvent[] {
  const item = requireItem(state, c.itemId);
  const { type: _type, itemId: _itemId, ...content } = c;
  if (item.decision) {
    // a retry finds its decision (and the handler then completes the case's side)
    if (sameDecision(item.decision, content)) return [];
    throw refuse.itemDecided(item.decision.paragraph);
  }
  requireOpen(state);
  checkDecisionText(c);
  const participants = participantsOf(state, item);
  const seats = ordinarySeats(state);
  // KL-6-27, counted after those with a conflict of interest (KL-6-28) are set aside
  if (!hasQuorum(participants.length, seats)) throw refuse.noQuorum(participants.length, seats);
  if (c.votes) {
    // MEETING-VOTES
    const counted = c.votes.yes + c.votes.no + c.votes.abstained;
    if (counted > participants.length) throw refuse.votes(counted, participants.length);
  }
  return [
    {
      type: 'ItemDecided',
      data: { itemId: item.itemId, caseId: item.caseId, paragraph: state.nextParagraph, ...content, participants, ordinarySeats: seats, decidedAt: at },
    },
  ];
}

type DecisionContent = Omit<MeetingCommandOf<'DecideItem'>, 'type' | 'itemId'>;

function sameDecision(a: DecisionContent, b: DecisionContent): boolean {
  const votes = (v: DecisionContent['votes']) => (v ? `${v.yes}/${v.no}/${v.abstained}` : null);
  return (
    a.outcome === b.outcome &&
    a.amendments === b.amendments &&
    a.completionRequired === b.completionRequired &&
    a.postponedToMeetingId === b.postponedToMeetingId &&
    votes(a.votes) === votes(b.votes)
  );
}

/** MEETING-DECISION-TEXT: each outcome carries the text it needs and no other. */
function checkDecisionText(c: MeetingCommandOf<'DecideItem'>): void {
  const { outcome } = c;
  const has = (text: string | null) => text !== null && text.trim() !== '';
  if ((outcome === 'approved_with_amendments') !== has(c.amendments)) {
    throw refuse.decisionText('Ändringar anges för, och endast för, bifall med ändringar.', 'Amendments are given with, and only with, approved_with_amendments.', outcome);
  }
  if ((outcome === 'referred_back') !== has(c.completionRequired)) {
    throw refuse.decisionText('Vid återremiss anges vad som ska kompletteras (och bara då).', 'A referral back says what is to be completed (and only it does).', outcome);
  }
  if (outcome !== 'postponed' && c.postponedToMeetingId !== null) {
    throw refuse.decisionText('Endast en bordläggning hänvisar till ett senare sammanträde.', 'Only a postponement points to a later meeting.', outcome);
  }
}

function enterReservation(c: MeetingCommandOf<'EnterReservation'>, state: Convened, at: string): MeetingEvent[] {
  const item = requireItem(state, c.itemId);
  const existing = item.reservations.find((r) => r.userId === c.userId);
  // MEETING-RESERVATION
  if (existing) {
    if (existing.reason === c.reason) return [];
    throw refuse.reservation('Reservationen är redan anmäld; skriftlig motivering lämnas separat.', 'The reservation is already entered; written reasons are given separately.', c.userId);
  }
  if (!item.decision) throw refuse.itemUndecided(item.itemId);
  if (state.status === 'closed') {
    throw refuse.reservation('Reservation anmäls innan sammanträdet avslutas.', 'A reservation is entered before the meeting closes.', c.userId);
  }
  // KL-6-28: a member with a conflict of interest took no part, so has nothing to dissent from
  if (item.conflicts.some((x) => x.userId === c.userId)) {
    throw refuse.conflict('En jävig ledamot deltar inte i ärendet och kan inte reservera sig.', 'A member with a conflict of interest takes no part and cannot dissent.', c.userId);
  }
  if (!item.decision.participants.includes(c.userId)) {
    throw refuse.reservation('Endast den som deltog i beslutet kan reservera sig.', 'Only someone who took part in the decision can enter a reservation.', c.userId);
  }
  return [{ type: 'ReservationEntered', data: { itemId: item.itemId, userId: c.userId, reason: c.reason, enteredAt: at } }];
}

function giveReasons(c: MeetingCommandOf<'GiveReservationReasons'>, state: Convened, at: string): MeetingEvent[] {
  const item = requireItem(state, c.itemId);
  const reservation = item.reservations.find((r) => r.userId === c.userId);
  // MEETING-RESERVATION
  if (!reservation) throw refuse.reservation('Det finns ingen reservation att motivera.', 'There is no reservation to give reasons for.', c.userId);
  if (reservation.writtenReasons?.text === c.text) return [];
  // MEETING-RESERVATION-REASONS
  const adjustedOn = item.immediate.adjustedOn ?? state.protocol.adjustedOn;
  if (adjustedOn !== null) throw refuse.reservationReasonsLate(c.userId, adjustedOn);
  return [{ type: 'ReservationReasonsGiven', data: { itemId: item.itemId, userId: c.userId, text: c.text, givenAt: at } }];
}

function report(c: MeetingCommandOf<'ReportDelegatedDecisions'>, state: Convened, at: string): MeetingEvent[] {
  const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id));
  // a retry finds its paragraph (and the handler then marks the register)
  if (state.reports.some((r) => sameSet(r.decisionIds, c.decisionIds))) return [];
  requireOpen(state);
  // what this meeting already reported counts as reported even before the register has caught up
  const here = new Set(state.reports.flatMap((r) => r.decisionIds));
  const register = c.register.map((d) =>
    here.has(d.delegatedDecisionId) && d.reported === null ? { ...d, reported: { meetingId: state.meetingId, paragraph: 0, reportedOn: state.date } } : d,
  );
  // KL-6-40 lives in the delegation rules: the one place that says what can be reported
  const reported = checkReportable(state.bodyId, register, c.decisionIds);
  return [
    {
      type: 'DelegatedDecisionsReported',
      data: {
        paragraph: state.nextParagraph,
        title: REPORT_TITLE,
        decisionIds: c.decisionIds,
        decisions: reported.map(({ delegatedDecisionId, kind, summary, amountOre, decidedAt, decidedBy }) => ({
          delegatedDecisionId,
          kind,
          summary,
          amountOre,
          decidedAt,
          decidedBy,
        })),
        reportedOn: state.date,
        reportedAt: at,
      },
    },
  ];
}
