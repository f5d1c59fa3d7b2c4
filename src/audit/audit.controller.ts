import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiActor, ApiProblems } from '../platform/http/openapi';
import { Ctx, RequestContext } from '../platform/http/request-context';
import { AsOfResult } from './as-of';
import { AsOfParams, AsOfQuery as AsOfQueryDto, ExplainQuery, MandateQuery as MandateQueryDto } from './audit.dto';
import { AsOfQuery, ExplainFigureQuery, MandateQuery, VerifyQuery } from './audit.queries';
import { AsOfView, ExplanationView, MandateView, VerifyView } from './audit.views';
import { Explanation } from './explain';
import { MandateReport } from './mandate-report';
import { VerifyResult } from './verify';

/**
 * The auditor's tools (AUDIT-ROLE: auditors, registrars, system). They read the event store
 * itself, folded with the domain's deciders, never a read model; `npm run audit` does the same
 * from the command line.
 */
@ApiTags('Granskning (audit)')
@ApiActor()
@Controller('api/audit')
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get('as-of/:kind/:id')
  @ApiOperation({
    operationId: 'auditAsOf',
    summary: 'Ärende, överenskommelse eller delegation som den var vid en tidpunkt (a case, agreement or delegation as it stood at an instant, business time)',
  })
  @ApiResponse({ status: 200, type: AsOfView })
  @ApiProblems(400, 401, 403, 404)
  asOf(@Param() params: AsOfParams, @Query() query: AsOfQueryDto, @Ctx() ctx: RequestContext): Promise<AsOfResult> {
    return this.queries.execute(new AsOfQuery(params.kind, params.id, query.at, ctx.actor));
  }

  @Get('explain/agreements/:agreementId')
  @ApiOperation({
    operationId: 'auditExplainFigure',
    summary: 'Förklara en siffra i överenskommelsens huvudbok: händelserna och besluten bakom den (explain a ledger figure: the events and decisions behind it)',
  })
  @ApiResponse({ status: 200, type: ExplanationView })
  @ApiProblems(400, 401, 403, 404)
  explain(@Param('agreementId', new ParseUUIDPipe()) agreementId: string, @Query() query: ExplainQuery, @Ctx() ctx: RequestContext): Promise<Explanation> {
    return this.queries.execute(new ExplainFigureQuery(agreementId, query.figure, { areaId: query.areaId, activityId: query.activityId }, ctx.actor));
  }

  @Get('mandate/:decisionId')
  @ApiOperation({
    operationId: 'auditMandate',
    summary: 'Delegationsbeslutets mandat: gällande delegationsversion och varför beslutet låg inom den (the mandate of a delegated decision and every check it passed)',
  })
  @ApiResponse({ status: 200, type: MandateView })
  @ApiProblems(400, 401, 403, 404)
  mandate(@Param('decisionId', new ParseUUIDPipe()) decisionId: string, @Query() query: MandateQueryDto, @Ctx() ctx: RequestContext): Promise<MandateReport> {
    return this.queries.execute(new MandateQuery(decisionId, query.organisationId, ctx.actor));
  }

  @Get('verify')
  @ApiOperation({
    operationId: 'auditVerify',
    summary: 'Kontrollera hashkedjan i varje ström (recompute the hash chain of every stream; names the first broken link)',
  })
  @ApiResponse({ status: 200, type: VerifyView })
  @ApiProblems(401, 403)
  verify(@Ctx() ctx: RequestContext): Promise<VerifyResult> {
    return this.queries.execute(new VerifyQuery(ctx.actor));
  }
}
