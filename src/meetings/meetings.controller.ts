import { applyDecorators, Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiActor, ApiIdempotencyKey, ApiProblems } from '../platform/http/openapi';
import { Ctx, RequestContext } from '../platform/http/request-context';
import { Outcome } from '../platform/idempotency';
import {
  AddAgendaItemDto,
  AdjustersDto,
  AppealDto,
  AppealRulingDto,
  AttendanceDto,
  CancellationDto,
  ConflictOfInterestDto,
  ConveneMeetingDto,
  DecisionDto,
  DelegatedDecisionReportDto,
  NoticeDto,
  ReservationDto,
  ReservationReasonsDto,
  StrikeItemDto,
} from './meetings.dto';
import {
  AddAgendaItemCommand,
  ConveneMeetingCommand,
  DecideItemCommand,
  GetMeetingQuery,
  OwnStreamCommand,
  RecordMeetingCommand,
} from './meetings.handlers';
import { ReportDelegatedDecisionsCommand } from './meetings.report.handler';
import { CancelMeetingCommand, StrikeItemCommand } from './meetings.strike.handlers';
import { MeetingView } from './meetings.view.dto';

const uuid = () => new ParseUUIDPipe();

/** Every state change answers with the meeting as it now stands (legal force as of today). */
const Changes = (operationId: string, summary: string, status = 201) =>
  applyDecorators(
    HttpCode(status),
    ApiOperation({ operationId, summary }),
    ApiIdempotencyKey(),
    ApiResponse({ status, type: MeetingView }),
    ApiProblems(400, 401, 404, 409, 422),
  );

