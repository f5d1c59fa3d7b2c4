import { agreementDecider } from '../../agreements/agreement.decider';
import { toLedger } from '../../agreements/agreement.ledger';
import { agreementStreamId } from '../../agreements/agreement.state';
import { AgreementLedger } from '../../agreements/agreements.views';
import { swedishDate } from '../../calendar/swedish-calendar';
import { toCaseView } from '../../cases/case-view';
import { caseDecider } from '../../cases/case.decider';
import { CaseView } from '../../cases/cases.dto';
import { caseStreamId } from '../../cases/diary-number';
import { delegationDecider, RegisterEntry } from '../../delegations/delegation.decider';
import { delegationReadModel, DelegationReadModel } from '../../delegations/delegation.views';
import { RecordedEvent } from '../../event-store/event-store.port';
import { meetingDecider, meetingStreamId } from '../../meetings/meeting.decider';
import { toMeetingView } from '../../meetings/meeting.view';
import { MeetingView } from '../../meetings/meetings.view.dto';
import { DomainEvent } from '../../platform/decider';
import { CaseHistory } from './case-history';

/**
 * The case as it stands at the export's `now`, folded with the capabilities' own deciders and shown
 * with their own views: figures are never recomputed here. Legal force depends on today's date, so
 * it is as of `now`.
 */
export interface CurrentState {
  asOf: string;
  /** the Swedish date of `asOf`, the day legal force is computed for */
  today: string;
  case: CaseView;
  meetings: MeetingView[];
  agreement: AgreementLedger | null;
  /** the delegations whose scope is the case's agreement, with the decisions taken under them */
  delegations: DelegationReadModel[];
  /** urgent decisions of a chair on the case (KL 6:39) */
  urgentDecisions: RegisterEntry[];
}

interface Folding<S> {
  initialState: S;
  evolve(state: S, event: never): S;
  upcast?(type: string, schemaVersion: number, data: object): object;
}

/** As the command pipeline folds: old schema versions are upcast when read. */
function fold<S>(decider: Folding<S>, events: RecordedEvent[]): S {
  const evolve = (decider.evolve as (state: S, event: DomainEvent) => S).bind(decider);
  return events.reduce((state, event) => {
    const version = typeof event.metadata.schemaVersion === 'number' ? event.metadata.schemaVersion : 1;
    const data = decider.upcast ? decider.upcast(event.type, version, event.data) : event.data;
    return evolve(state, { type: event.type, data });
  }, decider.initialState);
}

const streamEvents = (history: CaseHistory, streamId: string): RecordedEvent[] => history.streams.find((s) => s.streamId === streamId)?.events ?? [];
const lastRevision = (events: RecordedEvent[]): number => events[events.length - 1]?.revision ?? -1;

export function currentState(history: CaseHistory, now: Date): CurrentState {
  const today = swedishDate(now);
  const caseEvents = streamEvents(history, caseStreamId(history.caseId));
  const caseView = toCaseView({ state: fold(caseDecider, caseEvents), revision: lastRevision(caseEvents) });

  const meetings = history.meetingIds.flatMap((meetingId) => {
    const events = streamEvents(history, meetingStreamId(meetingId));
    const state = fold(meetingDecider, events);
    return state.status === 'none' ? [] : [toMeetingView(state, lastRevision(events), today)];
  });

  let agreement: AgreementLedger | null = null;
  if (history.agreementId) {
    const events = streamEvents(history, agreementStreamId(history.agreementId));
    const state = fold(agreementDecider, events);
    if (state.status !== 'none') agreement = toLedger(state, lastRevision(events));
  }

  const register = fold(delegationDecider, history.register);
  const delegations = [...register.delegations.keys()]
    .map((id) => delegationReadModel(register, id))
    .filter((d): d is DelegationReadModel => d !== null && d.versions.some((v) => v.scope.agreementId === history.agreementId));
  const urgentDecisions = [...register.decisions.values()].filter((d) => d.kind === 'urgent' && d.caseId === history.caseId);

  return { asOf: now.toISOString(), today, case: caseView, meetings, agreement, delegations, urgentDecisions };
}
