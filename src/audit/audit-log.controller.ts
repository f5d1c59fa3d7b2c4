import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiActor, ApiProblems } from '../platform/http/openapi';
import { Ctx, RequestContext } from '../platform/http/request-context';
import { Page } from '../projections/pagination';
import { AuditLogEntryView, AuditLogFilter, AuditLogPage } from './audit-log.dto';
import { ListAuditLogQuery } from './audit-log.query';

@ApiTags('Granskning (audit)')
@ApiActor()
@Controller('api/audit-log')
export class AuditLogController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    operationId: 'listAuditLog',
    summary:
      'Händelseloggen: varje händelse med aktör, roll, organisation, tid och kommando-, korrelations- och orsaks-id (the audit log: every event with who, when and why)',
  })
  @ApiResponse({ status: 200, type: AuditLogPage })
  @ApiProblems(400, 401, 403, 404)
  list(@Query() filter: AuditLogFilter, @Ctx() ctx: RequestContext): Promise<Page<AuditLogEntryView>> {
    return this.queries.execute(new ListAuditLogQuery(filter, ctx.actor));
  }
}
