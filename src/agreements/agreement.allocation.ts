import { checkMandate } from '../delegations/delegation.rules';
import { Authority, DelegableKind, DelegationVersion } from '../delegations/mandate';
import { BodyDecisionFact, BodyDecisionRef, requireBodyDecision } from '../meetings/decision-authority';
import { DecisionContext } from '../platform/decider';
import { ActivityAllocated, ActivityOwner, AgreementEvent, FundsReallocatedBetweenAreas, FundsReallocatedWithinArea } from './agreements.events';
import { refuse, requireActivity, requireAmount, requireArea, requireBeforeUseDeadline, requireDistinct, requireRecorder, requireUnsettled, retried } from './agreements.rules';
import { allocatedIn, OpenedAgreement } from './agreement.state';

/**
 * What authorises a decision that moves money, as the handler found it: the delegation version in
 * force (for `checkMandate`) or the body's decision (for `requireBodyDecision`). Ids of the
 * delegated decision are derived from the command id, so a retry names the same decision.
 */
export type AuthorityEvidence =
  | { kind: 'delegated'; delegationId: string; delegation: DelegationVersion | null; delegatedDecisionId: string }
  | { kind: 'body'; decision: BodyDecisionRef; fact: BodyDecisionFact | null };

export interface AllocateActivity {
  type: 'AllocateActivity';
  activityId: string;
  areaId: string;
  title: string;
  amountOre: number;
  owner: ActivityOwner | null;
  recipientOrganisationIds: string[];
  authority: AuthorityEvidence;
}

export interface ReallocateWithinArea {
  type: 'ReallocateWithinArea';
  reallocationId: string;
  areaId: string;
  fromActivityId: string;
  toActivityId: string;
  amountOre: number;
  authority: AuthorityEvidence;
}

export interface ReallocateBetweenAreas {
  type: 'ReallocateBetweenAreas';
  reallocationId: string;
  fromAreaId: string;
  toAreaId: string;
  amountOre: number;
  authority: AuthorityEvidence;
}

export type MoneyCommand = AllocateActivity | ReallocateWithinArea | ReallocateBetweenAreas;

/** The body decision an event of the agreement rests on, if one does. */
function bodyDecisionOf(event: AgreementEvent): BodyDecisionRef | null {
  if (event.type === 'AreaBudgetsSet' || event.type === 'ActivityAllocated' || event.type === 'FundsReallocatedWithinArea' || event.type === 'FundsReallocatedBetweenAreas') {
    const { authority } = event.data;
    return authority.kind === 'body' ? authority : null;
  }
  return null;
}

/**
 * The body's decision, which must be the agreement's deciding body once one has decided its
 * budgets. The first decision, which sets the budgets and fixes that body, must be a decision on
 * the agreement's own case; later ones may be any approval of the body. Each § authorises one act:
 * otherwise one approval would stand as a lasting mandate for any number of moves. A retried
 * command never gets here: it is recognised by its own id first.
 */
export function bodyAuthority(state: OpenedAgreement, decision: BodyDecisionRef, fact: BodyDecisionFact | null) {
  const found = requireBodyDecision(decision, fact, { organisationId: state.organisationId, bodyId: state.decidingBodyId ?? undefined });
  // AGREEMENT-DECISION-CASE
  if (state.decidingBodyId === null && found.caseId !== state.caseId) throw refuse.decisionOnOtherCase(found.meetingId, found.paragraph, found.caseId, state.caseId);
  // AGREEMENT-DECISION-REUSED
  const used = state.history.find((e) => {
    const ref = bodyDecisionOf(e);
    return ref !== null && ref.meetingId === found.meetingId && ref.paragraph === found.paragraph;
  });
  if (used) throw refuse.decisionReused(found.meetingId, found.paragraph, used.type);
  return { authority: { kind: 'body' as const, meetingId: found.meetingId, paragraph: found.paragraph, bodyId: found.bodyId }, decidedOn: found.decidedOn };
}

function authorise(
  state: OpenedAgreement,
  evidence: AuthorityEvidence,
  request: { kind: DelegableKind; areaIds: string[]; amountOre: number },
  context: DecisionContext,
): Authority {
  if (evidence.kind === 'body') {
    requireRecorder(context);
    return bodyAuthority(state, evidence.decision, evidence.fact).authority;
  }
  const delegation = checkMandate(evidence.delegation, { actor: context.actor, agreementId: state.agreementId, ...request, at: context.now });
  // AGREEMENT-DECIDING-BODY
  if (state.decidingBodyId !== null && delegation.bodyId !== state.decidingBodyId) throw refuse.decidingBody(delegation.bodyId, state.decidingBodyId);
  return {
    kind: 'delegated',
    delegatedDecisionId: evidence.delegatedDecisionId,
    delegationId: delegation.delegationId,
    delegationVersion: delegation.version,
    bodyId: delegation.bodyId,
    decidedBy: context.actor.userId,
  };
}

/** The same command retried names the same authority (delegated decision id or body decision). */
function sameAuthority(recorded: Authority, evidence: AuthorityEvidence): boolean {
  if (recorded.kind === 'delegated') return evidence.kind === 'delegated' && recorded.delegatedDecisionId === evidence.delegatedDecisionId;
  return evidence.kind === 'body' && recorded.meetingId === evidence.decision.meetingId && recorded.paragraph === evidence.decision.paragraph;
}

