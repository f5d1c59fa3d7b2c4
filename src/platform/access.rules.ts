import { Problem } from './errors';
import { Role } from './actor';

/** Rule ids of access that hold for every capability, enforced before any handler runs. */
export const AccessRules = {
  /** Auditors and recipients of extracts read; they never change anything (every state change is refused). */
  ROLE_READ_ONLY: 'ROLE-READ-ONLY',
} as const;

export const READ_ONLY_ROLES: readonly Role[] = ['auditor', 'recipient'];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** ROLE-READ-ONLY: throws when a read-only role asks for anything but a read. */
export function requireWriteAccess(role: Role, method: string): void {
  if (SAFE_METHODS.has(method.toUpperCase()) || !READ_ONLY_ROLES.includes(role)) return;
  throw new Problem(
    AccessRules.ROLE_READ_ONLY,
    403,
    'Rollen har endast läsbehörighet och kan inte ändra något.',
    'This role can only read; it cannot change anything.',
    { role, method },
  );
}
