import { OrderedMap } from 'immutable';
import { swedishDate } from '../calendar/swedish-calendar';
import { BodyDecisionRef } from '../meetings/decision-authority';
import { DelegationRevoked } from './delegation.events';
import { refuse } from './delegation.rules';
import { DelegatedDecisionView, DelegationVersion } from './mandate';

/** One version as recorded; `revokedAt` lives on the delegation, since a revocation ends every version. */
export interface VersionRecord extends Omit<DelegationVersion, 'revokedAt'> {
  /** the Swedish date of the body's decision behind this version; null on versions recorded before it was kept */
  decidedOn: string | null;
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
  /** which report holds it for `reported.meetingId`, and whether that meeting's paragraph is written (absent: an older, confirmed report) */
  hold?: { holderId: string; confirmed: boolean } | null;
}
export interface RegisterState {
  delegations: OrderedMap<string, DelegationEntry>;
  decisions: OrderedMap<string, RegisterEntry>;
}

export const sameRef = (a: BodyDecisionRef, b: BodyDecisionRef) => a.meetingId === b.meetingId && a.paragraph === b.paragraph;

function snapshot(entry: DelegationEntry, record: VersionRecord): DelegationVersion {
  const { recordedAt: _at, recordedBy: _by, decidedOn: _on, ...version } = record;
  return { ...version, revokedAt: entry.revocation?.revokedAt ?? null };
}

/** The latest version recorded, with its revocation: what the register shows as the delegation's current terms. */
export function latestVersion(state: RegisterState, delegationId: string): DelegationVersion | null {
  const entry = state.delegations.get(delegationId);
  if (!entry) return null;
  return snapshot(entry, entry.versions[entry.versions.length - 1]);
}

/**
 * The delegation as it stood at `at`, as `checkMandate` wants it: among the versions recorded by
 * then, the latest already in effect on that Swedish date — an amendment valid from a later day
 * leaves the earlier version in force until then. When none is in effect yet, the latest recorded,
 * so that checkMandate refuses with DELEGATION-VALIDITY rather than DELEGATION-NOT-FOUND.
 */
export function versionInForce(state: RegisterState, delegationId: string, at: Date): DelegationVersion | null {
  const entry = state.delegations.get(delegationId);
  if (!entry) return null;
  const recorded = entry.versions.filter((v) => Date.parse(v.recordedAt) <= at.getTime());
  const known = recorded.length > 0 ? recorded : entry.versions;
  const today = swedishDate(at);
  const inEffect = [...known].reverse().find((v) => v.validFrom <= today) ?? known[known.length - 1];
  return snapshot(entry, inEffect);
}

/** The instant a Swedish date begins (00:00 in Stockholm): midnight is never inside a DST change there. */
export function startOfSwedishDay(date: string): Date {
  const candidates = ['+02:00', '+01:00'].map((offset) => new Date(`${date}T00:00:00${offset}`));
  return candidates.find((instant) => swedishDate(instant) === date) ?? candidates[1];
}

/**
 * DELEGATION-DECISION-REUSED and DELEGATION-DECISION-ORDER: a § of the body decides one
 * delegation, so a grant or an amendment may not rest on a § behind a version of any delegation,
 * and an amendment or a revocation needs a decision of its own, taken no earlier than the one
 * behind the version it changes. A revocation may share its § with another delegation's grant
 * (the body replacing one delegation with another in one decision).
 */
export function requireNewDecision(
  state: RegisterState,
  p: { delegationId: string; decision: BodyDecisionRef; decidedOn: string; change: 'grant' | 'amendment' | 'revocation' },
): void {
  for (const [id, entry] of state.delegations) {
    if (id !== p.delegationId && p.change === 'revocation') continue;
    const used = entry.versions.find((v) => sameRef(v.decision, p.decision));
    if (used) throw refuse.decisionReused(p.delegationId, p.decision, { delegationId: id, version: used.version });
  }
  const own = state.delegations.get(p.delegationId);
  const latest = own?.versions[own.versions.length - 1];
  if (latest?.decidedOn && p.decidedOn < latest.decidedOn) {
    throw refuse.decisionBefore(p.delegationId, p.decision, p.decidedOn, { version: latest.version, decision: latest.decision, decidedOn: latest.decidedOn });
  }
}
