import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { OrderedMap } from 'immutable';
import { ExpressionBuilder, Kysely } from 'kysely';
import { formatKronor } from '../agreements/money';
import { swedishDate } from '../calendar/swedish-calendar';
import { requireRegisterAccess } from '../platform/access.rules';
import { Actor } from '../platform/actor';
import { CLOCK, Clock } from '../platform/clock';
import { ownOrganisation } from '../projections/organisation-scope';
import { NotFound } from '../platform/errors';
import { Page, paginate } from '../projections/pagination';
import { READ_DATABASE, ReadDatabase } from '../projections/read-database';
import { DelegationRegisterTables, RegisterDecisionRow, RegisterDelegationRow } from './delegation-register.batch';
import { DelegationRegisterQuery, DelegationStatus, RegisterDecisionItem, RegisterDecisionsQuery, RegisterDelegationView, ReportState } from './delegation-register.dto';
import { latestVersion, RegisterState, Revocation, VersionRecord, versionInForce } from './delegation.decider';

export class ListRegisterDelegationsQuery {
  constructor(readonly filter: DelegationRegisterQuery, readonly actor: Actor) {}
}
export class GetRegisterDelegationQuery {
  constructor(readonly delegationId: string, readonly actor: Actor) {}
}
export class ListRegisterDecisionsQuery {
  constructor(readonly filter: RegisterDecisionsQuery, readonly actor: Actor) {}
}

const DELEGATION = { sv: 'Delegationen', en: 'The delegation' };
type Delegations = ExpressionBuilder<DelegationRegisterTables, 'rm_delegation_register_delegations'>;

/** Today as the register's dates need it: the instant (revocations) and the Swedish date (validity). */
const today = (clock: Clock) => ({ instant: clock.now().toISOString(), date: swedishDate(clock.now()), at: clock.now() });

/** Ended: revoked by now, or past the last day of its latest version. */
const ended = (eb: Delegations, now: ReturnType<typeof today>) =>
  eb.or([eb.and([eb('revoked_at', 'is not', null), eb('revoked_at', '<=', now.instant)]), eb.and([eb('valid_until', 'is not', null), eb('valid_until', '<', now.date)])]);

/** The same as `ended` and the status filter, for one row (SQL filters, this labels). */
function statusOf(row: RegisterDelegationRow, now: ReturnType<typeof today>): DelegationStatus {
  if ((row.revoked_at !== null && row.revoked_at <= now.instant) || (row.valid_until !== null && row.valid_until < now.date)) return 'past';
  return row.valid_from > now.date ? 'upcoming' : 'in-force';
}

/** Money for people beside the öre (the amount limit of a version). */
const withLimitFormatted = <V extends { amountLimitOre: number | null }>(v: V) => ({
  ...v,
  amountLimitFormatted: v.amountLimitOre === null ? null : formatKronor(v.amountLimitOre),
});

function reportStateOf(row: RegisterDecisionRow): ReportState {
  if (row.reported_meeting_id === null) return 'unreported';
  // a report recorded before holds named their holder was written in one go with its paragraph
  return row.hold_confirmed === 0 ? 'held' : 'reported';
}

/** The read models are queried through the reader connection, typed with the projection's tables. */
abstract class RegisterReader {
  constructor(
    @Inject(READ_DATABASE) private readonly database: ReadDatabase,
    @Inject(CLOCK) protected readonly clock: Clock,
  ) {}

  protected get db(): Kysely<DelegationRegisterTables> {
    return this.database.reader as Kysely<DelegationRegisterTables>;
  }

  /** Every version of the given delegations, by delegation, oldest first. */
  protected async versions(delegationIds: string[]): Promise<Map<string, VersionRecord[]>> {
    const out = new Map<string, VersionRecord[]>();
    if (delegationIds.length === 0) return out;
    const rows = await this.db
      .selectFrom('rm_delegation_register_versions')
      .select(['delegation_id', 'record'])
      .where('delegation_id', 'in', [...new Set(delegationIds)])
      .orderBy('delegation_id')
      .orderBy('version')
      .execute();
    for (const row of rows) out.set(row.delegation_id, [...(out.get(row.delegation_id) ?? []), JSON.parse(row.record) as VersionRecord]);
    return out;
  }

  /** Delegations with their versions, their standing today (by the register's own versionInForce) and how many decisions wait to be reported. */
  protected async delegationViews(rows: RegisterDelegationRow[]): Promise<RegisterDelegationView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.delegation_id);
    const versions = await this.versions(ids);
    const counted = await this.db
      .selectFrom('rm_delegation_register_decisions')
      .select((eb) => [
        'delegation_id',
        eb.fn.countAll().as('total'),
        eb.fn.sum(eb.case().when('reported_meeting_id', 'is', null).then(1).else(0).end()).as('unreported'),
      ])
      .where('delegation_id', 'in', ids)
      .groupBy('delegation_id')
      .execute();
    const counts = new Map(counted.map((c) => [c.delegation_id, { total: Number(c.total), unreported: Number(c.unreported) }]));
    const now = today(this.clock);
    return rows.map((row) => {
      const id = row.delegation_id;
      const revocation = row.revocation === null ? null : (JSON.parse(row.revocation) as Revocation);
      const entry = { organisationId: row.organisation_id, bodyId: row.body_id, versions: versions.get(id) ?? [], revocation };
      const state: RegisterState = { delegations: OrderedMap([[id, entry]]), decisions: OrderedMap() };
      const status = statusOf(row, now);
      const inForce = status === 'in-force' ? (versionInForce(state, id, now.at)?.version ?? null) : null;
      return {
        delegationId: id,
        organisationId: row.organisation_id,
        bodyId: row.body_id,
        status,
        versionInForce: inForce,
        current: withLimitFormatted(latestVersion(state, id)!),
        versions: entry.versions.map((v) => ({ ...withLimitFormatted(v), inForce: v.version === inForce })),
        revokedAt: row.revoked_at,
        revocation,
        decisions: counts.get(id) ?? { total: 0, unreported: 0 },
      };
    });
  }
}

