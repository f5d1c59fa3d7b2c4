/** Streams.Read: stream reads, $all reads and $all subscriptions over the in-memory log. */
import { randomUUID } from 'node:crypto';
import { Metadata, ServerWritableStream, status } from '@grpc/grpc-js';
import { Timestamp } from 'google-protobuf/google/protobuf/timestamp_pb';
import { ReadReq, ReadResp } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb';
import { StreamIdentifier } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb';
import { InMemoryLog, StoredEvent } from './in-memory-log';
import { fail, streamName, uuidMessage } from './protocol';

export function read(log: InMemoryLog, call: ServerWritableStream<ReadReq, ReadResp>): void {
  const options = call.request.getOptions();
  if (!options) return void call.emit('error', fail(status.INVALID_ARGUMENT, 'no read options'));
  const matches = filterOf(options);
  const structured = options.getUuidOption()?.getContentCase() === ReadReq.Options.UUIDOption.ContentCase.STRUCTURED;
  const uuids = structured ? 'structured' : 'string';
  const toResp = (event: StoredEvent) => eventResp(event, uuids);
  if (options.hasAll() && options.hasSubscription()) return subscribeToAll(log, call, options.getAll()!, matches, toResp);
  if (options.hasSubscription()) return unimplemented(call, 'stream subscriptions');
  const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
  let remaining = BigInt(options.getCount());
  const send = (event: StoredEvent): boolean => {
    if (remaining <= 0n) return false;
    if (!matches(event)) return true;
    remaining--;
    call.write(toResp(event));
    return true;
  };
  if (options.hasAll()) {
    if (backwards) return unimplemented(call, 'backwards $all reads');
    const from = options.getAll()!;
    // reading $all from a position includes the event at that position
    const start = from.hasPosition() ? Number(from.getPosition()!.getCommitPosition()) : from.hasEnd() ? Infinity : 0;
    let i = log.indexAtOrAfter(start);
    while (i < log.length && send(log.at(i))) i++;
    call.end();
    return;
  }
  const streamOptions = options.getStream()!;
  const streamId = streamName(streamOptions.getStreamIdentifier());
  const stream = log.stream(streamId);
  if (!stream) return streamNotFound(call, streamOptions.getStreamIdentifier()!, options);
  const last = stream.length - 1;
  const Case = ReadReq.Options.StreamOptions.RevisionOptionCase;
  const option = streamOptions.getRevisionOptionCase();
  const from = option === Case.REVISION ? Number(streamOptions.getRevision()) : option === Case.END ? last : 0;
  if (backwards) for (let r = Math.min(from, last); r >= 0 && send(stream[r]); r--);
  else if (option !== Case.END) for (let r = from; r <= last && send(stream[r]); r++);
  call.end();
}

/**
 * Catch-up then live from one cursor over the log: the cursor only moves forward, so no event is
 * skipped or sent twice across the switch. Writes honour the transport's backpressure.
 */
function subscribeToAll(
  log: InMemoryLog,
  call: ServerWritableStream<ReadReq, ReadResp>,
  from: ReadReq.Options.AllOptions,
  matches: (event: StoredEvent) => boolean,
  toResp: (event: StoredEvent) => ReadResp,
): void {
  // a subscription starts after the given position, unlike a read
  const after = from.hasPosition() ? Number(from.getPosition()!.getCommitPosition()) : from.hasEnd() ? Infinity : -1;
  let cursor = log.indexAtOrAfter(after + 1);
  let caughtUp = false;
  let waitingForDrain = false;
  let finished = false;
  const confirmation = new ReadResp();
  const subscriptionId = new ReadResp.SubscriptionConfirmation();
  subscriptionId.setSubscriptionId(randomUUID());
  confirmation.setConfirmation(subscriptionId);
  call.write(confirmation);
  const pump = () => {
    if (finished || waitingForDrain) return;
    while (cursor < log.length) {
      const event = log.at(cursor++);
      if (matches(event) && !call.write(toResp(event))) {
        waitingForDrain = true;
        call.once('drain', () => {
          waitingForDrain = false;
          pump();
        });
        return;
      }
    }
    if (!caughtUp) {
      caughtUp = true;
      const message = new ReadResp();
      const info = new ReadResp.CaughtUp();
      info.setTimestamp(Timestamp.fromDate(new Date()));
      message.setCaughtUp(info);
      call.write(message);
    }
  };
  const stopListening = log.onCommit(pump);
  const stop = () => {
    finished = true;
    stopListening();
  };
  call.on('cancelled', stop);
  call.on('close', stop);
  call.on('error', stop);
  pump();
}

function filterOf(options: ReadReq.Options): (event: StoredEvent) => boolean {
  if (!options.hasFilter()) return () => true;
  const filter = options.getFilter()!;
  const onType = filter.hasEventType();
  const expression = onType ? filter.getEventType()! : filter.getStreamIdentifier()!;
  const regex = expression.getRegex() ? new RegExp(expression.getRegex()) : undefined;
  const prefixes = expression.getPrefixList();
  return (event) => {
    const subject = onType ? event.type : event.streamId;
    if (regex) return regex.test(subject);
    return prefixes.some((prefix) => subject.startsWith(prefix));
  };
}

function eventResp(event: StoredEvent, uuids: 'structured' | 'string'): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent();
  recorded.setId(uuidMessage(event.id, uuids));
  const identifier = new StreamIdentifier();
  identifier.setStreamName(Buffer.from(event.streamId, 'utf8'));
  recorded.setStreamIdentifier(identifier);
  recorded.setStreamRevision(String(event.revision));
  recorded.setCommitPosition(String(event.position));
  recorded.setPreparePosition(String(event.position));
  recorded
    .getMetadataMap()
    .set('type', event.type)
    .set('content-type', event.contentType)
    .set('created', String(event.createdTicks));
  recorded.setData(event.data);
  recorded.setCustomMetadata(event.metadata);
  const readEvent = new ReadResp.ReadEvent();
  readEvent.setEvent(recorded);
  readEvent.setCommitPosition(String(event.position));
  const response = new ReadResp();
  response.setEvent(readEvent);
  return response;
}

/** Clients that ask for compatibility level 1 get a message; older ones get the NOT_FOUND status. */
function streamNotFound(
  call: ServerWritableStream<ReadReq, ReadResp>,
  identifier: StreamIdentifier,
  options: ReadReq.Options,
): void {
  if ((options.getControlOption()?.getCompatibility() ?? 0) >= 1) {
    const response = new ReadResp();
    const notFound = new ReadResp.StreamNotFound();
    notFound.setStreamIdentifier(identifier);
    response.setStreamNotFound(notFound);
    call.write(response);
    call.end();
    return;
  }
  const metadata = new Metadata();
  metadata.set('exception', 'stream-not-found');
  metadata.set('stream-name', streamName(identifier));
  call.emit('error', fail(status.NOT_FOUND, `Event stream '${streamName(identifier)}' is not found.`, metadata));
}

function unimplemented(call: ServerWritableStream<ReadReq, ReadResp>, what: string): void {
  call.emit('error', fail(status.UNIMPLEMENTED, `the KurrentDB stand-in does not implement ${what}`));
}
