/**
 * The event store port. Every adapter (embedded SQLite, KurrentDB) implements exactly this and
 * passes the same contract suite in `test/contract/`.
 *
 * Revisions are 0-based per stream; positions are global and strictly increasing (not
 * necessarily dense: KurrentDB positions are log offsets). Both are JS numbers: a KurrentDB
 * log offset stays below 2^53 (9 PB of log) in any deployment we can foresee, and every adapter
 * checks it.
 */
export type JsonObject = { [key: string]: unknown };

/** What an append must find: any state, no stream yet, an existing stream, or an exact revision. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export interface EventToAppend {
  /** uuid; re-appending the same ids (same stream, same expectation) is idempotent */
  id: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
}

export interface RecordedEvent {
  id: string;
  streamId: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
  /** 0-based revision of this event in its stream */
  revision: number;
  /** global position in the store's total order */
  position: number;
  /** when the store recorded the event */
  recordedAt: Date;
}

export interface AppendResult {
  /** revision of the last event now in the stream */
  nextExpectedRevision: number;
  /** global position of the last appended event */
  position: number;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  direction?: Direction;
  /** inclusive; default: start (forwards) or end (backwards) */
  fromRevision?: number;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** exclusive: only events with a position greater than this; default: from the beginning */
  after?: number;
  maxCount?: number;
}

export interface SubscribeOptions {
  /** checkpoint, exclusive: the last position already processed; undefined = from the start */
  after?: number;
}

export interface Subscription {
  /** stops delivery; resolves once no handler call is running */
  close(): Promise<void>;
  /** rejects if the subscription fails (the handler threw, or the store dropped it) */
  readonly done: Promise<void>;
}

/** Handler calls are sequential: the next event is delivered after the promise resolves. */
export type EventHandler = (event: RecordedEvent) => Promise<void> | void;

export interface EventStore {
  append(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult>;
  /** A missing stream reads as an empty list. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** All events in global order, in pages; safe for millions of events. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /** Catch up from the checkpoint, then stay live. Every later event is delivered exactly once. */
  subscribeToAll(options: SubscribeOptions, handler: EventHandler): Subscription;
  /** The position of the last stored event, where the store can tell cheaply (progress bars only). */
  lastPosition?(): Promise<number | undefined>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');

/** The stream is not at the revision the append expected: nothing was written. */
export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** current revision, or 'no_stream' */
    readonly actual: number | 'no_stream',
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, found ${String(actual)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** An event id is already in the store in another place: nothing was written. */
export class DuplicateEventIdError extends Error {
  constructor(readonly streamId: string, readonly eventId: string) {
    super(`Event ${eventId} is already stored elsewhere; refusing to append it to ${streamId}`);
    this.name = 'DuplicateEventIdError';
  }
}

/**
 * A stored event that no longer reads as JSON (the file was altered or damaged). Adapters name it
 * instead of failing with a bare SyntaxError, so the auditor's `verify` can report the broken link
 * and read on after it (`readAll({ after: position })`).
 */
export class UnreadableEventError extends Error {
  constructor(
    readonly streamId: string,
    readonly revision: number,
    readonly position: number,
    readonly reason: string,
  ) {
    super(`Event ${streamId}@${revision} (position ${position}) is unreadable: ${reason}`);
    this.name = 'UnreadableEventError';
  }
}

export function describeExpected(expected: ExpectedRevision): string {
  return typeof expected === 'number' ? `revision ${expected}` : expected;
}
