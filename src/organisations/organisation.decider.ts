import { Actor } from '../platform/actor';
import { Decider } from '../platform/decider';
import { NotFound } from '../platform/errors';
import { BodyEstablished, BodyKind, OrganisationEvent, OrganisationKind, OrganisationRegistered, Seat } from './organisations.events';
import { refuse } from './organisations.rules';

export interface RegisterOrganisation {
  type: 'RegisterOrganisation';
  organisationId: string;
  name: string;
  kind: OrganisationKind;
  regionId: string | null;
  /** the named region as its stream stands now (read by the handler); null when it is not registered */
  region: { organisationId: string; kind: OrganisationKind } | null;
}
export interface EstablishBody {
  type: 'EstablishBody';
  bodyId: string;
  name: string;
  kind: BodyKind;
}
export interface AppointMember {
  type: 'AppointMember';
  bodyId: string;
  userId: string;
  name: string;
  seat: Seat;
}
export interface RemoveMember {
  type: 'RemoveMember';
  bodyId: string;
  userId: string;
}
export interface DesignateChair {
  type: 'DesignateChair';
  bodyId: string;
  userId: string;
}
export type OrganisationCommand = RegisterOrganisation | EstablishBody | AppointMember | RemoveMember | DesignateChair;

export interface Member {
  userId: string;
  name: string;
  seat: Seat;
}
export interface Body extends Omit<BodyEstablished['data'], 'organisationId'> {
  members: readonly Member[];
  chairUserId: string | null;
}
export type OrganisationState =
  | { registered: false }
  | (OrganisationRegistered['data'] & { registered: true; bodies: readonly Body[] });
type Registered = Extract<OrganisationState, { registered: true }>;

const BODY = { sv: 'Organet', en: 'The body' };
/** which kinds of organisation a kind of body can belong to; the rest exist in both */
const ONLY_IN: Partial<Record<BodyKind, OrganisationKind>> = {
  regional_board: 'region',
  municipal_board: 'municipality',
  municipal_council: 'municipality',
};

function withBody(state: Registered, bodyId: string, change: (body: Body) => Body): Registered {
  return { ...state, bodies: state.bodies.map((b) => (b.bodyId === bodyId ? change(b) : b)) };
}

/**
 * BODY-SECRETARY-ROLE, ORGANISATION-NOT-REGISTERED, ORGANISATION-OWN: bodies and their members are
 * the committee secretary's, and only in their own, registered organisation.
 */
function requireSecretary(state: OrganisationState, actor: Actor): Registered {
  if (actor.role !== 'committee_secretary') throw refuse.secretaryRole(actor.role);
  if (!state.registered) throw refuse.notRegistered(actor.organisationId);
  if (state.organisationId !== actor.organisationId) throw refuse.notOwn(state.organisationId, actor.organisationId);
  return state;
}

function requireBody(state: Registered, bodyId: string): Body {
  const body = state.bodies.find((b) => b.bodyId === bodyId);
  if (!body) throw new NotFound(BODY, { bodyId });
  return body;
}

/** ORGANISATION-ROLE, ORGANISATION-OWN, ORGANISATION-ALREADY-REGISTERED, ORGANISATION-REGION */
function register(command: RegisterOrganisation, state: OrganisationState, actor: Actor, now: Date): OrganisationEvent[] {
  const { organisationId, name, kind, regionId, region } = command;
  if (actor.role !== 'registrar' && actor.role !== 'committee_secretary') throw refuse.registrationRole(actor.role);
  if (actor.organisationId !== organisationId) throw refuse.notOwn(organisationId, actor.organisationId);
  if (state.registered) {
    // the same registration retried changes nothing; anything else would rewrite the organisation
    if (state.name === name && state.kind === kind && state.regionId === regionId) return [];
    throw refuse.alreadyRegistered(organisationId, state.name);
  }
  if (regionId !== null) {
    if (kind === 'region' || regionId === organisationId) throw refuse.regionOfRegion(regionId);
    if (!region || region.organisationId !== regionId || region.kind !== 'region') throw refuse.unknownRegion(regionId);
  }
  const data = { organisationId, name, kind, regionId, registeredAt: now.toISOString(), registeredBy: actor.userId };
  return [{ type: 'OrganisationRegistered', data }];
}