@ApiTags('Sammanträden (meetings)')
@ApiActor()
@Controller('api/meetings')
export class MeetingsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  private async answer(command: object, reply: FastifyReply): Promise<MeetingView> {
    const outcome = await this.commands.execute<object, Outcome<MeetingView>>(command);
    if (outcome.replayed) void reply.header('idempotent-replayed', 'true');
    return outcome.result;
  }

  private record(meetingId: string, command: OwnStreamCommand, ctx: RequestContext, reply: FastifyReply): Promise<MeetingView> {
    return this.answer(new RecordMeetingCommand(meetingId, command, ctx.envelope(command.type)), reply);
  }

  @Post()
  @Changes('conveneMeeting', 'Kalla till sammanträde (convene a meeting of a body)')
  async convene(@Body() body: ConveneMeetingDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<MeetingView> {
    const view = await this.answer(new ConveneMeetingCommand(body, ctx.envelope('ConveneMeeting')), reply);
    void reply.header('location', `/api/meetings/${view.meetingId}`);
    return view;
  }

  @Get(':meetingId')
  @ApiOperation({ operationId: 'getMeeting', summary: 'Hämta sammanträde med protokoll och laga kraft (read a meeting)' })
  @ApiResponse({ status: 200, type: MeetingView })
  @ApiProblems(400, 401, 404)
  get(@Param('meetingId', uuid()) meetingId: string, @Ctx() ctx: RequestContext): Promise<MeetingView> {
    return this.queries.execute(new GetMeetingQuery(meetingId, ctx.actor));
  }

  @Post(':meetingId/items')
  @Changes('addAgendaItem', 'För upp ärende på föredragningslistan (add a case to the agenda)')
  addItem(@Param('meetingId', uuid()) meetingId: string, @Body() body: AddAgendaItemDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.answer(new AddAgendaItemCommand(meetingId, body, ctx.envelope('AddAgendaItem')), reply);
  }

  @Put(':meetingId/attendance')
  @Changes('recordAttendance', 'Registrera närvaro och tjänstgörande ersättare (record attendance)', 200)
  attendance(@Param('meetingId', uuid()) meetingId: string, @Body() body: AttendanceDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const present = body.present.map((p) => ({ userId: p.userId, servingFor: p.servingFor ?? null }));
    return this.record(meetingId, { type: 'RecordAttendance', present }, ctx, reply);
  }

  @Post(':meetingId/items/:itemId/conflicts')
  @Changes('declareConflictOfInterest', 'Anmäl jäv i ett ärende (declare a conflict of interest, KL 6:28)')
  conflict(
    @Param('meetingId', uuid()) meetingId: string,
    @Param('itemId', uuid()) itemId: string,
    @Body() body: ConflictOfInterestDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command: OwnStreamCommand = { type: 'DeclareConflictOfInterest', itemId, userId: body.userId, reason: body.reason, replacedBy: body.replacedBy ?? null };
    return this.record(meetingId, command, ctx, reply);
  }

  @Post(':meetingId/items/:itemId/decision')
  @Changes('decideItem', 'Besluta i ärendet och ge det en paragraf (decide an item)')
  @ApiBody({
    type: DecisionDto,
    examples: {
      bifall: { summary: 'Bifall (approve)', value: { outcome: 'approved', votes: { yes: 4, no: 1, abstained: 0 } } },
      andring: { summary: 'Bifall med ändring', value: { outcome: 'approved_with_amendments', amendments: 'Fördelningen till område 4 höjs till 9 000 000 kr.' } },
      avslag: { summary: 'Avslag (reject)', value: { outcome: 'rejected' } },
      aterremiss: { summary: 'Återremiss (refer back)', value: { outcome: 'referred_back', completionRequired: 'Komplettera med konsekvenser för barn och jämställdhet.' } },
      bordlaggning: { summary: 'Bordläggning (postpone)', value: { outcome: 'postponed' } },
    },
  })
  decide(
    @Param('meetingId', uuid()) meetingId: string,
    @Param('itemId', uuid()) itemId: string,
    @Body() body: DecisionDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.answer(new DecideItemCommand(meetingId, itemId, body, ctx.envelope('DecideItem')), reply);
  }

  @Post(':meetingId/items/:itemId/strike')
  @Changes('strikeItem', 'Ärendet utgår – stryk en punkt som inte avgjorts (strike an undecided item; its case goes back to ready_for_agenda)')
  strike(
    @Param('meetingId', uuid()) meetingId: string,
    @Param('itemId', uuid()) itemId: string,
    @Body() body: StrikeItemDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.answer(new StrikeItemCommand(meetingId, itemId, body, ctx.envelope('StrikeItem')), reply);
  }

  @Post(':meetingId/cancellation')
  @Changes('cancelMeeting', 'Ställ in sammanträdet innan något beslutats (cancel the meeting while nothing is decided; every item is struck)')
  cancel(@Param('meetingId', uuid()) meetingId: string, @Body() body: CancellationDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.answer(new CancelMeetingCommand(meetingId, body, ctx.envelope('CancelMeeting')), reply);
  }

  @Put(':meetingId/adjusters')
  @Changes('changeAdjusters', 'Byt justerare innan protokollet är justerat (replace the adjusters before the protocol is adjusted)', 200)
  adjusters(@Param('meetingId', uuid()) meetingId: string, @Body() body: AdjustersDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.record(meetingId, { type: 'ChangeAdjusters', adjusterUserIds: body.adjusterUserIds }, ctx, reply);
  }

  @Post(':meetingId/items/:itemId/reservations')
  @Changes('enterReservation', 'Anmäl reservation mot beslutet (enter a reservation)')
  reserve(
    @Param('meetingId', uuid()) meetingId: string,
    @Param('itemId', uuid()) itemId: string,
    @Body() body: ReservationDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.record(meetingId, { type: 'EnterReservation', itemId, userId: body.userId, reason: body.reason ?? null }, ctx, reply);
  }

  @Put(':meetingId/items/:itemId/reservations/:userId/reasons')
  @Changes('giveReservationReasons', 'Lämna skriftlig motivering till reservation (give written reasons)', 200)
  reasons(
    @Param('meetingId', uuid()) meetingId: string,
    @Param('itemId', uuid()) itemId: string,
    @Param('userId') userId: string,
    @Body() body: ReservationReasonsDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.record(meetingId, { type: 'GiveReservationReasons', itemId, userId, text: body.text }, ctx, reply);
  }

  @Post(':meetingId/delegated-decision-reports')
  @Changes('reportDelegatedDecisions', 'Anmälan av delegationsbeslut (report delegated decisions, KL 6:40)')
  report(@Param('meetingId', uuid()) meetingId: string, @Body() body: DelegatedDecisionReportDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.answer(new ReportDelegatedDecisionsCommand(meetingId, body, ctx.envelope('ReportDelegatedDecisions')), reply);
  }

  @Post(':meetingId/close')
  @Changes('closeMeeting', 'Avsluta sammanträdet (close the meeting)')
  close(@Param('meetingId', uuid()) meetingId: string, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.record(meetingId, { type: 'CloseMeeting' }, ctx, reply);
  }

  @Post(':meetingId/adjustment-signatures')
  @Changes('signProtocol', 'Justera protokollet – ordföranden eller en justerare skriver under (sign the protocol)')
  sign(@Param('meetingId', uuid()) meetingId: string, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.record(meetingId, { type: 'SignProtocol' }, ctx, reply);
  }

  @Post(':meetingId/items/:itemId/adjustment-signatures')
  @Changes('signParagraph', 'Omedelbar justering av en paragraf (immediately adjust one paragraph)')
  signParagraph(
    @Param('meetingId', uuid()) meetingId: string,
    @Param('itemId', uuid()) itemId: string,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.record(meetingId, { type: 'SignParagraph', itemId }, ctx, reply);
  }

  @Post(':meetingId/notice')
  @Changes('postNotice', 'Anslå justeringen på anslagstavlan (post the notice of adjustment, KL 8:12)')
  notice(@Param('meetingId', uuid()) meetingId: string, @Body() body: NoticeDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.record(meetingId, { type: 'PostNotice', itemId: null, postedOn: body.postedOn }, ctx, reply);
  }

  @Post(':meetingId/items/:itemId/notice')
  @Changes('postParagraphNotice', 'Anslå en omedelbart justerad paragraf (post the notice of one paragraph)')
  paragraphNotice(
    @Param('meetingId', uuid()) meetingId: string,
    @Param('itemId', uuid()) itemId: string,
    @Body() body: NoticeDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.record(meetingId, { type: 'PostNotice', itemId, postedOn: body.postedOn }, ctx, reply);
  }

  @Post(':meetingId/items/:itemId/appeals')
  @Changes('lodgeAppeal', 'Registrera överklagande (register an appeal, KL 13:5)')
  appeal(
    @Param('meetingId', uuid()) meetingId: string,
    @Param('itemId', uuid()) itemId: string,
    @Body() body: AppealDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.record(meetingId, { type: 'LodgeAppeal', itemId, lodgedOn: body.lodgedOn, appellant: body.appellant }, ctx, reply);
  }

  @Post(':meetingId/items/:itemId/appeal-ruling')
  @Changes('recordAppealRuling', 'Registrera domstolens avgörande (record the ruling on the appeal)')
  ruling(
    @Param('meetingId', uuid()) meetingId: string,
    @Param('itemId', uuid()) itemId: string,
    @Body() body: AppealRulingDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.record(meetingId, { type: 'RecordAppealRuling', itemId, ruledOn: body.ruledOn, outcome: body.outcome }, ctx, reply);
  }
}
