import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiActor, ApiProblems } from '../platform/http/openapi';
import { Ctx, RequestContext } from '../platform/http/request-context';
import { Page } from '../projections/pagination';
import { DecisionRegisterFilter, DecisionRegisterPage, DecisionRegisterRowView } from './decision-register.dto';
import { ListDecisionRegisterQuery } from './decision-register.query';

@ApiTags('Sammanträden (meetings)')
@ApiActor()
@Controller('api/decision-register')
export class DecisionRegisterController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    operationId: 'listDecisionRegister',
    summary: 'Beslutsregister: paragrafer per organ och sammanträde med justering, anslag, överklagandetid och laga kraft (the decision register)',
  })
  @ApiResponse({ status: 200, type: DecisionRegisterPage })
  @ApiProblems(400, 401, 404)
  @ApiResponse({ status: 403, description: 'a recipient of extracts (problem+json, type REGISTER-ROLE)' })
  list(@Query() filter: DecisionRegisterFilter, @Ctx() ctx: RequestContext): Promise<Page<DecisionRegisterRowView>> {
    return this.queries.execute(new ListDecisionRegisterQuery(filter, ctx.actor));
  }
}
