import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '../platform/clock';
import { CommandEnvelope, CommandPipeline } from '../platform/command-pipeline';
import { delegationDecider, delegationsStreamId, versionInForce } from './delegation.decider';
import { registerEntries, toDecisionView } from './delegation.views';
import { DelegatedDecisionRecord, DelegatedDecisionView, DelegationVersion } from './mandate';

export type { DelegatedDecisionRecord } from './mandate';

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
   * the version in effect at `at` (default: now) — the latest recorded by then that is valid from
   * that Swedish date on, else the latest recorded — with `revokedAt` set if revoked; or null
   */
  async versionInForce(organisationId: string, delegationId: string, at?: Date): Promise<DelegationVersion | null> {
    const { state } = await this.pipeline.load(delegationDecider, delegationsStreamId(organisationId));
    return versionInForce(state, delegationId, at ?? this.clock.now());
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

  /** idempotent; never refuses (the meeting decider checked checkReportable first) */
  async markReported(
    envelope: CommandEnvelope,
    p: { organisationId: string; bodyId: string; meetingId: string; paragraph: number; reportedOn: string; decisionIds: string[] },
  ): Promise<void> {
    await this.pipeline.execute(delegationDecider, delegationsStreamId(p.organisationId), { type: 'MarkReported', ...p }, envelope);
  }
}
