import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiActor, ApiIdempotencyKey, ApiProblems } from '../platform/http/openapi';
import { Ctx, RequestContext } from '../platform/http/request-context';
import { Outcome } from '../platform/idempotency';
import { RegisterEntry } from './delegation.decider';
import { DelegationReadModel } from './delegation.views';
import { AmendDelegationCommand, GrantDelegationCommand, RecordUrgentDecisionCommand, RevokeDelegationCommand } from './delegations.commands';
import { DelegationTermsDto, ListDelegationsQuery as ListQuery, RegisterQuery, RevokeDelegationDto, UrgentDecisionDto } from './delegations.dto';
import { BodyRegister, GetDelegationQuery, ListBodyDecisionsQuery, ListDelegationsQuery } from './delegations.queries';
import { BodyRegisterView, DelegationListView, DelegationView, RegisterDecisionView } from './delegations.views.dto';
import { DelegationVersion } from './mandate';

@ApiTags('Delegation (delegations)')
@ApiActor()
@Controller('api')
export class DelegationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  private async run<R>(command: object, reply: FastifyReply): Promise<R> {
    const outcome = await this.commands.execute<object, Outcome<R & object>>(command);
    if (outcome.replayed) void reply.header('idempotent-replayed', 'true');
    return outcome.result;
  }

  @Post('delegations')
  @HttpCode(201)
  @ApiOperation({
    operationId: 'grantDelegation',
    summary: 'För in delegation enligt nämndens justerade beslut (record a delegation granted by the body’s adjusted decision)',
  })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 201, type: DelegationView })
  @ApiProblems(400, 401, 409, 422)
  async grant(@Body() body: DelegationTermsDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<DelegationReadModel> {
    const view = await this.run<DelegationReadModel>(new GrantDelegationCommand(body, ctx.envelope('GrantDelegation')), reply);
    void reply.header('location', `/api/delegations/${view.delegationId}`);
    return view;
  }

  @Put('delegations/:delegationId')
  @ApiOperation({ operationId: 'amendDelegation', summary: 'Ändra delegation: ny version enligt nytt beslut (amend a delegation: a new version)' })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 200, type: DelegationView })
  @ApiProblems(400, 401, 404, 409, 422)
  amend(
    @Param('delegationId', new ParseUUIDPipe()) delegationId: string,
    @Body() body: DelegationTermsDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DelegationReadModel> {
    return this.run(new AmendDelegationCommand(delegationId, body, ctx.envelope('AmendDelegation')), reply);
  }

  @Post('delegations/:delegationId/revocation')
  @HttpCode(200)
  @ApiOperation({ operationId: 'revokeDelegation', summary: 'Återkalla delegation (revoke a delegation)' })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 200, type: DelegationView })
  @ApiProblems(400, 401, 404, 409, 422)
  revoke(
    @Param('delegationId', new ParseUUIDPipe()) delegationId: string,
    @Body() body: RevokeDelegationDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DelegationReadModel> {
    return this.run(new RevokeDelegationCommand(delegationId, body, ctx.envelope('RevokeDelegation')), reply);
  }

  @Get('delegations/:delegationId')
  @ApiOperation({
    operationId: 'getDelegation',
    summary: 'Hämta delegation med alla versioner och beslut fattade med stöd av den (a delegation, its versions and its decisions)',
  })
  @ApiResponse({ status: 200, type: DelegationView })
  @ApiProblems(400, 401, 404)
  get(@Param('delegationId', new ParseUUIDPipe()) delegationId: string, @Ctx() ctx: RequestContext): Promise<DelegationReadModel> {
    return this.queries.execute(new GetDelegationQuery(delegationId, ctx.actor));
  }

  @Get('delegations')
  @ApiOperation({ operationId: 'listDelegations', summary: 'Delegationsordningen: varje delegations senaste version (the delegation register, latest versions)' })
  @ApiResponse({ status: 200, type: DelegationListView })
  @ApiProblems(400, 401)
  list(@Query() query: ListQuery, @Ctx() ctx: RequestContext): Promise<{ items: DelegationVersion[] }> {
    return this.queries.execute(new ListDelegationsQuery(query.bodyId, ctx.actor));
  }

  @Get('bodies/:bodyId/delegated-decisions')
  @ApiOperation({
    operationId: 'listDelegatedDecisions',
    summary: 'Delegationsbeslut och brådskande beslut, anmälda eller ej (KL 6:40) (delegated and urgent decisions, reported or not)',
  })
  @ApiResponse({ status: 200, type: BodyRegisterView })
  @ApiProblems(400, 401, 404)
  decisions(@Param('bodyId') bodyId: string, @Query() query: RegisterQuery, @Ctx() ctx: RequestContext): Promise<BodyRegister> {
    return this.queries.execute(new ListBodyDecisionsQuery(bodyId, query.status ?? 'all', ctx.actor));
  }

  @Post('bodies/:bodyId/urgent-decisions')
  @HttpCode(201)
  @ApiOperation({
    operationId: 'recordUrgentDecision',
    summary: 'Ordförandebeslut i brådskande ärende (KL 6:39) (the chair decides an urgent matter)',
  })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 201, type: RegisterDecisionView })
  @ApiProblems(400, 401, 404, 409, 422)
  urgent(
    @Param('bodyId') bodyId: string,
    @Body() body: UrgentDecisionDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RegisterEntry> {
    return this.run(new RecordUrgentDecisionCommand(bodyId, body, ctx.envelope('RecordUrgentDecision')), reply);
  }
}
