import { DomainEvent } from '../platform/decider';
import { ItemOutcome } from '../meetings/decision-authority';

/** In the registry stream: the number handed out, the case it went to, and what the registrar wrote. */
export type DiaryNumberAssigned = DomainEvent<
  'DiaryNumberAssigned',
  { caseId: string; registry: string; year: number; sequence: number; diaryNumber: string; title: string }
>;
export type RegistryEvent = DiaryNumberAssigned;

/** In the case's own stream: its first event. */
export type CaseRegistered = DomainEvent<
  'CaseRegistered',
  {
    caseId: string;
    organisationId: string;
    diaryNumber: string;
    registry: string;
    year: number;
    sequence: number;
    title: string;
    description: string | null;
    registeredAt: string;
    registeredBy: string;
  }
>;

export const DOCUMENT_KINDS = ['official_report', 'decision_basis', 'agreement', 'protocol_extract', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A secrecy marking (sekretessmarkering) names its legal ground and who made it, when. */
export interface Secrecy {
  legalGround: string;
  markedBy: string;
  markedAt: string;
}

/** A document registered on the case; the system keeps its fingerprint, not its content. */
export type DocumentAttached = DomainEvent<
  'DocumentAttached',
  {
    caseId: string;
    documentId: string;
    title: string;
    kind: DocumentKind;
    sha256: string;
    secrecy: Secrecy | null;
    attachedAt: string;
    attachedBy: string;
  }
>;

/** Konsekvenser för miljö, barn, jämställdhet och ekonomi (seed 004); null where the report says nothing. */
export interface Consequences {
  environment: string | null;
  children: string | null;
  genderEquality: string | null;
  economy: string | null;
}

/** One "att"-sats of the proposed decision, numbered as the report numbers them. */
export interface DecisionPoint {
  number: number;
  text: string;
}

/** The official report (tjänsteskrivelse) and its proposed decision. */
export interface OfficialReport {
  summary: string;
  caseDescription: string;
  assessment: string | null;
  consequences: Consequences;
  followUp: string | null;
  decisionPoints: DecisionPoint[];
  /** "Utdrag till": who gets an extract of the decision, by title */
  extractRecipients: string[];
  /** bodies the protocol is communicated to (delges) */
  informBodies: string[];
}

/** Written again for each revision; the latest revision is the report. */
export type OfficialReportWritten = DomainEvent<
  'OfficialReportWritten',
  OfficialReport & { caseId: string; revision: number; writtenAt: string; writtenBy: string }
>;

/** Beredning: a body (council, working committee, committee) prepared the case and what it said. */
export type PreparationRecorded = DomainEvent<
  'PreparationRecorded',
  { caseId: string; bodyId: string; bodyName: string; date: string; statement: string; recordedAt: string; recordedBy: string }
>;

export type CaseMarkedReadyForAgenda = DomainEvent<'CaseMarkedReadyForAgenda', { caseId: string; markedAt: string; markedBy: string }>;

/** The case reserved for a meeting's agenda item: written before the meeting's item, so a case is on one agenda at a time. */
export type CasePlacedOnAgenda = DomainEvent<
  'CasePlacedOnAgenda',
  { caseId: string; meetingId: string; itemId: string; bodyId: string; placedAt: string }
>;

/** The reservation taken back because the meeting refused the item after it (e.g. it closed in between). */
export type CaseRemovedFromAgenda = DomainEvent<'CaseRemovedFromAgenda', { caseId: string; meetingId: string; itemId: string; removedAt: string }>;

/** What the body did with the case, under which paragraph (§) of which meeting. */
export type ItemOutcomeRecorded = DomainEvent<
  'ItemOutcomeRecorded',
  {
    caseId: string;
    meetingId: string;
    itemId: string;
    paragraph: number;
    outcome: ItemOutcome;
    /** what a referral back (återremiss) asks to be completed */
    completionRequired: string | null;
    postponedToMeetingId: string | null;
    recordedAt: string;
  }
>;

export type CaseWithdrawn = DomainEvent<'CaseWithdrawn', { caseId: string; reason: string; withdrawnAt: string; withdrawnBy: string }>;

export type CaseClosed = DomainEvent<'CaseClosed', { caseId: string; reason: string; closedAt: string; closedBy: string }>;

export type CaseEvent =
  | CaseRegistered
  | DocumentAttached
  | OfficialReportWritten
  | PreparationRecorded
  | CaseMarkedReadyForAgenda
  | CasePlacedOnAgenda
  | CaseRemovedFromAgenda
  | ItemOutcomeRecorded
  | CaseWithdrawn
  | CaseClosed;
