import { OrderedMap } from 'immutable';
import { BodyDecisionFact, BodyDecisionRef, requireBodyDecision } from '../meetings/decision-authority';
import { READ_ONLY_ROLES } from '../platform/access.rules';
import { Actor } from '../platform/actor';
import { Decider } from '../platform/decider';
import { NotFound } from '../platform/errors';
import { DelegationEvent } from './delegation.events';
import { checkTerms, DelegationTerms, DelegationTermsRequest, refuse } from './delegation.rules';
import { DelegationEntry, RegisterEntry, RegisterState, requireNewDecision, sameRef, startOfSwedishDay, VersionRecord } from './delegation.state';
import { evolveReported, evolveWithdrawn, markReported, MarkReported, withdrawReport, WithdrawReport } from './delegation.reporting';
import { DelegatedDecisionRecord } from './mandate';

/** The agreement a delegation's scope names, as the handler found it on the agreement's stream. */
export interface AgreementFacts {
  exists: boolean;
  organisationId: string | null;
  areaIds: string[];
}

/** Grant and amendment carry the terms as decided, and the body decision and agreement the handler loaded for them. */
interface DecidedTerms extends DelegationTermsRequest {
  delegationId: string;
  organisationId: string;
  bodyId: string;
  decision: BodyDecisionRef;
  /** what MeetingFacts found under that paragraph (null: nothing) — checked with requireBodyDecision */
  decisionFact: BodyDecisionFact | null;
  /** checked against the scope (DELEGATION-AGREEMENT) */
  agreement: AgreementFacts;
}
export interface GrantDelegation extends DecidedTerms {
  type: 'GrantDelegation';
}
export interface AmendDelegation extends DecidedTerms {
  type: 'AmendDelegation';
}
export interface RevokeDelegation {
  type: 'RevokeDelegation';
  delegationId: string;
  organisationId: string;
  decision: BodyDecisionRef;
  decisionFact: BodyDecisionFact | null;
  /** the day the body's decision says it ends (no earlier than that decision); null: when recorded */
  effectiveOn: string | null;
}
export interface RecordDelegatedDecision {
  type: 'RecordDelegatedDecision';
  record: DelegatedDecisionRecord;
}
export interface RecordUrgentDecision {
  type: 'RecordUrgentDecision';
  delegatedDecisionId: string;
  organisationId: string;
  bodyId: string;
  /** the body's chair as the organisation register has it now */
  chairUserId: string | null;
  subject: string;
  decisionText: string;
  caseId: string | null;
  /** the named case as the handler found it (null: none, or no case named) */
  caseFound: { caseId: string; organisationId: string } | null;
}
export type { MarkReported, WithdrawReport } from './delegation.reporting';
export type DelegationCommand =
  | GrantDelegation
  | AmendDelegation
  | RevokeDelegation
  | RecordDelegatedDecision
  | RecordUrgentDecision
  | MarkReported
  | WithdrawReport;

export type { DelegationEntry, RegisterEntry, RegisterState, Revocation, VersionRecord } from './delegation.state';
export { latestVersion, versionInForce } from './delegation.state';

export const delegationsStreamId = (organisationId: string) => `delegations-${organisationId}`;

const DELEGATION = { sv: 'Delegationen', en: 'The delegation' };
const CASE = { sv: 'Ärendet', en: 'The case' };

const json = (value: unknown) => JSON.stringify(value);
const sameTerms = (version: VersionRecord, terms: DelegationTerms) =>
  json(version.delegate) === json(terms.delegate) &&
  json(version.scope) === json(terms.scope) &&
  version.amountLimitOre === terms.amountLimitOre &&
  version.validFrom === terms.validFrom &&
  version.validUntil === terms.validUntil;

/** DELEGATION-SECRETARY-ROLE */
function requireSecretary(actor: Actor): void {
  if (actor.role !== 'committee_secretary') throw refuse.notSecretary(actor.role);
}

/**
 * DELEGATION-AGREEMENT and DELEGATION-PERIOD: what the terms say against the facts they rest on —
 * an agreement of the organisation, only its development areas, and a period that does not start
 * before the body granted the delegation (an amendment may keep the period the grant gave).
 */
