/**
 * The delegation register's rows, and one batch of register events applied to them in memory the
 * way the register's own evolve (delegation.decider.ts, delegation.reporting.ts) applies them.
 */
import { swedishDate } from '../calendar/swedish-calendar';
import { RecordedEvent } from '../event-store/event-store.port';
import { delegationDecider, VersionRecord } from './delegation.decider';
import { DelegationEvent } from './delegation.events';

/** A delegation with what its list filters on: the latest version's terms, the whole period, the revocation. */
export interface RegisterDelegationRow {
  delegation_id: string;
  organisation_id: string;
  body_id: string;
  latest_version: number;
  /** the earliest validFrom of any version: before it nothing was ever in force */
  valid_from: string;
  /** the latest version's validUntil: the end of the delegation as it stands */
  valid_until: string | null;
  delegate_user_id: string | null;
  delegate_role: string | null;
  agreement_id: string;
  revoked_at: string | null;
  /** the DelegationRevoked data without the id, as JSON */
  revocation: string | null;
  /** store position of the grant: the register's order */
  granted_position: number;
}

/** Every version of every delegation, as the register's state records it (`record`: the VersionRecord as JSON). */
export interface RegisterVersionRow {
  delegation_id: string;
  version: number;
  organisation_id: string;
  record: string;
}

/** A delegated or urgent decision with where it was reported (KL 6:40), following the register's holds. */
export interface RegisterDecisionRow {
  organisation_id: string;
  delegated_decision_id: string;
  kind: 'delegated' | 'urgent';
  body_id: string;
  delegation_id: string | null;
  delegation_version: number | null;
  decision_kind: string;
  summary: string;
  amount_ore: number | null;
  agreement_id: string | null;
  decided_at: string;
  /** the Swedish date of decided_at, for the date filters */
  decided_on: string;
  decided_by: string;
  decision_text: string | null;
  case_id: string | null;
  reported_meeting_id: string | null;
  reported_paragraph: number | null;
  reported_on: string | null;
  /** the report holding it and whether its paragraph is written (both null: no hold, or one recorded before holds had holders) */
  hold_holder_id: string | null;
  hold_confirmed: number | null;
  recorded_position: number;
}

export interface DelegationRegisterTables {
  rm_delegation_register_delegations: RegisterDelegationRow;
  rm_delegation_register_versions: RegisterVersionRow;
  rm_delegation_register_decisions: RegisterDecisionRow;
}

export const decisionKey = (organisationId: string, id: string) => `${organisationId}\u0000${id}`;

/** The event as the decider reads it: schema-1 versions and revocations upcast, as CommandPipeline.load does. */
export function domainEvent(event: RecordedEvent): DelegationEvent {
  const version = typeof event.metadata.schemaVersion === 'number' ? event.metadata.schemaVersion : 1;
  const data = delegationDecider.upcast ? delegationDecider.upcast(event.type, version, event.data) : event.data;
  return { type: event.type, data } as DelegationEvent;
}

/** What the delegation row takes from its latest version. */
function fromLatest(record: VersionRecord): Pick<RegisterDelegationRow, 'latest_version' | 'valid_until' | 'delegate_user_id' | 'delegate_role' | 'agreement_id'> {
  return {
    latest_version: record.version,
    valid_until: record.validUntil,
    delegate_user_id: record.delegate.kind === 'person' ? record.delegate.userId : null,
    delegate_role: record.delegate.kind === 'role' ? record.delegate.role : null,
    agreement_id: record.scope.agreementId,
  };
}

/** One batch's view of the register: the rows it touches, loaded once, changed in memory, written once. */
export class Batch {
  readonly delegations = new Map<string, RegisterDelegationRow>();
  readonly decisions = new Map<string, RegisterDecisionRow>();
  readonly versions: RegisterVersionRow[] = [];
  readonly dirtyDelegations = new Set<string>();
  readonly dirtyDecisions = new Set<string>();

