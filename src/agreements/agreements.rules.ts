import { swedishDate } from '../calendar/swedish-calendar';
import { DecisionContext } from '../platform/decider';
import { RuleViolation } from '../platform/errors';
import { ActivityState, area, AreaState, OpenedAgreement } from './agreement.state';
import { formatKronor } from './money';

/**
 * Rule ids of agreements and allocations: each appears here, in the decider that enforces it, and
 * in its test. The mandate of a delegated decision (DELEGATION-*, BUDGET-BETWEEN-AREAS-MANDATE) is
 * checked by `checkMandate`, a body's decision by `requireBodyDecision` (DECISION-AUTHORITY).
 */
export const AgreementRules = {
  /** Agreement facts (opening, body decisions, outcomes, repayment, reporting back) are recorded by a case officer or committee secretary. */
  AGREEMENT_ROLE: 'AGREEMENT-ROLE',
  /** An agreement is handled in a case (ärende) of the organisation. */
  AGREEMENT_CASE: 'AGREEMENT-CASE',
  /** The body's first decision on an agreement's money (the one that first sets its budgets) is a decision on the agreement's own case; later ones may be any decision of that body. */
  AGREEMENT_DECISION_CASE: 'AGREEMENT-DECISION-CASE',
  /** One decision (§) of the body authorises one act on the agreement: another budget decision or money move citing it is refused. */
  AGREEMENT_DECISION_REUSED: 'AGREEMENT-DECISION-REUSED',
  /** A case has one agreement: opening another in the same case with other content is refused. */
  AGREEMENT_CASE_HAS_AGREEMENT: 'AGREEMENT-CASE-HAS-AGREEMENT',
  /** The money is used before it is reported back and repaid (use deadline ≤ reporting date and repayment date), and not before the agreement's year. */
  AGREEMENT_DATES: 'AGREEMENT-DATES',
  /** An agreement names its development areas once each. */
  AGREEMENT_AREAS_UNIQUE: 'AGREEMENT-AREAS-UNIQUE',
  /** An id (agreement, activity, reallocation, body decision) already recorded with other content. */
  AGREEMENT_DUPLICATE: 'AGREEMENT-DUPLICATE',
  /** Once the repayment is computed the money is settled: nothing more is budgeted, allocated or moved (a later outcome is a correction that recomputes the repayment). */
  AGREEMENT_SETTLED: 'AGREEMENT-SETTLED',
  /** A delegated decision moves an agreement's money only under a delegation of the body that decided its budgets. */
  AGREEMENT_DECIDING_BODY: 'AGREEMENT-DECIDING-BODY',
  /** The reporting back to the state is recorded once. */
  AGREEMENT_REPORTING_BACK_ONCE: 'AGREEMENT-REPORTING-BACK-ONCE',
  /** The reporting back is recorded only after the repayment is computed: it reports the final figures. */
  AGREEMENT_REPORTING_BACK_BEFORE_REPAYMENT: 'AGREEMENT-REPORTING-BACK-BEFORE-REPAYMENT',
  /** The area budgets together never exceed the agreement's total. */
  BUDGET_AREAS_WITHIN_TOTAL: 'BUDGET-AREAS-WITHIN-TOTAL',
  /** An area's budget is never set below what its activities already hold. */
  BUDGET_AREA_BELOW_ALLOCATED: 'BUDGET-AREA-BELOW-ALLOCATED',
  /** Money goes only to a development area of the agreement. */
  BUDGET_UNKNOWN_AREA: 'BUDGET-UNKNOWN-AREA',
  /** Reallocations and outcomes name an activity of the agreement (in the area they say). */
  BUDGET_UNKNOWN_ACTIVITY: 'BUDGET-UNKNOWN-ACTIVITY',
  /** The activities of an area together never exceed the area's budget. */
  BUDGET_ALLOCATION_WITHIN_AREA: 'BUDGET-ALLOCATION-WITHIN-AREA',
  /** Amounts are whole öre and positive (an area budget may be zero). */
  BUDGET_AMOUNT_POSITIVE: 'BUDGET-AMOUNT-POSITIVE',
  /** No money is budgeted, allocated or moved after the agreement's use deadline. */
  BUDGET_DEADLINE_PASSED: 'BUDGET-DEADLINE-PASSED',
  /** A reallocation never takes an activity below zero or below what it has already spent. */
  BUDGET_NOT_BELOW_SPENT: 'BUDGET-NOT-BELOW-SPENT',
  /** Only what is not allocated to activities can leave an area. */
  BUDGET_AREA_AVAILABLE: 'BUDGET-AREA-AVAILABLE',
  /** A reallocation moves money between two different activities or areas. */
  BUDGET_REALLOCATION_DISTINCT: 'BUDGET-REALLOCATION-DISTINCT',
  /** An activity's cumulative outcome lies between zero and what is allocated to it. */
  BUDGET_OUTCOME_WITHIN_ALLOCATION: 'BUDGET-OUTCOME-WITHIN-ALLOCATION',
  /** The repayment is computed only after the use deadline. */
  BUDGET_REPAYMENT_BEFORE_DEADLINE: 'BUDGET-REPAYMENT-BEFORE-DEADLINE',
  /** The repayment is computed only when every activity with money has a reported outcome (none is counted as zero). */
  BUDGET_OUTCOMES_MISSING: 'BUDGET-OUTCOMES-MISSING',
  /** The repayment is computed once. */
  BUDGET_REPAYMENT_ONCE: 'BUDGET-REPAYMENT-ONCE',
} as const;

