import { BodyDecisionRef } from '../meetings/decision-authority';
import { DomainEvent } from '../platform/decider';
import { DelegatedDecisionRecord, Delegate, DelegationScope } from './mandate';

/** The terms of one version of a delegation, and the body's decision that set them. */
interface VersionData {
  delegationId: string;
  version: number;
  delegate: Delegate;
  scope: DelegationScope;
  amountLimitOre: number | null;
  validFrom: string;
  validUntil: string | null;
  decision: BodyDecisionRef;
  /** the Swedish date of that decision (null on events of schema 1, which did not keep it) */
  decidedOn: string | null;
  recordedAt: string;
  recordedBy: string;
}

/** Version 1: the body delegated (KL 6:37). */
export type DelegationGranted = DomainEvent<'DelegationGranted', VersionData & { organisationId: string; bodyId: string }>;

/** Version n+1 by a later decision of the same body; decisions taken under earlier versions keep theirs. */
export type DelegationAmended = DomainEvent<'DelegationAmended', VersionData>;

/**
 * `revokedAt` is the instant from which nothing more is decided under it: when recorded, or the
 * start (Stockholm time) of `effectiveOn` when the body's decision set a day of its own.
 */
export type DelegationRevoked = DomainEvent<
  'DelegationRevoked',
  { delegationId: string; decision: BodyDecisionRef; effectiveOn: string | null; revokedAt: string; recordedAt: string; revokedBy: string }
>;

/** A decision the delegate took under a version of the delegation (written by the agreements capability). */
export type DelegatedDecisionRecorded = DomainEvent<'DelegatedDecisionRecorded', DelegatedDecisionRecord & { bodyId: string }>;

/** KL 6:39: the chair decided an urgent matter on the body's behalf. */
export type UrgentDecisionRecorded = DomainEvent<
  'UrgentDecisionRecorded',
  {
    delegatedDecisionId: string;
    organisationId: string;
    bodyId: string;
    subject: string;
    decisionText: string;
    caseId: string | null;
    decidedAt: string;
    decidedBy: string;
  }
>;

/** KL 6:40: these decisions were reported at a meeting of the body, under that paragraph. */
export type DelegatedDecisionsReported = DomainEvent<
  'DelegatedDecisionsReported',
  {
    bodyId: string;
    meetingId: string;
    paragraph: number;
    reportedOn: string;
    decisionIds: string[];
    /** the report that holds them (absent on events written before holds named their holder) */
    holderId?: string;
    /** true once the meeting's paragraph is written and the register names it */
    confirmed?: boolean;
  }
>;

/** KL 6:40: the meeting refused the paragraph the register was marked for: these decisions are unreported again. */
export type DelegatedDecisionReportWithdrawn = DomainEvent<
  'DelegatedDecisionReportWithdrawn',
  { bodyId: string; meetingId: string; decisionIds: string[]; withdrawnAt: string }
>;

export type DelegationEvent =
  | DelegationGranted
  | DelegationAmended
  | DelegationRevoked
  | DelegatedDecisionRecorded
  | UrgentDecisionRecorded
  | DelegatedDecisionsReported
  | DelegatedDecisionReportWithdrawn;
