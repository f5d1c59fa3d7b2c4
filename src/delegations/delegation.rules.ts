import { formatKronor as kr } from '../agreements/money';
import { swedishDate } from '../calendar/swedish-calendar';
import { Role } from '../platform/actor';
import { BodyDecisionRef } from '../meetings/decision-authority';
import { RuleViolation } from '../platform/errors';
import { DelegableKind, DelegatedDecisionView, DelegationVersion, MandateRequest, NON_DELEGABLE_MATTERS, NonDelegableMatter } from './mandate';

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
  /** A delegated decision names a delegation on the organisation's register. */
  DELEGATION_NOT_FOUND: 'DELEGATION-NOT-FOUND',
  /** Nothing is decided under a revoked delegation from the instant of revocation. */
  DELEGATION_REVOKED: 'DELEGATION-REVOKED',
  /** A delegated decision falls inside the delegation's validity period (Swedish dates, inclusive). */
  DELEGATION_VALIDITY: 'DELEGATION-VALIDITY',
  /** Only the delegate (the person, or the holder of the role, in the delegating organisation) decides under it. */
  DELEGATION_DELEGATE: 'DELEGATION-DELEGATE',
  /** A delegated decision stays inside the delegation's agreement and development areas. */
  DELEGATION_SCOPE: 'DELEGATION-SCOPE',
  /** A delegated decision is of a kind the delegation covers. */
  DELEGATION_KIND: 'DELEGATION-KIND',
  /** A delegated decision moves at most the delegation's amount limit per decision. */
  DELEGATION_AMOUNT_LIMIT: 'DELEGATION-AMOUNT-LIMIT',
  /** Moving money between development areas needs the body itself, or a delegation that says so explicitly. */
  BUDGET_BETWEEN_AREAS_MANDATE: 'BUDGET-BETWEEN-AREAS-MANDATE',
  /** The committee secretary records the body's delegations, amendments and revocations. */
  DELEGATION_SECRETARY_ROLE: 'DELEGATION-SECRETARY-ROLE',
  /** A validity period ends on or after the day it starts, and starts no earlier than the body's decision that granted the delegation. */
  DELEGATION_PERIOD: 'DELEGATION-PERIOD',
  /** A delegation's scope names an agreement of the organisation, and only development areas of that agreement. */
  DELEGATION_AGREEMENT: 'DELEGATION-AGREEMENT',
  /** Only the body that delegated can amend or revoke the delegation. */
  DELEGATION_BODY: 'DELEGATION-BODY',
  /** A revoked delegation stays revoked: it is neither revoked again nor amended. */
  DELEGATION_ALREADY_REVOKED: 'DELEGATION-ALREADY-REVOKED',
  /** A delegation id names one grant; another grant under the same id is refused. */
  DELEGATION_ALREADY_GRANTED: 'DELEGATION-ALREADY-GRANTED',
  /** One § of the body decides one delegation: a grant not on a § behind another delegation, an amendment or revocation not on one behind any of its versions. */
  DELEGATION_DECISION_REUSED: 'DELEGATION-DECISION-REUSED',
  /** An amendment or revocation rests on a decision no older than the one it changes, and a revocation takes effect no earlier than the day it was decided. */
  DELEGATION_DECISION_ORDER: 'DELEGATION-DECISION-ORDER',
} as const;

const violation = (ruleId: string, sv: string, en: string, details: Record<string, unknown>) => new RuleViolation(ruleId, sv, en, details);

/** A check of `checkMandate` a decision passed, as the auditor's mandate report shows it. */
export interface MandateCheck {
  ruleId: string;
  sv: string;
  en: string;
}

/** Every check passed, in order, up to the first one broken (then `refusal`). */
export interface MandateEvaluation {
  passed: MandateCheck[];
  refusal: RuleViolation | null;
}

type Texts = [sv: string, en: string];
/** A rule of the mandate: whether it holds, what it says when it does, and the refusal when it does not. */
type Step = [ruleId: string, holds: boolean, passed: Texts, refused: Texts, details: Record<string, unknown>];

/** never throws: the texts are built before the amount's own rules have necessarily run */
const kronor = (ore: number) => (Number.isSafeInteger(ore) ? kr(ore) : `${ore} öre`);
const who = (delegate: DelegationVersion['delegate'], role: string) => (delegate.kind === 'person' ? delegate.userId : `${role} ${delegate.role}`);

