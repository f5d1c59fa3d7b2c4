import { swedishDate } from '../calendar/swedish-calendar';
import { checkReportable } from '../delegations/delegation.rules';
import { MeetingCommandOf } from './meeting.commands';
import { MeetingEvent } from './meeting.events';
import { requireOpen, requireStarted } from './meeting.items';
import { adjustmentOf } from './meeting.protocol';
import { refuse } from './meeting.rules';
import { Convened, DelegatedDecisionReport, hasQuorum, ordinarySeats, requireItem, servingMembers } from './meeting.state';

export const REPORT_TITLE = 'Anmälan av delegationsbeslut';

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id));

/** The paragraph of this meeting that reported exactly these decisions, if one did. */
export const reportOf = (state: Convened, decisionIds: string[]): DelegatedDecisionReport | undefined =>
  state.reports.find((r) => sameSet(r.decisionIds, decisionIds));

export function enterReservation(c: MeetingCommandOf<'EnterReservation'>, state: Convened, at: string): MeetingEvent[] {
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
  // an immediately adjusted paragraph is final: the protocol of it is signed, nothing is added to it
  if (adjustmentOf(state, item) !== null) {
    throw refuse.reservation('Paragrafen är redan justerad; reservation anmäls före justeringen.', 'The paragraph is already adjusted; a reservation is entered before the adjustment.', c.userId);
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

export function giveReasons(c: MeetingCommandOf<'GiveReservationReasons'>, state: Convened, at: string): MeetingEvent[] {
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

/** KL 6:40: the body takes note of delegated (and urgent) decisions as a paragraph of its own. */
export function report(c: MeetingCommandOf<'ReportDelegatedDecisions'>, state: Convened, now: Date): MeetingEvent[] {
  // a retry finds its paragraph (and the handler then marks the register)
  if (reportOf(state, c.decisionIds)) return [];
  requireOpen(state);
  requireStarted(state, now);
  // KL-6-27: taking note is done by the body, so the body must be able to act
  const serving = servingMembers(state).length;
  const seats = ordinarySeats(state);
  if (!hasQuorum(serving, seats)) throw refuse.noQuorum(serving, seats);
  // what this meeting already reported counts as reported even before the register has caught up.
  // The register comes as this report sees it (DelegationRegister.decisionsFor): what it holds
  // itself is unreported, so only those can be reported here; another report's hold, even for
  // this meeting, is reported and refused — that report writes its own paragraph
  const here = new Set(state.reports.flatMap((r) => r.decisionIds));
  const register = c.register.map((d) =>
    here.has(d.delegatedDecisionId) && !d.reported ? { ...d, reported: { meetingId: state.meetingId, paragraph: 0, reportedOn: state.date } } : d,
  );
  // KL-6-40 lives in the delegation rules: the one place that says what can be reported
  const reported = checkReportable(state.bodyId, register, c.decisionIds);
  // KL-6-40: only what was decided by the day of the meeting can be reported at it
  const later = reported.filter((d) => swedishDate(new Date(d.decidedAt)) > state.date).map((d) => d.delegatedDecisionId);
  if (later.length > 0) throw refuse.reportedAfterMeeting(later, state.date);
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
        reportedAt: now.toISOString(),
      },
    },
  ];
}
