import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiActor, ApiProblems } from '../platform/http/openapi';
import { Ctx, RequestContext } from '../platform/http/request-context';
import { Page } from '../projections/pagination';
import { CaseBoardFilter, CaseBoardPage, CaseBoardRowView } from './case-board.dto';
import { ListCaseBoardQuery } from './case-board.query';

@ApiTags('Ärenden (cases)')
@ApiActor()
@Controller('api/case-board')
export class CaseBoardController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    operationId: 'listCaseBoard',
    summary: 'Ärendeöversikt: ärenden efter status, organ, diarienummer, rubrik och registreringsdag (the case board)',
  })
  @ApiResponse({ status: 200, type: CaseBoardPage })
  @ApiProblems(400, 401, 404)
  @ApiResponse({ status: 403, description: 'a recipient of extracts (problem+json, type REGISTER-ROLE)' })
  list(@Query() filter: CaseBoardFilter, @Ctx() ctx: RequestContext): Promise<Page<CaseBoardRowView>> {
    return this.queries.execute(new ListCaseBoardQuery(filter, ctx.actor));
  }
}
