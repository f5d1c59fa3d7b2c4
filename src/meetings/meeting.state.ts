import { NotFound } from '../platform/errors';
import { Attendee, ItemDecided, MeetingConvened, MeetingEvent, MeetingMember, ReportedDecision } from './meeting.events';

export interface Signature {
  userId: string;
  signedAt: string;
}

export interface Notice {
  postedOn: string;
  overdue: boolean;
}

/** The adjustment of the whole protocol, or of one paragraph adjusted immediately. */
export interface Adjustment {
  signatures: Signature[];
  adjustedOn: string | null;
  noticeDueBy: string | null;
  notice: Notice | null;
}

/** The decision as the item keeps it: what `ItemDecided` recorded about it. */
export type ItemDecision = Omit<ItemDecided['data'], 'itemId' | 'caseId'>;

export interface Reservation {
  userId: string;
  reason: string | null;
  enteredAt: string;
  writtenReasons: { text: string; givenAt: string } | null;
}

export interface Conflict {
  userId: string;
  reason: string;
  /** the deputy who takes the member's place for this item only, or null */
  replacedBy: string | null;
}

export interface Appeal {
  lodgedOn: string;
  appellant: string;
  /** the ruling that decided it; null while it awaits one */
  ruledOn: string | null;
}

export interface Ruling {
  ruledOn: string;
  outcome: 'dismissed' | 'annulled';
}

export interface AgendaItem {
  itemId: string;
  caseId: string;
  diaryNumber: string;
  title: string;
  conflicts: Conflict[];
  decision: ItemDecision | null;
  reservations: Reservation[];
  /** omedelbar justering of this paragraph alone */
  immediate: Adjustment;
  /** in the order they were registered; a ruling decides those registered before it */
  appeals: Appeal[];
  rulings: Ruling[];
  /** ärendet utgår: not dealt with at this meeting (never together with a decision) */
  struck: { reason: string; struckAt: string } | null;
}

export interface DelegatedDecisionReport {
  paragraph: number;
  title: string;
  decisionIds: string[];
  decisions: ReportedDecision[];
  reportedOn: string;
}

export type Convened = Omit<MeetingConvened['data'], 'members'> & {
  status: 'open' | 'closed' | 'cancelled';
  cancellation: { reason: string; cancelledAt: string } | null;
  members: MeetingMember[];
  attendance: Attendee[];
  items: AgendaItem[];
  reports: DelegatedDecisionReport[];
  nextParagraph: number;
  closedAt: string | null;
  protocol: Adjustment;
};

export type MeetingState = { status: 'none' } | Convened;

const noAdjustment: Adjustment = { signatures: [], adjustedOn: null, noticeDueBy: null, notice: null };

const updateItem = (state: Convened, itemId: string, change: (item: AgendaItem) => AgendaItem): Convened => ({
  ...state,
  items: state.items.map((item) => (item.itemId === itemId ? change(item) : item)),
});

