import canonicalize from 'canonicalize';
import { swedishDate } from '../calendar/swedish-calendar';
import { BodyDecisionFact, BodyDecisionRef } from '../meetings/decision-authority';
import { Decider, DecisionContext } from '../platform/decider';
import { NotFound } from '../platform/errors';
import { bodyAuthority, decideAllocation, decideBetweenAreas, decideWithinArea, MoneyCommand } from './agreement.allocation';
import { AgreementArea, AgreementEvent, AgreementOpened, AreaBudgetsSet, OutcomeReported, RepaymentFigures } from './agreements.events';
import {
  refuse,
  requireActivity,
  requireAmount,
  requireArea,
  requireBeforeUseDeadline,
  requireRecorder,
  requireUniqueAreas,
  requireUnsettled,
  retried,
} from './agreements.rules';
import { activitiesIn, AgreementState, allocatedIn, budgetedTotal, evolveAgreement, initialAgreementState, OpenedAgreement, spentTotal } from './agreement.state';

export type { AllocateActivity, AuthorityEvidence, ReallocateBetweenAreas, ReallocateWithinArea } from './agreement.allocation';

export interface OpenAgreement {
  type: 'OpenAgreement';
  agreementId: string;
  caseId: string;
  /** the case as the handler found it (null when there is none) */
  caseSnapshot: { caseId: string; organisationId: string } | null;
  name: string;
  stateReference: string;
  year: number;
  totalOre: number;
  areas: AgreementArea[];
  useDeadline: string;
  reportingDate: string;
  repaymentDate: string;
}

export interface SetAreaBudgets {
  type: 'SetAreaBudgets';
  decision: BodyDecisionRef;
  /** the paragraph as the handler found it on the meeting (null when there is none) */
  fact: BodyDecisionFact | null;
  budgets: Array<{ areaId: string; amountOre: number; responsibleUserId: string; responsibleName: string }>;
}

export interface ReportOutcome {
  type: 'ReportOutcome';
  activityId: string;
  /** cumulative: everything spent on the activity so far */
  spentOre: number;
  reportedOn: string;
}

export interface ComputeRepayment {
  type: 'ComputeRepayment';
  repaymentId: string;
}

export interface RecordReportingBack {
  type: 'RecordReportingBack';
  submittedOn: string;
  reference: string;
}

export type AgreementCommand = OpenAgreement | SetAreaBudgets | MoneyCommand | ReportOutcome | ComputeRepayment | RecordReportingBack;

export const AGREEMENT = { sv: 'Överenskommelsen', en: 'The agreement' };

const stamp = ({ actor, now }: DecisionContext) => ({ recordedAt: now.toISOString(), recordedBy: actor.userId });

function open(command: OpenAgreement, state: AgreementState, context: DecisionContext): AgreementOpened[] {
  requireRecorder(context);
  const { type: _type, caseSnapshot, ...opening } = command;
  const { organisationId } = context.actor;
  const data = { ...opening, organisationId };
  // the content's own rules first: what is wrong with it says more than that the case has an agreement
  const { year, useDeadline, reportingDate, repaymentDate } = command;
  // AGREEMENT-DATES (Swedish dates compare as strings)
  if (useDeadline > reportingDate || useDeadline > repaymentDate || Number(useDeadline.slice(0, 4)) < year) {
    throw refuse.dates({ year, useDeadline, reportingDate, repaymentDate });
  }
  requireAmount(command.totalOre);
  requireUniqueAreas(command.areas.map((a) => a.areaId));
  if (state.status === 'open') {
    const { recordedAt: _at, recordedBy: _by, ...earlier } = state.history.at(0)!.data as AgreementOpened['data'];
    // compared canonically: the store need not keep the order of keys
    if (canonicalize(earlier) === canonicalize(data)) return [];
    // AGREEMENT-CASE-HAS-AGREEMENT: the handler derives the agreement's id from its case, so a second opening in the case lands here
    if (earlier.caseId === command.caseId) throw refuse.caseHasAgreement(command.caseId, command.agreementId);
    throw refuse.duplicate('agreement', command.agreementId);
  }
  // AGREEMENT-CASE
  if (!caseSnapshot || caseSnapshot.caseId !== command.caseId || caseSnapshot.organisationId !== organisationId) throw refuse.caseMissing(command.caseId);
  return [{ type: 'AgreementOpened', data: { ...data, ...stamp(context) } }];
}

