import { Role } from '../platform/actor';
import { RuleViolation } from '../platform/errors';
import type { CaseStatus } from './case.state';
import { MAX_SEQUENCE } from './diary-number';

/** Rule ids of the case capability: each appears here, in the decider that enforces it, and in its test. */
export const CaseRules = {
  /** Diary numbers are unique and gap-free per registry and year; five digits at most. */
  DIARY_NUMBER_SEQUENCE: 'DIARY-NUMBER-SEQUENCE',
  /** Only a registrar registers cases. */
  CASE_REGISTRAR_ROLE: 'CASE-REGISTRAR-ROLE',
  /** A case is registered once. */
  CASE_ALREADY_REGISTERED: 'CASE-ALREADY-REGISTERED',
  /** Each step of the case is allowed only in the statuses it belongs to. */
  CASE_STATUS: 'CASE-STATUS',
  /** Documents are registered on a case by a registrar, case officer or committee secretary. */
  CASE_DOCUMENT_ROLE: 'CASE-DOCUMENT-ROLE',
  /** A secrecy marking names its legal ground in the Public Access and Secrecy Act, e.g. "OSL 25 kap. 1 §". */
  CASE_SECRECY_GROUND: 'CASE-SECRECY-GROUND',
  /** Only a case officer (handläggare) writes the official report. */
  CASE_OFFICER_ROLE: 'CASE-OFFICER-ROLE',
  /** The proposed decision has at least one point, numbered 1, 2, 3 … without gaps. */
  CASE_DECISION_POINTS: 'CASE-DECISION-POINTS',
  /** Preparation is recorded, and the case made ready, by a case officer or committee secretary. */
  CASE_PREPARATION_ROLE: 'CASE-PREPARATION-ROLE',
  /** The preparing body is one of the organisation's own bodies. */
  CASE_PREPARATION_BODY: 'CASE-PREPARATION-BODY',
  /** Preparation is recorded after it happened, never for a future date. */
  CASE_PREPARATION_DATE: 'CASE-PREPARATION-DATE',
  /** No case goes to the agenda without an official report. */
  CASE_REPORT_REQUIRED: 'CASE-REPORT-REQUIRED',
  /** An outcome comes from the meeting whose agenda the case is on. */
  CASE_AGENDA: 'CASE-AGENDA',
  /** A case is withdrawn by a registrar or case officer. */
  CASE_WITHDRAW_ROLE: 'CASE-WITHDRAW-ROLE',
  /** Only a registrar closes (avslutar) a case. */
  CASE_CLOSE_ROLE: 'CASE-CLOSE-ROLE',
} as const;

const STATUS_SV: Record<CaseStatus, string> = {
  registered: 'registrerat',
  in_preparation: 'under beredning',
  ready_for_agenda: 'klart för föredragningslistan',
  on_agenda: 'på föredragningslistan',
  decided: 'beslutat',
  withdrawn: 'återkallat',
  closed: 'avslutat',
};

/** What a refused step was, for the message: "skriva tjänsteskrivelsen" / "write the official report". */
export interface Action {
  sv: string;
  en: string;
}

const roleViolation = (ruleId: string, sv: string, en: string, role: Role) => new RuleViolation(ruleId, sv, en, { role });

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
  status: (status: CaseStatus, action: Action, allowed: readonly CaseStatus[]) =>
    new RuleViolation(
      CaseRules.CASE_STATUS,
      `Det går inte att ${action.sv} när ärendet är ${STATUS_SV[status]} (${status}).`,
      `Cannot ${action.en} while the case is ${status.replace(/_/g, ' ')}.`,
      { status, allowed },
    ),
  documentRole: (role: Role) =>
    roleViolation(
      CaseRules.CASE_DOCUMENT_ROLE,
      'Endast registrator, handläggare eller nämndsekreterare kan registrera handlingar i ärendet.',
      'Only a registrar, case officer or committee secretary can add documents to the case.',
      role,
    ),
  secrecyGround: (legalGround: string | null) =>
    new RuleViolation(
      CaseRules.CASE_SECRECY_GROUND,
      'En sekretessmarkering måste ange sitt lagrum, t.ex. "OSL 25 kap. 1 §".',
      'A secrecy marking must cite its legal ground, e.g. "OSL 25 kap. 1 §".',
      { legalGround },
    ),
  officerRole: (role: Role) =>
    roleViolation(CaseRules.CASE_OFFICER_ROLE, 'Endast en handläggare kan skriva tjänsteskrivelsen.', 'Only a case officer can write the official report.', role),
  decisionPoints: (numbers: number[]) =>
    new RuleViolation(
      CaseRules.CASE_DECISION_POINTS,
      `Förslaget till beslut ska ha minst en punkt, numrerade 1, 2, 3 … utan luckor (fick ${numbers.join(', ') || 'inga'}).`,
      `The proposed decision needs at least one point, numbered 1, 2, 3 … without gaps (got ${numbers.join(', ') || 'none'}).`,
      { numbers },
    ),
  preparationRole: (role: Role) =>
    roleViolation(
      CaseRules.CASE_PREPARATION_ROLE,
      'Endast handläggare eller nämndsekreterare kan föra in beredning och anmäla ärendet klart för föredragning.',
      'Only a case officer or committee secretary can record preparation and mark the case ready for the agenda.',
      role,
    ),
  preparationBody: (bodyId: string) =>
    new RuleViolation(
      CaseRules.CASE_PREPARATION_BODY,
      `Organisationen har inget organ ${bodyId} som kan ha berett ärendet.`,
      `The organisation has no body ${bodyId} that could have prepared the case.`,
      { bodyId },
    ),
  preparationDate: (date: string, today: string) =>
    new RuleViolation(
      CaseRules.CASE_PREPARATION_DATE,
      `Beredningen den ${date} har inte ägt rum ännu (i dag är det ${today}).`,
      `The preparation on ${date} has not happened yet (today is ${today}).`,
      { date, today },
    ),
  reportRequired: () =>
    new RuleViolation(
      CaseRules.CASE_REPORT_REQUIRED,
      'Ärendet saknar tjänsteskrivelse och kan inte föras upp på föredragningslistan.',
      'The case has no official report and cannot go on the agenda.',
    ),
  agenda: (meetingId: string, itemId: string, onAgenda: { meetingId: string; itemId: string } | null) =>
    new RuleViolation(
      CaseRules.CASE_AGENDA,
      'Ärendet står inte på det sammanträdets föredragningslista under den punkten.',
      'The case is not on that meeting’s agenda under that item.',
      { meetingId, itemId, onAgenda },
    ),
  withdrawRole: (role: Role) =>
    roleViolation(CaseRules.CASE_WITHDRAW_ROLE, 'Endast registrator eller handläggare kan återkalla ärendet.', 'Only a registrar or case officer can withdraw the case.', role),
  closeRole: (role: Role) =>
    roleViolation(CaseRules.CASE_CLOSE_ROLE, 'Endast en registrator kan avsluta ärendet.', 'Only a registrar can close the case.', role),
};
