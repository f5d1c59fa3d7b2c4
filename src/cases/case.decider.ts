import { ItemOutcome } from '../meetings/decision-authority';
import { Decider } from '../platform/decider';
import { attachDocument, recordPreparation, writeOfficialReport } from './case.report';
import { CaseState, evolveCase } from './case.state';
import { close, markReadyForAgenda, placeOnAgenda, recordItemOutcome, removeFromAgenda, withdraw } from './case.workflow';
import { CaseEvent, DiaryNumberAssigned, DocumentKind, OfficialReport } from './cases.events';
import { refuse } from './cases.rules';

export type { CaseState } from './case.state';

export interface RegisterCase {
  type: 'RegisterCase';
  assignment: DiaryNumberAssigned['data'];
  organisationId: string;
  description: string | null;
}
export interface AttachDocument {
  type: 'AttachDocument';
  /** derived from the command id, so a retried attachment finds itself */
  documentId: string;
  title: string;
  kind: DocumentKind;
  sha256: string;
  secrecy: { legalGround: string | null } | null;
}
export interface WriteOfficialReport {
  type: 'WriteOfficialReport';
  report: OfficialReport;
}
export interface RecordPreparation {
  type: 'RecordPreparation';
  bodyId: string;
  date: string;
  statement: string;
  /** the preparing body as the organisation's stream has it now (read by the handler); null if there is none */
  body: { bodyId: string; name: string } | null;
}
export interface MarkReadyForAgenda {
  type: 'MarkReadyForAgenda';
}
/** From the meetings capability, before the meeting's own stream takes the item (the case is the contended stream). */
export interface PlaceOnAgenda {
  type: 'PlaceOnAgenda';
  meetingId: string;
  itemId: string;
  bodyId: string;
}
/** From the meetings capability: the meeting refused the item it reserved the case for, so the reservation is taken back. */
export interface RemoveFromAgenda {
  type: 'RemoveFromAgenda';
  meetingId: string;
  itemId: string;
}
/** From the meetings capability, after the meeting's own stream recorded the decision. */
export interface RecordItemOutcome {
  type: 'RecordItemOutcome';
  meetingId: string;
  itemId: string;
  paragraph: number;
  outcome: ItemOutcome;
  completionRequired: string | null;
  postponedToMeetingId: string | null;
}
export interface Withdraw {
  type: 'Withdraw';
  reason: string;
}
export interface Close {
  type: 'Close';
  reason: string;
}
export type CaseCommand =
  | RegisterCase
  | AttachDocument
  | WriteOfficialReport
  | RecordPreparation
  | MarkReadyForAgenda
  | PlaceOnAgenda
  | RemoveFromAgenda
  | RecordItemOutcome
  | Withdraw
  | Close;

function register(command: RegisterCase, state: CaseState, actor: { userId: string }, now: Date): CaseEvent[] {
  if (state.status !== 'none') {
    // the same registration retried changes nothing; anything else is a second registration
    if (state.diaryNumber === command.assignment.diaryNumber) return [];
    throw refuse.alreadyRegistered(state.diaryNumber);
  }
  const { caseId, registry, year, sequence, diaryNumber, title } = command.assignment;
  return [
    {
      type: 'CaseRegistered',
      data: {
        caseId,
        organisationId: command.organisationId,
        diaryNumber,
        registry,
        year,
        sequence,
        title,
        description: command.description,
        registeredAt: now.toISOString(),
        registeredBy: actor.userId,
      },
    },
  ];
}

/**
 * A case (ärende) from registration to closing: documents, the official report, preparation,
 * the agenda and the body's outcome. The steps live in case.report.ts and case.workflow.ts.
 */
export const caseDecider: Decider<CaseCommand, CaseEvent, CaseState> = {
  name: 'case',
  initialState: { status: 'none' },
  evolve: evolveCase,

  decide(command, state, { actor, now }) {
    switch (command.type) {
      case 'RegisterCase':
        return register(command, state, actor, now);
      case 'AttachDocument':
        return attachDocument(command, state, actor, now);
      case 'WriteOfficialReport':
        return writeOfficialReport(command, state, actor, now);
      case 'RecordPreparation':
        return recordPreparation(command, state, actor, now);
      case 'MarkReadyForAgenda':
        return markReadyForAgenda(state, actor, now);
      case 'PlaceOnAgenda':
        return placeOnAgenda(command, state, actor, now);
      case 'RemoveFromAgenda':
        return removeFromAgenda(command, state, actor, now);
      case 'RecordItemOutcome':
        return recordItemOutcome(command, state, actor, now);
      case 'Withdraw':
        return withdraw(command, state, actor, now);
      case 'Close':
        return close(command, state, actor, now);
    }
  },
};
