import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiActor, ApiProblems } from '../platform/http/openapi';
import { Ctx, RequestContext } from '../platform/http/request-context';
import { Page } from '../projections/pagination';
import { AgreementLedgerSummary } from './agreements.views';
import { LedgerChange, LedgerChangePage, LedgerChangesQuery, LedgerListItem, LedgerListQuery, LedgerPage } from './ledger.dto';
import { GetLedgerQuery, ListLedgerChangesQuery, ListLedgersQuery } from './ledger.queries';

const agreementId = () => Param('agreementId', new ParseUUIDPipe());

/** The allocation ledgers as a read model (REGISTER-ROLE): lists and history without replaying any stream. */
@ApiTags('Huvudböcker (allocation ledgers)')
@ApiActor()
@Controller('api/ledgers')
export class LedgerController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ operationId: 'listLedgers', summary: 'Överenskommelsernas huvudböcker (the agreements’ ledgers: filter by organisation, name, year)' })
  @ApiResponse({ status: 200, type: LedgerPage })
  @ApiProblems(400, 401, 403)
  list(@Query() query: LedgerListQuery, @Ctx() ctx: RequestContext): Promise<Page<LedgerListItem>> {
    return this.queries.execute(new ListLedgersQuery(query, ctx.actor));
  }

  @Get(':agreementId')
  @ApiOperation({
    operationId: 'getLedger',
    summary: 'Huvudbok för en överenskommelse: totalt, per utvecklingsområde och aktivitet (one ledger: total, per area and per activity)',
  })
  @ApiResponse({ status: 200, type: AgreementLedgerSummary })
  @ApiProblems(400, 401, 403, 404)
  get(@agreementId() id: string, @Ctx() ctx: RequestContext): Promise<AgreementLedgerSummary> {
    return this.queries.execute(new GetLedgerQuery(id, ctx.actor));
  }

  @Get(':agreementId/changes')
  @ApiOperation({
    operationId: 'listLedgerChanges',
    summary: 'Huvudbokens ändringar med beslutet bakom varje (every change of a ledger with the decision that authorised it)',
  })
  @ApiResponse({ status: 200, type: LedgerChangePage })
  @ApiProblems(400, 401, 403, 404)
  changes(@agreementId() id: string, @Query() query: LedgerChangesQuery, @Ctx() ctx: RequestContext): Promise<Page<LedgerChange>> {
    return this.queries.execute(new ListLedgerChangesQuery(id, query, ctx.actor));
  }
}
