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
    caseId: string | null;
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
  Recorded & { activityId: string; areaId: string; spentOre: number; previousSpentOre: number; reportedOn: string }
>;

export interface RepaymentAreaLine {
  areaId: string;
  budgetOre: number;
  spentOre: number;
  unspentOre: number;
}

export type RepaymentComputed = DomainEvent<
  'RepaymentComputed',
  Recorded & {
    repaymentId: string;
    computedOn: string;
    totalOre: number;
    spentOre: number;
    /** total − everything spent: the unspent part of every area plus what was never budgeted */
    repaymentOre: number;
    unbudgetedOre: number;
    areas: RepaymentAreaLine[];
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
  | ReportingBackRecorded;
