import { EventStore, RecordedEvent } from '../event-store/event-store.port';
import { Decider, DomainEvent } from '../platform/decider';

/**
 * How the auditor's tools read the history: straight from the event store, folded with the
 * domain's own deciders (never from a read model), so what they show is what the commands saw.
 */

/** Where a state stands, or which event changed a figure: enough to find the event again. */
export interface EventRef {
  streamId: string;
  revision: number;
  position: number;
  type: string;
  /** business time (`metadata.occurredAt`), ISO */
  occurredAt: string;
}

/** Business time: the clock of the command that caused the event (the store's own time only for an event without it). */
export function occurredAt(event: RecordedEvent): string {
  const at = event.metadata.occurredAt;
  return typeof at === 'string' ? at : event.recordedAt.toISOString();
}

export const refOf = (event: RecordedEvent): EventRef => ({
  streamId: event.streamId,
  revision: event.revision,
  position: event.position,
  type: event.type,
  occurredAt: occurredAt(event),
});

type AnyDecider<S> = Decider<unknown, DomainEvent, S> | Decider<never, DomainEvent, S>;

/** The event as the decider's evolve wants it: data of an older schema version upcast, as `CommandPipeline.load` does. */
export function domainEvent<S>(decider: AnyDecider<S>, event: RecordedEvent): DomainEvent {
  const version = typeof event.metadata.schemaVersion === 'number' ? event.metadata.schemaVersion : 1;
  return { type: event.type, data: decider.upcast ? decider.upcast(event.type, version, event.data) : event.data };
}

/**
 * The events up to `until` (inclusive, business time): the prefix that occurred by then. Commands
 * append in the order of their clock, so occurredAt does not decrease along a stream; if it ever
 * did, the prefix still stops at the first later event, so a state is always one the stream
 * really passed through.
 */
export function prefixUntil(events: RecordedEvent[], until?: Date): RecordedEvent[] {
  if (until === undefined) return events;
  const limit = until.getTime();
  const end = events.findIndex((e) => Date.parse(occurredAt(e)) > limit);
  return end === -1 ? events : events.slice(0, end);
}

/** The stream as it stood at `until` (or all of it). */
export async function historyUntil(store: EventStore, streamId: string, until?: Date): Promise<RecordedEvent[]> {
  return prefixUntil(await store.readStream(streamId), until);
}

export interface Folded<S> {
  state: S;
  /** -1 when nothing was folded */
  revision: number;
  last: RecordedEvent | null;
}

/** Folds events with the decider's evolve, calling `after` with the state each event left (explain uses it). */
export function fold<S>(decider: AnyDecider<S>, events: RecordedEvent[], after?: (state: S, event: RecordedEvent, before: S) => void): Folded<S> {
  const evolve = decider.evolve as (s: S, e: DomainEvent) => S;
  let state = decider.initialState;
  for (const event of events) {
    const before = state;
    state = evolve(state, domainEvent(decider, event));
    after?.(state, event, before);
  }
  const last = events[events.length - 1] ?? null;
  return { state, revision: last ? last.revision : -1, last };
}

/** The stream folded as it stood at `until` (or now). */
export async function foldUntil<S>(store: EventStore, decider: AnyDecider<S>, streamId: string, until?: Date): Promise<Folded<S>> {
  return fold(decider, await historyUntil(store, streamId, until));
}
