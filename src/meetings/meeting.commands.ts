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
  | { type: 'DeclareConflictOfInterest'; itemId: string; userId: string; reason: string }
  | {
      type: 'DecideItem';
      itemId: string;
      outcome: ItemOutcome;
      amendments: string | null;
      completionRequired: string | null;
      postponedToMeetingId: string | null;
      votes: Votes | null;
    }
  | { type: 'EnterReservation'; itemId: string; userId: string; reason: string | null }
  | { type: 'GiveReservationReasons'; itemId: string; userId: string; text: string }
  | { type: 'ReportDelegatedDecisions'; decisionIds: string[]; register: DelegatedDecisionView[] }
  | { type: 'CloseMeeting' }
  | { type: 'SignProtocol' }
  | { type: 'SignParagraph'; itemId: string }
  | { type: 'PostNotice'; itemId: string | null; postedOn: string }
  | { type: 'LodgeAppeal'; itemId: string; lodgedOn: string; appellant: string }
  | { type: 'RecordAppealRuling'; itemId: string; ruledOn: string; outcome: 'dismissed' | 'annulled' };

export type MeetingCommandOf<T extends MeetingCommand['type']> = Extract<MeetingCommand, { type: T }>;
