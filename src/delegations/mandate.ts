import { Actor, Role } from '../platform/actor';
import { BodyDecisionRef } from '../meetings/decision-authority';

/**
 * The shapes shared by the delegation register (which grants, amends and revokes) and the
 * agreements (where delegated decisions move money). `checkMandate` in delegation.rules.ts is the
 * one place that decides whether a delegated decision falls inside its delegation.
 */

/** Kinds of decision a delegation can cover for an agreement. */
export const DELEGABLE_KINDS = ['decide_activities', 'reallocate_within_area', 'reallocate_between_areas'] as const;
export type DelegableKind = (typeof DELEGABLE_KINDS)[number];

/** KL-6-38: matters a body can never delegate; accepted in requests only so they can be refused by rule id. */
export const NON_DELEGABLE_MATTERS = ['goals_and_direction', 'scope_or_quality', 'proposal_to_council', 'matter_of_principle'] as const;
export type NonDelegableMatter = (typeof NON_DELEGABLE_MATTERS)[number];

/** KL-6-37: one person (a member or an employee) or one role held by one person — never a group. */
export type Delegate = { kind: 'person'; userId: string } | { kind: 'role'; role: Role };

export interface DelegationScope {
  agreementId: string;
  /** development areas covered; the decision must lie inside one of them */
  areaIds: string[];
  kinds: DelegableKind[];
}

/** One version of a delegation as granted or last amended; a decision records which one authorised it. */
export interface DelegationVersion {
  delegationId: string;
  version: number;
  organisationId: string;
  bodyId: string;
  delegate: Delegate;
  scope: DelegationScope;
  /** most a single decision may move, in öre; null = no limit */
  amountLimitOre: number | null;
  /** Swedish dates, inclusive */
  validFrom: string;
  validUntil: string | null;
  /** the body's decision that granted (or last amended) it */
  decision: BodyDecisionRef;
  /** set when revoked: from this instant nothing more can be decided under it */
  revokedAt: string | null;
}

/** What a delegate wants to decide, checked against the delegation as it stands at `at`. */
export interface MandateRequest {
  actor: Actor;
  agreementId: string;
  /** every area the decision touches (two for a reallocation between areas) */
  areaIds: string[];
  kind: DelegableKind;
  amountOre: number;
  at: Date;
}

/** How a delegated decision is named in the events it causes, and what authorised it. */
export interface DelegatedAuthority {
  kind: 'delegated';
  delegatedDecisionId: string;
  delegationId: string;
  delegationVersion: number;
  bodyId: string;
  decidedBy: string;
}

export interface BodyAuthority extends BodyDecisionRef {
  kind: 'body';
  bodyId: string;
}

export type Authority = DelegatedAuthority | BodyAuthority;

/** A decision on the body's delegation register: delegated (KL 6:37) or urgent by the chair (KL 6:39). */
export interface DelegatedDecisionView {
  delegatedDecisionId: string;
  kind: 'delegated' | 'urgent';
  organisationId: string;
  bodyId: string;
  /** null for an urgent decision */
  delegationId: string | null;
  delegationVersion: number | null;
  decisionKind: DelegableKind | 'urgent';
  summary: string;
  amountOre: number | null;
  agreementId: string | null;
  decidedAt: string;
  decidedBy: string;
  reported: { meetingId: string; paragraph: number; reportedOn: string } | null;
}

/** A delegated decision as the agreements capability hands it to the register once its mandate was checked. */
export interface DelegatedDecisionRecord {
  organisationId: string;
  delegatedDecisionId: string;
  delegationId: string;
  delegationVersion: number;
  decisionKind: DelegableKind;
  summary: string;
  amountOre: number;
  agreementId: string;
  decidedAt: string;
  decidedBy: string;
}
