import { agreementDecider } from '../agreements/agreement.decider';
import { agreementStreamId } from '../agreements/agreement.state';
import { formatKronor } from '../agreements/money';
import { delegationDecider, delegationsStreamId, versionInForce } from '../delegations/delegation.decider';
import { evaluateMandate, MandateCheck } from '../delegations/delegation.rules';
import { DelegableKind, DelegatedAuthority, DelegationVersion } from '../delegations/mandate';
import { EventStore, RecordedEvent } from '../event-store/event-store.port';
import { Actor } from '../platform/actor';
import { NotFound } from '../platform/errors';
import { BodyDecisionReading, AuthorityResolver } from './authority';
import { domainEvent, EventRef, fold, prefixUntil, refOf } from './history';

/** The kind of delegated decision each money move of an agreement is (as the agreement decider asks checkMandate). */
const MOVES: Record<string, { kind: DelegableKind; areas: (data: Record<string, unknown>) => string[] }> = {
  ActivityAllocated: { kind: 'decide_activities', areas: (d) => [String(d.areaId)] },
  FundsReallocatedWithinArea: { kind: 'reallocate_within_area', areas: (d) => [String(d.areaId)] },
  FundsReallocatedBetweenAreas: { kind: 'reallocate_between_areas', areas: (d) => [String(d.fromAreaId), String(d.toAreaId)] },
};

export interface MandateReport {
  delegatedDecisionId: string;
  organisationId: string;
  agreementId: string;
  /** the decision as the agreement recorded it: the money it moved, where, by whom, when */
  decision: {
    event: EventRef;
    kind: DelegableKind;
    areaIds: string[];
    amountOre: number;
    amountFormatted: string;
    decidedBy: Actor;
    decidedAt: string;
  };
  /** the version the decision recorded it was taken under */
  recordedVersion: number;
  /** the delegation as it stood at that moment (register folded up to `decidedAt`, business time) */
  delegation: DelegationVersion | null;
  /** the last event of the register folded for that */
  registerStandsOn: EventRef | null;
  /** the body's decision behind that version */
  grantedBy: BodyDecisionReading | null;
  /** true when every check of checkMandate passes again on the history, with the version the decision names */
  inside: boolean;
  /** the checks of checkMandate the decision passed, in order, with their rule ids */
  checks: MandateCheck[];
  refusal: { ruleId: string; sv: string; en: string } | null;
  /** KL 6:40: where it was reported to the body */
  reported: { meetingId: string; paragraph: number; reportedOn: string } | null;
}

const DECISION = { sv: 'Delegationsbeslutet', en: 'The delegated decision' };

/** The register event that recorded the decision: in the organisation's register, or searched for in the whole history. */
async function findOnRegister(store: EventStore, decisionId: string, organisationId?: string): Promise<RecordedEvent | null> {
  const isIt = (e: RecordedEvent) => (e.type === 'DelegatedDecisionRecorded' || e.type === 'UrgentDecisionRecorded') && e.data.delegatedDecisionId === decisionId;
  if (organisationId !== undefined) return (await store.readStream(delegationsStreamId(organisationId))).find(isIt) ?? null;
  for await (const event of store.readAll()) if (event.streamId.startsWith('delegations-') && isIt(event)) return event;
  return null;
}

/**
 * Why a delegated decision fell inside its mandate: the agreement's event that moved the money
 * (its actor and business time), the delegation version in force at that moment on the register
 * as it then stood, and `evaluateMandate` — the same evaluation `checkMandate` enforced when the
 * decision was taken — listing every check passed with its rule id.
 */
export async function mandateReport(store: EventStore, decisionId: string, options: { organisationId?: string } = {}): Promise<MandateReport> {
  const recorded = await findOnRegister(store, decisionId, options.organisationId);
  if (!recorded) throw new NotFound(DECISION, { delegatedDecisionId: decisionId, organisationId: options.organisationId ?? null });
  if (recorded.type === 'UrgentDecisionRecorded') {
    // KL 6:39: the chair's own decision on the body's behalf rests on no delegation to check
    throw new NotFound(DECISION, { delegatedDecisionId: decisionId, urgentDecision: true, note: 'an urgent decision of the chair (KL 6:39), not taken under a delegation' });
  }
  const organisationId = String(recorded.data.organisationId);
  const agreementId = String(recorded.data.agreementId);
  const move = (await store.readStream(agreementStreamId(agreementId))).find((e) => {
    const authority = e.data.authority as DelegatedAuthority | undefined;
    return e.type in MOVES && authority?.kind === 'delegated' && authority.delegatedDecisionId === decisionId;
  });
  if (!move) throw new NotFound(DECISION, { delegatedDecisionId: decisionId, agreementId, note: 'on the register, but the agreement holds no move under it' });

  const data = domainEvent(agreementDecider, move).data as Record<string, unknown> & { authority: DelegatedAuthority; recordedAt: string; amountOre: number };
  const { kind, areas } = MOVES[move.type];
  const decidedAt = data.recordedAt;
  const at = new Date(decidedAt);
  const actor = move.metadata.actor as Actor;
  const register = fold(delegationDecider, prefixUntil(await store.readStream(delegationsStreamId(organisationId)), at));
  const delegation = versionInForce(register.state, data.authority.delegationId, at);
  const evaluation = evaluateMandate(delegation, { actor, agreementId, areaIds: areas(data), kind, amountOre: data.amountOre, at });
  const resolver = new AuthorityResolver(store);
  const now = await resolver.register(organisationId);
  const { refusal } = evaluation;
  return {
    delegatedDecisionId: decisionId,
    organisationId,
    agreementId,
    decision: { event: refOf(move), kind, areaIds: areas(data), amountOre: data.amountOre, amountFormatted: formatKronor(data.amountOre), decidedBy: actor, decidedAt },
    recordedVersion: data.authority.delegationVersion,
    delegation,
    registerStandsOn: register.last ? refOf(register.last) : null,
    grantedBy: delegation ? await resolver.body({ bodyId: delegation.bodyId, ...delegation.decision }) : null,
    inside: refusal === null && delegation?.version === data.authority.delegationVersion,
    checks: evaluation.passed,
    refusal: refusal && { ruleId: refusal.ruleId, sv: refusal.sv, en: refusal.en },
    reported: now.decisions.get(decisionId)?.reported ?? null,
  };
}
