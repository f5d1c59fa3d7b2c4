import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiActor, ApiProblems } from '../platform/http/openapi';
import { Ctx, RequestContext } from '../platform/http/request-context';
import { Page } from '../projections/pagination';
import { DeadlinesFilter, DeadlinesPage, DeadlineView } from './deadlines.dto';
import { ListDeadlinesQuery } from './deadlines.query';

@ApiTags('Frister (deadlines)')
@ApiActor()
@Controller('api/deadlines')
export class DeadlinesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    operationId: 'listDeadlines',
    summary:
      'Frister: justering, anslag, överklagandetid, anmälan av delegationsbeslut och överenskommelsers datum, tidigast först (deadlines, earliest first)',
  })
  @ApiResponse({ status: 200, type: DeadlinesPage })
  @ApiProblems(400, 401, 403, 404)
  list(@Query() filter: DeadlinesFilter, @Ctx() ctx: RequestContext): Promise<Page<DeadlineView>> {
    return this.queries.execute(new ListDeadlinesQuery(filter, ctx.actor));
  }
}
