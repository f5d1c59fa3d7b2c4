import { DomainEvent } from '../platform/decider';

export const ORGANISATION_KINDS = ['region', 'municipality'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** regional_board = regionstyrelse, committee = nämnd, council = (samverkans)råd, working_committee = arbetsutskott */
export const BODY_KINDS = ['regional_board', 'committee', 'council', 'working_committee', 'municipal_board', 'municipal_council'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export const SEATS = ['ordinary', 'deputy'] as const;
export type Seat = (typeof SEATS)[number];

export type OrganisationRegistered = DomainEvent<
  'OrganisationRegistered',
  {
    organisationId: string;
    name: string;
    kind: OrganisationKind;
    /** the region a municipality lies in; null for a region */
    regionId: string | null;
    registeredAt: string;
    registeredBy: string;
  }
>;

export type BodyEstablished = DomainEvent<
  'BodyEstablished',
  { organisationId: string; bodyId: string; name: string; kind: BodyKind; establishedAt: string; establishedBy: string }
>;

/** Also written when a sitting member's name or seat changes: the latest appointment holds. */
export type MemberAppointed = DomainEvent<'MemberAppointed', { bodyId: string; userId: string; name: string; seat: Seat }>;

export type MemberRemoved = DomainEvent<'MemberRemoved', { bodyId: string; userId: string }>;

export type ChairDesignated = DomainEvent<'ChairDesignated', { bodyId: string; userId: string }>;

export type OrganisationEvent = OrganisationRegistered | BodyEstablished | MemberAppointed | MemberRemoved | ChairDesignated;
