import { CaseState } from './case.state';
import { CaseView } from './cases.dto';

/** The case as the API shows it; copies, so a view never shares arrays with the cached state. */
export function toCaseView({ state, revision }: { state: CaseState; revision: number }): CaseView {
  if (state.status === 'none') throw new Error('no case');
  const { status, caseId, diaryNumber, registry, year, sequence, title, description, organisationId, registeredAt, registeredBy } = state;
  return {
    caseId,
    diaryNumber,
    registry,
    year,
    sequence,
    title,
    description,
    organisationId,
    status,
    registeredAt,
    registeredBy,
    documents: state.documents.map((d) => ({ ...d, secrecy: d.secrecy && { ...d.secrecy } })),
    report: state.report && {
      ...state.report,
      consequences: { ...state.report.consequences },
      decisionPoints: state.report.decisionPoints.map((p) => ({ ...p })),
      extractRecipients: [...state.report.extractRecipients],
      informBodies: [...state.report.informBodies],
    },
    preparations: state.preparations.map((p) => ({ ...p })),
    agenda: state.agenda && { ...state.agenda },
    decisions: state.decisions.map((d) => ({ ...d })),
    completionRequired: state.completionRequired,
    withdrawal: state.withdrawal && { ...state.withdrawal },
    closing: state.closing && { ...state.closing },
    revision,
  };
}
