import { Injectable } from '@nestjs/common';
import { CommandPipeline } from '../platform/command-pipeline';
import { organisationDecider, organisationStreamId } from './organisation.decider';

export interface BodyMember {
  userId: string;
  name: string;
  seat: 'ordinary' | 'deputy';
}
export interface BodySnapshot {
  organisationId: string;
  bodyId: string;
  name: string;
  kind: string;
  members: BodyMember[];
  chairUserId: string | null;
}

/** What other capabilities may know about an organisation's bodies, read fresh from its stream. */
@Injectable()
export class Organisations {
  constructor(private readonly pipeline: CommandPipeline) {}

  /** The body as it stands now, or null when the organisation has no such body. */
  async body(organisationId: string, bodyId: string): Promise<BodySnapshot | null> {
    const { state } = await this.pipeline.load(organisationDecider, organisationStreamId(organisationId));
    if (!state.registered) return null;
    const body = state.bodies.find((b) => b.bodyId === bodyId);
    if (!body) return null;
    return {
      organisationId,
      bodyId,
      name: body.name,
      kind: body.kind,
      members: body.members.map((m) => ({ ...m })),
      chairUserId: body.chairUserId,
    };
  }
}