  apply(organisationId: string, event: DelegationEvent, position: number): void {
    switch (event.type) {
      case 'DelegationGranted': {
        const { organisationId: _org, bodyId, ...version } = event.data;
        const record: VersionRecord = { ...version, organisationId, bodyId };
        this.putDelegation({ delegation_id: version.delegationId, organisation_id: organisationId, body_id: bodyId, valid_from: version.validFrom, revoked_at: null, revocation: null, granted_position: position, ...fromLatest(record) });
        this.addVersion(organisationId, record);
        return;
      }
      case 'DelegationAmended': {
        const row = this.delegation(organisationId, event.data.delegationId);
        if (!row) return;
        const record: VersionRecord = { ...event.data, organisationId, bodyId: row.body_id };
        this.putDelegation({ ...row, ...fromLatest(record), valid_from: record.validFrom < row.valid_from ? record.validFrom : row.valid_from });
        this.addVersion(organisationId, record);
        return;
      }
      case 'DelegationRevoked': {
        const { delegationId, ...revocation } = event.data;
        const row = this.delegation(organisationId, delegationId);
        if (row) this.putDelegation({ ...row, revoked_at: revocation.revokedAt, revocation: JSON.stringify(revocation) });
        return;
      }
      case 'DelegatedDecisionRecorded': {
        const d = event.data;
        this.putDecision({
          ...this.newDecision(organisationId, d.delegatedDecisionId, d.bodyId, d.decidedAt, d.decidedBy, position),
          kind: 'delegated',
          delegation_id: d.delegationId,
          delegation_version: d.delegationVersion,
          decision_kind: d.decisionKind,
          summary: d.summary,
          amount_ore: d.amountOre,
          agreement_id: d.agreementId,
        });
        return;
      }
      case 'UrgentDecisionRecorded': {
        const d = event.data;
        this.putDecision({
          ...this.newDecision(organisationId, d.delegatedDecisionId, d.bodyId, d.decidedAt, d.decidedBy, position),
          kind: 'urgent',
          decision_kind: 'urgent',
          summary: d.subject,
          decision_text: d.decisionText,
          case_id: d.caseId,
        });
        return;
      }
      case 'DelegatedDecisionsReported': {
        // as evolveReported: held (or confirmed) for that meeting by that report; a report without a holder predates holds
        const { meetingId, paragraph, reportedOn, holderId } = event.data;
        for (const id of event.data.decisionIds) {
          const row = this.decisions.get(decisionKey(organisationId, id));
          if (!row) continue;
          this.putDecision({
            ...row,
            reported_meeting_id: meetingId,
            reported_paragraph: paragraph,
            reported_on: reportedOn,
            hold_holder_id: holderId ?? null,
            hold_confirmed: holderId === undefined ? null : event.data.confirmed === true ? 1 : 0,
          });
        }
        return;
      }
      case 'DelegatedDecisionReportWithdrawn':
        // as evolveWithdrawn: unreported again
        for (const id of event.data.decisionIds) {
          const row = this.decisions.get(decisionKey(organisationId, id));
          if (row) this.putDecision({ ...row, reported_meeting_id: null, reported_paragraph: null, reported_on: null, hold_holder_id: null, hold_confirmed: null });
        }
        return;
    }
  }

  private delegation(organisationId: string, delegationId: string): RegisterDelegationRow | undefined {
    const row = this.delegations.get(delegationId);
    return row && row.organisation_id === organisationId ? row : undefined;
  }

  private putDelegation(row: RegisterDelegationRow): void {
    this.delegations.set(row.delegation_id, row);
    this.dirtyDelegations.add(row.delegation_id);
  }

  private addVersion(organisationId: string, record: VersionRecord): void {
    this.versions.push({ delegation_id: record.delegationId, version: record.version, organisation_id: organisationId, record: JSON.stringify(record) });
  }

  private newDecision(organisationId: string, id: string, bodyId: string, decidedAt: string, decidedBy: string, position: number): RegisterDecisionRow {
    return {
      organisation_id: organisationId,
      delegated_decision_id: id,
      kind: 'delegated',
      body_id: bodyId,
      delegation_id: null,
      delegation_version: null,
      decision_kind: '',
      summary: '',
      amount_ore: null,
      agreement_id: null,
      decided_at: decidedAt,
      decided_on: swedishDate(new Date(decidedAt)),
      decided_by: decidedBy,
      decision_text: null,
      case_id: null,
      reported_meeting_id: null,
      reported_paragraph: null,
      reported_on: null,
      hold_holder_id: null,
      hold_confirmed: null,
      recorded_position: position,
    };
  }

  private putDecision(row: RegisterDecisionRow): void {
    const key = decisionKey(row.organisation_id, row.delegated_decision_id);
    this.decisions.set(key, row);
    this.dirtyDecisions.add(key);
  }
}

