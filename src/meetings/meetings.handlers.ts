import { Inject, Injectable } from '@nestjs/common';
import { CommandHandler, ICommandHandler, IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { swedishDate } from '../calendar/swedish-calendar';
import { CaseFacts } from '../cases/case-facts';
import { Organisations } from '../organisations/organisations.service';
import { Actor } from '../platform/actor';
import { CLOCK, Clock } from '../platform/clock';
import { CommandEnvelope, CommandPipeline, CommandResult } from '../platform/command-pipeline';
import { NotFound, RuleViolation } from '../platform/errors';
import { Idempotency, Outcome } from '../platform/idempotency';
import { deterministicId } from '../platform/ids';
import { MeetingCommand, PostponementTarget } from './meeting.commands';
import { MEETING, meetingDecider, meetingStreamId } from './meeting.decider';
import { MeetingEvent } from './meeting.events';
import { Convened, findItem, MeetingState, requireItem } from './meeting.state';
import { toMeetingView } from './meeting.view';
import { AddAgendaItemDto, ConveneMeetingDto, DecisionDto } from './meetings.dto';
import { MeetingView } from './meetings.view.dto';

/** Commands that touch only the meeting's own stream. */
export type OwnStreamCommand = Exclude<
  MeetingCommand,
  { type: 'ConveneMeeting' | 'AddAgendaItem' | 'DecideItem' | 'ReportDelegatedDecisions' | 'StrikeItem' | 'CancelMeeting' }
>;

export class ConveneMeetingCommand {
  constructor(readonly request: ConveneMeetingDto, readonly envelope: CommandEnvelope) {}
}
export class AddAgendaItemCommand {
  constructor(readonly meetingId: string, readonly request: AddAgendaItemDto, readonly envelope: CommandEnvelope) {}
}
export class DecideItemCommand {
  constructor(readonly meetingId: string, readonly itemId: string, readonly request: DecisionDto, readonly envelope: CommandEnvelope) {}
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

  /**
   * Decides the command on the meeting as stored now without appending anything: the meeting's
   * own refusals surface before another stream is written. Answers the state it decided on.
   */
  async dryRun(meetingId: string, command: MeetingCommand, envelope: CommandEnvelope): Promise<MeetingState> {
    const { state } = await this.pipeline.load(meetingDecider, meetingStreamId(meetingId));
    this.check(state, command, envelope);
    return state;
  }

  /** The dry run on a meeting the handler has already loaded. */
  check(state: MeetingState, command: MeetingCommand, envelope: CommandEnvelope): void {
    meetingDecider.decide(command, state, { actor: envelope.actor, now: this.clock.now() });
  }

  /** Another meeting as its stream stands now, for the decider to check; null when there is none. */
  async postponementTarget(meetingId: string): Promise<PostponementTarget | null> {
    const { state } = await this.pipeline.load(meetingDecider, meetingStreamId(meetingId));
    if (state.status === 'none') return null;
    return { meetingId: state.meetingId, organisationId: state.organisationId, bodyId: state.bodyId, startsAt: state.startsAt, status: state.status };
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

/**
 * The case is the contended stream (two meetings could want it), so it is written first: a dry run
 * of the meeting surfaces the meeting's refusals, the case's `CasePlacedOnAgenda` reserves it (the
 * case decider refuses one that is not ready or already on another agenda), then the meeting takes
 * the item (a no-op on retry). Should the meeting refuse after all (it closed in between), the
 * reservation is taken back before the refusal is answered.
 */
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
      const command: MeetingCommand = { type: 'AddAgendaItem', itemId, case: found };
      const before = (await this.meetings.dryRun(meetingId, command, envelope)) as Convened;
      const placement = { caseId: request.caseId, meetingId, itemId, bodyId: before.bodyId };
      await this.cases.placeOnAgenda(envelope, placement);
      try {
        return this.meetings.view(await this.meetings.execute(meetingId, command, envelope));
      } catch (error) {
        // only a refusal is certain to have written nothing; after any other failure a retry completes the work
        if (error instanceof RuleViolation || error instanceof NotFound) await this.cases.removeFromAgenda(envelope, placement);
        throw error;
      }
    });
  }
}

/**
 * The meeting first (the case on this agenda as this item, quorum, conflicts of interest, the
 * meeting postponed to), with the case and that meeting read fresh; then the case learns the
 * outcome (idempotent).
 */
@CommandHandler(DecideItemCommand)
export class DecideItemHandler implements ICommandHandler<DecideItemCommand, Outcome<MeetingView>> {
  constructor(
    private readonly meetings: MeetingWriter,
    private readonly idempotency: Idempotency,
    private readonly cases: CaseFacts,
  ) {}

  execute({ meetingId, itemId, request, envelope }: DecideItemCommand): Promise<Outcome<MeetingView>> {
    return this.idempotency.run(envelope, { meetingId, itemId, ...request }, async () => {
      const { state: before } = await this.meetings.load(meetingId, envelope.actor);
      const postponedToMeetingId = request.postponedToMeetingId ?? null;
      const command: MeetingCommand = {
        type: 'DecideItem',
        itemId,
        case: await this.cases.get(requireItem(before, itemId).caseId),
        postponedTo: postponedToMeetingId === null ? null : await this.meetings.postponementTarget(postponedToMeetingId),
        outcome: request.outcome,
        amendments: request.amendments ?? null,
        completionRequired: request.completionRequired ?? null,
        postponedToMeetingId,
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