/** BODY-ALREADY-ESTABLISHED, BODY-KIND */
function establish(command: EstablishBody, state: OrganisationState, actor: Actor, now: Date): OrganisationEvent[] {
  const organisation = requireSecretary(state, actor);
  const { bodyId, name, kind } = command;
  const existing = organisation.bodies.find((b) => b.bodyId === bodyId);
  if (existing) {
    if (existing.name === name && existing.kind === kind) return [];
    throw refuse.bodyExists(bodyId, existing.name);
  }
  const only = ONLY_IN[kind];
  if (only && only !== organisation.kind) throw refuse.bodyKind(kind, organisation.kind);
  const data = { organisationId: organisation.organisationId, bodyId, name, kind, establishedAt: now.toISOString(), establishedBy: actor.userId };
  return [{ type: 'BodyEstablished', data }];
}

/** BODY-CHAIR-MEMBER: the chair keeps an ordinary seat */
function appoint(command: AppointMember, state: OrganisationState, actor: Actor): OrganisationEvent[] {
  const body = requireBody(requireSecretary(state, actor), command.bodyId);
  const { bodyId, userId, name, seat } = command;
  const sitting = body.members.find((m) => m.userId === userId);
  if (sitting && sitting.name === name && sitting.seat === seat) return [];
  if (body.chairUserId === userId && seat !== 'ordinary') throw refuse.chairLeaving(bodyId, userId);
  return [{ type: 'MemberAppointed', data: { bodyId, userId, name, seat } }];
}

/** BODY-CHAIR-MEMBER: the chair is not removed while chair */
function remove(command: RemoveMember, state: OrganisationState, actor: Actor): OrganisationEvent[] {
  const body = requireBody(requireSecretary(state, actor), command.bodyId);
  const { bodyId, userId } = command;
  // removing someone who is not (or no longer) a member is already done
  if (!body.members.some((m) => m.userId === userId)) return [];
  if (body.chairUserId === userId) throw refuse.chairLeaving(bodyId, userId);
  return [{ type: 'MemberRemoved', data: { bodyId, userId } }];
}

/** BODY-CHAIR-MEMBER: only a current ordinary member chairs */
function designateChair(command: DesignateChair, state: OrganisationState, actor: Actor): OrganisationEvent[] {
  const body = requireBody(requireSecretary(state, actor), command.bodyId);
  const { bodyId, userId } = command;
  if (body.chairUserId === userId) return [];
  if (!body.members.some((m) => m.userId === userId && m.seat === 'ordinary')) throw refuse.chairNotOrdinary(bodyId, userId);
  return [{ type: 'ChairDesignated', data: { bodyId, userId } }];
}

/** An organisation (region or municipality) with its bodies (organ), their members and chair. */
export const organisationDecider: Decider<OrganisationCommand, OrganisationEvent, OrganisationState> = {
  name: 'organisation',
  initialState: { registered: false },

  evolve(state, event) {
    if (event.type === 'OrganisationRegistered') return { registered: true, bodies: [], ...event.data };
    if (!state.registered) return state;
    switch (event.type) {
      case 'BodyEstablished': {
        const { organisationId: _organisationId, ...body } = event.data;
        return { ...state, bodies: [...state.bodies, { ...body, members: [], chairUserId: null }] };
      }
      case 'MemberAppointed': {
        const { bodyId, userId, name, seat } = event.data;
        return withBody(state, bodyId, (b) => ({
          ...b,
          members: b.members.some((m) => m.userId === userId)
            ? b.members.map((m) => (m.userId === userId ? { userId, name, seat } : m))
            : [...b.members, { userId, name, seat }],
        }));
      }
      case 'MemberRemoved':
        return withBody(state, event.data.bodyId, (b) => ({ ...b, members: b.members.filter((m) => m.userId !== event.data.userId) }));
      case 'ChairDesignated':
        return withBody(state, event.data.bodyId, (b) => ({ ...b, chairUserId: event.data.userId }));
    }
  },

  decide(command, state, { actor, now }) {
    switch (command.type) {
      case 'RegisterOrganisation':
        return register(command, state, actor, now);
      case 'EstablishBody':
        return establish(command, state, actor, now);
      case 'AppointMember':
        return appoint(command, state, actor);
      case 'RemoveMember':
        return remove(command, state, actor);
      case 'DesignateChair':
        return designateChair(command, state, actor);
    }
  },
};

export function organisationStreamId(organisationId: string): string {
  return `organisation-${organisationId}`;
}
