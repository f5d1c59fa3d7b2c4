import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiActor, ApiProblems } from '../platform/http/openapi';
import { Ctx, RequestContext } from '../platform/http/request-context';
import { Page } from '../projections/pagination';
import {
  DelegationRegisterPage,
  DelegationRegisterQuery,
  RegisterDecisionItem,
  RegisterDecisionPage,
  RegisterDecisionsQuery,
  RegisterDelegationView,
} from './delegation-register.dto';
import { GetRegisterDelegationQuery, ListRegisterDecisionsQuery, ListRegisterDelegationsQuery } from './delegation-register.queries';

/** The delegation register as a read model (REGISTER-ROLE), across organisations; GET /api/delegations… stay the register's own answers. */
@ApiTags('Delegationsregister (delegation register)')
@ApiActor()
@Controller('api/delegation-register')
export class DelegationRegisterController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    operationId: 'listRegisterDelegations',
    summary: 'Delegationer som gäller och som har upphört, med alla versioner (delegations in force and past, with every version)',
  })
  @ApiResponse({ status: 200, type: DelegationRegisterPage })
  @ApiProblems(400, 401, 403)
  list(@Query() query: DelegationRegisterQuery, @Ctx() ctx: RequestContext): Promise<Page<RegisterDelegationView>> {
    return this.queries.execute(new ListRegisterDelegationsQuery(query, ctx.actor));
  }

  @Get('decisions')
  @ApiOperation({
    operationId: 'listRegisterDecisions',
    summary: 'Delegationsbeslut och brådskande beslut, anmälda eller ej (KL 6:40) (delegated and urgent decisions, reported or not)',
  })
  @ApiResponse({ status: 200, type: RegisterDecisionPage })
  @ApiProblems(400, 401, 403)
  decisions(@Query() query: RegisterDecisionsQuery, @Ctx() ctx: RequestContext): Promise<Page<RegisterDecisionItem>> {
    return this.queries.execute(new ListRegisterDecisionsQuery(query, ctx.actor));
  }

  @Get(':delegationId')
  @ApiOperation({ operationId: 'getRegisterDelegation', summary: 'En delegation i registret med alla versioner (one delegation with every version)' })
  @ApiResponse({ status: 200, type: RegisterDelegationView })
  @ApiProblems(400, 401, 403, 404)
  get(@Param('delegationId', new ParseUUIDPipe()) delegationId: string, @Ctx() ctx: RequestContext): Promise<RegisterDelegationView> {
    return this.queries.execute(new GetRegisterDelegationQuery(delegationId, ctx.actor));
  }
}
