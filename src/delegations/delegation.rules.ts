import { swedishDate } from '../calendar/swedish-calendar';
import { RuleViolation } from '../platform/errors';
import { DelegatedDecisionView, DelegationVersion, MandateRequest } from './mandate';

/** Rule ids of delegation: each appears here, in the code that enforces it, and in its test. */
export const DelegationRules = {
  /** KL 6:37 — a delegation goes to one member, deputy or employee (or one role), never to a group. */
  KL_6_37: 'KL-6-37',
  /** KL 6:38 — goals, direction, scope or quality, proposals to the council, matters of principle cannot be delegated. */
  KL_6_38: 'KL-6-38',
  /** KL 6:39 — the chair may decide urgent matters; they are reported at the next meeting. */
  KL_6_39: 'KL-6-39',
  /** KL 6:40 — every delegated decision is reported to the delegating body. */
  KL_6_40: 'KL-6-40',
  DELEGATION_NOT_FOUND: 'DELEGATION-NOT-FOUND',
  DELEGATION_REVOKED: 'DELEGATION-REVOKED',
  DELEGATION_VALIDITY: 'DELEGATION-VALIDITY',
  DELEGATION_DELEGATE: 'DELEGATION-DELEGATE',
  DELEGATION_SCOPE: 'DELEGATION-SCOPE',
  DELEGATION_KIND: 'DELEGATION-KIND',
  DELEGATION_AMOUNT_LIMIT: 'DELEGATION-AMOUNT-LIMIT',
  /** Moving money between development areas needs the body itself, or a delegation that says so explicitly. */
  BUDGET_BETWEEN_AREAS_MANDATE: 'BUDGET-BETWEEN-AREAS-MANDATE',
} as const;

const violation = (ruleId: string, sv: string, en: string, details: Record<string, unknown>) => new RuleViolation(ruleId, sv, en, details);

/**
 * The one check of a delegated decision against its delegation as it stands at `request.at`:
 * in force (not revoked, inside the validity period), taken by the delegate, inside the scope
 * (agreement, areas, kind) and the amount limit. Throws the first rule broken.
 */
export function checkMandate(delegation: DelegationVersion | null, request: MandateRequest): DelegationVersion {
  if (!delegation) {
    throw violation(DelegationRules.DELEGATION_NOT_FOUND, 'Delegationen finns inte.', 'The delegation does not exist.', {});
  }
  const details = { delegationId: delegation.delegationId, version: delegation.version };
  if (delegation.revokedAt !== null && Date.parse(delegation.revokedAt) <= request.at.getTime()) {
    throw violation(DelegationRules.DELEGATION_REVOKED, 'Delegationen är återkallad.', 'The delegation has been revoked.', { ...details, revokedAt: delegation.revokedAt });
  }
  const today = swedishDate(request.at);
  if (today < delegation.validFrom || (delegation.validUntil !== null && today > delegation.validUntil)) {
    throw violation(
      DelegationRules.DELEGATION_VALIDITY,
      `Delegationen gäller ${delegation.validFrom}–${delegation.validUntil ?? ''}, inte ${today}.`,
      `The delegation is valid ${delegation.validFrom}–${delegation.validUntil ?? ''}, not on ${today}.`,
      { ...details, today, validFrom: delegation.validFrom, validUntil: delegation.validUntil },
    );
  }
  const { delegate } = delegation;
  const isDelegate =
    request.actor.organisationId === delegation.organisationId &&
    (delegate.kind === 'person' ? request.actor.userId === delegate.userId : request.actor.role === delegate.role);
  if (!isDelegate) {
    throw violation(DelegationRules.DELEGATION_DELEGATE, 'Du är inte delegat enligt denna delegation.', 'You are not the delegate of this delegation.', {
      ...details,
      delegate,
      userId: request.actor.userId,
    });
  }
  const outside = request.areaIds.filter((a) => !delegation.scope.areaIds.includes(a));
  if (request.agreementId !== delegation.scope.agreementId || outside.length > 0) {
    throw violation(
      DelegationRules.DELEGATION_SCOPE,
      'Beslutet ligger utanför delegationens överenskommelse eller utvecklingsområden.',
      "The decision lies outside the delegation's agreement or development areas.",
      { ...details, agreementId: request.agreementId, areasOutside: outside },
    );
  }
  if (!delegation.scope.kinds.includes(request.kind)) {
    if (request.kind === 'reallocate_between_areas') {
      throw violation(
        DelegationRules.BUDGET_BETWEEN_AREAS_MANDATE,
        'Omfördelning mellan utvecklingsområden kräver beslut av nämnden eller en uttrycklig delegation.',
        'Reallocation between development areas needs a decision of the body or an explicit delegation.',
        { ...details, kind: request.kind },
      );
    }
    throw violation(DelegationRules.DELEGATION_KIND, 'Delegationen omfattar inte den sortens beslut.', 'The delegation does not cover this kind of decision.', {
      ...details,
      kind: request.kind,
      allowed: delegation.scope.kinds,
    });
  }
  if (delegation.amountLimitOre !== null && request.amountOre > delegation.amountLimitOre) {
    throw violation(
      DelegationRules.DELEGATION_AMOUNT_LIMIT,
      'Beloppet överstiger delegationens beloppsgräns per beslut.',
      "The amount exceeds the delegation's limit per decision.",
      { ...details, amountOre: request.amountOre, amountLimitOre: delegation.amountLimitOre },
    );
  }
  return delegation;
}

/**
 * KL-6-40: what a meeting of `bodyId` may record as reported — each id must be a decision on that
 * body's register that is still unreported (delegated decisions and the chair's urgent ones alike).
 * `unreported` is the body's unreported list as it stands now.
 */
export function checkReportable(bodyId: string, unreported: DelegatedDecisionView[], decisionIds: string[]): DelegatedDecisionView[] {
  if (decisionIds.length === 0 || new Set(decisionIds).size !== decisionIds.length) {
    throw violation(DelegationRules.KL_6_40, 'Ange de delegationsbeslut som anmäls, var och ett en gång.', 'Name the delegated decisions being reported, each once.', { decisionIds });
  }
  const byId = new Map(unreported.filter((d) => d.bodyId === bodyId && d.reported === null).map((d) => [d.delegatedDecisionId, d]));
  const unknown = decisionIds.filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    throw violation(
      DelegationRules.KL_6_40,
      'Endast oanmälda beslut fattade med stöd av nämndens egen delegation (eller av ordföranden i brådskande ärenden) kan anmälas här.',
      "Only unreported decisions taken under this body's own delegation (or urgent decisions of its chair) can be reported here.",
      { bodyId, notReportable: unknown },
    );
  }
  return decisionIds.map((id) => byId.get(id)!);
}
