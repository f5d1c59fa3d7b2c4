import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Kysely } from 'kysely';
import { CaseFacts } from '../cases/case-facts';
import { requireAuditAccess } from '../platform/access.rules';
import { Actor } from '../platform/actor';
import { ownOrganisation } from '../projections/organisation-scope';
import { NotFound, ValidationFailed } from '../platform/errors';
import { Page, paginate } from '../projections/pagination';
import { READ_DATABASE, ReadDatabase } from '../projections/read-database';
import { AuditLogEntryView, AuditLogFilter, parseInstant } from './audit-log.dto';
import { AuditLogRow, AuditLogTables } from './audit-log.projection';

export class ListAuditLogQuery {
  constructor(
    readonly filter: AuditLogFilter,
    readonly actor: Actor,
  ) {}
}

const CASE = { sv: 'Ärendet', en: 'The case' };

function view(row: AuditLogRow): AuditLogEntryView {
  return {
    position: Number(row.position),
    streamId: row.stream_id,
    revision: Number(row.revision),
    eventId: row.event_id,
    type: row.type,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    actor: { userId: row.actor_user_id, role: row.actor_role, organisationId: row.actor_organisation_id },
    commandId: row.command_id,
    commandType: row.command_type,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    caseId: row.case_id,
  };
}

/** The instant as the table stores it (ISO, UTC, milliseconds), so strings compare as times do. */
const stored = (instant: string | undefined): string | undefined => (instant === undefined ? undefined : parseInstant(instant)?.toISOString());

/**
 * The audit log of the actor's organisation (every command acts within its actor's organisation,
 * so that is whose events they are), by store position. AUDIT-ROLE: auditors and registrars only.
 */
@QueryHandler(ListAuditLogQuery)
export class ListAuditLogHandler implements IQueryHandler<ListAuditLogQuery, Page<AuditLogEntryView>> {
  constructor(
    @Inject(READ_DATABASE) private readonly db: ReadDatabase,
    private readonly cases: CaseFacts,
  ) {}

  async execute({ filter, actor }: ListAuditLogQuery): Promise<Page<AuditLogEntryView>> {
    requireAuditAccess(actor.role);
    ownOrganisation(actor, filter.organisationId);
    const from = stored(filter.from);
    const to = stored(filter.to);
    if (from !== undefined && to !== undefined && from > to) {
      throw new ValidationFailed([{ field: 'to', rules: { timeRange: 'to must not be before from' } }]);
    }
    if (filter.caseId !== undefined) {
      const found = await this.cases.get(filter.caseId);
      if (!found || found.organisationId !== actor.organisationId) throw new NotFound(CASE, { caseId: filter.caseId });
    }
    const reader = this.db.reader as Kysely<AuditLogTables>;
    let query = reader.selectFrom('rm_audit_log').selectAll().where('actor_organisation_id', '=', actor.organisationId);
    if (filter.caseId !== undefined) query = query.where('case_id', '=', filter.caseId);
    if (filter.userId !== undefined) query = query.where('actor_user_id', '=', filter.userId);
    if (filter.role !== undefined) query = query.where('actor_role', '=', filter.role);
    if (filter.streamId !== undefined) query = query.where('stream_id', '=', filter.streamId);
    if (filter.type !== undefined) query = query.where('type', '=', filter.type);
    if (filter.correlationId !== undefined) query = query.where('correlation_id', '=', filter.correlationId);
    if (from !== undefined) query = query.where('occurred_at', '>=', from);
    if (to !== undefined) query = query.where('occurred_at', '<', to);
    const direction = filter.order ?? 'asc';
    return paginate(query, (q) => q.orderBy('position', direction), filter, view);
  }
}