export function evolveMeeting(state: MeetingState, event: MeetingEvent): MeetingState {
  if (event.type === 'MeetingConvened') {
    return {
      ...event.data,
      status: 'open',
      attendance: [],
      items: [],
      reports: [],
      nextParagraph: event.data.firstParagraph,
      closedAt: null,
      cancellation: null,
      protocol: noAdjustment,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'AgendaItemAdded':
      return {
        ...state,
        items: [
          ...state.items,
          { ...event.data, conflicts: [], decision: null, reservations: [], immediate: noAdjustment, appeals: [], rulings: [], struck: null },
        ],
      };
    case 'AttendanceRecorded':
      return { ...state, attendance: event.data.present };
    case 'ConflictOfInterestDeclared': {
      const { userId, reason, replacedBy } = event.data;
      return updateItem(state, event.data.itemId, (i) => ({ ...i, conflicts: [...i.conflicts, { userId, reason, replacedBy: replacedBy ?? null }] }));
    }
    case 'ItemDecided': {
      const { itemId: _itemId, caseId: _caseId, ...decision } = event.data;
      return { ...updateItem(state, event.data.itemId, (i) => ({ ...i, decision })), nextParagraph: event.data.paragraph + 1 };
    }
    case 'ReservationEntered': {
      const { userId, reason, enteredAt } = event.data;
      return updateItem(state, event.data.itemId, (i) => ({ ...i, reservations: [...i.reservations, { userId, reason, enteredAt, writtenReasons: null }] }));
    }
    case 'ReservationReasonsGiven': {
      const { userId, text, givenAt } = event.data;
      return updateItem(state, event.data.itemId, (i) => ({
        ...i,
        reservations: i.reservations.map((res) => (res.userId === userId ? { ...res, writtenReasons: { text, givenAt } } : res)),
      }));
    }
    case 'DelegatedDecisionsReported': {
      const { reportedAt: _at, ...report } = event.data;
      return { ...state, reports: [...state.reports, report], nextParagraph: event.data.paragraph + 1 };
    }
    case 'MeetingClosed':
      return { ...state, status: 'closed', closedAt: event.data.closedAt };
    case 'ItemStruck': {
      const { reason, struckAt } = event.data;
      return updateItem(state, event.data.itemId, (i) => ({ ...i, struck: { reason, struckAt } }));
    }
    case 'MeetingCancelled':
      return { ...state, status: 'cancelled', cancellation: { ...event.data } };
    case 'AdjustersChanged':
      return { ...state, adjusterUserIds: event.data.adjusterUserIds };
    case 'ProtocolSigned':
      return { ...state, protocol: { ...state.protocol, signatures: [...state.protocol.signatures, { userId: event.data.userId, signedAt: event.data.signedAt }] } };
    case 'ProtocolAdjusted':
      return { ...state, protocol: { ...state.protocol, adjustedOn: event.data.adjustedOn, noticeDueBy: event.data.noticeDueBy } };
    case 'ParagraphSigned':
      return updateItem(state, event.data.itemId, (i) => ({
        ...i,
        immediate: { ...i.immediate, signatures: [...i.immediate.signatures, { userId: event.data.userId, signedAt: event.data.signedAt }] },
      }));
    case 'ParagraphAdjusted':
      return updateItem(state, event.data.itemId, (i) => ({
        ...i,
        immediate: { ...i.immediate, adjustedOn: event.data.adjustedOn, noticeDueBy: event.data.noticeDueBy },
      }));
    case 'AdjustmentNoticePosted': {
      const notice = { postedOn: event.data.postedOn, overdue: event.data.overdue };
      if (event.data.itemId === null) return { ...state, protocol: { ...state.protocol, notice } };
      return updateItem(state, event.data.itemId, (i) => ({ ...i, immediate: { ...i.immediate, notice } }));
    }
    case 'AppealLodged':
      return updateItem(state, event.data.itemId, (i) => ({
        ...i,
        appeals: [...i.appeals, { lodgedOn: event.data.lodgedOn, appellant: event.data.appellant, ruledOn: null }],
      }));
    case 'AppealRuled': {
      const ruling: Ruling = { ruledOn: event.data.ruledOn, outcome: event.data.outcome };
      return updateItem(state, event.data.itemId, (i) => ({
        ...i,
        appeals: i.appeals.map((a) => (a.ruledOn === null ? { ...a, ruledOn: ruling.ruledOn } : a)),
        rulings: [...i.rulings, ruling],
      }));
    }
  }
}

/** Serving members: ordinary members present in their own seat and deputies serving for an absent one. */
export function servingMembers(state: Convened): string[] {
  const seatOf = new Map(state.members.map((m) => [m.userId, m.seat]));
  return state.attendance
    .filter((a) => (seatOf.get(a.userId) === 'ordinary' && a.servingFor === null) || (seatOf.get(a.userId) === 'deputy' && a.servingFor !== null))
    .map((a) => a.userId);
}

export function ordinarySeats(state: Convened): number {
  return state.members.filter((m) => m.seat === 'ordinary').length;
}

/** Present deputies who serve for nobody: those who can replace a member with a conflict of interest. */
export function spareDeputies(state: Convened): string[] {
  const seatOf = new Map(state.members.map((m) => [m.userId, m.seat]));
  return state.attendance.filter((a) => seatOf.get(a.userId) === 'deputy' && a.servingFor === null).map((a) => a.userId);
}

/**
 * Who takes part in an item: serving members without a conflict of interest on it (KL-6-28), and
 * for a serving member with one, the spare deputy named to replace them (as long as both the
 * member is serving and the deputy present and spare, in the attendance as it now stands).
 */
export function participantsOf(state: Convened, item: AgendaItem): string[] {
  const conflicted = new Set(item.conflicts.map((c) => c.userId));
  const serving = servingMembers(state);
  const spare = new Set(spareDeputies(state));
  const replacements = item.conflicts.flatMap(({ userId, replacedBy }) =>
    replacedBy !== null && serving.includes(userId) && spare.has(replacedBy) && !conflicted.has(replacedBy) ? [replacedBy] : [],
  );
  return [...serving.filter((userId) => !conflicted.has(userId)), ...replacements];
}

/** KL-6-27: more than half of the ordinary seats filled by members taking part. */
export function hasQuorum(participants: number, seats: number): boolean {
  return participants * 2 > seats;
}

/** The latest ruling on the item's appeals, or null. */
export const latestRuling = (item: AgendaItem): Ruling | null => item.rulings[item.rulings.length - 1] ?? null;

export const hasSigned = (adjustment: Adjustment, userId: string): boolean => adjustment.signatures.some((s) => s.userId === userId);

export function signatoriesOf(state: Convened): string[] {
  return [state.chairUserId, ...state.adjusterUserIds];
}

export function findItem(state: Convened, itemId: string): AgendaItem | undefined {
  return state.items.find((i) => i.itemId === itemId);
}

const ITEM = { sv: 'Punkten på föredragningslistan', en: 'The agenda item' };

export function requireItem(state: Convened, itemId: string): AgendaItem {
  const item = findItem(state, itemId);
  if (!item) throw new NotFound(ITEM, { meetingId: state.meetingId, itemId });
  return item;
}