const R = AgreementRules;
const kr = formatKronor;

export const refuse = {
  role: (role: string) =>
    new RuleViolation(
      R.AGREEMENT_ROLE,
      'Endast en handläggare eller nämndsekreterare kan registrera detta för överenskommelsen.',
      'Only a case officer or a committee secretary can record this for the agreement.',
      { role },
    ),
  caseMissing: (caseId: string) =>
    new RuleViolation(
      R.AGREEMENT_CASE,
      'Överenskommelsen handläggs i ett ärende; det ärendet finns inte i organisationen.',
      'An agreement is handled in a case; that case does not exist in the organisation.',
      { caseId },
    ),
  decisionOnOtherCase: (meetingId: string, paragraph: number, decisionCaseId: string | null, caseId: string) =>
    new RuleViolation(
      R.AGREEMENT_DECISION_CASE,
      `Beslut § ${paragraph} gäller inte det ärende överenskommelsen handläggs i; nämndens första beslut om dess medel ska göra det.`,
      `Decision § ${paragraph} is not a decision on the case the agreement is handled in; the body's first decision on its money must be.`,
      { meetingId, paragraph, decisionCaseId, caseId },
    ),
  decisionReused: (meetingId: string, paragraph: number, usedFor: string) =>
    new RuleViolation(
      R.AGREEMENT_DECISION_REUSED,
      `Beslut § ${paragraph} har redan använts för överenskommelsen; varje nytt beslut om dess medel kräver en egen paragraf.`,
      `Decision § ${paragraph} has already been used for the agreement; every new decision on its money needs a paragraph of its own.`,
      { meetingId, paragraph, usedFor },
    ),
  caseHasAgreement: (caseId: string, agreementId: string) =>
    new RuleViolation(
      R.AGREEMENT_CASE_HAS_AGREEMENT,
      'Ärendet har redan en överenskommelse med annat innehåll.',
      'The case already has an agreement with different content.',
      { caseId, agreementId },
    ),
  dates: (dates: { year: number; useDeadline: string; reportingDate: string; repaymentDate: string }) =>
    new RuleViolation(
      R.AGREEMENT_DATES,
      `Sista användningsdag (${dates.useDeadline}) ska ligga i eller efter år ${dates.year} och senast på återrapporterings- och återbetalningsdagen.`,
      `The use deadline (${dates.useDeadline}) must fall in or after ${dates.year} and on or before the reporting and repayment dates.`,
      dates,
    ),
  areasNotUnique: (areaIds: string[]) =>
    new RuleViolation(R.AGREEMENT_AREAS_UNIQUE, 'Varje utvecklingsområde anges en gång.', 'Name each development area once.', { areaIds }),
  duplicate: (what: string, id: string) =>
    new RuleViolation(
      R.AGREEMENT_DUPLICATE,
      'Detta är redan registrerat med annat innehåll.',
      'This is already recorded with different content.',
      { what, id },
    ),
  settled: () =>
    new RuleViolation(
      R.AGREEMENT_SETTLED,
      'Återbetalningen är beräknad; överenskommelsens medel kan inte längre ändras.',
      "The repayment has been computed; the agreement's money can no longer change.",
      {},
    ),
  decidingBody: (delegationBodyId: string, decidingBodyId: string) =>
    new RuleViolation(
      R.AGREEMENT_DECIDING_BODY,
      'Delegationen kommer från en annan nämnd än den som beslutat om överenskommelsens medel.',
      "The delegation comes from another body than the one that decided the agreement's budgets.",
      { delegationBodyId, decidingBodyId },
    ),
  reportedBack: (submittedOn: string, reference: string) =>
    new RuleViolation(
      R.AGREEMENT_REPORTING_BACK_ONCE,
      `Återrapporteringen är redan registrerad (${reference}, ${submittedOn}).`,
      `The reporting back is already recorded (${reference}, ${submittedOn}).`,
      { submittedOn, reference },
    ),
  reportingBackBeforeRepayment: () =>
    new RuleViolation(
      R.AGREEMENT_REPORTING_BACK_BEFORE_REPAYMENT,
      'Återrapporteringen registreras först när återbetalningen är beräknad.',
      'The reporting back is recorded only once the repayment is computed.',
      {},
    ),
  outcomesMissing: (activityIds: string[]) =>
    new RuleViolation(
      R.BUDGET_OUTCOMES_MISSING,
      `Utfall saknas för ${activityIds.length} aktivitet(er); återbetalningen beräknas när alla har rapporterats.`,
      `${activityIds.length} activit${activityIds.length === 1 ? 'y has' : 'ies have'} no reported outcome; the repayment is computed once all have one.`,
      { activityIds },
    ),
  areasAboveTotal: (budgetedOre: number, totalOre: number) =>
    new RuleViolation(
      R.BUDGET_AREAS_WITHIN_TOTAL,
      `Utvecklingsområdenas budgetar (${kr(budgetedOre)}) överstiger överenskommelsens totalbelopp (${kr(totalOre)}).`,
      `The area budgets (${kr(budgetedOre)}) exceed the agreement's total (${kr(totalOre)}).`,
      { budgetedOre, totalOre },
    ),
  areaBelowAllocated: (areaId: string, amountOre: number, allocatedOre: number) =>
    new RuleViolation(
      R.BUDGET_AREA_BELOW_ALLOCATED,
      `Budgeten för ${areaId} (${kr(amountOre)}) blir lägre än vad aktiviteterna redan har fått (${kr(allocatedOre)}).`,
      `The budget of ${areaId} (${kr(amountOre)}) would be below what its activities already hold (${kr(allocatedOre)}).`,
      { areaId, amountOre, allocatedOre },
    ),
  unknownArea: (areaId: string) =>
    new RuleViolation(R.BUDGET_UNKNOWN_AREA, `Överenskommelsen har inget utvecklingsområde ${areaId}.`, `The agreement has no development area ${areaId}.`, {
      areaId,
    }),
  unknownActivity: (activityId: string, areaId?: string) =>
    new RuleViolation(
      R.BUDGET_UNKNOWN_ACTIVITY,
      'Aktiviteten finns inte i överenskommelsen (eller inte i det utvecklingsområdet).',
      'The activity does not exist in the agreement (or not in that development area).',
      { activityId, areaId },
    ),
  allocationAboveArea: (areaId: string, amountOre: number, availableOre: number) =>
    new RuleViolation(
      R.BUDGET_ALLOCATION_WITHIN_AREA,
      `${kr(amountOre)} ryms inte i ${areaId}: ${kr(availableOre)} återstår att fördela.`,
      `${kr(amountOre)} does not fit in ${areaId}: ${kr(availableOre)} is left to allocate.`,
      { areaId, amountOre, availableOre },
    ),
  amountNotPositive: (amountOre: number, allowZero: boolean) =>
    new RuleViolation(
      R.BUDGET_AMOUNT_POSITIVE,
      allowZero ? 'Beloppet anges i hela ören, noll eller mer.' : 'Beloppet anges i hela ören och är större än noll.',
      allowZero ? 'The amount is whole öre, zero or more.' : 'The amount is whole öre and above zero.',
      { amountOre },
    ),
  deadlinePassed: (useDeadline: string, today: string) =>
    new RuleViolation(
      R.BUDGET_DEADLINE_PASSED,
      `Medlen skulle användas senast ${useDeadline}; i dag är ${today}.`,
      `The money had to be used by ${useDeadline}; today is ${today}.`,
      { useDeadline, today },
    ),
  belowSpent: (activityId: string, remainingOre: number, spentOre: number) =>
    new RuleViolation(
      R.BUDGET_NOT_BELOW_SPENT,
      `Aktiviteten skulle få ${kr(remainingOre)}, mindre än noll eller än vad den redan har förbrukat (${kr(spentOre)}).`,
      `The activity would be left with ${kr(remainingOre)}, below zero or below what it has already spent (${kr(spentOre)}).`,
      { activityId, remainingOre, spentOre },
    ),
  areaNotAvailable: (areaId: string, amountOre: number, availableOre: number) =>
    new RuleViolation(
      R.BUDGET_AREA_AVAILABLE,
      `Endast ofördelade medel kan flyttas från ${areaId}: ${kr(availableOre)}, inte ${kr(amountOre)}.`,
      `Only unallocated money can leave ${areaId}: ${kr(availableOre)}, not ${kr(amountOre)}.`,
      { areaId, amountOre, availableOre },
    ),
  sameSourceAndTarget: (id: string) =>
    new RuleViolation(R.BUDGET_REALLOCATION_DISTINCT, 'Omfördelning sker mellan två olika mottagare.', 'A reallocation moves money between two different places.', {
      id,
    }),
  outcomeOutsideAllocation: (activityId: string, spentOre: number, allocatedOre: number) =>
    new RuleViolation(
      R.BUDGET_OUTCOME_WITHIN_ALLOCATION,
      `Utfallet (${spentOre} öre) ska vara hela ören mellan 0 och aktivitetens tilldelning (${kr(allocatedOre)}).`,
      `The outcome (${spentOre} öre) must be whole öre between 0 and the activity's allocation (${kr(allocatedOre)}).`,
      { activityId, spentOre, allocatedOre },
    ),
  repaymentBeforeDeadline: (useDeadline: string, today: string) =>
    new RuleViolation(
      R.BUDGET_REPAYMENT_BEFORE_DEADLINE,
      `Återbetalningen beräknas först efter ${useDeadline}; i dag är ${today}.`,
      `The repayment is computed only after ${useDeadline}; today is ${today}.`,
      { useDeadline, today },
    ),
  repaymentOnce: (computedOn: string) =>
    new RuleViolation(R.BUDGET_REPAYMENT_ONCE, `Återbetalningen beräknades redan ${computedOn}.`, `The repayment was already computed on ${computedOn}.`, {
      computedOn,
    }),
};

