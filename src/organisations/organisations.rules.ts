import { Role } from '../platform/actor';
import { RuleViolation } from '../platform/errors';

/** Rule ids of the organisations capability: each appears here, in the decider that enforces it, and in its test. */
export const OrganisationRules = {
  /** An organisation is registered by its own registrar or committee secretary. */
  ORGANISATION_ROLE: 'ORGANISATION-ROLE',
  /** Nobody registers or changes another organisation than their own. */
  ORGANISATION_OWN: 'ORGANISATION-OWN',
  /** An organisation is registered once; registering it again with other data is refused. */
  ORGANISATION_ALREADY_REGISTERED: 'ORGANISATION-ALREADY-REGISTERED',
  /** A municipality may name the region it lies in, which must be a registered region; a region names none. */
  ORGANISATION_REGION: 'ORGANISATION-REGION',
  /** Bodies exist only in a registered organisation. */
  ORGANISATION_NOT_REGISTERED: 'ORGANISATION-NOT-REGISTERED',
  /** Bodies and their members are kept by a committee secretary (nämndsekreterare). */
  BODY_SECRETARY_ROLE: 'BODY-SECRETARY-ROLE',
  /** A body id is unique in its organisation. */
  BODY_ALREADY_ESTABLISHED: 'BODY-ALREADY-ESTABLISHED',
  /** A regional board belongs to a region; a municipal board or council to a municipality. */
  BODY_KIND: 'BODY-KIND',
  /** The chair is always a current ordinary member of the body. */
  BODY_CHAIR_MEMBER: 'BODY-CHAIR-MEMBER',
} as const;

const violation = (ruleId: string, sv: string, en: string, details: Record<string, unknown>) => new RuleViolation(ruleId, sv, en, details);

export const refuse = {
  registrationRole: (role: Role) =>
    violation(
      OrganisationRules.ORGANISATION_ROLE,
      'Endast en registrator eller nämndsekreterare i organisationen kan registrera den.',
      'Only a registrar or committee secretary of the organisation can register it.',
      { role, allowed: ['registrar', 'committee_secretary'] },
    ),
  notOwn: (organisationId: string, actorOrganisationId: string) =>
    violation(
      OrganisationRules.ORGANISATION_OWN,
      'Du kan bara registrera och ändra din egen organisation.',
      'You can only register and change your own organisation.',
      { organisationId, actorOrganisationId },
    ),
  alreadyRegistered: (organisationId: string, name: string) =>
    violation(
      OrganisationRules.ORGANISATION_ALREADY_REGISTERED,
      `Organisationen ${organisationId} är redan registrerad som ${name}.`,
      `Organisation ${organisationId} is already registered as ${name}.`,
      { organisationId, name },
    ),
  regionOfRegion: (regionId: string) =>
    violation(
      OrganisationRules.ORGANISATION_REGION,
      'En region hör inte till någon annan region.',
      'A region does not belong to another region.',
      { regionId },
    ),
  unknownRegion: (regionId: string) =>
    violation(
      OrganisationRules.ORGANISATION_REGION,
      `${regionId} är ingen registrerad region.`,
      `${regionId} is not a registered region.`,
      { regionId },
    ),
  notRegistered: (organisationId: string) =>
    violation(
      OrganisationRules.ORGANISATION_NOT_REGISTERED,
      `Organisationen ${organisationId} är inte registrerad.`,
      `Organisation ${organisationId} is not registered.`,
      { organisationId },
    ),
  secretaryRole: (role: Role) =>
    violation(
      OrganisationRules.BODY_SECRETARY_ROLE,
      'Endast en nämndsekreterare kan inrätta organ och ändra ledamöter och ordförande.',
      'Only a committee secretary can establish bodies and change their members and chair.',
      { role },
    ),
  bodyExists: (bodyId: string, name: string) =>
    violation(
      OrganisationRules.BODY_ALREADY_ESTABLISHED,
      `Det finns redan ett organ med id ${bodyId} (${name}).`,
      `A body with id ${bodyId} already exists (${name}).`,
      { bodyId, name },
    ),
  bodyKind: (kind: string, organisationKind: string) =>
    violation(
      OrganisationRules.BODY_KIND,
      `Ett organ av typen ${kind} kan inte inrättas i en ${organisationKind === 'region' ? 'region' : 'kommun'}.`,
      `A body of kind ${kind} cannot be established in a ${organisationKind}.`,
      { kind, organisationKind },
    ),
  chairNotOrdinary: (bodyId: string, userId: string) =>
    violation(
      OrganisationRules.BODY_CHAIR_MEMBER,
      `Ordföranden måste vara ordinarie ledamot; ${userId} är det inte.`,
      `The chair must be an ordinary member; ${userId} is not.`,
      { bodyId, userId },
    ),
  chairLeaving: (bodyId: string, userId: string) =>
    violation(
      OrganisationRules.BODY_CHAIR_MEMBER,
      `${userId} är ordförande och måste vara ordinarie ledamot; utse först en annan ordförande.`,
      `${userId} is the chair and must stay an ordinary member; designate another chair first.`,
      { bodyId, userId },
    ),
};
