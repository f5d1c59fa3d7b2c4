import { Problem } from './errors';
import { Role } from './actor';

/** Rule ids of access that hold for every capability, enforced before any handler runs. */
export const AccessRules = {
  /** Auditors and recipients of extracts read; they never change anything (every state change is refused). */
  ROLE_READ_ONLY: 'ROLE-READ-ONLY',
  /** The registers (case board, ledgers, delegation and decision registers, deadlines) are for the organisations' officials and auditors, not for recipients of extracts. */
  REGISTER_ROLE: 'REGISTER-ROLE',
  /** The audit log and the auditor's tools (as-of, explain, mandate, verify, export) are for auditors and registrars. */
  AUDIT_ROLE: 'AUDIT-ROLE',
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

export const AUDIT_ROLES: readonly Role[] = ['auditor', 'registrar', 'system'];

/** REGISTER-ROLE: the registers are read by officials and auditors; a recipient sees only what is sent to them. */
export function requireRegisterAccess(role: Role): void {
  if (role !== 'recipient') return;
  throw new Problem(
    AccessRules.REGISTER_ROLE,
    403,
    'Mottagare av protokollsutdrag har inte tillgång till registren.',
    'Recipients of extracts have no access to the registers.',
    { role },
  );
}

/** AUDIT-ROLE: the audit log and the auditor's tools are for auditors and registrars. */
export function requireAuditAccess(role: Role): void {
  if (AUDIT_ROLES.includes(role)) return;
  throw new Problem(
    AccessRules.AUDIT_ROLE,
    403,
    'Granskningsverktygen och händelseloggen är till för revisorer och registratorer.',
    'The audit log and the auditor’s tools are for auditors and registrars.',
    { role, allowed: AUDIT_ROLES },
  );
}
