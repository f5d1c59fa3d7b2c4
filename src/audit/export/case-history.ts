import { AgreementEvent } from '../../agreements/agreements.events';
import { agreementStreamId } from '../../agreements/agreement.state';
import { CaseEvent } from '../../cases/cases.events';
import { caseStreamId, registryStreamId } from '../../cases/diary-number';
import { delegationDecider, delegationsStreamId } from '../../delegations/delegation.decider';
import { DelegationEvent } from '../../delegations/delegation.events';
import { EventStore, RecordedEvent } from '../../event-store/event-store.port';
import { meetingStreamId } from '../../meetings/meeting.decider';
import { NotFound } from '../../platform/errors';
import { deterministicId } from '../../platform/ids';

/**
 * Which stored events make up a case's complete history. Streams that belong to the case (its own,
 * its agreement's) and the meetings that dealt with it are taken whole, so their hash chains can be
 * re-verified from the package alone. The organisation's delegation register and diary are shared by
 * every case and grow for ever: only the events about this case are taken, each with the hash of the
 * event before it in its stream, so each event's own hash re-verifies but the chain between them
 * does not (docs/export.md says so).
 */
export type StreamScope = 'whole' | 'excerpt';

export interface IncludedStream {
  streamId: string;
  scope: StreamScope;
  /** why the stream belongs to the case's history, in Swedish */
  reason: string;
  events: RecordedEvent[];
  /** excerpts only: by revision, the hash of the event before it in the stream (null at revision 0) */
  previousHashes: Record<string, string | null>;
  /** the stream's last revision and hash when exported */
  head: { revision: number; hash: string | null };
}

export interface CaseHistory {
  caseId: string;
  organisationId: string;
  agreementId: string | null;
  /** every meeting included, in the order first met */
  meetingIds: string[];
  /** the whole delegation register, read to select from and to fold (only an excerpt is exported) */
  register: RecordedEvent[];
  streams: IncludedStream[];
}

const CASE = { sv: 'Ärendet', en: 'The case' };
const REGISTER_REASON = 'Ur organisationens delegationsregister: delegationer för överenskommelsen, beslut fattade med stöd av dem och deras anmälan.';
const DIARY_REASON = 'Ur diariet: händelsen som gav ärendet dess diarienummer.';

const hashOf = (event: RecordedEvent | undefined): string | null => (typeof event?.metadata.hash === 'string' ? event.metadata.hash : null);

/** The event as its decider types it; data as stored (schema changes so far only add fields). */
const as = <E>(event: RecordedEvent): E => ({ type: event.type, data: event.data }) as E;

function whole(streamId: string, reason: string, events: RecordedEvent[]): IncludedStream {
  const last = events[events.length - 1];
  return { streamId, scope: 'whole', reason, events, previousHashes: {}, head: { revision: last.revision, hash: hashOf(last) } };
}

/**
 * Reads the case's stream, the diary entry that numbered it, its agreement, the delegation register
 * entries under that agreement, and every meeting that put the case on its agenda, decided the
 * agreement's money, granted its delegations or had their decisions reported. Unknown case — or,
 * when `organisationId` is given, another organisation's — is NOT-FOUND.
 */
