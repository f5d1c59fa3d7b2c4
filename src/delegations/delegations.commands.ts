import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
// the pure decider and its state only, not AgreementsModule: that module imports this one
import { agreementDecider } from '../agreements/agreement.decider';
import { agreementStreamId } from '../agreements/agreement.state';
import { CaseFacts } from '../cases/case-facts';
import { CommandEnvelope, CommandPipeline } from '../platform/command-pipeline';
import { NotFound } from '../platform/errors';
import { Idempotency, Outcome } from '../platform/idempotency';
import { deterministicId } from '../platform/ids';
import { Organisations } from '../organisations/organisations.service';
import { BodyDecisions } from './body-decisions';
import { AgreementFacts, delegationDecider, delegationsStreamId, RegisterEntry, RegisterState } from './delegation.decider';
import { DelegationTermsRequest } from './delegation.rules';
import { DelegationReadModel, delegationReadModel } from './delegation.views';
import { DelegationTermsDto, RevokeDelegationDto, UrgentDecisionDto } from './delegations.dto';

export class GrantDelegationCommand {
  constructor(readonly request: DelegationTermsDto, readonly envelope: CommandEnvelope) {}
}
export class AmendDelegationCommand {
  constructor(readonly delegationId: string, readonly request: DelegationTermsDto, readonly envelope: CommandEnvelope) {}
}
export class RevokeDelegationCommand {
  constructor(readonly delegationId: string, readonly request: RevokeDelegationDto, readonly envelope: CommandEnvelope) {}
}
export class RecordUrgentDecisionCommand {
  constructor(readonly bodyId: string, readonly request: UrgentDecisionDto, readonly envelope: CommandEnvelope) {}
}

export const DELEGATION = { sv: 'Delegationen', en: 'The delegation' };
export const BODY = { sv: 'Nämnden', en: 'The body' };

function terms(request: DelegationTermsDto): DelegationTermsRequest & { bodyId: string; decision: { meetingId: string; paragraph: number } } {
  return {
    bodyId: request.bodyId,
    decision: { meetingId: request.decision.meetingId, paragraph: request.decision.paragraph },
    delegates: request.delegates.map(({ userId, role }) => ({ userId, role })),
    scope: { agreementId: request.scope.agreementId, areaIds: request.scope.areaIds, kinds: request.scope.kinds },
    amountLimitOre: request.amountLimitOre ?? null,
    validFrom: request.validFrom,
    validUntil: request.validUntil ?? null,
  };
}

/** The agreement a scope names, read fresh from its stream (DELEGATION-AGREEMENT). */
async function agreementFacts(pipeline: CommandPipeline, agreementId: string): Promise<AgreementFacts> {
  const { state } = await pipeline.load(agreementDecider, agreementStreamId(agreementId));
  if (state.status !== 'open') return { exists: false, organisationId: null, areaIds: [] };
  return { exists: true, organisationId: state.organisationId, areaIds: state.areas.map((a) => a.areaId) };
}

export function readModel(state: RegisterState, delegationId: string): DelegationReadModel {
  const model = delegationReadModel(state, delegationId);
  if (!model) throw new NotFound(DELEGATION, { delegationId });
  return model;
}

/**
 * Grant, amend and revoke write only the register; the body's decision behind each is read fresh
 * from its meeting and handed to the decider, which checks it (DECISION-AUTHORITY). Granting and
 * amending record the same terms, resting also on the agreement the scope names, read fresh too.
 */
async function recordTerms(
  pipeline: CommandPipeline,
  decisions: BodyDecisions,
  type: 'GrantDelegation' | 'AmendDelegation',
  delegationId: string,
  request: DelegationTermsDto,
  envelope: CommandEnvelope,
): Promise<DelegationReadModel> {
  const organisationId = envelope.actor.organisationId;
  const command = terms(request);
  const decisionFact = await decisions.bodyDecision(organisationId, command.decision);
  const agreement = await agreementFacts(pipeline, command.scope.agreementId);
  const { state } = await pipeline.execute(
    delegationDecider,
    delegationsStreamId(organisationId),
    { type, delegationId, organisationId, ...command, decisionFact, agreement },
    envelope,
  );
  return readModel(state, delegationId);
}

