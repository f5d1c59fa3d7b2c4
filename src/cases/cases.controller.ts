import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Outcome } from '../platform/idempotency';
import { ApiActor, ApiIdempotencyKey, ApiProblems } from '../platform/http/openapi';
import { Ctx, RequestContext } from '../platform/http/request-context';
import { CaseView, RegisterCaseDto } from './cases.dto';
import { GetCaseByDiaryNumberQuery, GetCaseQuery, RegisterCaseCommand } from './cases.commands';
import { CaseRequest, ChangeCaseCommand } from './case-workflow.commands';
import { AttachDocumentDto, ReasonDto, RecordPreparationDto, WriteOfficialReportDto } from './case-workflow.dto';

@ApiTags('Ärenden (cases)')
@ApiActor()
@Controller('api/cases')
export class CasesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    operationId: 'registerCase',
    summary: 'Registrera ärende (register a case) and get its diary number',
  })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 201, type: CaseView })
  @ApiProblems(400, 401, 409, 422)
  async register(
    @Body() body: RegisterCaseDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseView> {
    const outcome = await this.commands.execute<RegisterCaseCommand, Outcome<CaseView>>(
      new RegisterCaseCommand(body, ctx.envelope('RegisterCase')),
    );
    if (outcome.replayed) void reply.header('idempotent-replayed', 'true');
    void reply.header('location', `/api/cases/${outcome.result.caseId}`);
    return outcome.result;
  }

  @Get('by-diary-number/:diaryNumber')
  @ApiOperation({ operationId: 'getCaseByDiaryNumber', summary: 'Hämta ärende med diarienummer, e.g. "RS 2022-00123"' })
  @ApiResponse({ status: 200, type: CaseView })
  @ApiProblems(401, 404)
  byDiaryNumber(@Param('diaryNumber') diaryNumber: string, @Ctx() ctx: RequestContext): Promise<CaseView> {
    return this.queries.execute(new GetCaseByDiaryNumberQuery(diaryNumber, ctx.actor));
  }

  @Get(':caseId')
  @ApiOperation({ operationId: 'getCase', summary: 'Hämta ärende (read a case)' })
  @ApiResponse({ status: 200, type: CaseView })
  @ApiProblems(400, 401, 404)
  byId(@Param('caseId', new ParseUUIDPipe()) caseId: string, @Ctx() ctx: RequestContext): Promise<CaseView> {
    return this.queries.execute(new GetCaseQuery(caseId, ctx.actor));
  }

  @Post(':caseId/documents')
  @HttpCode(201)
  @ApiOperation({ operationId: 'attachCaseDocument', summary: 'Registrera handling i ärendet (attach a document, optionally marked secret)' })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 201, type: CaseView })
  @ApiProblems(400, 401, 404, 409, 422)
  attachDocument(
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Body() body: AttachDocumentDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseView> {
    return this.change(caseId, { type: 'AttachDocument', ...body }, ctx, reply);
  }

  @Put(':caseId/report')
  @ApiOperation({ operationId: 'writeOfficialReport', summary: 'Skriv eller revidera tjänsteskrivelsen (write or revise the official report)' })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 200, type: CaseView })
  @ApiProblems(400, 401, 404, 409, 422)
  writeReport(
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Body() body: WriteOfficialReportDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseView> {
    return this.change(caseId, { type: 'WriteOfficialReport', ...body }, ctx, reply);
  }

  @Post(':caseId/preparations')
  @HttpCode(201)
  @ApiOperation({ operationId: 'recordCasePreparation', summary: 'För in beredning (record preparation in a council or committee)' })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 201, type: CaseView })
  @ApiProblems(400, 401, 404, 409, 422)
  recordPreparation(
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Body() body: RecordPreparationDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseView> {
    return this.change(caseId, { type: 'RecordPreparation', ...body }, ctx, reply);
  }

  @Post(':caseId/ready')
  @HttpCode(200)
  @ApiOperation({ operationId: 'markCaseReadyForAgenda', summary: 'Anmäl ärendet klart för föredragningslistan (mark ready for the agenda)' })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 200, type: CaseView })
  @ApiProblems(400, 401, 404, 409, 422)
  markReady(
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseView> {
    return this.change(caseId, { type: 'MarkReadyForAgenda' }, ctx, reply);
  }

  @Post(':caseId/withdraw')
  @HttpCode(200)
  @ApiOperation({ operationId: 'withdrawCase', summary: 'Återkalla ärendet (withdraw the case before a decision)' })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 200, type: CaseView })
  @ApiProblems(400, 401, 404, 409, 422)
  withdraw(
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Body() body: ReasonDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseView> {
    return this.change(caseId, { type: 'Withdraw', reason: body.reason }, ctx, reply);
  }

  @Post(':caseId/close')
  @HttpCode(200)
  @ApiOperation({ operationId: 'closeCase', summary: 'Avsluta ärendet (close a decided or withdrawn case)' })
  @ApiIdempotencyKey()
  @ApiResponse({ status: 200, type: CaseView })
  @ApiProblems(400, 401, 404, 409, 422)
  close(
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Body() body: ReasonDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseView> {
    return this.change(caseId, { type: 'Close', reason: body.reason }, ctx, reply);
  }

  private async change(caseId: string, request: CaseRequest, ctx: RequestContext, reply: FastifyReply): Promise<CaseView> {
    const outcome = await this.commands.execute<ChangeCaseCommand, Outcome<CaseView>>(
      new ChangeCaseCommand(caseId, request, ctx.envelope(request.type)),
    );
    if (outcome.replayed) void reply.header('idempotent-replayed', 'true');
    return outcome.result;
  }
}
