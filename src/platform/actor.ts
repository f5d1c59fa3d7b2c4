export const ROLES = [
  'registrar',
  'case_officer',
  'committee_secretary',
  'chair',
  'regional_director',
  'auditor',
  'recipient',
  'system',
] as const;
export type Role = (typeof ROLES)[number];

/** Who does something: every event records it. */
export interface Actor {
  userId: string;
  role: Role;
  organisationId: string;
}
