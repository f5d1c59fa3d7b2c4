import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '../platform/clock';
import { CommandEnvelope, CommandPipeline } from '../platform/command-pipeline';
import { deterministicId } from '../platform/ids';
import { delegationDecider, delegationsStreamId, versionInForce } from './delegation.decider';
import { registerEntries, toDecisionView } from './delegation.views';
import { DelegatedDecisionRecord, DelegatedDecisionView, DelegationVersion } from './mandate';

export type { DelegatedDecisionRecord } from './mandate';

export interface ReportMark {
  organisationId: string;
  bodyId: string;
  meetingId: string;
  paragraph: number;
  reportedOn: string;
  decisionIds: string[];
}

/** event ids come from the command id: a second write to the register under one envelope needs a command id of its own */
const followUp = (envelope: CommandEnvelope, commandType: string): CommandEnvelope => ({
  ...envelope,
  commandId: deterministicId(envelope.commandId, commandType),
  commandType,
  causationId: envelope.commandId,
});

/**
 * What other capabilities may ask of and tell the delegation register. Reads are fresh from the
 * store, so a mandate is always checked against the delegation as it stands now; writes are the
 * idempotent consequences of commands another decider already checked.
 */
@Injectable()
export class DelegationRegister {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * the version in effect now — the latest recorded by now that is valid from today's Swedish date
   * on, else the latest recorded — with `revokedAt` set if revoked; or null
   */
  async versionInForce(organisationId: string, delegationId: string): Promise<DelegationVersion | null> {
    const { state } = await this.pipeline.load(delegationDecider, delegationsStreamId(organisationId));
    return versionInForce(state, delegationId, this.clock.now());
  }

  /** idempotent by delegatedDecisionId; never refuses (the mandate was checked by the agreement decider with checkMandate) */
  async recordDelegatedDecision(envelope: CommandEnvelope, record: DelegatedDecisionRecord): Promise<void> {
    await this.pipeline.execute(delegationDecider, delegationsStreamId(record.organisationId), { type: 'RecordDelegatedDecision', record }, envelope);
  }

  /** every decision on the body's register (delegated and urgent), reported or not */
  async decisions(organisationId: string, bodyId: string): Promise<DelegatedDecisionView[]> {
    const { state } = await this.pipeline.load(delegationDecider, delegationsStreamId(organisationId));
    return registerEntries(state, bodyId).map(toDecisionView);
  }

  /**
   * KL-6-40, written before the meeting's paragraph (the register is what meetings contend for):
   * holds the decisions for this meeting, refuses one already reported at another meeting;
   * idempotent for this meeting (the meeting decider checked checkReportable in a dry run first)
   */
  async markReported(envelope: CommandEnvelope, p: ReportMark): Promise<void> {
    await this.pipeline.execute(delegationDecider, delegationsStreamId(p.organisationId), { type: 'MarkReported', ...p }, envelope);
  }

  /** after the meeting's append: the register names the paragraph actually written (idempotent) */
  async confirmReported(envelope: CommandEnvelope, p: ReportMark): Promise<void> {
    const command = { type: 'MarkReported' as const, ...p, renumber: true };
    await this.pipeline.execute(delegationDecider, delegationsStreamId(p.organisationId), command, followUp(envelope, 'ConfirmReported'));
  }

  /** compensation when the meeting refused the paragraph: what is held for that meeting is unreported again (idempotent) */
  async withdrawReported(envelope: CommandEnvelope, p: { organisationId: string; bodyId: string; meetingId: string; decisionIds: string[] }): Promise<void> {
    const command = { type: 'WithdrawReport' as const, ...p };
    await this.pipeline.execute(delegationDecider, delegationsStreamId(p.organisationId), command, followUp(envelope, 'WithdrawReport'));
  }
}
