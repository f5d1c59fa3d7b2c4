import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Actor } from '../platform/actor';
import { CommandPipeline } from '../platform/command-pipeline';
import { NotFound } from '../platform/errors';
import { Organisations } from '../organisations/organisations.service';
import { delegationDecider, delegationsStreamId, RegisterEntry } from './delegation.decider';
import { DelegationReadModel, delegationList, registerEntries, ReportStatus } from './delegation.views';
import { BODY, readModel } from './delegations.commands';
import { DelegationVersion } from './mandate';

export class GetDelegationQuery {
  constructor(readonly delegationId: string, readonly actor: Actor) {}
}
export class ListDelegationsQuery {
  constructor(readonly bodyId: string | undefined, readonly actor: Actor) {}
}
export class ListBodyDecisionsQuery {
  constructor(readonly bodyId: string, readonly status: ReportStatus, readonly actor: Actor) {}
}

/** Each organisation has its own register, so another organisation's delegation is simply not there (404). */
@QueryHandler(GetDelegationQuery)
export class GetDelegationHandler implements IQueryHandler<GetDelegationQuery, DelegationReadModel> {
  constructor(private readonly pipeline: CommandPipeline) {}

  async execute({ delegationId, actor }: GetDelegationQuery): Promise<DelegationReadModel> {
    const { state } = await this.pipeline.load(delegationDecider, delegationsStreamId(actor.organisationId));
    return readModel(state, delegationId);
  }
}

@QueryHandler(ListDelegationsQuery)
export class ListDelegationsHandler implements IQueryHandler<ListDelegationsQuery, { items: DelegationVersion[] }> {
  constructor(private readonly pipeline: CommandPipeline) {}

  async execute({ bodyId, actor }: ListDelegationsQuery): Promise<{ items: DelegationVersion[] }> {
    const { state } = await this.pipeline.load(delegationDecider, delegationsStreamId(actor.organisationId));
    return { items: delegationList(state, bodyId) };
  }
}

export interface BodyRegister {
  bodyId: string;
  status: ReportStatus;
  items: RegisterEntry[];
}

/** KL 6:40: the body's register of delegated and urgent decisions, by whether they were reported. */
@QueryHandler(ListBodyDecisionsQuery)
export class ListBodyDecisionsHandler implements IQueryHandler<ListBodyDecisionsQuery, BodyRegister> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly organisations: Organisations,
  ) {}

  async execute({ bodyId, status, actor }: ListBodyDecisionsQuery): Promise<BodyRegister> {
    if (!(await this.organisations.body(actor.organisationId, bodyId))) throw new NotFound(BODY, { bodyId });
    const { state } = await this.pipeline.load(delegationDecider, delegationsStreamId(actor.organisationId));
    return { bodyId, status, items: registerEntries(state, bodyId, status) };
  }
}