@QueryHandler(ListRegisterDelegationsQuery)
export class ListRegisterDelegationsHandler extends RegisterReader implements IQueryHandler<ListRegisterDelegationsQuery, Page<RegisterDelegationView>> {
  async execute({ filter, actor }: ListRegisterDelegationsQuery): Promise<Page<RegisterDelegationView>> {
    requireRegisterAccess(actor.role);
    const now = today(this.clock);
    let query = this.db.selectFrom('rm_delegation_register_delegations').selectAll().where('organisation_id', '=', ownOrganisation(actor, filter.organisationId));
    if (filter.bodyId !== undefined) query = query.where('body_id', '=', filter.bodyId);
    if (filter.delegateUserId !== undefined) query = query.where('delegate_user_id', '=', filter.delegateUserId);
    if (filter.delegateRole !== undefined) query = query.where('delegate_role', '=', filter.delegateRole);
    if (filter.agreementId !== undefined) query = query.where('agreement_id', '=', filter.agreementId);
    if (filter.status === 'past') query = query.where((eb) => ended(eb, now));
    if (filter.status === 'in-force') query = query.where((eb) => eb.and([eb.not(ended(eb, now)), eb('valid_from', '<=', now.date)]));
    if (filter.status === 'upcoming') query = query.where((eb) => eb.and([eb.not(ended(eb, now)), eb('valid_from', '>', now.date)]));
    const page = await paginate(query, (q) => q.orderBy('granted_position'), filter, (row) => row);
    return { ...page, items: await this.delegationViews(page.items) };
  }
}

@QueryHandler(GetRegisterDelegationQuery)
export class GetRegisterDelegationHandler extends RegisterReader implements IQueryHandler<GetRegisterDelegationQuery, RegisterDelegationView> {
  async execute({ delegationId, actor }: GetRegisterDelegationQuery): Promise<RegisterDelegationView> {
    requireRegisterAccess(actor.role);
    const row = await this.db.selectFrom('rm_delegation_register_delegations').selectAll().where('delegation_id', '=', delegationId).executeTakeFirst();
    if (!row || row.organisation_id !== actor.organisationId) throw new NotFound(DELEGATION, { delegationId });
    return (await this.delegationViews([row]))[0];
  }
}

function decisionItem(row: RegisterDecisionRow): Omit<RegisterDecisionItem, 'authorisedBy'> {
  return {
    delegatedDecisionId: row.delegated_decision_id,
    kind: row.kind,
    organisationId: row.organisation_id,
    bodyId: row.body_id,
    delegationId: row.delegation_id,
    delegationVersion: row.delegation_version,
    decisionKind: row.decision_kind,
    summary: row.summary,
    amountOre: row.amount_ore,
    amountFormatted: row.amount_ore === null ? null : formatKronor(row.amount_ore),
    agreementId: row.agreement_id,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    reported: row.reported_meeting_id === null ? null : { meetingId: row.reported_meeting_id, paragraph: row.reported_paragraph!, reportedOn: row.reported_on! },
    reportState: reportStateOf(row),
    decisionText: row.decision_text,
    caseId: row.case_id,
  };
}

/** KL 6:40: the delegated and urgent decisions, each with the version that authorised it and whether it was reported. */
@QueryHandler(ListRegisterDecisionsQuery)
export class ListRegisterDecisionsHandler extends RegisterReader implements IQueryHandler<ListRegisterDecisionsQuery, Page<RegisterDecisionItem>> {
  async execute({ filter, actor }: ListRegisterDecisionsQuery): Promise<Page<RegisterDecisionItem>> {
    requireRegisterAccess(actor.role);
    let query = this.db.selectFrom('rm_delegation_register_decisions').selectAll().where('organisation_id', '=', ownOrganisation(actor, filter.organisationId));
    if (filter.delegationId !== undefined) query = query.where('delegation_id', '=', filter.delegationId);
    if (filter.bodyId !== undefined) query = query.where('body_id', '=', filter.bodyId);
    if (filter.agreementId !== undefined) query = query.where('agreement_id', '=', filter.agreementId);
    if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
    if (filter.reported !== undefined) query = query.where('reported_meeting_id', filter.reported === 'true' ? 'is not' : 'is', null);
    if (filter.decidedFrom !== undefined) query = query.where('decided_on', '>=', filter.decidedFrom);
    if (filter.decidedTo !== undefined) query = query.where('decided_on', '<=', filter.decidedTo);
    const page = await paginate(query, (q) => q.orderBy('recorded_position'), filter, (row) => row);
    const versions = await this.versions(page.items.flatMap((d) => (d.delegation_id === null ? [] : [d.delegation_id])));
    const items = page.items.map((row) => {
      const version = row.delegation_id === null ? undefined : versions.get(row.delegation_id)?.find((v) => v.version === row.delegation_version);
      return { ...decisionItem(row), authorisedBy: version ? withLimitFormatted(version) : null };
    });
    return { ...page, items };
  }
}
