import { randomUUID } from 'node:crypto';
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

/**
 * The report a register step works for: every try of one request (the same Idempotency-Key) is
 * the same holder, so a retry finds, confirms or lets go of its own hold and nobody else's.
 */
export const holderOf = (envelope: CommandEnvelope): string => envelope.commandId;

/**
 * A register step of a report runs under a command id of its own, never retryable: a retry after a
 * crash must decide the step again on the register as it now is (its hold may have been let go
 * since), and the register's own rules make that idempotent. The pipeline's replay detection —
 * "the first try's events are in the stream, so it was applied" — would skip it.
 */
const step = (envelope: CommandEnvelope, commandType: string): CommandEnvelope => ({
  ...envelope,
  commandId: deterministicId(envelope.commandId, commandType, randomUUID()),
  retryable: false,
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
   * The body's register as one report sees it: a decision it holds itself, not yet confirmed, is
   * unreported to it (it is this report's to write); anyone else's hold is reported.
   */
  async decisionsFor(organisationId: string, bodyId: string, envelope: CommandEnvelope): Promise<DelegatedDecisionView[]> {
    const { state } = await this.pipeline.load(delegationDecider, delegationsStreamId(organisationId));
    const holderId = holderOf(envelope);
    return registerEntries(state, bodyId).map((entry) => {
      const own = entry.reported !== null && entry.hold?.holderId === holderId && !entry.hold.confirmed;
      return toDecisionView(own ? { ...entry, reported: null } : entry);
    });
  }

  /**
   * KL-6-40, written before the meeting's paragraph (the register is what meetings contend for):
   * holds the decisions for this meeting in the name of this request, refuses one reported at
   * another meeting or held by another report under way; idempotent for the same holder
   */
  async markReported(envelope: CommandEnvelope, p: ReportMark): Promise<void> {
    const command = { type: 'MarkReported' as const, ...p, holderId: holderOf(envelope) };
    await this.pipeline.execute(delegationDecider, delegationsStreamId(p.organisationId), command, step(envelope, 'HoldReported'));
  }

  /** after the meeting's append: the register names the paragraph actually written (idempotent) */
  async confirmReported(envelope: CommandEnvelope, p: ReportMark): Promise<void> {
    const command = { type: 'MarkReported' as const, ...p, holderId: holderOf(envelope), renumber: true };
    await this.pipeline.execute(delegationDecider, delegationsStreamId(p.organisationId), command, step(envelope, 'ConfirmReported'));
  }

  /** compensation when the meeting refused the paragraph: what this request holds for that meeting is unreported again (idempotent) */
  async withdrawReported(envelope: CommandEnvelope, p: { organisationId: string; bodyId: string; meetingId: string; decisionIds: string[] }): Promise<void> {
    const command = { type: 'WithdrawReport' as const, ...p, holderId: holderOf(envelope) };
    await this.pipeline.execute(delegationDecider, delegationsStreamId(p.organisationId), command, step(envelope, 'WithdrawReport'));
  }
}
