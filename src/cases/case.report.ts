import { swedishDate } from '../calendar/swedish-calendar';
import { Actor } from '../platform/actor';
import type { AttachDocument, RecordPreparation, WriteOfficialReport } from './case.decider';
import { CaseState, CaseStatus, requireCase, requirePreparer, requireStatus } from './case.state';
import { CaseEvent, OfficialReport } from './cases.events';
import { refuse } from './cases.rules';

/** Secrecy grounds are provisions of OSL (2009:400), cited by chapter and section: "25 kap. 1 §". */
const PROVISION = /\d+\s*kap\.?\s*\d+\s*[a-z]?\s*§/i;
const DOCUMENT_ROLES = new Set(['registrar', 'case_officer', 'committee_secretary']);
const OPEN: readonly CaseStatus[] = ['registered', 'in_preparation', 'ready_for_agenda', 'on_agenda', 'decided', 'withdrawn'];

/**
 * CASE-DOCUMENT-ROLE, CASE-SECRECY-GROUND. Documents can be added until the case is closed
 * (protocol extracts arrive after the decision).
 */
export function attachDocument(command: AttachDocument, state: CaseState, actor: Actor, now: Date): CaseEvent[] {
  const file = requireCase(state, actor);
  if (!DOCUMENT_ROLES.has(actor.role)) throw refuse.documentRole(actor.role);
  if (file.documents.some((d) => d.documentId === command.documentId)) return [];
  requireStatus(file, OPEN, { sv: 'registrera handlingar', en: 'add documents' });
  const { documentId, title, kind, sha256, secrecy } = command;
  let marking = null;
  if (secrecy) {
    const legalGround = secrecy.legalGround?.trim() ?? '';
    if (!PROVISION.test(legalGround)) throw refuse.secrecyGround(secrecy.legalGround);
    marking = { legalGround, markedBy: actor.userId, markedAt: now.toISOString() };
  }
  const data = { caseId: file.caseId, documentId, title, kind, sha256, secrecy: marking, attachedAt: now.toISOString(), attachedBy: actor.userId };
  return [{ type: 'DocumentAttached', data }];
}

/** The report's content in one fixed shape, so a retried report is recognised whatever order its fields came in. */
function content(report: OfficialReport): string {
  const { summary, caseDescription, assessment, consequences, followUp, decisionPoints, extractRecipients, informBodies } = report;
  const { environment, children, genderEquality, economy } = consequences;
  return JSON.stringify([
    summary,
    caseDescription,
    assessment,
    [environment, children, genderEquality, economy],
    followUp,
    decisionPoints.map((p) => [p.number, p.text]),
    extractRecipients,
    informBodies,
  ]);
}

/**
 * CASE-OFFICER-ROLE, CASE-DECISION-POINTS. The first report puts the case in preparation; a later
 * one (before the agenda) is a new revision.
 */
export function writeOfficialReport(command: WriteOfficialReport, state: CaseState, actor: Actor, now: Date): CaseEvent[] {
  const file = requireCase(state, actor);
  if (actor.role !== 'case_officer') throw refuse.officerRole(actor.role);
  if (file.report && content(file.report) === content(command.report)) return [];
  requireStatus(file, ['registered', 'in_preparation'], { sv: 'skriva tjänsteskrivelsen', en: 'write the official report' });
  const numbers = command.report.decisionPoints.map((p) => p.number);
  if (numbers.length === 0 || numbers.some((n, i) => n !== i + 1)) throw refuse.decisionPoints(numbers);
  const { summary, caseDescription, assessment, consequences, followUp, decisionPoints, extractRecipients, informBodies } = command.report;
  return [
    {
      type: 'OfficialReportWritten',
      data: {
        caseId: file.caseId,
        revision: (file.report?.revision ?? 0) + 1,
        summary,
        caseDescription,
        assessment,
        consequences: { ...consequences },
        followUp,
        decisionPoints: decisionPoints.map(({ number, text }) => ({ number, text })),
        extractRecipients: [...extractRecipients],
        informBodies: [...informBodies],
        writtenAt: now.toISOString(),
        writtenBy: actor.userId,
      },
    },
  ];
}

/**
 * CASE-PREPARATION-ROLE, CASE-PREPARATION-BODY, CASE-PREPARATION-DATE: beredning in a council,
 * working committee or committee of the organisation, recorded once it has taken place.
 */
export function recordPreparation(command: RecordPreparation, state: CaseState, actor: Actor, now: Date): CaseEvent[] {
  const file = requireCase(state, actor);
  requirePreparer(actor);
  const { bodyId, date, statement, body } = command;
  if (file.preparations.some((p) => p.bodyId === bodyId && p.date === date && p.statement === statement)) return [];
  requireStatus(file, ['in_preparation'], { sv: 'föra in beredning', en: 'record preparation' });
  if (!body || body.bodyId !== bodyId) throw refuse.preparationBody(bodyId);
  const today = swedishDate(now);
  if (date > today) throw refuse.preparationDate(date, today);
  const data = { caseId: file.caseId, bodyId, bodyName: body.name, date, statement, recordedAt: now.toISOString(), recordedBy: actor.userId };
  return [{ type: 'PreparationRecorded', data }];
}
