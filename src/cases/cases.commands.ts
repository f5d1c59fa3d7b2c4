import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler, IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { swedishDate } from '../calendar/swedish-calendar';
import { CLOCK, Clock } from '../platform/clock';
import { CommandEnvelope, CommandPipeline } from '../platform/command-pipeline';
import { NotFound } from '../platform/errors';
import { Idempotency, Outcome } from '../platform/idempotency';
import { deterministicId } from '../platform/ids';
import { Actor } from '../platform/actor';
import { caseDecider } from './case.decider';
import { toCaseView } from './case-view';
import { CaseView, RegisterCaseDto } from './cases.dto';
import { DiaryNumberAssigned } from './cases.events';
import { caseStreamId, parseDiaryNumber, registryStreamId, swedishYear } from './diary-number';
import { registryDecider } from './registry.decider';

export class RegisterCaseCommand {
  constructor(readonly request: RegisterCaseDto, readonly envelope: CommandEnvelope) {}
}

export class GetCaseQuery {
  constructor(readonly caseId: string, readonly actor: Actor) {}
}

export class GetCaseByDiaryNumberQuery {
  constructor(readonly diaryNumber: string, readonly actor: Actor) {}
}

const CASE = { sv: 'Ärendet', en: 'The case' };

/**
 * Registration touches two streams: the registry (which alone hands out the next number) and the
 * new case. The case id is derived from the command id, so a retry after a crash between the two
 * finds its number again instead of taking a second one.
 */
@CommandHandler(RegisterCaseCommand)
export class RegisterCaseHandler implements ICommandHandler<RegisterCaseCommand, Outcome<CaseView>> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly idempotency: Idempotency,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ request, envelope }: RegisterCaseCommand): Promise<Outcome<CaseView>> {
    return this.idempotency.run(envelope, request, async () => {
      const organisationId = envelope.actor.organisationId;
      const caseId = deterministicId(organisationId, envelope.commandId, 'case');
      const year = await this.registrationYear(organisationId, request.registry, caseId, envelope);
      const registry = await this.pipeline.execute(
        registryDecider,
        registryStreamId(organisationId, request.registry, year),
        { caseId, registry: request.registry, year, title: request.title },
        envelope,
      );
      const assignment = registry.state.assigned.get(caseId) as DiaryNumberAssigned['data'];
      const registered = await this.pipeline.execute(
        caseDecider,
        caseStreamId(caseId),
        { type: 'RegisterCase', assignment, organisationId, description: request.description ?? null },
        envelope,
      );
      return toCaseView(registered);
    });
  }

  /**
   * The year whose registry numbers this registration: this year's — unless a keyed retry after a
   * crash comes in January and finds that its case already took a number in last year's registry
   * (a crash between the two appends on New Year's Eve): then it keeps that number.
   */
  private async registrationYear(organisationId: string, registry: string, caseId: string, envelope: CommandEnvelope): Promise<number> {
    const now = this.clock.now();
    const year = swedishYear(now);
    if (!envelope.retryable || swedishDate(now).slice(5, 7) !== '01') return year;
    const previous = await this.pipeline.load(registryDecider, registryStreamId(organisationId, registry, year - 1));
    return previous.state.assigned.has(caseId) ? year - 1 : year;
  }
}

@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery, CaseView> {
  constructor(private readonly pipeline: CommandPipeline) {}

  async execute({ caseId, actor }: GetCaseQuery): Promise<CaseView> {
    const folded = await this.pipeline.load(caseDecider, caseStreamId(caseId));
    // another organisation's case is answered as missing: its existence is not ours to tell
    if (folded.state.status === 'none' || folded.state.organisationId !== actor.organisationId) {
      throw new NotFound(CASE, { caseId });
    }
    return toCaseView(folded);
  }
}

@QueryHandler(GetCaseByDiaryNumberQuery)
export class GetCaseByDiaryNumberHandler implements IQueryHandler<GetCaseByDiaryNumberQuery, CaseView> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly cases: GetCaseHandler,
  ) {}

  async execute({ diaryNumber, actor }: GetCaseByDiaryNumberQuery): Promise<CaseView> {
    const number = parseDiaryNumber(diaryNumber);
    if (!number) throw new NotFound(CASE, { diaryNumber });
    // sequence n is revision n-1 of the registry stream: one indexed read, no scan
    const [entry] = await this.store.readStream(registryStreamId(actor.organisationId, number.registry, number.year), {
      fromRevision: number.sequence - 1,
      maxCount: 1,
    });
    if (!entry || entry.data.sequence !== number.sequence) throw new NotFound(CASE, { diaryNumber });
    return this.cases.execute(new GetCaseQuery(String(entry.data.caseId), actor));
  }
}