/** The checks of a delegated decision against a delegation, in the order they are enforced. */
function mandateSteps(delegation: DelegationVersion, request: MandateRequest): Step[] {
  const details = { delegationId: delegation.delegationId, version: delegation.version };
  const { revokedAt, validFrom, validUntil, delegate, scope, amountLimitOre: limit } = delegation;
  const { actor, amountOre, kind } = request;
  const today = swedishDate(request.at);
  const period = `${validFrom}–${validUntil ?? ''}`;
  const isDelegate = actor.organisationId === delegation.organisationId && (delegate.kind === 'person' ? actor.userId === delegate.userId : actor.role === delegate.role);
  const outside = request.areaIds.filter((a) => !scope.areaIds.includes(a));
  const areas = request.areaIds.join(', ');
  const by = `${actor.userId} (${actor.role}, ${actor.organisationId})`;
  const betweenAreas = kind === 'reallocate_between_areas';
  return [
    [
      DelegationRules.DELEGATION_REVOKED,
      revokedAt === null || Date.parse(revokedAt) > request.at.getTime(),
      revokedAt === null ? ['Delegationen var inte återkallad.', 'The delegation was not revoked.'] : [`Återkallad först ${revokedAt}, efter beslutet.`, `Revoked only at ${revokedAt}, after the decision.`],
      ['Delegationen är återkallad.', 'The delegation has been revoked.'],
      { ...details, revokedAt },
    ],
    [
      DelegationRules.DELEGATION_VALIDITY,
      today >= validFrom && (validUntil === null || today <= validUntil),
      [`Beslutsdagen ${today} ligger inom giltighetstiden ${period}.`, `The day of the decision, ${today}, lies inside the validity period ${period}.`],
      [`Delegationen gäller ${period}, inte ${today}.`, `The delegation is valid ${period}, not on ${today}.`],
      { ...details, today, validFrom, validUntil },
    ],
    [
      DelegationRules.DELEGATION_DELEGATE,
      isDelegate,
      [`${by} är delegat (${who(delegate, 'rollen')}).`, `${by} is the delegate (${who(delegate, 'role')}).`],
      ['Du är inte delegat enligt denna delegation.', 'You are not the delegate of this delegation.'],
      { ...details, delegate, userId: actor.userId },
    ],
    [
      DelegationRules.DELEGATION_SCOPE,
      request.agreementId === scope.agreementId && outside.length === 0,
      [`Överenskommelsen och utvecklingsområdet ${areas} ingår i delegationen.`, `The agreement and the development area ${areas} are inside the delegation.`],
      ['Beslutet ligger utanför delegationens överenskommelse eller utvecklingsområden.', "The decision lies outside the delegation's agreement or development areas."],
      { ...details, agreementId: request.agreementId, areasOutside: outside },
    ],
    [
      betweenAreas ? DelegationRules.BUDGET_BETWEEN_AREAS_MANDATE : DelegationRules.DELEGATION_KIND,
      scope.kinds.includes(kind),
      [`Delegationen omfattar beslut av slaget ${kind}.`, `The delegation covers decisions of the kind ${kind}.`],
      betweenAreas
        ? ['Omfördelning mellan utvecklingsområden kräver beslut av nämnden eller en uttrycklig delegation.', 'Reallocation between development areas needs a decision of the body or an explicit delegation.']
        : ['Delegationen omfattar inte den sortens beslut.', 'The delegation does not cover this kind of decision.'],
      betweenAreas ? { ...details, kind } : { ...details, kind, allowed: scope.kinds },
    ],
    [
      DelegationRules.DELEGATION_AMOUNT_LIMIT,
      limit === null || amountOre <= limit,
      limit === null
        ? ['Delegationen har ingen beloppsgräns.', 'The delegation has no amount limit.']
        : [`Beloppet ${kronor(amountOre)} ryms inom beloppsgränsen ${kronor(limit)}.`, `The amount ${kronor(amountOre)} is within the limit of ${kronor(limit)}.`],
      ['Beloppet överstiger delegationens beloppsgräns per beslut.', "The amount exceeds the delegation's limit per decision."],
      { ...details, amountOre, amountLimitOre: limit },
    ],
  ];
}

/**
 * A delegated decision against its delegation as it stands at `request.at`: in force (not
 * revoked, inside the validity period), taken by the delegate, inside the scope (agreement,
 * areas, kind) and the amount limit — every check passed, up to the first rule broken.
 * `checkMandate` enforces it; the auditor's mandate report shows the checks passed.
 */
