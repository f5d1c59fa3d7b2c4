import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Kysely, sql } from 'kysely';
import { requireRegisterAccess } from '../platform/access.rules';
import { Actor } from '../platform/actor';
import { ownOrganisation } from '../projections/organisation-scope';
import { NotFound } from '../platform/errors';
import { Page, paginate } from '../projections/pagination';
import { READ_DATABASE, ReadDatabase } from '../projections/read-database';
import { AGREEMENT } from './agreement.decider';
import { historyEntry, toLedgerSummary } from './agreement.ledger';
import { OpenedAgreement } from './agreement.state';
import { AgreementEvent } from './agreements.events';
import { AgreementLedgerSummary } from './agreements.views';
import { LedgerChange, LedgerChangesQuery, LedgerListItem, LedgerListQuery } from './ledger.dto';
import { LEDGER_STATES, LedgerAgreementRow, LedgerFold, LedgerTables, refList, refsOf } from './ledger.projection';
import { formatKronor } from './money';

export class ListLedgersQuery {
  constructor(readonly filter: LedgerListQuery, readonly actor: Actor) {}
}
export class GetLedgerQuery {
  constructor(readonly agreementId: string, readonly actor: Actor) {}
}
export class ListLedgerChangesQuery {
  constructor(readonly agreementId: string, readonly filter: LedgerChangesQuery, readonly actor: Actor) {}
}

/** `%text%` for LIKE, with the user's own % and _ taken literally (escaped with !, declared in the query). */
export function containsPattern(text: string): string {
  return `%${text.toLocaleLowerCase('sv').replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

const money = (ore: number) => formatKronor(ore);

function listItem(row: LedgerAgreementRow): LedgerListItem {
  const unbudgeted = row.total_ore - row.budgeted_ore;
  return {
    agreementId: row.agreement_id,
    organisationId: row.organisation_id,
    caseId: row.case_id,
    name: row.name,
    stateReference: row.state_reference,
    year: row.year,
    decidingBodyId: row.deciding_body_id,
    totalOre: row.total_ore,
    totalFormatted: money(row.total_ore),
    budgetedOre: row.budgeted_ore,
    budgetedFormatted: money(row.budgeted_ore),
    unbudgetedOre: unbudgeted,
    unbudgetedFormatted: money(unbudgeted),
    allocatedOre: row.allocated_ore,
    allocatedFormatted: money(row.allocated_ore),
    spentOre: row.spent_ore,
    spentFormatted: money(row.spent_ore),
    revision: row.revision,
  };
}

/** The read models are queried through the reader connection, typed with the projection's tables. */
abstract class LedgerReader {
  constructor(@Inject(READ_DATABASE) private readonly database: ReadDatabase) {}

  protected get db(): Kysely<LedgerTables> {
    return this.database.reader as Kysely<LedgerTables>;
  }

  /** The agreement folded so far, as the aggregate would fold it. */
  protected async folded(agreementId: string, actor: Actor): Promise<LedgerFold & { agreement: OpenedAgreement }> {
    const fold = (await LEDGER_STATES.load(this.db, [agreementId])).get(agreementId);
    if (!fold || fold.agreement.status !== 'open' || fold.agreement.organisationId !== actor.organisationId) {
      throw new NotFound(AGREEMENT, { agreementId });
    }
    return { ...fold, agreement: fold.agreement };
  }
}

@QueryHandler(ListLedgersQuery)
export class ListLedgersHandler extends LedgerReader implements IQueryHandler<ListLedgersQuery, Page<LedgerListItem>> {
  execute({ filter, actor }: ListLedgersQuery): Promise<Page<LedgerListItem>> {
    requireRegisterAccess(actor.role);
    let query = this.db.selectFrom('rm_allocation_ledger_agreements').selectAll().where('organisation_id', '=', ownOrganisation(actor, filter.organisationId));
    if (filter.year !== undefined) query = query.where('year', '=', filter.year);
    if (filter.search !== undefined) query = query.where(sql<boolean>`name_search like ${containsPattern(filter.search)} escape '!'`);
    return paginate(query, (q) => q.orderBy('year', 'desc').orderBy('opened_position').orderBy('agreement_id'), filter, listItem);
  }
}

/** The figures come from the aggregate's own ledger function over the folded agreement. */
@QueryHandler(GetLedgerQuery)
export class GetLedgerHandler extends LedgerReader implements IQueryHandler<GetLedgerQuery, AgreementLedgerSummary> {
  async execute({ agreementId, actor }: GetLedgerQuery): Promise<AgreementLedgerSummary> {
    requireRegisterAccess(actor.role);
    const { agreement, revision } = await this.folded(agreementId, actor);
    return toLedgerSummary(agreement, revision);
  }
}

@QueryHandler(ListLedgerChangesQuery)
export class ListLedgerChangesHandler extends LedgerReader implements IQueryHandler<ListLedgerChangesQuery, Page<LedgerChange>> {
  async execute({ agreementId, filter, actor }: ListLedgerChangesQuery): Promise<Page<LedgerChange>> {
    requireRegisterAccess(actor.role);
    const { agreement } = await this.folded(agreementId, actor);
    let query = this.db.selectFrom('rm_allocation_ledger_changes').select(['revision', 'type', 'data']).where('agreement_id', '=', agreementId);
    if (filter.type !== undefined) query = query.where('type', '=', filter.type);
    // ids are slugs and uuids, validated: no LIKE wildcards in them
    if (filter.areaId !== undefined) query = query.where('area_ids', 'like', `%${refList([filter.areaId])}%`);
    if (filter.activityId !== undefined) query = query.where('activity_ids', 'like', `%${refList([filter.activityId])}%`);
    return paginate(query, (q) => q.orderBy('revision'), filter, (row) => {
      const event = { type: row.type, data: JSON.parse(row.data) as object } as AgreementEvent;
      // as GET /api/agreements/:agreementId summarises its history: against the agreement as it stands
      return { ...historyEntry(event, row.revision, agreement), agreementId, ...refsOf(event) };
    });
  }
}
