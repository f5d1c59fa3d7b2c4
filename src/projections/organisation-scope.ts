import { Actor } from '../platform/actor';
import { NotFound } from '../platform/errors';

const ORGANISATION = { sv: 'Organisationen', en: 'The organisation' };

/**
 * Every register shows the asking official's own organisation, as the live endpoints do: another
 * organisation's things read as unknown (404), never as an empty page that looks like an answer.
 */
export function ownOrganisation(actor: Actor, requested?: string): string {
  if (requested !== undefined && requested !== actor.organisationId) throw new NotFound(ORGANISATION, { organisationId: requested });
  return actor.organisationId;
}