// The guards below are the one place of each rule that more than one command needs.

/** BUDGET-AMOUNT-POSITIVE: what an amount of money may be. */
export function requireAmount(amountOre: number, { allowZero }: { allowZero: boolean } = { allowZero: false }): number {
  if (!Number.isSafeInteger(amountOre) || amountOre < 0 || (!allowZero && amountOre === 0)) throw refuse.amountNotPositive(amountOre, allowZero);
  return amountOre;
}

const RECORDERS: ReadonlyArray<string> = ['case_officer', 'committee_secretary'];

/** AGREEMENT-ROLE: who records the agreement's facts and its body's decisions. */
export function requireRecorder({ actor }: DecisionContext): void {
  if (!RECORDERS.includes(actor.role)) throw refuse.role(actor.role);
}

/** AGREEMENT-DUPLICATE: an id met again — the same command retried changes nothing; other content is refused. */
export function retried(same: boolean, what: string, id: string): [] {
  if (same) return [];
  throw refuse.duplicate(what, id);
}

/** AGREEMENT-AREAS-UNIQUE */
export function requireUniqueAreas(areaIds: string[]): void {
  if (areaIds.length === 0 || new Set(areaIds).size !== areaIds.length) throw refuse.areasNotUnique(areaIds);
}

/** AGREEMENT-SETTLED */
export function requireUnsettled(state: OpenedAgreement): void {
  if (state.repayment) throw refuse.settled();
}

/** BUDGET-DEADLINE-PASSED: money stops moving after the use deadline (a Swedish date). */
export function requireBeforeUseDeadline(state: OpenedAgreement, { now }: DecisionContext): void {
  const today = swedishDate(now);
  if (today > state.useDeadline) throw refuse.deadlinePassed(state.useDeadline, today);
}

/** BUDGET-UNKNOWN-AREA */
export function requireArea(state: OpenedAgreement, areaId: string): AreaState {
  const found = area(state, areaId);
  if (!found) throw refuse.unknownArea(areaId);
  return found;
}

/** BUDGET-UNKNOWN-ACTIVITY: the activity exists (in the named area, when one is named). */
export function requireActivity(state: OpenedAgreement, activityId: string, areaId?: string): ActivityState {
  const found = state.activities[activityId];
  if (!found || (areaId !== undefined && found.areaId !== areaId)) throw refuse.unknownActivity(activityId, areaId);
  return found;
}

/** BUDGET-REALLOCATION-DISTINCT */
export function requireDistinct(from: string, to: string): void {
  if (from === to) throw refuse.sameSourceAndTarget(from);
}
