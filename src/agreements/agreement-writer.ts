import { Injectable } from '@nestjs/common';
import { CaseFacts } from '../cases/case-facts';
import { DelegationRegister } from '../delegations/delegation-register';
import { DelegableKind, DelegatedAuthority } from '../delegations/mandate';
import { BodyDecisionRef } from '../meetings/decision-authority';
import { MeetingFacts } from '../meetings/meeting-facts';
import { CommandEnvelope, CommandPipeline } from '../platform/command-pipeline';
import { NotFound } from '../platform/errors';
import { deterministicId } from '../platform/ids';
import { AGREEMENT, AgreementCommand, agreementDecider, AuthorityEvidence } from './agreement.decider';
import { summarise, toLedger, toLedgerSummary } from './agreement.ledger';
import { agreementStreamId, OpenedAgreement } from './agreement.state';
import { AuthorityDto } from './agreements.dto';
import { ActivityAllocated, AgreementEvent, FundsReallocatedBetweenAreas, FundsReallocatedWithinArea } from './agreements.events';
import { AgreementLedger, AgreementLedgerSummary } from './agreements.views';

type MoneyMove = ActivityAllocated | FundsReallocatedWithinArea | FundsReallocatedBetweenAreas;
type DelegatedMove = MoneyMove & { data: { authority: DelegatedAuthority } };
const KIND: Record<MoneyMove['type'], DelegableKind> = {
  ActivityAllocated: 'decide_activities',
  FundsReallocatedWithinArea: 'reallocate_within_area',
  FundsReallocatedBetweenAreas: 'reallocate_between_areas',
};

const isMoneyMove = (e: AgreementEvent): e is MoneyMove =>
  e.type === 'ActivityAllocated' || e.type === 'FundsReallocatedWithinArea' || e.type === 'FundsReallocatedBetweenAreas';
const delegatedMoves = (state: OpenedAgreement): DelegatedMove[] =>
  state.history.filter((e): e is DelegatedMove => isMoneyMove(e) && e.data.authority.kind === 'delegated');

/**
 * The agreement's side of every write: reads what the decider must check (a body's decision, a
 * delegation as it stands now, the case) fresh from the other capabilities, runs the command, and
 * then brings the delegation register up to date with the agreement's delegated decisions
 * (docs/workflow.md, the two-stream pattern: the agreement first, then the register, idempotent by
 * delegatedDecisionId). The register is compared with the whole agreement, not only with this
 * command's decision, so one lost after a crash (retried without an Idempotency-Key, or never)
 * reaches the register, and with it the body's unreported list (KL-6-40), on the agreement's next
 * write or read.
 */
@Injectable()
export class AgreementWriter {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly meetings: MeetingFacts,
    private readonly register: DelegationRegister,
    private readonly cases: CaseFacts,
  ) {}

  async execute(agreementId: string, command: AgreementCommand, envelope: CommandEnvelope): Promise<{ state: OpenedAgreement; ledger: AgreementLedgerSummary }> {
    const result = await this.pipeline.execute(agreementDecider, agreementStreamId(agreementId), command, envelope);
    if (result.state.status !== 'open') throw new NotFound(AGREEMENT, { agreementId });
    await this.reconcileRegister(envelope, result.state);
    return { state: result.state, ledger: toLedgerSummary(result.state, result.revision) };
  }

  /** the case as the decider checks it (AGREEMENT-CASE) */
  async caseSnapshot(caseId: string): Promise<{ caseId: string; organisationId: string } | null> {
    const found = await this.cases.get(caseId);
    return found && { caseId: found.caseId, organisationId: found.organisationId };
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

  /** The delegated decision the command's money move was taken as (its id), or null when a body decided it. */
  delegatedDecisionOf(state: OpenedAgreement, find: (event: MoneyMove) => boolean): string | null {
    const event = state.history.find((e): e is MoneyMove => isMoneyMove(e) && find(e));
    return event && event.data.authority.kind === 'delegated' ? event.data.authority.delegatedDecisionId : null;
  }

  /** The ledger with its history; reading also puts a delegated decision lost by a crash on the register. */
  async read(agreementId: string, envelope: CommandEnvelope): Promise<AgreementLedger> {
    const folded = await this.pipeline.load(agreementDecider, agreementStreamId(agreementId));
    // another organisation's agreement is answered as missing: its existence is not ours to tell
    if (folded.state.status !== 'open' || folded.state.organisationId !== envelope.actor.organisationId) throw new NotFound(AGREEMENT, { agreementId });
    await this.reconcileRegister(envelope, folded.state);
    return toLedger(folded.state, folded.revision);
  }

  /**
   * Every delegated decision of the agreement that the delegating body's register does not hold
   * yet goes on it, where it waits to be reported (KL-6-40). Each append is idempotent by
   * delegatedDecisionId; its command id comes from this command and the decision, so a retry of
   * this command writes the same ids and another command's repair never collides with it.
   */
  private async reconcileRegister(envelope: CommandEnvelope, state: OpenedAgreement): Promise<void> {
    const moves = delegatedMoves(state);
    if (moves.length === 0) return;
    const known = new Set<string>();
    for (const bodyId of new Set(moves.map((m) => m.data.authority.bodyId))) {
      for (const d of await this.register.decisions(state.organisationId, bodyId)) known.add(d.delegatedDecisionId);
    }
    for (const move of moves) {
      const { authority } = move.data;
      if (known.has(authority.delegatedDecisionId)) continue;
      const commandId = deterministicId(envelope.commandId, 'delegation-register', authority.delegatedDecisionId);
      await this.register.recordDelegatedDecision(
        { ...envelope, commandId, commandType: 'RecordDelegatedDecision', causationId: envelope.commandId },
        {
          organisationId: state.organisationId,
          delegatedDecisionId: authority.delegatedDecisionId,
          delegationId: authority.delegationId,
          delegationVersion: authority.delegationVersion,
          decisionKind: KIND[move.type],
          summary: `${state.name}: ${summarise(move, state)}`,
          amountOre: move.data.amountOre,
          agreementId: state.agreementId,
          decidedAt: move.data.recordedAt,
          decidedBy: authority.decidedBy,
        },
      );
    }
  }
}
