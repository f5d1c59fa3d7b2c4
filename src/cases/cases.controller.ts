import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Outcome } from '../platform/idempotency';
import { ApiActor, ApiProblems } from '../platform/http/openapi';
import { Ctx, RequestContext } from '../platform/http/request-context';
import { CaseView, RegisterCaseDto } from './cases.dto';
import { GetCaseByDiaryNumberQuery, GetCaseQuery, RegisterCaseCommand } from './cases.commands';

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
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'retrying with the same key has effect once' })
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
}