function setBudgets(command: SetAreaBudgets, state: OpenedAgreement, context: DecisionContext): AreaBudgetsSet[] {
  requireRecorder(context);
  const { decision, budgets } = command;
  const earlier = state.history.find(
    (e): e is AreaBudgetsSet => e.type === 'AreaBudgetsSet' && e.data.authority.meetingId === decision.meetingId && e.data.authority.paragraph === decision.paragraph,
  );
  if (earlier) {
    const asked = budgets.map((b) => [b.areaId, b.amountOre, b.responsibleUserId, b.responsibleName]);
    const had = earlier.data.budgets.map((b) => [b.areaId, b.amountOre, b.responsibleUserId, b.responsibleName]);
    return retried(JSON.stringify(asked) === JSON.stringify(had), 'area budgets', `${decision.meetingId} § ${decision.paragraph}`);
  }
  requireUnsettled(state);
  requireBeforeUseDeadline(state, context);
  requireUniqueAreas(budgets.map((b) => b.areaId));
  const lines = budgets.map((b) => ({ ...b, amountOre: requireAmount(b.amountOre, { allowZero: true }), previousOre: requireArea(state, b.areaId).budgetOre }));
  const { authority, decidedOn } = bodyAuthority(state, decision, command.fact);
  for (const line of lines) {
    const allocatedOre = allocatedIn(state, line.areaId);
    // BUDGET-AREA-BELOW-ALLOCATED
    if (line.amountOre < allocatedOre) throw refuse.areaBelowAllocated(line.areaId, line.amountOre, allocatedOre);
  }
  const budgetedOre = budgetedTotal(state) + lines.reduce((sum, l) => sum + l.amountOre - l.previousOre, 0);
  // BUDGET-AREAS-WITHIN-TOTAL
  if (budgetedOre > state.totalOre) throw refuse.areasAboveTotal(budgetedOre, state.totalOre);
  return [{ type: 'AreaBudgetsSet', data: { authority, decidedOn, budgets: lines, ...stamp(context) } }];
}

/** The repayment as the ledger stands: total less everything spent, area by area. */
function repaymentFigures(state: OpenedAgreement): RepaymentFigures {
  const areas = state.areas.map((a) => {
    const spentOre = activitiesIn(state, a.areaId).reduce((sum, x) => sum + x.spentOre, 0);
    return { areaId: a.areaId, budgetOre: a.budgetOre, spentOre, unspentOre: a.budgetOre - spentOre };
  });
  const spentOre = spentTotal(state);
  return { totalOre: state.totalOre, spentOre, repaymentOre: state.totalOre - spentOre, unbudgetedOre: state.totalOre - budgetedTotal(state), areas };
}