export async function collectCaseHistory(store: EventStore, caseId: string, organisationId?: string): Promise<CaseHistory> {
  const caseEvents = await store.readStream(caseStreamId(caseId));
  const registered = caseEvents[0] && as<CaseEvent>(caseEvents[0]);
  if (registered?.type !== 'CaseRegistered') throw new NotFound(CASE, { caseId });
  const org = registered.data.organisationId;
  if (organisationId !== undefined && org !== organisationId) throw new NotFound(CASE, { caseId });

  const meetings = new Set<string>();
  const meetingOf = (meetingId: string | undefined) => meetingId && meetings.add(meetingId);
  for (const event of caseEvents.map((e) => as<CaseEvent>(e))) {
    if (event.type === 'CasePlacedOnAgenda' || event.type === 'CaseRemovedFromAgenda' || event.type === 'ItemOutcomeRecorded') {
      meetingOf(event.data.meetingId);
    }
  }
  const streams: IncludedStream[] = [whole(caseStreamId(caseId), 'Ärendets egen händelseström.', caseEvents)];

  const { registry, year, sequence } = registered.data;
  streams.push(await diaryExcerpt(store, registryStreamId(org, registry, year), sequence - 1, caseId));

  // one agreement per case: its id derives from the case (see OpenAgreementHandler)
  const agreementId = deterministicId(org, caseId, 'agreement');
  const agreementEvents = await store.readStream(agreementStreamId(agreementId));
  const opened = agreementEvents[0] && as<AgreementEvent>(agreementEvents[0]);
  const hasAgreement = opened?.type === 'AgreementOpened' && opened.data.caseId === caseId;
  if (hasAgreement) {
    streams.push(whole(agreementStreamId(agreementId), 'Överenskommelsen som handläggs i ärendet.', agreementEvents));
    for (const event of agreementEvents.map((e) => as<AgreementEvent>(e))) {
      if ('authority' in event.data && event.data.authority.kind === 'body') meetingOf(event.data.authority.meetingId);
    }
  }

  const registerId = delegationsStreamId(org);
  const register = await store.readStream(registerId);
  const selected = selectFromRegister(register, caseId, hasAgreement ? agreementId : null);
  for (const event of selected) {
    const e = as<DelegationEvent>(event);
    if ('decision' in e.data) meetingOf(e.data.decision.meetingId);
    if (e.type === 'DelegatedDecisionsReported' || e.type === 'DelegatedDecisionReportWithdrawn') meetingOf(e.data.meetingId);
  }
  if (selected.length > 0 && selected.length === register.length) {
    // the register holds nothing but this case's: taken whole, it verifies as a chain
    streams.push(whole(registerId, REGISTER_REASON, register));
  } else if (selected.length > 0) {
    const previousHashes = Object.fromEntries(selected.map((e) => [String(e.revision), hashOf(register[e.revision - 1])]));
    const last = register[register.length - 1];
    streams.push({
      streamId: registerId,
      scope: 'excerpt',
      reason: REGISTER_REASON,
      events: selected,
      previousHashes,
      head: { revision: last.revision, hash: hashOf(last) },
    });
  }

  for (const meetingId of meetings) {
    const events = await store.readStream(meetingStreamId(meetingId));
    if (events.length > 0) streams.push(whole(meetingStreamId(meetingId), 'Sammanträde som behandlat ärendet, dess överenskommelse eller delegationsbeslut.', events));
  }
  return { caseId, organisationId: org, agreementId: hasAgreement ? agreementId : null, meetingIds: [...meetings], register, streams };
}

/** The diary entry that gave the case its number: revision = sequence − 1 of the registry stream. */
async function diaryExcerpt(store: EventStore, streamId: string, revision: number, caseId: string): Promise<IncludedStream> {
  const read = await store.readStream(streamId, { fromRevision: Math.max(0, revision - 1), maxCount: 2 });
  const entry = read.find((e) => e.revision === revision && e.data.caseId === caseId);
  const [last] = await store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
  if (!entry || !last) throw new Error(`${streamId} has no entry for case ${caseId} at revision ${revision}`);
  if (revision === 0 && last.revision === 0) return whole(streamId, DIARY_REASON, [entry]);
  return {
    streamId,
    scope: 'excerpt',
    reason: DIARY_REASON,
    events: [entry],
    previousHashes: { [String(revision)]: revision === 0 ? null : hashOf(read.find((e) => e.revision === revision - 1)) },
    head: { revision: last.revision, hash: hashOf(last) },
  };
}

/**
 * The register's events about this case: every version and revocation of a delegation whose scope
 * is the case's agreement, the decisions taken under them (and the chair's urgent decisions on the
 * case), and every report of those decisions to the delegating body (KL 6:40) or its withdrawal.
 */
function selectFromRegister(register: RecordedEvent[], caseId: string, agreementId: string | null): RecordedEvent[] {
  const typed = register.map((event) => {
    const version = typeof event.metadata.schemaVersion === 'number' ? event.metadata.schemaVersion : 1;
    const data = delegationDecider.upcast?.(event.type, version, event.data) ?? event.data;
    return { event, e: { type: event.type, data } as DelegationEvent };
  });
  const delegations = new Set(
    typed.flatMap(({ e }) => ((e.type === 'DelegationGranted' || e.type === 'DelegationAmended') && e.data.scope.agreementId === agreementId ? [e.data.delegationId] : [])),
  );
  const decisions = new Set<string>();
  return typed
    .filter(({ e }) => {
      switch (e.type) {
        case 'DelegationGranted':
        case 'DelegationAmended':
        case 'DelegationRevoked':
          return delegations.has(e.data.delegationId);
        case 'DelegatedDecisionRecorded':
          if (!delegations.has(e.data.delegationId) && e.data.agreementId !== agreementId) return false;
          decisions.add(e.data.delegatedDecisionId);
          return true;
        case 'UrgentDecisionRecorded':
          if (e.data.caseId !== caseId) return false;
          decisions.add(e.data.delegatedDecisionId);
          return true;
        case 'DelegatedDecisionsReported':
        case 'DelegatedDecisionReportWithdrawn':
          return e.data.decisionIds.some((id) => decisions.has(id));
      }
    })
    .map(({ event }) => event);
}
