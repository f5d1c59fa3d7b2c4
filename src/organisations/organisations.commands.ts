import { CommandHandler, ICommandHandler, IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Actor } from '../platform/actor';
import { CommandEnvelope, CommandPipeline, Folded } from '../platform/command-pipeline';
import { NotFound } from '../platform/errors';
import { Idempotency, Outcome } from '../platform/idempotency';
import { Body, OrganisationCommand, organisationDecider, OrganisationState, organisationStreamId } from './organisation.decider';
import { BodyView, OrganisationView, RegisterOrganisationDto } from './organisations.dto';

/** What happens to a body: establishing it, its members and its chair. */
export type BodyChange = Exclude<OrganisationCommand, { type: 'RegisterOrganisation' }>;

export class RegisterOrganisationCommand {
  constructor(readonly request: RegisterOrganisationDto, readonly envelope: CommandEnvelope) {}
}
export class ChangeBodyCommand {
  constructor(readonly change: BodyChange, readonly envelope: CommandEnvelope) {}
}
export class GetOrganisationQuery {
  constructor(readonly organisationId: string, readonly actor: Actor) {}
}
export class GetBodyQuery {
  constructor(readonly bodyId: string, readonly actor: Actor) {}
}

const ORGANISATION = { sv: 'Organisationen', en: 'The organisation' };
const BODY = { sv: 'Organet', en: 'The body' };

function toBodyView(organisationId: string, body: Body, revision: number): BodyView {
  const { bodyId, name, kind, members, chairUserId, establishedAt, establishedBy } = body;
  return { organisationId, bodyId, name, kind, members: members.map((m) => ({ ...m })), chairUserId, establishedAt, establishedBy, revision };
}

function toOrganisationView({ state, revision }: Pick<Folded<OrganisationState>, 'state' | 'revision'>): OrganisationView {
  if (!state.registered) throw new Error('no organisation');
  const { organisationId, name, kind, regionId, registeredAt, registeredBy, bodies } = state;
  return {
    organisationId,
    name,
    kind,
    regionId,
    registeredAt,
    registeredBy,
    bodies: bodies.map((b) => toBodyView(organisationId, b, revision)),
    revision,
  };
}

function bodyView({ state, revision }: Pick<Folded<OrganisationState>, 'state' | 'revision'>, bodyId: string): BodyView {
  const body = state.registered ? state.bodies.find((b) => b.bodyId === bodyId) : undefined;
  if (!state.registered || !body) throw new NotFound(BODY, { bodyId });
  return toBodyView(state.organisationId, body, revision);
}

/**
 * A municipality names its region: the region's stream is read fresh and handed to the decider,
 * which alone decides whether it is a registered region (ORGANISATION-REGION).
 */
@CommandHandler(RegisterOrganisationCommand)
export class RegisterOrganisationHandler implements ICommandHandler<RegisterOrganisationCommand, Outcome<OrganisationView>> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly idempotency: Idempotency,
  ) {}

  execute({ request, envelope }: RegisterOrganisationCommand): Promise<Outcome<OrganisationView>> {
    return this.idempotency.run(envelope, request, async () => {
      const regionId = request.regionId ?? null;
      let region = null;
      if (regionId !== null) {
        const { state } = await this.pipeline.load(organisationDecider, organisationStreamId(regionId));
        region = state.registered ? { organisationId: state.organisationId, kind: state.kind } : null;
      }
      const command = { type: 'RegisterOrganisation' as const, ...request, regionId, region };
      const result = await this.pipeline.execute(organisationDecider, organisationStreamId(request.organisationId), command, envelope);
      return toOrganisationView(result);
    });
  }
}

/** Bodies live in the stream of the actor's own organisation. */
@CommandHandler(ChangeBodyCommand)
export class ChangeBodyHandler implements ICommandHandler<ChangeBodyCommand, Outcome<BodyView>> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly idempotency: Idempotency,
  ) {}

  execute({ change, envelope }: ChangeBodyCommand): Promise<Outcome<BodyView>> {
    return this.idempotency.run(envelope, change, async () => {
      const streamId = organisationStreamId(envelope.actor.organisationId);
      const result = await this.pipeline.execute(organisationDecider, streamId, change, envelope);
      return bodyView(result, change.bodyId);
    });
  }
}

@QueryHandler(GetOrganisationQuery)
export class GetOrganisationHandler implements IQueryHandler<GetOrganisationQuery, OrganisationView> {
  constructor(private readonly pipeline: CommandPipeline) {}

  async execute({ organisationId, actor }: GetOrganisationQuery): Promise<OrganisationView> {
    // another organisation is answered as missing, like everything else of theirs
    if (organisationId !== actor.organisationId) throw new NotFound(ORGANISATION, { organisationId });
    const folded = await this.pipeline.load(organisationDecider, organisationStreamId(organisationId));
    if (!folded.state.registered) throw new NotFound(ORGANISATION, { organisationId });
    return toOrganisationView(folded);
  }
}

@QueryHandler(GetBodyQuery)
export class GetBodyHandler implements IQueryHandler<GetBodyQuery, BodyView> {
  constructor(private readonly pipeline: CommandPipeline) {}

  async execute({ bodyId, actor }: GetBodyQuery): Promise<BodyView> {
    return bodyView(await this.pipeline.load(organisationDecider, organisationStreamId(actor.organisationId)), bodyId);
  }
}
