import { latestVersion, RegisterEntry, RegisterState, Revocation, VersionRecord } from './delegation.decider';
import { DelegatedDecisionView, DelegationVersion } from './mandate';

/**
 * What the register answers about one delegation: its latest terms (`current`, which may be valid
 * from a later day) and how it got there.
 */
export interface DelegationReadModel {
  delegationId: string;
  organisationId: string;
  bodyId: string;
  current: DelegationVersion;
  versions: VersionRecord[];
  revokedAt: string | null;
  revocation: Revocation | null;
  /** decisions taken under it, each with the version that authorised it and whether it was reported */
  decisions: RegisterEntry[];
}

export type ReportStatus = 'unreported' | 'reported' | 'all';

export function delegationReadModel(state: RegisterState, delegationId: string): DelegationReadModel | null {
  const entry = state.delegations.get(delegationId);
  const current = latestVersion(state, delegationId);
  if (!entry || !current) return null;
  return {
    delegationId,
    organisationId: entry.organisationId,
    bodyId: entry.bodyId,
    current,
    versions: entry.versions,
    revokedAt: entry.revocation?.revokedAt ?? null,
    revocation: entry.revocation,
    decisions: [...state.decisions.values()].filter((d) => d.delegationId === delegationId),
  };
}

/** The latest version of every delegation (of one body, when given), in the order granted. */
export function delegationList(state: RegisterState, bodyId?: string): DelegationVersion[] {
  return [...state.delegations.entries()]
    .filter(([, entry]) => bodyId === undefined || entry.bodyId === bodyId)
    .map(([id]) => latestVersion(state, id) as DelegationVersion);
}

/** The body's register of decisions in the order taken, filtered by whether they were reported (KL-6-40). */
export function registerEntries(state: RegisterState, bodyId: string, status: ReportStatus = 'all'): RegisterEntry[] {
  return [...state.decisions.values()].filter(
    (d) => d.bodyId === bodyId && (status === 'all' || (status === 'reported') === (d.reported !== null)),
  );
}

/** The shared shape other capabilities rely on, without the register's own extra fields. */
export function toDecisionView(entry: RegisterEntry): DelegatedDecisionView {
  const { decisionText: _text, caseId: _case, hold: _hold, ...view } = entry;
  return view;
}