export function evaluateMandate(delegation: DelegationVersion | null, request: MandateRequest): MandateEvaluation {
  if (!delegation) return { passed: [], refusal: violation(DelegationRules.DELEGATION_NOT_FOUND, 'Delegationen finns inte.', 'The delegation does not exist.', {}) };
  const { delegationId, version } = delegation;
  const passed: MandateCheck[] = [
    {
      ruleId: DelegationRules.DELEGATION_NOT_FOUND,
      sv: `Delegationen ${delegationId} finns i registret; version ${version} gällde.`,
      en: `The delegation ${delegationId} is on the register; version ${version} was in force.`,
    },
  ];
  for (const [ruleId, holds, [sv, en], refused, details] of mandateSteps(delegation, request)) {
    if (!holds) return { passed, refusal: violation(ruleId, refused[0], refused[1], details) };
    passed.push({ ruleId, sv, en });
  }
  return { passed, refusal: null };
}

/** The one check of a delegated decision against its delegation (`evaluateMandate`): throws the first rule broken. */
export function checkMandate(delegation: DelegationVersion | null, request: MandateRequest): DelegationVersion {
  const { refusal } = evaluateMandate(delegation, request);
  if (refusal || !delegation) throw refusal;
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

/**
 * KL-6-37: roles one person holds at a time; a role several people hold is a group. Not `chair`:
 * every body has one, and the role matches the chair of any of them.
 */
export const SINGLE_HOLDER_ROLES: readonly Role[] = ['regional_director'];

/** The terms of a delegation as the body's decision states them, before KL-6-37 and KL-6-38 are checked. */
export interface DelegationTermsRequest {
  delegates: Array<{ userId?: string; role?: Role }>;
  scope: { agreementId: string; areaIds: string[]; kinds: Array<DelegableKind | NonDelegableMatter> };
  amountLimitOre: number | null;
  validFrom: string;
  validUntil: string | null;
}

export type DelegationTerms = Pick<DelegationVersion, 'delegate' | 'scope' | 'amountLimitOre' | 'validFrom' | 'validUntil'>;

const isNonDelegable = (kind: string): kind is NonDelegableMatter => (NON_DELEGABLE_MATTERS as readonly string[]).includes(kind);

/**
 * What a body may delegate and to whom (KL-6-37, KL-6-38), and a period that ends after it
 * starts (DELEGATION-PERIOD). Returns the terms as a version stores them.
 */
export function checkTerms(request: DelegationTermsRequest): DelegationTerms {
  const { delegates, scope } = request;
  if (delegates.length !== 1) {
    throw violation(
      DelegationRules.KL_6_37,
      'En delegation ges till en enda person eller en roll som en person innehar, inte till flera.',
      'A delegation goes to exactly one person or one role held by one person, not to several.',
      { delegates: delegates.length },
    );
  }
  const [{ userId, role }] = delegates;
  if ((userId === undefined) === (role === undefined)) {
    throw violation(DelegationRules.KL_6_37, 'Ange delegaten antingen som person eller som roll.', 'Name the delegate either as a person or as a role.', {
      delegate: delegates[0],
    });
  }
  if (role !== undefined && !SINGLE_HOLDER_ROLES.includes(role)) {
    throw violation(
      DelegationRules.KL_6_37,
      `Rollen ${role} innehas av flera personer; delegation till en grupp är inte tillåten.`,
      `The role ${role} is held by several people; a delegation cannot go to a group.`,
      { role, singleHolderRoles: SINGLE_HOLDER_ROLES },
    );
  }
  const nonDelegable = scope.kinds.filter(isNonDelegable);
  if (nonDelegable.length > 0) {
    throw violation(
      DelegationRules.KL_6_38,
      'Mål och inriktning, omfattning eller kvalitet, yttranden till fullmäktige och ärenden av principiell beskaffenhet får inte delegeras.',
      'Goals and direction, scope or quality, proposals to the council and matters of principle cannot be delegated.',
      { nonDelegable },
    );
  }
  if (request.validUntil !== null && request.validUntil < request.validFrom) {
    throw violation(
      DelegationRules.DELEGATION_PERIOD,
      `Giltighetstiden slutar (${request.validUntil}) före den börjar (${request.validFrom}).`,
      `The validity period ends (${request.validUntil}) before it starts (${request.validFrom}).`,
      { validFrom: request.validFrom, validUntil: request.validUntil },
    );
  }
  return {
    delegate: userId !== undefined ? { kind: 'person', userId } : { kind: 'role', role: role! },
    scope: {
      agreementId: scope.agreementId,
      areaIds: [...new Set(scope.areaIds)],
      kinds: [...new Set(scope.kinds.filter((k): k is DelegableKind => !isNonDelegable(k)))],
    },
    amountLimitOre: request.amountLimitOre,
    validFrom: request.validFrom,
    validUntil: request.validUntil,
  };
}

/** Refusals of the register itself (who records, which body, revoked); the decider says when. */
export const refuse = {
  notSecretary: (role: string) =>
    violation(
      DelegationRules.DELEGATION_SECRETARY_ROLE,
      'Endast nämndsekreteraren för in delegationer, ändringar och återkallelser.',
      'Only the committee secretary records delegations, amendments and revocations.',
      { role },
    ),
  otherBody: (delegationId: string, bodyId: string, requestedBodyId: string) =>
    violation(
      DelegationRules.DELEGATION_BODY,
      `Delegationen gavs av ${bodyId}; endast den nämnden kan ändra eller återkalla den.`,
      `The delegation was given by ${bodyId}; only that body can amend or revoke it.`,
      { delegationId, bodyId, requestedBodyId },
    ),
  alreadyRevoked: (delegationId: string, revokedAt: string) =>
    violation(DelegationRules.DELEGATION_ALREADY_REVOKED, 'Delegationen är redan återkallad.', 'The delegation has already been revoked.', {
      delegationId,
      revokedAt,
    }),
  alreadyGranted: (delegationId: string) =>
    violation(
      DelegationRules.DELEGATION_ALREADY_GRANTED,
      'En annan delegation finns redan med samma id.',
      'Another delegation already exists with the same id.',
      { delegationId },
    ),
  notChair: (bodyId: string, userId: string) =>
    violation(
      DelegationRules.KL_6_39,
      'Endast nämndens ordförande får besluta i brådskande ärenden på nämndens vägnar.',
      "Only the body's chair may decide urgent matters on the body's behalf.",
      { bodyId, userId },
    ),
  readOnlyRole: (bodyId: string, userId: string, role: string) =>
    violation(
      DelegationRules.KL_6_39,
      `Ett brådskande beslut fattas av ordföranden personligen, inte i rollen ${role} som endast läser.`,
      `An urgent decision is the chair's own act, not taken in the read-only role ${role}.`,
      { bodyId, userId, role },
    ),
  decisionReused: (delegationId: string, decision: BodyDecisionRef, usedBy: { delegationId: string; version: number }) =>
    violation(
      DelegationRules.DELEGATION_DECISION_REUSED,
      `Beslut § ${decision.paragraph} ligger redan till grund för en delegation; en ny delegation, ändring eller återkallelse kräver ett eget beslut.`,
      `Decision § ${decision.paragraph} already underlies a delegation; a new delegation, an amendment or a revocation needs a decision of its own.`,
      { delegationId, meetingId: decision.meetingId, paragraph: decision.paragraph, usedBy },
    ),
  decisionBefore: (
    delegationId: string,
    decision: BodyDecisionRef,
    decidedOn: string,
    current: { version: number; decision: BodyDecisionRef; decidedOn: string },
  ) =>
    violation(
      DelegationRules.DELEGATION_DECISION_ORDER,
      `Beslut § ${decision.paragraph} (${decidedOn}) är äldre än beslutet bakom gällande version (${current.decidedOn}).`,
      `Decision § ${decision.paragraph} (${decidedOn}) is older than the decision behind the current version (${current.decidedOn}).`,
      { delegationId, meetingId: decision.meetingId, paragraph: decision.paragraph, decidedOn, current },
    ),
  startsBeforeGrant: (delegationId: string, validFrom: string, grantedOn: string) =>
    violation(
      DelegationRules.DELEGATION_PERIOD,
      `Delegationen kan inte gälla från ${validFrom}, före beslutet som gav den (${grantedOn}).`,
      `The delegation cannot be valid from ${validFrom}, before the decision that granted it (${grantedOn}).`,
      { delegationId, validFrom, grantedOn },
    ),
  agreementUnknown: (agreementId: string) =>
    violation(
      DelegationRules.DELEGATION_AGREEMENT,
      'Överenskommelsen som delegationen avser finns inte i organisationen.',
      'The agreement the delegation covers does not exist in the organisation.',
      { agreementId },
    ),
  areasOutsideAgreement: (agreementId: string, areasOutside: string[]) =>
    violation(
      DelegationRules.DELEGATION_AGREEMENT,
      `Överenskommelsen har inte utvecklingsområdena ${areasOutside.join(', ')}.`,
      `The agreement has no development areas ${areasOutside.join(', ')}.`,
      { agreementId, areasOutside },
    ),
  effectiveBeforeDecision: (delegationId: string, effectiveOn: string, decidedOn: string) =>
    violation(
      DelegationRules.DELEGATION_DECISION_ORDER,
      `Återkallelsen kan inte gälla från ${effectiveOn}, före beslutet om den (${decidedOn}).`,
      `The revocation cannot take effect on ${effectiveOn}, before it was decided (${decidedOn}).`,
      { delegationId, effectiveOn, decidedOn },
    ),
};
