import { agreementDecider } from '../agreements/agreement.decider';
import { toLedger } from '../agreements/agreement.ledger';
import { agreementStreamId } from '../agreements/agreement.state';
import { AgreementLedger } from '../agreements/agreements.views';
import { caseDecider } from '../cases/case.decider';
import { toCaseView } from '../cases/case-view';
import { CaseView } from '../cases/cases.dto';
import { caseStreamId } from '../cases/diary-number';
import { delegationDecider, delegationsStreamId } from '../delegations/delegation.decider';
import { DelegationReadModel, delegationReadModel } from '../delegations/delegation.views';
import { EventStore, RecordedEvent } from '../event-store/event-store.port';
import { NotFound } from '../platform/errors';
import { EventRef, fold, prefixUntil, refOf } from './history';

export const AS_OF_KINDS = ['case', 'agreement', 'delegation'] as const;
export type AsOfKind = (typeof AS_OF_KINDS)[number];

/** Said with every answer: which clock "as of" reads. */
export const TIME_BASIS = {
  sv: 'Affärstid: händelser vars metadata.occurredAt (tiden för kommandot som orsakade dem) är högst den angivna tidpunkten.',
  en: 'Business time: events whose metadata.occurredAt (the time of the command that caused them) is at or before the instant given.',
};

export interface AsOfResult<K extends AsOfKind = AsOfKind> {
  kind: K;
  id: string;
  organisationId: string;
  /** the instant asked for, ISO */
  at: string;
  timeBasis: typeof TIME_BASIS;
  /** the last event folded that concerns this thing: the state stands on it */
  standsOn: EventRef;
  /** events of the stream folded (a delegation shares its organisation's register stream) */
  eventsFolded: number;
  /** events of the stream after the instant, not folded */
  eventsAfter: number;
  /** the same view as the live endpoint */
  state: K extends 'case' ? CaseView : K extends 'agreement' ? AgreementLedger : DelegationReadModel;
}

const WHAT: Record<AsOfKind, { sv: string; en: string }> = {
  case: { sv: 'Ärendet', en: 'The case' },
  agreement: { sv: 'Överenskommelsen', en: 'The agreement' },
  delegation: { sv: 'Delegationen', en: 'The delegation' },
};

/** Which organisation's register holds the delegation, found by reading the history (only when the caller does not know). */
async function delegationOrganisation(store: EventStore, delegationId: string): Promise<string | null> {
  for await (const event of store.readAll()) {
    if (event.type === 'DelegationGranted' && event.data.delegationId === delegationId && typeof event.data.organisationId === 'string') {
      return event.data.organisationId;
    }
  }
  return null;
}

/** An event of the register that changed what the delegation's view shows: its versions, its revocation, its decisions and their reporting. */
const concerns = (delegationId: string, decisionIds: Set<string>) => (e: RecordedEvent) =>
  e.data.delegationId === delegationId || (Array.isArray(e.data.decisionIds) && e.data.decisionIds.some((d) => decisionIds.has(String(d))));

/**
 * The state of a case, an agreement or a delegation at `at` (business time): its stream folded
 * with the domain's decider up to the last event that occurred by then, shown with the live
 * endpoint's view. A delegation lives on its organisation's register (`delegations-<org>`): give
 * `organisationId` when known, otherwise the history is searched for its grant. Throws NotFound
 * when the thing does not exist, or did not yet exist at `at`.
 */
export async function asOf<K extends AsOfKind>(store: EventStore, kind: K, id: string, at: Date, options: { organisationId?: string } = {}): Promise<AsOfResult<K>> {
  const notFound = (details: Record<string, unknown> = {}) => new NotFound(WHAT[kind], { [`${kind}Id`]: id, at: at.toISOString(), ...details });
  let streamId = kind === 'case' ? caseStreamId(id) : agreementStreamId(id);
  if (kind === 'delegation') {
    const organisationId = options.organisationId ?? (await delegationOrganisation(store, id));
    if (organisationId === null) throw notFound();
    streamId = delegationsStreamId(organisationId);
  }
  const all = await store.readStream(streamId);
  const events = prefixUntil(all, at);
  const base = { kind, id, at: at.toISOString(), timeBasis: TIME_BASIS, eventsFolded: events.length, eventsAfter: all.length - events.length };
  // a stream that has events after the instant but none before: the thing did not exist yet
  const later = (first: RecordedEvent | undefined) => notFound(first ? { firstEventAt: refOf(first).occurredAt } : {});

  if (kind === 'case') {
    const folded = fold(caseDecider, events);
    if (folded.state.status === 'none' || !folded.last) throw later(all[0]);
    const state = toCaseView({ state: folded.state, revision: folded.revision });
    return { ...base, organisationId: state.organisationId, standsOn: refOf(folded.last), state } as AsOfResult<K>;
  }
  if (kind === 'agreement') {
    const folded = fold(agreementDecider, events);
    if (folded.state.status !== 'open' || !folded.last) throw later(all[0]);
    const state = toLedger(folded.state, folded.revision);
    return { ...base, organisationId: state.organisationId, standsOn: refOf(folded.last), state } as AsOfResult<K>;
  }
  const folded = fold(delegationDecider, events);
  const state = delegationReadModel(folded.state, id);
  const own = events.filter(concerns(id, new Set(state?.decisions.map((d) => d.delegatedDecisionId))));
  if (!state || own.length === 0) throw later(all.find(concerns(id, new Set())));
  return { ...base, organisationId: state.organisationId, standsOn: refOf(own[own.length - 1]), state } as AsOfResult<K>;
}
