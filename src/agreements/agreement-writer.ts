import { Injectable } from '@nestjs/common';
import { DelegationRegister } from '../delegations/delegation-register';
import { DelegableKind } from '../delegations/mandate';
import { BodyDecisionRef } from '../meetings/decision-authority';
import { MeetingFacts } from '../meetings/meeting-facts';
import { CommandEnvelope, CommandPipeline } from '../platform/command-pipeline';
import { NotFound } from '../platform/errors';
import { deterministicId } from '../platform/ids';
import { Actor } from '../platform/actor';
import { AGREEMENT, AgreementCommand, agreementDecider, AuthorityEvidence } from './agreement.decider';
import { toLedger, summarise } from './agreement.ledger';
import { agreementStreamId, OpenedAgreement } from './agreement.state';
import { AuthorityDto } from './agreements.dto';
import { ActivityAllocated, FundsReallocatedBetweenAreas, FundsReallocatedWithinArea } from './agreements.events';
import { AgreementLedger } from './agreements.views';

type MoneyMove = ActivityAllocated | FundsReallocatedWithinArea | FundsReallocatedBetweenAreas;
const KIND: Record<MoneyMove['type'], DelegableKind> = {
  ActivityAllocated: 'decide_activities',
  FundsReallocatedWithinArea: 'reallocate_within_area',
  FundsReallocatedBetweenAreas: 'reallocate_between_areas',
};

/**
 * The agreement's side of every write: reads what the decider must check (a body's decision, a
 * delegation as it stands now) fresh from the other capabilities, runs the command, and for a
 * delegated decision appends the consequence on the delegation register (docs/workflow.md, the
 * two-stream pattern: the agreement first, then the register, idempotent by delegatedDecisionId).
 */
@Injectable()
export class AgreementWriter {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly meetings: MeetingFacts,
    private readonly register: DelegationRegister,
  ) {}

  async execute(agreementId: string, command: AgreementCommand, envelope: CommandEnvelope): Promise<{ state: OpenedAgreement; ledger: AgreementLedger }> {
    const result = await this.pipeline.execute(agreementDecider, agreementStreamId(agreementId), command, envelope);
    if (result.state.status !== 'open') throw new NotFound(AGREEMENT, { agreementId });
    return { state: result.state, ledger: toLedger(result.state, result.revision) };
  }

  bodyDecision(organisationId: string, decision: BodyDecisionRef) {
    return this.meetings.bodyDecision(organisationId, { meetingId: decision.meetingId, paragraph: decision.paragraph });
  }

  /** what the decider needs to check the named authority; the delegated decision's id comes from the command id */
  async evidence(envelope: CommandEnvelope, authority: AuthorityDto): Promise<AuthorityEvidence> {
    const organisationId = envelope.actor.organisationId;
    if (authority.delegationId !== undefined) {
      return {
        kind: 'delegated',
        delegationId: authority.delegationId,
        delegation: await this.register.versionInForce(organisationId, authority.delegationId),
        delegatedDecisionId: deterministicId(organisationId, envelope.commandId, 'delegated-decision'),
      };
    }
    const decision = authority.decision!;
    return { kind: 'body', decision: { meetingId: decision.meetingId, paragraph: decision.paragraph }, fact: await this.bodyDecision(organisationId, decision) };
  }

  /**
   * After the agreement's append (or its no-op on a retry): a delegated decision goes on the
   * delegating body's register, where it waits to be reported (KL-6-40). Returns its id, or null.
   */
  async recordOnRegister(envelope: CommandEnvelope, state: OpenedAgreement, find: (event: MoneyMove) => boolean): Promise<string | null> {
    const event = state.history.find(
      (e): e is MoneyMove => (e.type === 'ActivityAllocated' || e.type === 'FundsReallocatedWithinArea' || e.type === 'FundsReallocatedBetweenAreas') && find(e),
    );
    if (!event || event.data.authority.kind !== 'delegated') return null;
    const { authority } = event.data;
    await this.register.recordDelegatedDecision(envelope, {
      organisationId: state.organisationId,
      delegatedDecisionId: authority.delegatedDecisionId,
      delegationId: authority.delegationId,
      delegationVersion: authority.delegationVersion,
      decisionKind: KIND[event.type],
      summary: `${state.name}: ${summarise(event, state)}`,
      amountOre: event.data.amountOre,
      agreementId: state.agreementId,
      decidedAt: event.data.recordedAt,
      decidedBy: authority.decidedBy,
    });
    return authority.delegatedDecisionId;
  }

  async read(agreementId: string, actor: Actor): Promise<AgreementLedger> {
    const folded = await this.pipeline.load(agreementDecider, agreementStreamId(agreementId));
    // another organisation's agreement is answered as missing: its existence is not ours to tell
    if (folded.state.status !== 'open' || folded.state.organisationId !== actor.organisationId) throw new NotFound(AGREEMENT, { agreementId });
    return toLedger(folded.state, folded.revision);
  }
}
