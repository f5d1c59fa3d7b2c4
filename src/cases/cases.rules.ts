import { RuleViolation } from '../platform/errors';
import { MAX_SEQUENCE } from './diary-number';

/** Rule ids of the case capability: each appears here, in the decider that enforces it, and in its test. */
export const CaseRules = {
  /** Diary numbers are unique and gap-free per registry and year; five digits at most. */
  DIARY_NUMBER_SEQUENCE: 'DIARY-NUMBER-SEQUENCE',
  /** Only a registrar registers cases. */
  CASE_REGISTRAR_ROLE: 'CASE-REGISTRAR-ROLE',
  /** A case is registered once. */
  CASE_ALREADY_REGISTERED: 'CASE-ALREADY-REGISTERED',
} as const;

export const refuse = {
  sequenceExhausted: (registry: string, year: number) =>
    new RuleViolation(
      CaseRules.DIARY_NUMBER_SEQUENCE,
      `Diariet ${registry} har slut på nummer för ${year} (högst ${MAX_SEQUENCE}).`,
      `Registry ${registry} has run out of numbers for ${year} (at most ${MAX_SEQUENCE}).`,
      { registry, year },
    ),
  notRegistrar: (role: string) =>
    new RuleViolation(
      CaseRules.CASE_REGISTRAR_ROLE,
      'Endast en registrator kan registrera ärenden.',
      'Only a registrar can register cases.',
      { role },
    ),
  alreadyRegistered: (diaryNumber: string) =>
    new RuleViolation(
      CaseRules.CASE_ALREADY_REGISTERED,
      `Ärendet är redan registrerat som ${diaryNumber}.`,
      `The case is already registered as ${diaryNumber}.`,
      { diaryNumber },
    ),
};
