import { CommandHandler, ICommandHandler, IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CommandEnvelope } from '../platform/command-pipeline';
import { Idempotency, Outcome } from '../platform/idempotency';
import { deterministicId } from '../platform/ids';
import { AgreementWriter } from './agreement-writer';
import { AllocateActivityDto, OpenAgreementDto, ReallocationDto, ReportingBackDto, ReportOutcomeDto, SetAreaBudgetsDto } from './agreements.dto';
import { ActivityDecided, AgreementLedger, AgreementLedgerSummary, ReallocationDecided } from './agreements.views';

export class OpenAgreementCommand {
  constructor(readonly request: OpenAgreementDto, readonly envelope: CommandEnvelope) {}
}
export class SetAreaBudgetsCommand {
  constructor(readonly agreementId: string, readonly request: SetAreaBudgetsDto, readonly envelope: CommandEnvelope) {}
}
export class AllocateActivityCommand {
  constructor(readonly agreementId: string, readonly request: AllocateActivityDto, readonly envelope: CommandEnvelope) {}
}
export class ReallocateCommand {
  constructor(readonly agreementId: string, readonly request: ReallocationDto, readonly envelope: CommandEnvelope) {}
}
export class ReportOutcomeCommand {
  constructor(readonly agreementId: string, readonly request: ReportOutcomeDto, readonly envelope: CommandEnvelope) {}
}
export class ComputeRepaymentCommand {
  constructor(readonly agreementId: string, readonly envelope: CommandEnvelope) {}
}
export class RecordReportingBackCommand {
  constructor(readonly agreementId: string, readonly request: ReportingBackDto, readonly envelope: CommandEnvelope) {}
}
/** A read that may also repair the delegation register, hence the envelope: who read, and which request did it. */
export class GetAgreementQuery {
  constructor(readonly agreementId: string, readonly envelope: CommandEnvelope) {}
}

/** Ids of new things come from the command id, so a retry finds its own work. */
const idFor = (envelope: CommandEnvelope, what: string) => deterministicId(envelope.actor.organisationId, envelope.commandId, what);

@CommandHandler(OpenAgreementCommand)
export class OpenAgreementHandler implements ICommandHandler<OpenAgreementCommand, Outcome<AgreementLedgerSummary>> {
  constructor(private readonly idempotency: Idempotency, private readonly writer: AgreementWriter) {}

  execute({ request, envelope }: OpenAgreementCommand): Promise<Outcome<AgreementLedgerSummary>> {
    return this.idempotency.run(envelope, request, async () => {
      const { caseId, areas, ...rest } = request;
      // one agreement per case: its id comes from the case, so a second opening meets the first (a no-op, or AGREEMENT-CASE-HAS-AGREEMENT)
      const agreementId = deterministicId(envelope.actor.organisationId, caseId, 'agreement');
      const caseSnapshot = await this.writer.caseSnapshot(caseId);
      const command = { type: 'OpenAgreement' as const, agreementId, caseId, caseSnapshot, ...rest, areas: areas.map(({ areaId, name }) => ({ areaId, name })) };
      return (await this.writer.execute(agreementId, command, envelope)).ledger;
    });
  }
}

@CommandHandler(SetAreaBudgetsCommand)
export class SetAreaBudgetsHandler implements ICommandHandler<SetAreaBudgetsCommand, Outcome<AgreementLedgerSummary>> {
  constructor(private readonly idempotency: Idempotency, private readonly writer: AgreementWriter) {}

  execute({ agreementId, request, envelope }: SetAreaBudgetsCommand): Promise<Outcome<AgreementLedgerSummary>> {
    return this.idempotency.run(envelope, { agreementId, ...request }, async () => {
      const decision = { meetingId: request.decision.meetingId, paragraph: request.decision.paragraph };
      const fact = await this.writer.bodyDecision(envelope.actor.organisationId, decision);
      const budgets = request.budgets.map(({ areaId, amountOre, responsibleUserId, responsibleName }) => ({ areaId, amountOre, responsibleUserId, responsibleName }));
      return (await this.writer.execute(agreementId, { type: 'SetAreaBudgets', decision, fact, budgets }, envelope)).ledger;
    });
  }
}

@CommandHandler(AllocateActivityCommand)
export class AllocateActivityHandler implements ICommandHandler<AllocateActivityCommand, Outcome<ActivityDecided>> {
  constructor(private readonly idempotency: Idempotency, private readonly writer: AgreementWriter) {}