function requireGrounded(command: GrantDelegation | AmendDelegation, terms: DelegationTerms, grantedOn: string | null): void {
  const { agreement, organisationId, delegationId } = command;
  const { agreementId, areaIds } = terms.scope;
  if (!agreement.exists || agreement.organisationId !== organisationId) throw refuse.agreementUnknown(agreementId);
  const outside = areaIds.filter((a) => !agreement.areaIds.includes(a));
  if (outside.length > 0) throw refuse.areasOutsideAgreement(agreementId, outside);
  if (grantedOn !== null && terms.validFrom < grantedOn) throw refuse.startsBeforeGrant(delegationId, terms.validFrom, grantedOn);
}

function existing(state: RegisterState, delegationId: string): DelegationEntry {
  const entry = state.delegations.get(delegationId);
  if (!entry) throw new NotFound(DELEGATION, { delegationId });
  return entry;
}

/**
 * The organisation's delegation register (delegationsordning): delegations and their versions,
 * revocations, the decisions taken under them and the chair's urgent decisions, and where each was
 * reported. One stream per organisation, so a decision and the version it names are always in step.
 */
export const delegationDecider: Decider<DelegationCommand, DelegationEvent, RegisterState> = {
  name: 'delegations',
  initialState: { delegations: OrderedMap(), decisions: OrderedMap() },
  // schema 2: versions keep the date of their decision; a revocation its effective day and when it was recorded
  schemaVersions: { DelegationGranted: 2, DelegationAmended: 2, DelegationRevoked: 2 },
  upcast(type, schemaVersion, data) {
    if (schemaVersion >= 2) return data;
    if (type === 'DelegationGranted' || type === 'DelegationAmended') return { decidedOn: null, ...data };
    if (type === 'DelegationRevoked') return { effectiveOn: null, recordedAt: (data as { revokedAt: string }).revokedAt, ...data };
    return data;
  },

  evolve(state, event) {
    switch (event.type) {
      case 'DelegationGranted': {
        const { organisationId, bodyId, ...version } = event.data;
        const entry: DelegationEntry = { organisationId, bodyId, versions: [{ ...version, organisationId, bodyId }], revocation: null };
        return { ...state, delegations: state.delegations.set(version.delegationId, entry) };
      }
      case 'DelegationAmended':
        return {
          ...state,
          delegations: state.delegations.update(event.data.delegationId, (entry) => {
            const e = entry as DelegationEntry;
            return { ...e, versions: [...e.versions, { ...event.data, organisationId: e.organisationId, bodyId: e.bodyId }] };
          }),
        };
      case 'DelegationRevoked': {
        const { delegationId, ...revocation } = event.data;
        return { ...state, delegations: state.delegations.update(delegationId, (entry) => ({ ...(entry as DelegationEntry), revocation })) };
      }
      case 'DelegatedDecisionRecorded': {
        const d = event.data;
        const entry: RegisterEntry = { ...d, kind: 'delegated', reported: null, decisionText: null, caseId: null };
        return { ...state, decisions: state.decisions.set(d.delegatedDecisionId, entry) };
      }
      case 'UrgentDecisionRecorded': {
        const { subject, ...d } = event.data;
        const entry: RegisterEntry = {
          ...d,
          kind: 'urgent',
          delegationId: null,
          delegationVersion: null,
          decisionKind: 'urgent',
          summary: subject,
          amountOre: null,
          agreementId: null,
          reported: null,
        };
        return { ...state, decisions: state.decisions.set(d.delegatedDecisionId, entry) };
      }
      case 'DelegatedDecisionsReported':
        return evolveReported(state, event.data);
      case 'DelegatedDecisionReportWithdrawn':
        return evolveWithdrawn(state, event.data.decisionIds);
    }
  },

  decide(command, state, { actor, now }) {
    switch (command.type) {
      case 'GrantDelegation': {
        requireSecretary(actor);
        const terms = checkTerms(command);
        const { delegationId, organisationId, bodyId, decision } = command;
        const granted = state.delegations.get(delegationId);
        if (granted) {
          const first = granted.versions[0];
          // the same grant retried finds its own work; anything else under that id is another grant (DELEGATION-ALREADY-GRANTED)
          if (granted.bodyId === bodyId && sameRef(first.decision, decision) && sameTerms(first, terms)) return [];
          throw refuse.alreadyGranted(delegationId);
        }
        const { decidedOn } = requireBodyDecision(decision, command.decisionFact, { organisationId, bodyId });
        requireNewDecision(state, { delegationId, decision, decidedOn, change: 'grant' });
        requireGrounded(command, terms, decidedOn);
        const recorded = { recordedAt: now.toISOString(), recordedBy: actor.userId };
        return [{ type: 'DelegationGranted', data: { delegationId, organisationId, bodyId, version: 1, ...terms, decision, decidedOn, ...recorded } }];
      }
      case 'AmendDelegation': {
        requireSecretary(actor);
        const { delegationId, decision } = command;
        const entry = existing(state, delegationId);
        // DELEGATION-BODY
        if (command.bodyId !== entry.bodyId) throw refuse.otherBody(delegationId, entry.bodyId, command.bodyId);
        const terms = checkTerms(command);
        const latest = entry.versions[entry.versions.length - 1];
        if (sameRef(latest.decision, decision) && sameTerms(latest, terms)) return [];
        // DELEGATION-ALREADY-REVOKED
        if (entry.revocation) throw refuse.alreadyRevoked(delegationId, entry.revocation.revokedAt);
        const { decidedOn } = requireBodyDecision(decision, command.decisionFact, { organisationId: entry.organisationId, bodyId: entry.bodyId });
        requireNewDecision(state, { delegationId, decision, decidedOn, change: 'amendment' });
        // versions recorded before the decision's date was kept: their period stands for it
        requireGrounded(command, terms, entry.versions[0].decidedOn ?? entry.versions[0].validFrom);
        const data = { delegationId, version: latest.version + 1, ...terms, decision, decidedOn };
        return [{ type: 'DelegationAmended', data: { ...data, recordedAt: now.toISOString(), recordedBy: actor.userId } }];
      }
      case 'RevokeDelegation': {
        requireSecretary(actor);
        const { delegationId, decision, effectiveOn } = command;
        const entry = existing(state, delegationId);
        if (entry.revocation) {
          if (sameRef(entry.revocation.decision, decision) && entry.revocation.effectiveOn === effectiveOn) return [];
          // DELEGATION-ALREADY-REVOKED
          throw refuse.alreadyRevoked(delegationId, entry.revocation.revokedAt);
        }
        const { decidedOn } = requireBodyDecision(decision, command.decisionFact, { organisationId: entry.organisationId, bodyId: entry.bodyId });
        requireNewDecision(state, { delegationId, decision, decidedOn, change: 'revocation' });
        // DELEGATION-DECISION-ORDER: a decision does not end a delegation before the day it was taken
        if (effectiveOn !== null && effectiveOn < decidedOn) throw refuse.effectiveBeforeDecision(delegationId, effectiveOn, decidedOn);
        const recordedAt = now.toISOString();
        const revokedAt = effectiveOn === null ? recordedAt : startOfSwedishDay(effectiveOn).toISOString();
        return [{ type: 'DelegationRevoked', data: { delegationId, decision, effectiveOn, revokedAt, recordedAt, revokedBy: actor.userId } }];
      }
      case 'RecordDelegatedDecision': {
        // the agreement decider already checked the mandate; this is its consequence and may be re-run
        const { record } = command;
        if (state.decisions.has(record.delegatedDecisionId)) return [];
        const entry = state.delegations.get(record.delegationId);
        if (!entry) throw new Error(`delegated decision ${record.delegatedDecisionId} names unknown delegation ${record.delegationId}`);
        return [{ type: 'DelegatedDecisionRecorded', data: { ...record, bodyId: entry.bodyId } }];
      }
      case 'RecordUrgentDecision': {
        // KL-6-39: the chair of this body, no one else, and acting as themself — not in a role that only reads (ROLE-READ-ONLY's roles)
        if (command.chairUserId === null || actor.userId !== command.chairUserId) throw refuse.notChair(command.bodyId, actor.userId);
        if (READ_ONLY_ROLES.includes(actor.role)) throw refuse.readOnlyRole(command.bodyId, actor.userId, actor.role);
        const { type: _type, chairUserId: _chair, caseFound, ...data } = command;
        // another organisation's case is answered as missing: its existence is not ours to tell
        if (data.caseId !== null && (caseFound?.caseId !== data.caseId || caseFound.organisationId !== data.organisationId)) {
          throw new NotFound(CASE, { caseId: data.caseId });
        }
        if (state.decisions.has(data.delegatedDecisionId)) return [];
        return [{ type: 'UrgentDecisionRecorded', data: { ...data, decidedAt: now.toISOString(), decidedBy: actor.userId } }];
      }
      case 'MarkReported':
        // KL-6-40: the register is written first, so it is the one place that holds a decision for one meeting
        return markReported(command, state);
      case 'WithdrawReport':
        return withdrawReport(command, state, now);
    }
  },
};
