import { Actor } from '../platform/actor';
import { NotFound } from '../platform/errors';
import { CaseEvent, CaseRegistered, DocumentAttached, ItemOutcomeRecorded, OfficialReportWritten, PreparationRecorded } from './cases.events';
import { Action, refuse } from './cases.rules';

export type CaseStatus = 'registered' | 'in_preparation' | 'ready_for_agenda' | 'on_agenda' | 'decided' | 'withdrawn' | 'closed';

export type CaseDocument = Omit<DocumentAttached['data'], 'caseId'>;
export type CaseReport = Omit<OfficialReportWritten['data'], 'caseId'>;
export type Preparation = Omit<PreparationRecorded['data'], 'caseId'>;
export type CaseDecision = Omit<ItemOutcomeRecorded['data'], 'caseId'>;
export interface AgendaPlacement {
  meetingId: string;
  itemId: string;
  bodyId: string;
  placedAt: string;
}
export interface Ending {
  reason: string;
  at: string;
  by: string;
}

type Registration = CaseRegistered['data'];

/** A registered case as its events have made it. */
export interface CaseFile extends Registration {
  status: CaseStatus;
  documents: readonly CaseDocument[];
  /** the latest revision of the official report */
  report: CaseReport | null;
  preparations: readonly Preparation[];
  /** the meeting whose agenda the case waits on, until the body deals with it */
  agenda: AgendaPlacement | null;
  decisions: readonly CaseDecision[];
  /** set by a referral back (återremiss) and shown until the body deals with the case again */
  completionRequired: string | null;
  withdrawal: Ending | null;
  closing: Ending | null;
}

export type CaseState = { status: 'none' } | CaseFile;

const AFTER_OUTCOME: Record<ItemOutcomeRecorded['data']['outcome'], CaseStatus> = {
  approved: 'decided',
  approved_with_amendments: 'decided',
  rejected: 'decided',
  referred_back: 'in_preparation',
  postponed: 'ready_for_agenda',
};

export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  if (event.type === 'CaseRegistered') {
    return {
      status: 'registered',
      ...event.data,
      documents: [],
      report: null,
      preparations: [],
      agenda: null,
      decisions: [],
      completionRequired: null,
      withdrawal: null,
      closing: null,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'DocumentAttached': {
      const { caseId: _caseId, ...document } = event.data;
      return { ...state, documents: [...state.documents, document] };
    }
    case 'OfficialReportWritten': {
      const { caseId: _caseId, ...report } = event.data;
      return { ...state, status: 'in_preparation', report };
    }
    case 'PreparationRecorded': {
      const { caseId: _caseId, ...preparation } = event.data;
      return { ...state, preparations: [...state.preparations, preparation] };
    }
    case 'CaseMarkedReadyForAgenda':
      return { ...state, status: 'ready_for_agenda' };
    case 'CasePlacedOnAgenda': {
      const { meetingId, itemId, bodyId, placedAt } = event.data;
      return { ...state, status: 'on_agenda', agenda: { meetingId, itemId, bodyId, placedAt } };
    }
    case 'CaseRemovedFromAgenda':
      return { ...state, status: 'ready_for_agenda', agenda: null };
    case 'ItemOutcomeRecorded': {
      const { caseId: _caseId, ...decision } = event.data;
      return {
        ...state,
        status: AFTER_OUTCOME[decision.outcome],
        agenda: null,
        decisions: [...state.decisions, decision],
        completionRequired: decision.outcome === 'referred_back' ? decision.completionRequired : null,
      };
    }
    case 'CaseWithdrawn':
      return { ...state, status: 'withdrawn', withdrawal: { reason: event.data.reason, at: event.data.withdrawnAt, by: event.data.withdrawnBy } };
    case 'CaseClosed':
      return { ...state, status: 'closed', closing: { reason: event.data.reason, at: event.data.closedAt, by: event.data.closedBy } };
  }
}

const CASE = { sv: 'Ärendet', en: 'The case' };

/** A case that does not exist, or is another organisation's, is not found: its existence is not ours to tell. */
export function requireCase(state: CaseState, actor: Actor): CaseFile {
  if (state.status === 'none' || state.organisationId !== actor.organisationId) throw new NotFound(CASE);
  return state;
}

/** CASE-STATUS: each step belongs to some statuses only; the refusal names the status the case is in. */
export function requireStatus(file: CaseFile, allowed: readonly CaseStatus[], action: Action): void {
  if (!allowed.includes(file.status)) throw refuse.status(file.status, action, allowed);
}

/** CASE-PREPARATION-ROLE: preparation is recorded, and the case made ready, by a case officer or committee secretary. */
export function requirePreparer(actor: Actor): void {
  if (actor.role !== 'case_officer' && actor.role !== 'committee_secretary') throw refuse.preparationRole(actor.role);
}
