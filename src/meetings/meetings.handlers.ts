import { Inject, Injectable } from '@nestjs/common';
import { CommandHandler, ICommandHandler, IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { swedishDate } from '../calendar/swedish-calendar';
import { CaseFacts } from '../cases/case-facts';
import { DelegationRegister } from '../delegations/delegation-register';
import { Organisations } from '../organisations/organisations.service';
import { Actor } from '../platform/actor';
import { CLOCK, Clock } from '../platform/clock';
import { CommandEnvelope, CommandPipeline, CommandResult } from '../platform/command-pipeline';
import { NotFound } from '../platform/errors';
import { Idempotency, Outcome } from '../platform/idempotency';
import { deterministicId } from '../platform/ids';
import { MeetingCommand } from './meeting.commands';
import { MEETING, meetingDecider, meetingStreamId } from './meeting.decider';
import { MeetingEvent } from './meeting.events';
import { Convened, findItem, MeetingState } from './meeting.state';
import { toMeetingView } from './meeting.view';
import { AddAgendaItemDto, ConveneMeetingDto, DecisionDto, DelegatedDecisionReportDto } from './meetings.dto';
import { MeetingView } from './meetings.view.dto';

/** Commands that touch only the meeting's own stream. */
export type OwnStreamCommand = Exclude<MeetingCommand, { type: 'ConveneMeeting' | 'AddAgendaItem' | 'DecideItem' | 'ReportDelegatedDecisions' }>;

export class ConveneMeetingCommand {
  constructor(readonly request: ConveneMeetingDto, readonly envelope: CommandEnvelope) {}
}
export class AddAgendaItemCommand {
  constructor(readonly meetingId: string, readonly request: AddAgendaItemDto, readonly envelope: CommandEnvelope) {}
}
export class DecideItemCommand {
  constructor(readonly meetingId: string, readonly itemId: string, readonly request: DecisionDto, readonly envelope: CommandEnvelope) {}
}
export class ReportDelegatedDecisionsCommand {
  constructor(readonly meetingId: string, readonly request: DelegatedDecisionReportDto, readonly envelope: CommandEnvelope) {}
}
export class RecordMeetingCommand {
  constructor(readonly meetingId: string, readonly command: OwnStreamCommand, readonly envelope: CommandEnvelope) {}
}
export class GetMeetingQuery {
  constructor(readonly meetingId: string, readonly actor: Actor) {}
}

/** Runs meeting commands through the pipeline and answers with the view as of today's date. */
@Injectable()
export class MeetingWriter {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(meetingId: string, command: MeetingCommand, envelope: CommandEnvelope): Promise<CommandResult<MeetingEvent, MeetingState>> {
    return this.pipeline.execute(meetingDecider, meetingStreamId(meetingId), command, envelope);
  }

  /** The meeting as stored now; another organisation's meeting is answered as missing. */
  async load(meetingId: string, actor: Actor): Promise<{ state: Convened; revision: number }> {
    const { state, revision } = await this.pipeline.load(meetingDecider, meetingStreamId(meetingId));
    if (state.status === 'none' || state.organisationId !== actor.organisationId) throw new NotFound(MEETING, { meetingId });
    return { state, revision };
  }

  view({ state, revision }: { state: MeetingState; revision: number }): MeetingView {
    if (state.status === 'none') throw new Error('no meeting');
    return toMeetingView(state, revision, swedishDate(this.clock.now()));
  }
}

@CommandHandler(ConveneMeetingCommand)
export class ConveneMeetingHandler implements ICommandHandler<ConveneMeetingCommand, Outcome<MeetingView>> {
  constructor(
    private readonly meetings: MeetingWriter,
    private readonly idempotency: Idempotency,
    private readonly organisations: Organisations,
  ) {}

  execute({ request, envelope }: ConveneMeetingCommand): Promise<Outcome<MeetingView>> {
    return this.idempotency.run(envelope, request, async () => {
      const organisationId = envelope.actor.organisationId;
      const body = await this.organisations.body(organisationId, request.bodyId);
      if (!body) throw new NotFound({ sv: 'Nämnden', en: 'The body' }, { bodyId: request.bodyId });
      const meetingId = deterministicId(organisationId, envelope.commandId, 'meeting');
      const { startsAt, place, adjusterUserIds } = request;
      const firstParagraph = request.firstParagraph ?? 1;
      const command: MeetingCommand = { type: 'ConveneMeeting', meetingId, body, startsAt, place, firstParagraph, adjusterUserIds };
      return this.meetings.view(await this.meetings.execute(meetingId, command, envelope));
    });
  }
}

/** The meeting first (the case must be ready), then the case is placed on the agenda (idempotent). */
@CommandHandler(AddAgendaItemCommand)
export class AddAgendaItemHandler implements ICommandHandler<AddAgendaItemCommand, Outcome<MeetingView>> {
  constructor(
    private readonly meetings: MeetingWriter,
    private readonly idempotency: Idempotency,
    private readonly cases: CaseFacts,
  ) {}

  execute({ meetingId, request, envelope }: AddAgendaItemCommand): Promise<Outcome<MeetingView>> {
    return this.idempotency.run(envelope, { meetingId, ...request }, async () => {
      const found = await this.cases.get(request.caseId);
      const itemId = deterministicId(envelope.actor.organisationId, envelope.commandId, 'item');
      const result = await this.meetings.execute(meetingId, { type: 'AddAgendaItem', itemId, case: found }, envelope);
      const state = result.state as Convened;
      await this.cases.placeOnAgenda(envelope, { caseId: request.caseId, meetingId, itemId, bodyId: state.bodyId });
      return this.meetings.view(result);
    });
  }
}

/** The meeting first (quorum, conflicts of interest), then the case learns the outcome (idempotent). */
@CommandHandler(DecideItemCommand)
export class DecideItemHandler implements ICommandHandler<DecideItemCommand, Outcome<MeetingView>> {
  constructor(
    private readonly meetings: MeetingWriter,
    private readonly idempotency: Idempotency,
    private readonly cases: CaseFacts,
  ) {}

  execute({ meetingId, itemId, request, envelope }: DecideItemCommand): Promise<Outcome<MeetingView>> {
    return this.idempotency.run(envelope, { meetingId, itemId, ...request }, async () => {
      const command: MeetingCommand = {
        type: 'DecideItem',
        itemId,
        outcome: request.outcome,
        amendments: request.amendments ?? null,
        completionRequired: request.completionRequired ?? null,
        postponedToMeetingId: request.postponedToMeetingId ?? null,
        votes: request.votes ? { yes: request.votes.yes, no: request.votes.no, abstained: request.votes.abstained } : null,
      };
      const result = await this.meetings.execute(meetingId, command, envelope);
      const item = findItem(result.state as Convened, itemId)!;
      const d = item.decision!;
      await this.cases.recordItemOutcome(envelope, {
        caseId: item.caseId,
        meetingId,
        itemId,
        paragraph: d.paragraph,
        outcome: d.outcome,
        completionRequired: d.completionRequired,
        postponedToMeetingId: d.postponedToMeetingId,
      });
      return this.meetings.view(result);
    });
  }
}

/** The meeting first (KL 6:40 against the register as it stands), then the register marks them reported. */
@CommandHandler(ReportDelegatedDecisionsCommand)
export class ReportDelegatedDecisionsHandler implements ICommandHandler<ReportDelegatedDecisionsCommand, Outcome<MeetingView>> {
  constructor(
    private readonly meetings: MeetingWriter,
    private readonly idempotency: Idempotency,
    private readonly register: DelegationRegister,
  ) {}

  execute({ meetingId, request, envelope }: ReportDelegatedDecisionsCommand): Promise<Outcome<MeetingView>> {
    return this.idempotency.run(envelope, { meetingId, ...request }, async () => {
      const { organisationId } = envelope.actor;
      const { state: before } = await this.meetings.load(meetingId, envelope.actor);
      const register = await this.register.decisions(organisationId, before.bodyId);
      const { decisionIds } = request;
      const result = await this.meetings.execute(meetingId, { type: 'ReportDelegatedDecisions', decisionIds, register }, envelope);
      const state = result.state as Convened;
      const report = state.reports.find((r) => r.decisionIds.length === decisionIds.length && decisionIds.every((id) => r.decisionIds.includes(id)))!;
      await this.register.markReported(envelope, {
        organisationId,
        bodyId: state.bodyId,
        meetingId,
        paragraph: report.paragraph,
        reportedOn: report.reportedOn,
        decisionIds: report.decisionIds,
      });
      return this.meetings.view(result);
    });
  }
}

@CommandHandler(RecordMeetingCommand)
export class RecordMeetingHandler implements ICommandHandler<RecordMeetingCommand, Outcome<MeetingView>> {
  constructor(
    private readonly meetings: MeetingWriter,
    private readonly idempotency: Idempotency,
  ) {}

  execute({ meetingId, command, envelope }: RecordMeetingCommand): Promise<Outcome<MeetingView>> {
    return this.idempotency.run(envelope, { meetingId, ...command }, async () => this.meetings.view(await this.meetings.execute(meetingId, command, envelope)));
  }
}

@QueryHandler(GetMeetingQuery)
export class GetMeetingHandler implements IQueryHandler<GetMeetingQuery, MeetingView> {
  constructor(private readonly meetings: MeetingWriter) {}

  async execute({ meetingId, actor }: GetMeetingQuery): Promise<MeetingView> {
    return this.meetings.view(await this.meetings.load(meetingId, actor));
  }
}
