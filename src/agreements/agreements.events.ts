import { DomainEvent } from '../platform/decider';
import { Authority, BodyAuthority } from '../delegations/mandate';

/** Who carries out an activity (seed 000 assigns actions to the region, the municipalities or both). */
export const ACTIVITY_OWNERS = ['region', 'municipalities', 'joint'] as const;
export type ActivityOwner = (typeof ACTIVITY_OWNERS)[number];

export interface AgreementArea {
  /** a readable slug chosen by the user, e.g. `vision-ehalsa` */
  areaId: string;
  name: string;
}

/** Every event says when and by whom it was recorded, so the ledger's history explains itself. */
interface Recorded {
  recordedAt: string;
  recordedBy: string;
}

export type AgreementOpened = DomainEvent<
  'AgreementOpened',
  Recorded & {
    agreementId: string;
    organisationId: string;
    /** the case (ärende) the agreement is handled in, one agreement per case: the body's first decision on its money is a decision on this case */
    caseId: string;
    name: string;
    /** the state's reference for the agreement, e.g. "S2022/00042" */
    stateReference: string;
    year: number;
    totalOre: number;
    areas: AgreementArea[];
    /** Swedish dates: money must be used by, reported back by, and unused money repaid by */
    useDeadline: string;
    reportingDate: string;
    repaymentDate: string;
  }
>;

export interface AreaBudgetLine {
  areaId: string;
  amountOre: number;
  /** the budget before this decision, so every change can be explained without a replay */
  previousOre: number;
  responsibleUserId: string;
  responsibleName: string;
}

export type AreaBudgetsSet = DomainEvent<'AreaBudgetsSet', Recorded & { authority: BodyAuthority; decidedOn: string; budgets: AreaBudgetLine[] }>;

export type ActivityAllocated = DomainEvent<
  'ActivityAllocated',
  Recorded & {
    activityId: string;
    areaId: string;
    title: string;
    amountOre: number;
    owner: ActivityOwner | null;
    recipientOrganisationIds: string[];
    authority: Authority;
  }
>;

export type FundsReallocatedWithinArea = DomainEvent<
  'FundsReallocatedWithinArea',
  Recorded & { reallocationId: string; areaId: string; fromActivityId: string; toActivityId: string; amountOre: number; authority: Authority }
>;

export type FundsReallocatedBetweenAreas = DomainEvent<
  'FundsReallocatedBetweenAreas',
  Recorded & { reallocationId: string; fromAreaId: string; toAreaId: string; amountOre: number; authority: Authority }
>;

export type OutcomeReported = DomainEvent<
  'OutcomeReported',
  Recorded & {
    activityId: string;
    areaId: string;
    spentOre: number;
    previousSpentOre: number;
    reportedOn: string;
    /** reported after the repayment was computed: a correction (rättelse), followed by the recomputed repayment */
    correction: boolean;
  }
>;

export interface RepaymentAreaLine {
  areaId: string;
  budgetOre: number;
  spentOre: number;
  unspentOre: number;
}

/** The repayment's figures as computed from the ledger on one day. */
export interface RepaymentFigures {
  totalOre: number;
  spentOre: number;
  /** total − everything spent: the unspent part of every area plus what was never budgeted */
  repaymentOre: number;
  unbudgetedOre: number;
  areas: RepaymentAreaLine[];
}

export type RepaymentComputed = DomainEvent<'RepaymentComputed', Recorded & RepaymentFigures & { repaymentId: string; computedOn: string }>;

/**
 * A corrected outcome after the repayment: the repayment is computed again as a new fact that
 * names the figure it replaces, so the first figure (perhaps already reported to the state) stays.
 */
export type RepaymentRecomputed = DomainEvent<
  'RepaymentRecomputed',
  Recorded &
    RepaymentFigures & {
      repaymentId: string;
      computedOn: string;
      /** the corrected activity */
      activityId: string;
      previousRepaymentOre: number;
      previousComputedOn: string;
    }
>;

export type ReportingBackRecorded = DomainEvent<'ReportingBackRecorded', Recorded & { submittedOn: string; reference: string }>;

export type AgreementEvent =
  | AgreementOpened
  | AreaBudgetsSet
  | ActivityAllocated
  | FundsReallocatedWithinArea
  | FundsReallocatedBetweenAreas
  | OutcomeReported
  | RepaymentComputed
  | RepaymentRecomputed
  | ReportingBackRecorded;
