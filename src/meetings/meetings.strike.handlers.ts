import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CaseFacts } from '../cases/case-facts';
import { CommandEnvelope, CommandResult } from '../platform/command-pipeline';
import { Idempotency, Outcome } from '../platform/idempotency';
import { MeetingCommand } from './meeting.commands';
import { MeetingEvent } from './meeting.events';
import { Convened, MeetingState } from './meeting.state';
import { MeetingWriter } from './meetings.handlers';
import { CancellationDto, StrikeItemDto } from './meetings.dto';
import { MeetingView } from './meetings.view.dto';

export class StrikeItemCommand {
  constructor(readonly meetingId: string, readonly itemId: string, readonly request: StrikeItemDto, readonly envelope: CommandEnvelope) {}
}
export class CancelMeetingCommand {
  constructor(readonly meetingId: string, readonly request: CancellationDto, readonly envelope: CommandEnvelope) {}
}

/**
 * The meeting first (MEETING-ITEM-STRIKE, MEETING-CANCELLATION decide whether items can go), then
 * the case of every struck item goes back to ready_for_agenda. That consequence is idempotent (a
 * no-op unless the case is still on this agenda as that item) and written under a command id of its
 * own, so a retry after a crash between the two completes it and changes nothing else.
 */
async function strikeAndRelease(
  meetings: MeetingWriter,
  cases: CaseFacts,
  meetingId: string,
  command: MeetingCommand,
  envelope: CommandEnvelope,
): Promise<MeetingView> {
  const result: CommandResult<MeetingEvent, MeetingState> = await meetings.execute(meetingId, command, envelope);
  const { items } = result.state as Convened;
  const concerned = command.type === 'StrikeItem' ? items.filter((i) => i.itemId === command.itemId) : items;
  const struck = concerned.filter((i) => i.struck !== null);
  // each case is a stream of its own, so the releases do not contend with one another
  await Promise.all(struck.map((i) => cases.removeFromAgenda(envelope, { caseId: i.caseId, meetingId, itemId: i.itemId })));
  return meetings.view(result);
}

@CommandHandler(StrikeItemCommand)
export class StrikeItemHandler implements ICommandHandler<StrikeItemCommand, Outcome<MeetingView>> {
  constructor(
    private readonly meetings: MeetingWriter,
    private readonly idempotency: Idempotency,
    private readonly cases: CaseFacts,
  ) {}

  execute({ meetingId, itemId, request, envelope }: StrikeItemCommand): Promise<Outcome<MeetingView>> {
    return this.idempotency.run(envelope, { meetingId, itemId, ...request }, () =>
      strikeAndRelease(this.meetings, this.cases, meetingId, { type: 'StrikeItem', itemId, reason: request.reason }, envelope),
    );
  }
}

@CommandHandler(CancelMeetingCommand)
export class CancelMeetingHandler implements ICommandHandler<CancelMeetingCommand, Outcome<MeetingView>> {
  constructor(
    private readonly meetings: MeetingWriter,
    private readonly idempotency: Idempotency,
    private readonly cases: CaseFacts,
  ) {}

  execute({ meetingId, request, envelope }: CancelMeetingCommand): Promise<Outcome<MeetingView>> {
    return this.idempotency.run(envelope, { meetingId, ...request }, () =>
      strikeAndRelease(this.meetings, this.cases, meetingId, { type: 'CancelMeeting', reason: request.reason }, envelope),
    );
  }
}