type Reallocated = FundsReallocatedWithinArea | FundsReallocatedBetweenAreas;
const earlierReallocation = (state: OpenedAgreement, reallocationId: string) =>
  state.history.find(
    (e): e is Reallocated => (e.type === 'FundsReallocatedWithinArea' || e.type === 'FundsReallocatedBetweenAreas') && e.data.reallocationId === reallocationId,
  );

export function decideAllocation(command: AllocateActivity, state: OpenedAgreement, context: DecisionContext): ActivityAllocated[] {
  const { activityId, areaId, title, amountOre, owner, recipientOrganisationIds } = command;
  const first = state.history.find((e): e is ActivityAllocated => e.type === 'ActivityAllocated' && e.data.activityId === activityId);
  if (first) {
    const d = first.data;
    const same =
      d.areaId === areaId &&
      d.title === title &&
      d.amountOre === amountOre &&
      d.owner === owner &&
      d.recipientOrganisationIds.join() === recipientOrganisationIds.join() &&
      sameAuthority(d.authority, command.authority);
    return retried(same, 'activity', activityId);
  }
  requireUnsettled(state);
  requireBeforeUseDeadline(state, context);
  requireAmount(amountOre);
  const target = requireArea(state, areaId);
  const authority = authorise(state, command.authority, { kind: 'decide_activities', areaIds: [areaId], amountOre }, context);
  const availableOre = target.budgetOre - allocatedIn(state, areaId);
  // BUDGET-ALLOCATION-WITHIN-AREA
  if (amountOre > availableOre) throw refuse.allocationAboveArea(areaId, amountOre, availableOre);
  const at = { recordedAt: context.now.toISOString(), recordedBy: context.actor.userId };
  return [{ type: 'ActivityAllocated', data: { activityId, areaId, title, amountOre, owner, recipientOrganisationIds, authority, ...at } }];
}

export function decideWithinArea(command: ReallocateWithinArea, state: OpenedAgreement, context: DecisionContext): FundsReallocatedWithinArea[] {
  const { reallocationId, areaId, fromActivityId, toActivityId, amountOre } = command;
  const e = earlierReallocation(state, reallocationId);
  if (e) {
    const same =
      e.type === 'FundsReallocatedWithinArea' &&
      e.data.areaId === areaId &&
      e.data.fromActivityId === fromActivityId &&
      e.data.toActivityId === toActivityId &&
      e.data.amountOre === amountOre;
    return retried(same && sameAuthority(e.data.authority, command.authority), 'reallocation', reallocationId);
  }
  requireUnsettled(state);
  requireBeforeUseDeadline(state, context);
  requireAmount(amountOre);
  requireArea(state, areaId);
  const from = requireActivity(state, fromActivityId, areaId);
  requireActivity(state, toActivityId, areaId);
  requireDistinct(fromActivityId, toActivityId);
  const authority = authorise(state, command.authority, { kind: 'reallocate_within_area', areaIds: [areaId], amountOre }, context);
  const remainingOre = from.allocatedOre - amountOre;
  // BUDGET-NOT-BELOW-SPENT (below zero included: nothing is spent below zero)
  if (remainingOre < from.spentOre) throw refuse.belowSpent(fromActivityId, remainingOre, from.spentOre);
  const at = { recordedAt: context.now.toISOString(), recordedBy: context.actor.userId };
  return [{ type: 'FundsReallocatedWithinArea', data: { reallocationId, areaId, fromActivityId, toActivityId, amountOre, authority, ...at } }];
}

export function decideBetweenAreas(command: ReallocateBetweenAreas, state: OpenedAgreement, context: DecisionContext): FundsReallocatedBetweenAreas[] {
  const { reallocationId, fromAreaId, toAreaId, amountOre } = command;
  const e = earlierReallocation(state, reallocationId);
  if (e) {
    const same = e.type === 'FundsReallocatedBetweenAreas' && e.data.fromAreaId === fromAreaId && e.data.toAreaId === toAreaId && e.data.amountOre === amountOre;
    return retried(same && sameAuthority(e.data.authority, command.authority), 'reallocation', reallocationId);
  }
  requireUnsettled(state);
  requireBeforeUseDeadline(state, context);
  requireAmount(amountOre);
  const from = requireArea(state, fromAreaId);
  requireArea(state, toAreaId);
  requireDistinct(fromAreaId, toAreaId);
  const authority = authorise(state, command.authority, { kind: 'reallocate_between_areas', areaIds: [fromAreaId, toAreaId], amountOre }, context);
  const availableOre = from.budgetOre - allocatedIn(state, fromAreaId);
  // BUDGET-AREA-AVAILABLE
  if (amountOre > availableOre) throw refuse.areaNotAvailable(fromAreaId, amountOre, availableOre);
  const at = { recordedAt: context.now.toISOString(), recordedBy: context.actor.userId };
  return [{ type: 'FundsReallocatedBetweenAreas', data: { reallocationId, fromAreaId, toAreaId, amountOre, authority, ...at } }];
}
