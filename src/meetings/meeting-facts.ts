import { Injectable } from '@nestjs/common';
import { CommandPipeline } from '../platform/command-pipeline';
import { BodyDecisionFact, BodyDecisionRef } from './decision-authority';
import { meetingDecider, meetingStreamId } from './meeting.decider';
import { adjustmentOf } from './meeting.protocol';

/** What other capabilities may know about a body's decisions, read fresh from the meeting's stream. */
@Injectable()
export class MeetingFacts {
  constructor(private readonly pipeline: CommandPipeline) {}

  /**
   * The decision under that paragraph, or null (also for another organisation's meeting, and for
   * a paragraph that only takes note of reported delegated decisions: taking note decides nothing,
   * so it can never authorise a budget or a delegation). Adjusted means the protocol is adjusted,
   * or the paragraph was adjusted immediately; annulled, that a court annulled it on appeal.
   */
  async bodyDecision(organisationId: string, ref: BodyDecisionRef): Promise<BodyDecisionFact | null> {
    const { state } = await this.pipeline.load(meetingDecider, meetingStreamId(ref.meetingId));
    if (state.status === 'none' || state.organisationId !== organisationId) return null;
    const fact = { meetingId: state.meetingId, paragraph: ref.paragraph, organisationId, bodyId: state.bodyId, decidedOn: state.date };
    const item = state.items.find((i) => i.decision?.paragraph === ref.paragraph);
    if (!item?.decision) return null;
    const annulled = item.rulings.some((r) => r.outcome === 'annulled');
    return { ...fact, caseId: item.caseId, outcome: item.decision.outcome, adjusted: adjustmentOf(state, item) !== null, annulled };
  }
}