function reportOutcome(command: ReportOutcome, state: OpenedAgreement, context: DecisionContext): AgreementEvent[] {
  requireRecorder(context);
  const { activityId, spentOre, reportedOn } = command;
  const activity = requireActivity(state, activityId);
  if (activity.outcomeReportedOn !== null && activity.spentOre === spentOre) return [];
  // BUDGET-OUTCOME-WITHIN-ALLOCATION
  if (!Number.isSafeInteger(spentOre) || spentOre < 0 || spentOre > activity.allocatedOre) {
    throw refuse.outcomeOutsideAllocation(activityId, spentOre, activity.allocatedOre);
  }
  const { repayment } = state;
  const data = { activityId, areaId: activity.areaId, spentOre, previousSpentOre: activity.spentOre, reportedOn, correction: repayment !== null, ...stamp(context) };
  const reported: OutcomeReported = { type: 'OutcomeReported', data };
  if (!repayment) return [reported];
  // a correction (rättelse) after the repayment: computed again as a new fact naming the figure it replaces; nothing is edited
  const corrected = evolveAgreement(state, reported) as OpenedAgreement;
  const recomputed = {
    repaymentId: repayment.repaymentId,
    computedOn: swedishDate(context.now),
    ...repaymentFigures(corrected),
    activityId,
    previousRepaymentOre: repayment.repaymentOre,
    previousComputedOn: repayment.computedOn,
    ...stamp(context),
  };
  return [reported, { type: 'RepaymentRecomputed', data: recomputed }];
}

function computeRepayment(command: ComputeRepayment, state: OpenedAgreement, context: DecisionContext): AgreementEvent[] {
  requireRecorder(context);
  if (state.repayment) {
    if (state.repayment.repaymentId === command.repaymentId) return [];
    // BUDGET-REPAYMENT-ONCE
    throw refuse.repaymentOnce(state.repayment.computedOn);
  }
  const today = swedishDate(context.now);
  // BUDGET-REPAYMENT-BEFORE-DEADLINE
  if (today <= state.useDeadline) throw refuse.repaymentBeforeDeadline(state.useDeadline, today);
  // BUDGET-OUTCOMES-MISSING: an activity left with nothing allocated cannot have spent anything
  const missing = Object.values(state.activities).filter((a) => a.outcomeReportedOn === null && a.allocatedOre > 0);
  if (missing.length > 0) throw refuse.outcomesMissing(missing.map((a) => a.activityId));
  return [{ type: 'RepaymentComputed', data: { repaymentId: command.repaymentId, computedOn: today, ...repaymentFigures(state), ...stamp(context) } }];
}

function recordReportingBack(command: RecordReportingBack, state: OpenedAgreement, context: DecisionContext): AgreementEvent[] {
  requireRecorder(context);
  const { submittedOn, reference } = command;
  if (state.reportingBack) {
    if (state.reportingBack.submittedOn === submittedOn && state.reportingBack.reference === reference) return [];
    // AGREEMENT-REPORTING-BACK-ONCE
    throw refuse.reportedBack(state.reportingBack.submittedOn, state.reportingBack.reference);
  }
  // AGREEMENT-REPORTING-BACK-BEFORE-REPAYMENT
  if (!state.repayment) throw refuse.reportingBackBeforeRepayment();
  return [{ type: 'ReportingBackRecorded', data: { submittedOn, reference, ...stamp(context) } }];
}

/**
 * An agreement with the state (överenskommelse): its total, the budgets of its development areas,
 * the activities money is allocated to, reallocations, outcomes, the repayment and the reporting back.
 */
export const agreementDecider: Decider<AgreementCommand, AgreementEvent, AgreementState> = {
  name: 'agreement',
  initialState: initialAgreementState,
  evolve: evolveAgreement,

  decide(command, state, context) {
    if (command.type === 'OpenAgreement') return open(command, state, context);
    // another organisation's agreement is answered as missing: its existence is not ours to tell
    if (state.status === 'none' || state.organisationId !== context.actor.organisationId) throw new NotFound(AGREEMENT);
    switch (command.type) {
      case 'SetAreaBudgets':
        return setBudgets(command, state, context);
      case 'AllocateActivity':
        return decideAllocation(command, state, context);
      case 'ReallocateWithinArea':
        return decideWithinArea(command, state, context);
      case 'ReallocateBetweenAreas':
        return decideBetweenAreas(command, state, context);
      case 'ReportOutcome':
        return reportOutcome(command, state, context);
      case 'ComputeRepayment':
        return computeRepayment(command, state, context);
      case 'RecordReportingBack':
        return recordReportingBack(command, state, context);
    }
  },
};
