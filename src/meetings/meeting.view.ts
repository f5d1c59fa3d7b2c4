import { adjustmentOf, appealWindow, legalForceOf, noticeOf } from './meeting.protocol';
import { AgendaItem, Convened, hasQuorum, latestRuling, ordinarySeats, participantsOf, servingMembers, signatoriesOf } from './meeting.state';
import { MeetingView } from './meetings.view.dto';

type ItemView = MeetingView['items'][number];

const quorum = (serving: number, seats: number) => ({ ordinarySeats: seats, serving, required: Math.floor(seats / 2) + 1, quorate: hasQuorum(serving, seats) });

function itemView(state: Convened, item: AgendaItem, today: string): ItemView {
  const d = item.decision;
  // a paragraph being adjusted on its own shows its own signatures, even before the last one
  const own = item.immediate.adjustedOn !== null || (item.immediate.signatures.length > 0 && state.protocol.adjustedOn === null);
  const source = own ? item.immediate : adjustmentOf(state, item);
  const notice = source ? noticeOf(state, item) : null;
  const legalForce = legalForceOf(state, item, today);
  return {
    itemId: item.itemId,
    caseId: item.caseId,
    diaryNumber: item.diaryNumber,
    title: item.title,
    struck: item.struck,
    conflicts: item.conflicts,
    quorum: d ? quorum(d.participants.length, d.ordinarySeats) : quorum(participantsOf(state, item).length, ordinarySeats(state)),
    participants: d?.participants ?? null,
    paragraph: d?.paragraph ?? null,
    outcome: d?.outcome ?? null,
    amendments: d?.amendments ?? null,
    completionRequired: d?.completionRequired ?? null,
    postponedToMeetingId: d?.postponedToMeetingId ?? null,
    votes: d?.votes ?? null,
    reservations: item.reservations.map((r) => ({ userId: r.userId, reason: r.reason, enteredAt: r.enteredAt, writtenReasons: r.writtenReasons?.text ?? null })),
    adjustment: source ? { immediate: own, signatures: source.signatures, adjustedOn: source.adjustedOn, noticeDueBy: source.noticeDueBy } : null,
    notice,
    appealEndsOn: legalForce.appealEndsOn,
    appealWindow: legalForce.appealEndsOn !== null && notice ? appealWindow(notice.postedOn) : null,
    appeal: item.appeals.length > 0 ? { appeals: item.appeals, rulings: item.rulings, ruling: latestRuling(item) } : null,
    legalForce: { status: legalForce.status, legalForceOn: legalForce.legalForceOn, note: legalForce.note },
  };
}

/** The meeting as the secretary, the signatories and the auditors read it; legal force as of `today`. */
export function toMeetingView(state: Convened, revision: number, today: string): MeetingView {
  const seats = ordinarySeats(state);
  const signed = new Set(state.protocol.signatures.map((s) => s.userId));
  return {
    meetingId: state.meetingId,
    organisationId: state.organisationId,
    bodyId: state.bodyId,
    bodyName: state.bodyName,
    startsAt: state.startsAt,
    date: state.date,
    place: state.place,
    status: state.protocol.adjustedOn !== null ? 'adjusted' : state.status,
    cancellation: state.cancellation,
    firstParagraph: state.firstParagraph,
    members: state.members,
    chairUserId: state.chairUserId,
    adjusterUserIds: state.adjusterUserIds,
    attendance: { present: state.attendance, ...quorum(servingMembers(state).length, seats) },
    items: state.items.map((item) => itemView(state, item, today)),
    delegatedDecisionReports: state.reports,
    protocol: {
      signatures: state.protocol.signatures,
      awaitingSignatures: state.protocol.adjustedOn !== null ? [] : signatoriesOf(state).filter((u) => !signed.has(u)),
      adjustedOn: state.protocol.adjustedOn,
      noticeDueBy: state.protocol.noticeDueBy,
      noticePostedOn: state.protocol.notice?.postedOn ?? null,
      noticeOverdue: state.protocol.notice?.overdue ?? false,
    },
    revision,
  };
}
