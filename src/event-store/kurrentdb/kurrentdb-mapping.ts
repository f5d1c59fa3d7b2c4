import { ANY, AppendStreamState, NO_STREAM, Position, RecordedEvent as KurrentRecordedEvent, START, STREAM_EXISTS } from '@kurrent/kurrentdb-client';
import { ExpectedRevision, JsonObject, RecordedEvent } from '../event-store.port';

export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return BigInt(expected);
  }
}

/** Revisions and log positions are u64 on the wire; past 2^53 a JS number would silently round. */
export function toSafeNumber(value: bigint, what: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`KurrentDB ${what} ${value} does not fit a safe integer`);
  return n;
}

/**
 * Where a read or subscription resumes. Every event written by KurrentDB since 20.x is its own
 * commit, so its prepare position equals its commit position and the commit alone identifies it.
 */
export function fromPosition(after: number | undefined): Position | typeof START {
  return after === undefined ? START : { commit: BigInt(after), prepare: BigInt(after) };
}

/** `$`-prefixed types and streams belong to the server (users, settings, projections, scavenges). */
export function isSystemEvent(event: { streamId: string; type: string }): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/**
 * This adapter only ever writes JSON objects. Anything else in a stream we read was written by
 * some other program; refusing it loudly beats handing a projection a value of the wrong shape.
 */
export function toRecorded(event: KurrentRecordedEvent | undefined): RecordedEvent {
  if (!event) throw new Error('KurrentDB returned a read result without an event (a link to a deleted event?)');
  const { data, metadata = {} } = event;
  if (!event.isJson || !isJsonObject(data) || !isJsonObject(metadata)) {
    throw new TypeError(`event ${event.id} in ${event.streamId} is not a JSON object with JSON object metadata`);
  }
  // the server leaves the commit position at u64::MAX when it does not know it; older than 22.6 it leaves it out
  if (!event.position || event.position.commit === (1n << 64n) - 1n) {
    throw new Error(`KurrentDB returned no log position for ${event.streamId}@${event.revision}: server older than 22.6?`);
  }
  return {
    id: event.id,
    streamId: event.streamId,
    type: event.type,
    data,
    metadata,
    revision: toSafeNumber(event.revision, 'revision'),
    position: toSafeNumber(event.position.commit, 'position'),
    recordedAt: event.created,
  };
}
