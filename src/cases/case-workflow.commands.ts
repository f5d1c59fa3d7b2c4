import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandEnvelope, CommandPipeline } from '../platform/command-pipeline';
import { Idempotency, Outcome } from '../platform/idempotency';
import { deterministicId } from '../platform/ids';
import { Organisations } from '../organisations/organisations.service';
import { CaseCommand, caseDecider } from './case.decider';
import { toCaseView } from './case-view';
import { AttachDocumentDto, RecordPreparationDto, WriteOfficialReportDto } from './case-workflow.dto';
import { CaseView } from './cases.dto';
import { OfficialReport } from './cases.events';
import { caseStreamId } from './diary-number';

/** A step of the case as the HTTP API asks for it; the handler turns it into the decider's command. */
export type CaseRequest =
  | ({ type: 'AttachDocument' } & AttachDocumentDto)
  | ({ type: 'WriteOfficialReport' } & WriteOfficialReportDto)
  | ({ type: 'RecordPreparation' } & RecordPreparationDto)
  | { type: 'MarkReadyForAgenda' }
  | { type: 'Withdraw'; reason: string }
  | { type: 'Close'; reason: string };

export class ChangeCaseCommand {
  constructor(
    readonly caseId: string,
    readonly request: CaseRequest,
    readonly envelope: CommandEnvelope,
  ) {}
}

function toReport(dto: WriteOfficialReportDto): OfficialReport {
  const c = dto.consequences;
  return {
    summary: dto.summary,
    caseDescription: dto.caseDescription,
    assessment: dto.assessment ?? null,
    consequences: {
      environment: c?.environment ?? null,
      children: c?.children ?? null,
      genderEquality: c?.genderEquality ?? null,
      economy: c?.economy ?? null,
    },
    followUp: dto.followUp ?? null,
    decisionPoints: dto.decisionPoints.map(({ number, text }) => ({ number, text })),
    extractRecipients: [...dto.extractRecipients],
    informBodies: [...dto.informBodies],
  };
}

/**
 * Every step on an existing case: one append to the case stream. What the decider needs from
 * elsewhere (the preparing body) is read fresh here and handed to it as a snapshot.
 */
@CommandHandler(ChangeCaseCommand)
export class ChangeCaseHandler implements ICommandHandler<ChangeCaseCommand, Outcome<CaseView>> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly idempotency: Idempotency,
    private readonly organisations: Organisations,
  ) {}

  execute({ caseId, request, envelope }: ChangeCaseCommand): Promise<Outcome<CaseView>> {
    return this.idempotency.run(envelope, { caseId, ...request }, async () => {
      const command = await this.toCommand(request, envelope);
      return toCaseView(await this.pipeline.execute(caseDecider, caseStreamId(caseId), command, envelope));
    });
  }

  private async toCommand(request: CaseRequest, envelope: CommandEnvelope): Promise<CaseCommand> {
    const organisationId = envelope.actor.organisationId;
    switch (request.type) {
      case 'AttachDocument': {
        const { title, kind, sha256, secrecy } = request;
        const documentId = deterministicId(organisationId, envelope.commandId, 'document');
        return { type: 'AttachDocument', documentId, title, kind, sha256, secrecy: secrecy ? { legalGround: secrecy.legalGround ?? null } : null };
      }
      case 'WriteOfficialReport':
        return { type: 'WriteOfficialReport', report: toReport(request) };
      case 'RecordPreparation': {
        const { bodyId, date, statement } = request;
        const body = await this.organisations.body(organisationId, bodyId);
        return { type: 'RecordPreparation', bodyId, date, statement, body: body && { bodyId: body.bodyId, name: body.name } };
      }
      default:
        return request;
    }
  }
}
