import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiActor, ApiIdempotencyKey, ApiProblems } from '../platform/http/openapi';
import { Ctx, RequestContext } from '../platform/http/request-context';
import { Outcome } from '../platform/idempotency';
import {
  AllocateActivityCommand,
  ComputeRepaymentCommand,
  GetAgreementQuery,
  OpenAgreementCommand,
  ReallocateCommand,
  RecordReportingBackCommand,
  ReportOutcomeCommand,
  SetAreaBudgetsCommand,
} from './agreements.commands';
import { AllocateActivityDto, OpenAgreementDto, ReallocationDto, ReportingBackDto, ReportOutcomeDto, SetAreaBudgetsDto } from './agreements.dto';
import { ActivityDecided, AgreementLedger, AgreementLedgerSummary, ReallocationDecided } from './agreements.views';

const agreementId = () => Param('agreementId', new ParseUUIDPipe());

@ApiTags('Överenskommelser (agreements)')
@ApiActor()
@Controller('api/agreements')
export class AgreementsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  private async send<R extends object>(command: object, reply: FastifyReply): Promise<R> {
    const outcome = await this.commands.execute<object, Outcome<R>>(command);
    if (outcome.replayed) void reply.header('idempotent-replayed', 'true');
    return outcome.result;
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ operationId: 'openAgreement', summary: 'Registrera överenskommelse med staten (open an agreement: total, development areas, dates)' })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 201, type: AgreementLedgerSummary })
  @ApiProblems(400, 401, 409, 422)
  async open(@Body() body: OpenAgreementDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<AgreementLedgerSummary> {
    const ledger = await this.send<AgreementLedgerSummary>(new OpenAgreementCommand(body, ctx.envelope('OpenAgreement')), reply);
    void reply.header('location', `/api/agreements/${ledger.agreementId}`);
    return ledger;
  }

  @Get(':agreementId')
  @ApiOperation({ operationId: 'getAgreement', summary: 'Överenskommelsens huvudbok (the ledger: budgets, activities, history, repayment)' })
  @ApiResponse({ status: 200, type: AgreementLedger })
  @ApiProblems(400, 401, 404)
  get(@agreementId() id: string, @Ctx() ctx: RequestContext): Promise<AgreementLedger> {
    return this.queries.execute(new GetAgreementQuery(id, ctx.envelope('GetAgreement')));
  }

  @Put(':agreementId/area-budgets')
  @ApiOperation({ operationId: 'setAreaBudgets', summary: 'Budget per utvecklingsområde enligt nämndens beslut (area budgets by the body’s decision)' })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 200, type: AgreementLedgerSummary })
  @ApiProblems(400, 401, 404, 409, 422)
  setAreaBudgets(
    @agreementId() id: string,
    @Body() body: SetAreaBudgetsDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AgreementLedgerSummary> {
    return this.send(new SetAreaBudgetsCommand(id, body, ctx.envelope('SetAreaBudgets')), reply);
  }

  @Post(':agreementId/activities')
  @HttpCode(201)
  @ApiOperation({ operationId: 'allocateActivity', summary: 'Besluta aktivitet med belopp (allocate money to an activity, by delegation or the body’s decision)' })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 201, type: ActivityDecided })
  @ApiProblems(400, 401, 404, 409, 422)
  allocate(
    @agreementId() id: string,
    @Body() body: AllocateActivityDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ActivityDecided> {
    return this.send(new AllocateActivityCommand(id, body, ctx.envelope('AllocateActivity')), reply);
  }

  @Post(':agreementId/reallocations')
  @HttpCode(201)
  @ApiOperation({ operationId: 'reallocate', summary: 'Omfördela inom eller mellan utvecklingsområden (reallocate within or between areas)' })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 201, type: ReallocationDecided })
  @ApiBody({
    type: ReallocationDto,
    examples: {
      inomOmrade: {
        summary: 'Inom ett utvecklingsområde, av regiondirektören (delegation)',
        value: {
          kind: 'within_area',
          areaId: 'vision-ehalsa',
          fromActivityId: '01145cf3-1da5-5229-a806-d0b5c5d1b0da',
          toActivityId: 'ab9503af-77e1-5028-9c4c-4dbb46c5a068',
          amountOre: 100_000_000,
          authority: { delegationId: 'b47e93d8-7253-59ec-a98b-e5fd928c8b53' },
        },
      },
      mellanOmraden: {
        summary: 'Mellan utvecklingsområden, av regionstyrelsen (§)',
        value: {
          kind: 'between_areas',
          fromAreaId: 'vision-ehalsa',
          toAreaId: 'ambulans',
          amountOre: 100_000_000,
          authority: { decision: { meetingId: '7e418945-9988-5e2d-ba91-6a21ea1324d8', paragraph: 1 } },
        },
      },
    },
  })
  @ApiProblems(400, 401, 404, 409, 422)
  reallocate(
    @agreementId() id: string,
    @Body() body: ReallocationDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReallocationDecided> {
    return this.send(new ReallocateCommand(id, body, ctx.envelope('Reallocate')), reply);
  }

  @Post(':agreementId/outcomes')
  @HttpCode(201)
  @ApiOperation({ operationId: 'reportOutcome', summary: 'Rapportera utfall för en aktivitet (report an activity’s cumulative outcome)' })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 201, type: AgreementLedgerSummary })
  @ApiProblems(400, 401, 404, 409, 422)
  reportOutcome(
    @agreementId() id: string,
    @Body() body: ReportOutcomeDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AgreementLedgerSummary> {
    return this.send(new ReportOutcomeCommand(id, body, ctx.envelope('ReportOutcome')), reply);
  }

  @Post(':agreementId/repayment')
  @HttpCode(201)
  @ApiOperation({ operationId: 'computeRepayment', summary: 'Beräkna återbetalning efter sista användningsdag (compute the repayment after the use deadline)' })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 201, type: AgreementLedgerSummary })
  @ApiProblems(400, 401, 404, 409, 422)
  computeRepayment(@agreementId() id: string, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<AgreementLedgerSummary> {
    return this.send(new ComputeRepaymentCommand(id, ctx.envelope('ComputeRepayment')), reply);
  }

  @Post(':agreementId/reporting-back')
  @HttpCode(201)
  @ApiOperation({ operationId: 'recordReportingBack', summary: 'Registrera återrapportering till staten (record the reporting back)' })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 201, type: AgreementLedgerSummary })
  @ApiProblems(400, 401, 404, 409, 422)
  recordReportingBack(
    @agreementId() id: string,
    @Body() body: ReportingBackDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AgreementLedgerSummary> {
    return this.send(new RecordReportingBackCommand(id, body, ctx.envelope('RecordReportingBack')), reply);
  }
}