@CommandHandler(GrantDelegationCommand)
export class GrantDelegationHandler implements ICommandHandler<GrantDelegationCommand, Outcome<DelegationReadModel>> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly idempotency: Idempotency,
    private readonly decisions: BodyDecisions,
  ) {}

  execute({ request, envelope }: GrantDelegationCommand): Promise<Outcome<DelegationReadModel>> {
    return this.idempotency.run(envelope, request, () => {
      const delegationId = deterministicId(envelope.actor.organisationId, envelope.commandId, 'delegation');
      return recordTerms(this.pipeline, this.decisions, 'GrantDelegation', delegationId, request, envelope);
    });
  }
}

@CommandHandler(AmendDelegationCommand)
export class AmendDelegationHandler implements ICommandHandler<AmendDelegationCommand, Outcome<DelegationReadModel>> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly idempotency: Idempotency,
    private readonly decisions: BodyDecisions,
  ) {}

  execute({ delegationId, request, envelope }: AmendDelegationCommand): Promise<Outcome<DelegationReadModel>> {
    return this.idempotency.run(envelope, { delegationId, request }, () =>
      recordTerms(this.pipeline, this.decisions, 'AmendDelegation', delegationId, request, envelope),
    );
  }
}

@CommandHandler(RevokeDelegationCommand)
export class RevokeDelegationHandler implements ICommandHandler<RevokeDelegationCommand, Outcome<DelegationReadModel>> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly idempotency: Idempotency,
    private readonly decisions: BodyDecisions,
  ) {}

  execute({ delegationId, request, envelope }: RevokeDelegationCommand): Promise<Outcome<DelegationReadModel>> {
    return this.idempotency.run(envelope, { delegationId, request }, async () => {
      const organisationId = envelope.actor.organisationId;
      const decision = { meetingId: request.decision.meetingId, paragraph: request.decision.paragraph };
      const decisionFact = await this.decisions.bodyDecision(organisationId, decision);
      const { state } = await this.pipeline.execute(
        delegationDecider,
        delegationsStreamId(organisationId),
        { type: 'RevokeDelegation', delegationId, organisationId, decision, decisionFact, effectiveOn: request.effectiveOn ?? null },
        envelope,
      );
      return readModel(state, delegationId);
    });
  }
}

/** KL 6:39: the body's chair, as the organisation register has it now, decides an urgent matter. */
@CommandHandler(RecordUrgentDecisionCommand)
export class RecordUrgentDecisionHandler implements ICommandHandler<RecordUrgentDecisionCommand, Outcome<RegisterEntry>> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly idempotency: Idempotency,
    private readonly organisations: Organisations,
    private readonly cases: CaseFacts,
  ) {}

  execute({ bodyId, request, envelope }: RecordUrgentDecisionCommand): Promise<Outcome<RegisterEntry>> {
    return this.idempotency.run(envelope, { bodyId, request }, async () => {
      const organisationId = envelope.actor.organisationId;
      const body = await this.organisations.body(organisationId, bodyId);
      if (!body) throw new NotFound(BODY, { bodyId });
      const delegatedDecisionId = deterministicId(organisationId, envelope.commandId, 'urgent-decision');
      const caseId = request.caseId ?? null;
      const found = caseId === null ? null : await this.cases.get(caseId);
      const { state } = await this.pipeline.execute(
        delegationDecider,
        delegationsStreamId(organisationId),
        {
          type: 'RecordUrgentDecision',
          delegatedDecisionId,
          organisationId,
          bodyId,
          chairUserId: body.chairUserId,
          subject: request.subject,
          decisionText: request.decisionText,
          caseId,
          caseFound: found && { caseId: found.caseId, organisationId: found.organisationId },
        },
        envelope,
      );
      return state.decisions.get(delegatedDecisionId) as RegisterEntry;
    });
  }
}
