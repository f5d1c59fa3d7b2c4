import { Injectable } from '@nestjs/common';
import { ItemOutcome } from '../meetings/decision-authority';
import { CommandEnvelope, CommandPipeline } from '../platform/command-pipeline';
import { deterministicId } from '../platform/ids';
import { caseDecider } from './case.decider';
import { CaseStatus } from './case.state';
import { caseStreamId } from './diary-number';

export type { CaseStatus } from './case.state';

export interface CaseSnapshot {
  caseId: string;
  organisationId: string;
  diaryNumber: string;
  title: string;
  status: CaseStatus;
  decisionPoints: Array<{ number: number; text: string }>;
  extractRecipients: string[];
  informBodies: string[];
  agenda: { meetingId: string; itemId: string } | null;
}

/**
 * What the meetings capability may know and do about a case. Putting a case on an agenda writes
 * the case first (the stream two meetings could contend for) and takes it back if the meeting
 * then refuses; a decision writes the meeting first and the outcome here after. Each append is a
 * no-op when already done, so a retried meeting command completes its work without doubling it.
 */
@Injectable()
export class CaseFacts {
  constructor(private readonly pipeline: CommandPipeline) {}

  /** The case as its stream stands now, or null when there is no such case. */
  async get(caseId: string): Promise<CaseSnapshot | null> {
    const { state } = await this.pipeline.load(caseDecider, caseStreamId(caseId));
    if (state.status === 'none') return null;
    const { organisationId, diaryNumber, title, status, report, agenda } = state;
    return {
      caseId,
      organisationId,
      diaryNumber,
      title,
      status,
      decisionPoints: report ? report.decisionPoints.map((p) => ({ ...p })) : [],
      extractRecipients: report ? [...report.extractRecipients] : [],
      informBodies: report ? [...report.informBodies] : [],
      agenda: agenda && { meetingId: agenda.meetingId, itemId: agenda.itemId },
    };
  }

  /** idempotent: a no-op when the case is already on that meeting's agenda */
  async placeOnAgenda(envelope: CommandEnvelope, p: { caseId: string; meetingId: string; itemId: string; bodyId: string }): Promise<void> {
    const { caseId, meetingId, itemId, bodyId } = p;
    await this.pipeline.execute(caseDecider, caseStreamId(caseId), { type: 'PlaceOnAgenda', meetingId, itemId, bodyId }, envelope);
  }

  /**
   * Compensation when the meeting refused the item after the case was placed for it: back to
   * ready_for_agenda. Idempotent; a no-op unless the case is on that meeting's agenda as that item.
   */
  async removeFromAgenda(envelope: CommandEnvelope, p: { caseId: string; meetingId: string; itemId: string }): Promise<void> {
    const { caseId, meetingId, itemId } = p;
    // event ids come from the command id: the placement already used this command's ids on the case's stream
    const compensation: CommandEnvelope = {
      ...envelope,
      commandId: deterministicId(envelope.commandId, 'remove-from-agenda'),
      commandType: 'RemoveFromAgenda',
      causationId: envelope.commandId,
    };
    await this.pipeline.execute(caseDecider, caseStreamId(caseId), { type: 'RemoveFromAgenda', meetingId, itemId }, compensation);
  }

  /** idempotent; referred_back → 'in_preparation', postponed → 'ready_for_agenda', approved/approved_with_amendments/rejected → 'decided' */
  async recordItemOutcome(
    envelope: CommandEnvelope,
    p: {
      caseId: string;
      meetingId: string;
      itemId: string;
      paragraph: number;
      outcome: ItemOutcome;
      completionRequired: string | null;
      postponedToMeetingId: string | null;
    },
  ): Promise<void> {
    const { caseId, ...outcome } = p;
    await this.pipeline.execute(caseDecider, caseStreamId(caseId), { type: 'RecordItemOutcome', ...outcome }, envelope);
  }
}