  execute({ agreementId, request, envelope }: AllocateActivityCommand): Promise<Outcome<ActivityDecided>> {
    return this.idempotency.run(envelope, { agreementId, ...request }, async () => {
      const activityId = idFor(envelope, 'activity');
      const { state, ledger } = await this.writer.execute(
        agreementId,
        {
          type: 'AllocateActivity',
          activityId,
          areaId: request.areaId,
          title: request.title,
          amountOre: request.amountOre,
          owner: request.owner ?? null,
          recipientOrganisationIds: request.recipientOrganisationIds ?? [],
          authority: await this.writer.evidence(envelope, request.authority),
        },
        envelope,
      );
      const delegatedDecisionId = this.writer.delegatedDecisionOf(state, (e) => e.type === 'ActivityAllocated' && e.data.activityId === activityId);
      return { activityId, delegatedDecisionId, agreement: ledger };
    });
  }
}

@CommandHandler(ReallocateCommand)
export class ReallocateHandler implements ICommandHandler<ReallocateCommand, Outcome<ReallocationDecided>> {
  constructor(private readonly idempotency: Idempotency, private readonly writer: AgreementWriter) {}

  execute({ agreementId, request, envelope }: ReallocateCommand): Promise<Outcome<ReallocationDecided>> {
    return this.idempotency.run(envelope, { agreementId, ...request }, async () => {
      const reallocationId = idFor(envelope, 'reallocation');
      const authority = await this.writer.evidence(envelope, request.authority);
      const { amountOre } = request;
      // the DTO made sure the fields of its kind are there
      const { areaId, fromActivityId, toActivityId, fromAreaId, toAreaId } = request as Required<ReallocationDto>;
      const command =
        request.kind === 'within_area'
          ? { type: 'ReallocateWithinArea' as const, reallocationId, areaId, fromActivityId, toActivityId, amountOre, authority }
          : { type: 'ReallocateBetweenAreas' as const, reallocationId, fromAreaId, toAreaId, amountOre, authority };
      const { state, ledger } = await this.writer.execute(agreementId, command, envelope);
      const delegatedDecisionId = this.writer.delegatedDecisionOf(state, (e) => e.type !== 'ActivityAllocated' && e.data.reallocationId === reallocationId);
      return { reallocationId, delegatedDecisionId, agreement: ledger };
    });
  }
}

@CommandHandler(ReportOutcomeCommand)
export class ReportOutcomeHandler implements ICommandHandler<ReportOutcomeCommand, Outcome<AgreementLedgerSummary>> {
  constructor(private readonly idempotency: Idempotency, private readonly writer: AgreementWriter) {}

  execute({ agreementId, request, envelope }: ReportOutcomeCommand): Promise<Outcome<AgreementLedgerSummary>> {
    return this.idempotency.run(envelope, { agreementId, ...request }, async () => {
      const { activityId, spentOre, reportedOn } = request;
      return (await this.writer.execute(agreementId, { type: 'ReportOutcome', activityId, spentOre, reportedOn }, envelope)).ledger;
    });
  }
}

@CommandHandler(ComputeRepaymentCommand)
export class ComputeRepaymentHandler implements ICommandHandler<ComputeRepaymentCommand, Outcome<AgreementLedgerSummary>> {
  constructor(private readonly idempotency: Idempotency, private readonly writer: AgreementWriter) {}

  execute({ agreementId, envelope }: ComputeRepaymentCommand): Promise<Outcome<AgreementLedgerSummary>> {
    return this.idempotency.run(envelope, { agreementId }, async () => {
      const repaymentId = idFor(envelope, 'repayment');
      return (await this.writer.execute(agreementId, { type: 'ComputeRepayment', repaymentId }, envelope)).ledger;
    });
  }
}

@CommandHandler(RecordReportingBackCommand)
export class RecordReportingBackHandler implements ICommandHandler<RecordReportingBackCommand, Outcome<AgreementLedgerSummary>> {
  constructor(private readonly idempotency: Idempotency, private readonly writer: AgreementWriter) {}

  execute({ agreementId, request, envelope }: RecordReportingBackCommand): Promise<Outcome<AgreementLedgerSummary>> {
    return this.idempotency.run(envelope, { agreementId, ...request }, async () => {
      const { submittedOn, reference } = request;
      return (await this.writer.execute(agreementId, { type: 'RecordReportingBack', submittedOn, reference }, envelope)).ledger;
    });
  }
}

@QueryHandler(GetAgreementQuery)
export class GetAgreementHandler implements IQueryHandler<GetAgreementQuery, AgreementLedger> {
  constructor(private readonly writer: AgreementWriter) {}

  execute({ agreementId, envelope }: GetAgreementQuery): Promise<AgreementLedger> {
    return this.writer.read(agreementId, envelope);
  }
}
