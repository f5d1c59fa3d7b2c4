import { OrderedMap } from 'immutable';
import { BodyDecisionFact, BodyDecisionRef, requireBodyDecision } from '../meetings/decision-authority';
import { Actor } from '../platform/actor';
import { Decider } from '../platform/decider';
import { NotFound } from '../platform/errors';
import { DelegationEvent, DelegationRevoked } from './delegation.events';
import { checkTerms, DelegationTerms, DelegationTermsRequest, refuse } from './delegation.rules';
import { DelegatedDecisionRecord, DelegatedDecisionView, DelegationVersion } from './mandate';

/** Grant and amendment carry the terms as decided and the body decision the handler loaded for them. */
interface DecidedTerms extends DelegationTermsRequest {
  delegationId: string;
  organisationId: string;
  bodyId: string;
  decision: BodyDecisionRef;
  /** what MeetingFacts found under that paragraph (null: nothing) — checked with requireBodyDecision */
  decisionFact: BodyDecisionFact | null;
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
}
export interface MarkReported {
  type: 'MarkReported';
  organisationId: string;
  bodyId: string;
  meetingId: string;
  paragraph: number;
  reportedOn: string;
  decisionIds: string[];
}
export type DelegationCommand =
  | GrantDelegation
  | AmendDelegation
  | RevokeDelegation
  | RecordDelegatedDecision
  | RecordUrgentDecision
  | MarkReported;

/** One version as recorded; `revokedAt` lives on the delegation, since a revocation ends every version. */
export interface VersionRecord extends Omit<DelegationVersion, 'revokedAt'> {
  recordedAt: string;
  recordedBy: string;
}
/** The body's decision that ended the delegation, as `DelegationRevoked` recorded it. */
export type Revocation = Omit<DelegationRevoked['data'], 'delegationId'>;
export interface DelegationEntry {
  organisationId: string;
  bodyId: string;
  versions: VersionRecord[];
  revocation: Revocation | null;
}
/** A decision on the register; urgent decisions keep their text and case besides the shared view. */
export interface RegisterEntry extends DelegatedDecisionView {
  decisionText: string | null;
  caseId: string | null;
}
export interface RegisterState {
  delegations: OrderedMap<string, DelegationEntry>;
  decisions: OrderedMap<string, RegisterEntry>;
}

export const delegationsStreamId = (organisationId: string) => `delegations-${organisationId}`;

const DELEGATION = { sv: 'Delegationen', en: 'The delegation' };

/** The latest version of a delegation with its revocation, as `checkMandate` wants it. */
export function versionInForce(state: RegisterState, delegationId: string): DelegationVersion | null {
  const entry = state.delegations.get(delegationId);
  if (!entry) return null;
  const latest = entry.versions[entry.versions.length - 1];
  const { recordedAt: _at, recordedBy: _by, ...version } = latest;
  return { ...version, revokedAt: entry.revocation?.revokedAt ?? null };
}

const sameRef = (a: BodyDecisionRef, b: BodyDecisionRef) => a.meetingId === b.meetingId && a.paragraph === b.paragraph;
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
      case 'DelegatedDecisionsReported': {
        const { meetingId, paragraph, reportedOn } = event.data;
        const decisions = event.data.decisionIds.reduce(
          (all, id) => all.update(id, (d) => ({ ...(d as RegisterEntry), reported: { meetingId, paragraph, reportedOn } })),
          state.decisions,
        );
        return { ...state, decisions };
      }
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
        requireBodyDecision(decision, command.decisionFact, { organisationId, bodyId });
        const recorded = { recordedAt: now.toISOString(), recordedBy: actor.userId };
        return [{ type: 'DelegationGranted', data: { delegationId, organisationId, bodyId, version: 1, ...terms, decision, ...recorded } }];
      }
      case 'AmendDelegation': {
        requireSecretary(actor);
        const entry = existing(state, command.delegationId);
        // DELEGATION-BODY
        if (command.bodyId !== entry.bodyId) throw refuse.otherBody(command.delegationId, entry.bodyId, command.bodyId);
        const terms = checkTerms(command);
        const latest = entry.versions[entry.versions.length - 1];
        if (sameRef(latest.decision, command.decision) && sameTerms(latest, terms)) return [];
        // DELEGATION-ALREADY-REVOKED
        if (entry.revocation) throw refuse.alreadyRevoked(command.delegationId, entry.revocation.revokedAt);
        requireBodyDecision(command.decision, command.decisionFact, { organisationId: entry.organisationId, bodyId: entry.bodyId });
        const data = { delegationId: command.delegationId, version: latest.version + 1, ...terms, decision: command.decision };
        return [{ type: 'DelegationAmended', data: { ...data, recordedAt: now.toISOString(), recordedBy: actor.userId } }];
      }
      case 'RevokeDelegation': {
        requireSecretary(actor);
        const entry = existing(state, command.delegationId);
        if (entry.revocation) {
          if (sameRef(entry.revocation.decision, command.decision)) return [];
          // DELEGATION-ALREADY-REVOKED
          throw refuse.alreadyRevoked(command.delegationId, entry.revocation.revokedAt);
        }
        requireBodyDecision(command.decision, command.decisionFact, { organisationId: entry.organisationId, bodyId: entry.bodyId });
        const data = { delegationId: command.delegationId, decision: command.decision, revokedAt: now.toISOString(), revokedBy: actor.userId };
        return [{ type: 'DelegationRevoked', data }];
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
        // KL-6-39: the chair of this body, no one else
        if (command.chairUserId === null || actor.userId !== command.chairUserId) throw refuse.notChair(command.bodyId, actor.userId);
        const { type: _type, chairUserId: _chair, ...data } = command;
        if (state.decisions.has(data.delegatedDecisionId)) return [];
        return [{ type: 'UrgentDecisionRecorded', data: { ...data, decidedAt: now.toISOString(), decidedBy: actor.userId } }];
      }
      case 'MarkReported': {
        // KL-6-40: the meeting decider ran checkReportable; here only what is still unreported moves
        const { bodyId, meetingId, paragraph, reportedOn } = command;
        const decisionIds = [...new Set(command.decisionIds)].filter((id) => {
          const d = state.decisions.get(id);
          return d !== undefined && d.bodyId === bodyId && d.reported === null;
        });
        if (decisionIds.length === 0) return [];
        return [{ type: 'DelegatedDecisionsReported', data: { bodyId, meetingId, paragraph, reportedOn, decisionIds } }];
      }
    }
  },
};
