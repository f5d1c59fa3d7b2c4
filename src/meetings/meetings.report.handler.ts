import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DelegationRegister } from '../delegations/delegation-register';
import { CommandEnvelope, CommandResult } from '../platform/command-pipeline';
import { NotFound, RuleViolation } from '../platform/errors';
import { Idempotency, Outcome } from '../platform/idempotency';
import { MeetingCommand } from './meeting.commands';
import { MeetingEvent } from './meeting.events';
import { reportOf } from './meeting.paragraphs';
import { Convened, MeetingState } from './meeting.state';
import { MeetingWriter } from './meetings.handlers';
import { DelegatedDecisionReportDto } from './meetings.dto';
import { MeetingView } from './meetings.view.dto';

export class ReportDelegatedDecisionsCommand {
  constructor(readonly meetingId: string, readonly request: DelegatedDecisionReportDto, readonly envelope: CommandEnvelope) {}
}

/**
 * KL-6-40. The register is the stream every meeting of the body contends for (one decision, one
 * report), so it is written first, as the case is for an agenda item:
 * 1. a dry run of the meeting's decide surfaces its refusals and the § it would give;
 * 2. the register holds the decisions for this meeting in the name of this request (its holder:
 *    every try of one Idempotency-Key is the same holder) — and refuses any that another meeting,
 *    or another report under way, holds (so of concurrent reports exactly one gets through);
 * 3. the meeting writes its paragraph, deciding on the register as read after the hold, so it takes
 *    only what this request holds (or what its own paragraph already reported: a retry);
 * 4. the register is confirmed with the § actually written.
 * The § is known for certain only after step 3 (an item decided in between takes the number the
 * dry run expected), so the hold carries the expected number and step 4 renumbers it. Should the
 * meeting refuse, what this request holds for the meeting without a paragraph there is let go (its
 * own hold, or a crashed earlier try's) — never another request's.
 */
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
      const { decisionIds } = request;
      const held = { organisationId, bodyId: before.bodyId, meetingId, decisionIds };
      let result: CommandResult<MeetingEvent, MeetingState>;
      try {
        const snapshot = await this.register.decisionsFor(organisationId, before.bodyId, envelope);
        // the dry run decides on the meeting as loaded above: the real append decides again on the stream as it then is
        this.meetings.check(before, { type: 'ReportDelegatedDecisions', decisionIds, register: snapshot }, envelope);
        const expected = reportOf(before, decisionIds)?.paragraph ?? before.nextParagraph;
        await this.register.markReported(envelope, { ...held, paragraph: expected, reportedOn: before.date });
        // decided on the register as it is after the hold: what was let go or taken since the dry run is not this request's
        const register = await this.register.decisionsFor(organisationId, before.bodyId, envelope);
        const command: MeetingCommand = { type: 'ReportDelegatedDecisions', decisionIds, register };
        result = await this.meetings.execute(meetingId, command, envelope);
      } catch (error) {
        // only a refusal is certain to have written no paragraph; after any other failure a retry completes the work
        if (error instanceof RuleViolation || error instanceof NotFound) await this.release(held, envelope);
        throw error;
      }
      const report = reportOf(result.state as Convened, decisionIds)!;
      await this.register.confirmReported(envelope, { ...held, paragraph: report.paragraph, reportedOn: report.reportedOn });
      return this.meetings.view(result);
    });
  }

  private async release(held: { organisationId: string; bodyId: string; meetingId: string; decisionIds: string[] }, envelope: CommandEnvelope): Promise<void> {
    const { state } = await this.meetings.load(held.meetingId, envelope.actor);
    const written = new Set(state.reports.flatMap((r) => r.decisionIds));
    const unwritten = held.decisionIds.filter((id) => !written.has(id));
    if (unwritten.length > 0) await this.register.withdrawReported(envelope, { ...held, decisionIds: unwritten });
  }
}
