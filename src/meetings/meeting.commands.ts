import { DelegatedDecisionView } from '../delegations/mandate';
import { ItemOutcome } from './decision-authority';
import { Attendee, MeetingMember, Votes } from './meeting.events';

/**
 * What the meeting decider is asked to do. Facts from other streams (the body, the case, the
 * delegation register) are read fresh by the handler and passed in, so the decider stays pure and
 * checks them itself. Their shapes are the parts of the other capabilities' snapshots it needs.
 */
export interface ConveningBody {
  organisationId: string;
  bodyId: string;
  name: string;
  members: MeetingMember[];
  chairUserId: string | null;
}

export interface CaseForAgenda {
  caseId: string;
  organisationId: string;
  diaryNumber: string;
  title: string;
  status: string;
  agenda: { meetingId: string; itemId: string } | null;
}

/** The meeting an item is postponed to, as its stream stands now (read by the handler). */
export interface PostponementTarget {
  meetingId: string;
  organisationId: string;
  bodyId: string;
  startsAt: string;
  status: 'open' | 'closed' | 'cancelled';
}

/** What the decision says; recorded as it is given. */
export interface DecisionContent {
  outcome: ItemOutcome;
  amendments: string | null;
  completionRequired: string | null;
  postponedToMeetingId: string | null;
  votes: Votes | null;
}

export type MeetingCommand =
  | {
      type: 'ConveneMeeting';
      meetingId: string;
      body: ConveningBody;
      startsAt: string;
      place: string;
      firstParagraph: number;
      adjusterUserIds: string[];
    }
  | { type: 'AddAgendaItem'; itemId: string; case: CaseForAgenda | null }
  | { type: 'RecordAttendance'; present: Attendee[] }
  | { type: 'DeclareConflictOfInterest'; itemId: string; userId: string; reason: string; replacedBy: string | null }
  | ({
      type: 'DecideItem';
      itemId: string;
      /** the item's case as its stream stands now: it must be on this meeting's agenda as this item */
      case: CaseForAgenda | null;
      /** with postponedToMeetingId: that meeting as its stream stands now (null when there is none) */
      postponedTo: PostponementTarget | null;
    } & DecisionContent)
  | { type: 'EnterReservation'; itemId: string; userId: string; reason: string | null }
  | { type: 'GiveReservationReasons'; itemId: string; userId: string; text: string }
  | { type: 'ReportDelegatedDecisions'; decisionIds: string[]; register: DelegatedDecisionView[] }
  | { type: 'CloseMeeting' }
  | { type: 'StrikeItem'; itemId: string; reason: string }
  | { type: 'CancelMeeting'; reason: string }
  | { type: 'ChangeAdjusters'; adjusterUserIds: string[] }
  | { type: 'SignProtocol' }
  | { type: 'SignParagraph'; itemId: string }
  | { type: 'PostNotice'; itemId: string | null; postedOn: string }
  | { type: 'LodgeAppeal'; itemId: string; lodgedOn: string; appellant: string }
  | { type: 'RecordAppealRuling'; itemId: string; ruledOn: string; outcome: 'dismissed' | 'annulled' };

export type MeetingCommandOf<T extends MeetingCommand['type']> = Extract<MeetingCommand, { type: T }>;
