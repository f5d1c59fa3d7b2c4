import { DomainEvent } from '../platform/decider';
import { ItemOutcome } from './decision-authority';

/** A member of the body as it stood when the meeting was convened (the snapshot the rules count on). */
export interface MeetingMember {
  userId: string;
  name: string;
  seat: 'ordinary' | 'deputy';
}

export interface Attendee {
  userId: string;
  /** a deputy serving (tjänstgörande ersättare) names the absent ordinary member; null otherwise */
  servingFor: string | null;
}

export interface Votes {
  yes: number;
  no: number;
  abstained: number;
}

/** A decision on the body's register, as the report of delegated decisions lists it. */
export interface ReportedDecision {
  delegatedDecisionId: string;
  kind: 'delegated' | 'urgent';
  summary: string;
  amountOre: number | null;
  decidedAt: string;
  decidedBy: string;
}

export type MeetingConvened = DomainEvent<
  'MeetingConvened',
  {
    meetingId: string;
    organisationId: string;
    bodyId: string;
    bodyName: string;
    startsAt: string;
    /** the Swedish date of the meeting */
    date: string;
    place: string;
    firstParagraph: number;
    members: MeetingMember[];
    chairUserId: string;
    adjusterUserIds: string[];
    convenedAt: string;
  }
>;
export type AgendaItemAdded = DomainEvent<'AgendaItemAdded', { itemId: string; caseId: string; diaryNumber: string; title: string; addedAt: string }>;
/** Replaces the attendance recorded before; each decision keeps its own participants. */
export type AttendanceRecorded = DomainEvent<'AttendanceRecorded', { present: Attendee[]; recordedAt: string }>;
/**
 * KL 6:28–32. `replacedBy`: a present deputy who is not serving takes the member's place for this
 * item only (null when nobody does; absent in events written before replacements existed).
 */
export type ConflictOfInterestDeclared = DomainEvent<
  'ConflictOfInterestDeclared',
  { itemId: string; userId: string; reason: string; replacedBy?: string | null; declaredAt: string }
>;
export type ItemDecided = DomainEvent<
  'ItemDecided',
  {
    itemId: string;
    caseId: string;
    paragraph: number;
    outcome: ItemOutcome;
    amendments: string | null;
    completionRequired: string | null;
    postponedToMeetingId: string | null;
    votes: Votes | null;
    /** the serving members who took part (present, serving, without a conflict of interest), and deputies replacing a conflicted one */
    participants: string[];
    /** ordinary seats of the body, for the quorum shown with the decision */
    ordinarySeats: number;
    decidedAt: string;
  }
>;
export type ReservationEntered = DomainEvent<'ReservationEntered', { itemId: string; userId: string; reason: string | null; enteredAt: string }>;
export type ReservationReasonsGiven = DomainEvent<'ReservationReasonsGiven', { itemId: string; userId: string; text: string; givenAt: string }>;
export type DelegatedDecisionsReported = DomainEvent<
  'DelegatedDecisionsReported',
  { paragraph: number; title: string; decisionIds: string[]; decisions: ReportedDecision[]; reportedOn: string; reportedAt: string }
>;
export type MeetingClosed = DomainEvent<'MeetingClosed', { closedAt: string }>;
/** ärendet utgår: the item is not dealt with at this meeting; its case goes back to ready_for_agenda */
export type ItemStruck = DomainEvent<'ItemStruck', { itemId: string; caseId: string; reason: string; struckAt: string }>;
/** The meeting will not be held: written after every item it had was struck, while nothing was decided. */
export type MeetingCancelled = DomainEvent<'MeetingCancelled', { reason: string; cancelledAt: string }>;
/** The adjusters named at convening, replaced (an absent adjuster cannot sign). */
export type AdjustersChanged = DomainEvent<'AdjustersChanged', { adjusterUserIds: string[]; changedAt: string }>;
export type ProtocolSigned = DomainEvent<'ProtocolSigned', { userId: string; signedAt: string }>;
export type ProtocolAdjusted = DomainEvent<'ProtocolAdjusted', { adjustedOn: string; noticeDueBy: string }>;
export type ParagraphSigned = DomainEvent<'ParagraphSigned', { itemId: string; paragraph: number; userId: string; signedAt: string }>;
/** omedelbar justering: one paragraph adjusted on its own, with its own notice */
export type ParagraphAdjusted = DomainEvent<'ParagraphAdjusted', { itemId: string; paragraph: number; adjustedOn: string; noticeDueBy: string }>;
/** itemId null: the notice of the whole protocol; otherwise of one immediately adjusted paragraph */
export type AdjustmentNoticePosted = DomainEvent<
  'AdjustmentNoticePosted',
  { itemId: string | null; postedOn: string; noticeDueBy: string; overdue: boolean; recordedAt: string }
>;
export type AppealLodged = DomainEvent<'AppealLodged', { itemId: string; lodgedOn: string; appellant: string; registeredAt: string }>;
/** The court's ruling on the appeals registered before it; later appeals await a ruling of their own. */
export type AppealRuled = DomainEvent<'AppealRuled', { itemId: string; ruledOn: string; outcome: 'dismissed' | 'annulled'; recordedAt: string }>;

export type MeetingEvent =
  | MeetingConvened
  | AgendaItemAdded
  | AttendanceRecorded
  | ConflictOfInterestDeclared
  | ItemDecided
  | ReservationEntered
  | ReservationReasonsGiven
  | DelegatedDecisionsReported
  | MeetingClosed
  | ItemStruck
  | MeetingCancelled
  | AdjustersChanged
  | ProtocolSigned
  | ProtocolAdjusted
  | ParagraphSigned
  | ParagraphAdjusted
  | AdjustmentNoticePosted
  | AppealLodged
  | AppealRuled;
