/**
 * A protocol-level stand-in for a single insecure KurrentDB node, for tests only.
 *
 * It serves the v1 gRPC services that ship inside @kurrent/kurrentdb-client, so both of the
 * client's transports talk to it for real: grpc-js (appends, subscriptions) and the native Rust
 * read bridge (@kurrent/bridge: stream and $all reads). It answers only what the KurrentDB adapter
 * uses; anything else is UNIMPLEMENTED, so a new call shows up as a loud failure, not a silent fake.
 */
import { randomUUID } from 'node:crypto';
import {
  Metadata,
  Server,
  ServerCredentials,
  ServerReadableStream,
  ServerUnaryCall,
  ServerWritableStream,
  sendUnaryData,
  status,
} from '@grpc/grpc-js';
import { Timestamp } from 'google-protobuf/google/protobuf/timestamp_pb';
import { ServerFeaturesService } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/serverfeatures_pb';
import { StreamsService } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_grpc_pb';
import { AppendReq, AppendResp, ReadReq, ReadResp } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb';
import { Empty, StreamIdentifier, UUID } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb';
import { Expected, InMemoryLog, ProposedEvent, StoredEvent } from './in-memory-log';

export interface KurrentDbStandIn {
  /** connection string for KurrentDBClient.connectionString */
  url: string;
  stop(): Promise<void>;
}

/**
 * The version we claim. Reads and appends have looked like this since 21.x; claiming a current
 * version keeps the client from taking compatibility paths a real server would not trigger.
 */
const SERVER_VERSION = '25.0.0';
const STREAMS = 'event_store.client.streams.streams';
/**
 * We list Read and Append but not BatchAppend: with BatchAppend listed the client would append
 * over that bidirectional call, which this stand-in does not implement (a real server does).
 */
const SUPPORTED: Array<[service: string, method: string]> = [
  [STREAMS, 'read'],
  [STREAMS, 'append'],
];
/**
 * Events a node writes by itself, so the adapter has to prove it filters them. The last one is
 * like a projection's result: a `$` stream with an ordinary event type, which the server's
 * event-type filter lets through.
 */
const SYSTEM_EVENTS: Array<[stream: string, type: string]> = [
  ['$settings', '$settings'],
  ['$users', '$User'],
  ['$scavenges', '$scavengeStarted'],
  ['$projections-totals-result', 'Result'],
];
const MAX_U64 = (1n << 64n) - 1n;

export async function startKurrentDbStandIn(): Promise<KurrentDbStandIn> {
  const log = new InMemoryLog();
  for (const [stream, type] of SYSTEM_EVENTS) {
    log.append(stream, { kind: 'any' }, [
      { id: randomUUID(), type, contentType: 'application/json', data: Buffer.from('{}'), metadata: new Uint8Array() },
    ]);
  }
  const server = new Server();
  server.addService(ServerFeaturesService, { getSupportedMethods });
  server.addService(StreamsService, {
    read: (call: ServerWritableStream<ReadReq, ReadResp>) => read(log, call),
    append: (call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>) =>
      append(log, call, callback),
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, p) => (error ? reject(error) : resolve(p))),
  );
  return {
    url: `kurrentdb://127.0.0.1:${port}?tls=false`,
    async stop() {
      // open subscriptions never end by themselves; a real node going away cuts them too
      server.forceShutdown();
    },
  };
}

function getSupportedMethods(
  _call: ServerUnaryCall<Empty, SupportedMethods>,
  callback: sendUnaryData<SupportedMethods>,
): void {
  const answer = new SupportedMethods();
  answer.setEventStoreServerVersion(SERVER_VERSION);
  for (const [service, method] of SUPPORTED) {
    const supported = new SupportedMethod();
    supported.setServiceName(service);
    supported.setMethodName(method);
    answer.addMethods(supported);
  }
  callback(null, answer);
}

/** the error shape grpc-js turns into a call status */
function fail(code: status, details: string, metadata = new Metadata()) {
  return { code, details, metadata };
}

function append(
  log: InMemoryLog,
  call: ServerReadableStream<AppendReq, AppendResp>,
  callback: sendUnaryData<AppendResp>,
): void {
  let header: AppendReq.Options | undefined;
  const events: ProposedEvent[] = [];
  let broken: string | undefined;
  call.on('data', (request: AppendReq) => {
    if (request.hasOptions()) header = request.getOptions();
    else if (request.hasProposedMessage() && header) events.push(proposed(request.getProposedMessage()!));
    else broken ??= 'an append must start with its options';
  });
  call.on('error', () => undefined);
  call.on('end', () => {
    if (broken || !header) return callback(fail(status.INVALID_ARGUMENT, broken ?? 'no options sent'));
    if (events.length === 0) return callback(fail(status.UNIMPLEMENTED, 'the KurrentDB stand-in does not implement empty appends'));
    const streamId = streamName(header.getStreamIdentifier());
    const expected = expectedOf(header);
    const outcome = log.append(streamId, expected, events);
    const response = new AppendResp();
    if (outcome.ok) {
      const success = new AppendResp.Success();
      success.setCurrentRevision(String(outcome.lastRevision));
      const position = new AppendResp.Position();
      position.setCommitPosition(String(outcome.position));
      position.setPreparePosition(String(outcome.position));
      success.setPosition(position);
      response.setSuccess(success);
    } else {
      const wrong = new AppendResp.WrongExpectedVersion();
      if (outcome.current === 'no_stream') wrong.setCurrentNoStream(new Empty());
      else wrong.setCurrentRevision(String(outcome.current));
      if (expected.kind === 'revision') wrong.setExpectedRevision(String(expected.revision));
      else if (expected.kind === 'no_stream') wrong.setExpectedNoStream(new Empty());
      else if (expected.kind === 'stream_exists') wrong.setExpectedStreamExists(new Empty());
      else wrong.setExpectedAny(new Empty());
      response.setWrongExpectedVersion(wrong);
    }
    callback(null, response);
  });
}

function proposed(message: AppendReq.ProposedMessage): ProposedEvent {
  const metadata = message.getMetadataMap();
  return {
    id: uuidString(message.getId()),
    type: metadata.get('type') ?? '',
    contentType: metadata.get('content-type') ?? 'application/octet-stream',
    data: message.getData_asU8(),
    metadata: message.getCustomMetadata_asU8(),
  };
}

function expectedOf(options: AppendReq.Options): Expected {
  const Case = AppendReq.Options.ExpectedStreamRevisionCase;
  switch (options.getExpectedStreamRevisionCase()) {
    case Case.REVISION:
      return { kind: 'revision', revision: Number(options.getRevision()) };
    case Case.NO_STREAM:
      return { kind: 'no_stream' };
    case Case.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    default:
      return { kind: 'any' };
  }
}

function read(log: InMemoryLog, call: ServerWritableStream<ReadReq, ReadResp>): void {
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

function streamName(identifier: StreamIdentifier | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
}

function uuidString(uuid: UUID | undefined): string {
  if (!uuid) return '';
  if (!uuid.hasStructured()) return uuid.getString().toLowerCase();
  const structured = uuid.getStructured()!;
  const hex = (value: string) => (BigInt(value) & MAX_U64).toString(16).padStart(16, '0');
  const [ms, ls] = [hex(structured.getMostSignificantBits()), hex(structured.getLeastSignificantBits())];
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-${ms.slice(12)}-${ls.slice(0, 4)}-${ls.slice(4)}`;
}

function uuidMessage(id: string, form: 'structured' | 'string'): UUID {
  const uuid = new UUID();
  if (form === 'string') return uuid.setString(id);
  const hex = id.replace(/-/g, '');
  const structured = new UUID.Structured();
  structured.setMostSignificantBits(BigInt.asIntN(64, BigInt(`0x${hex.slice(0, 16)}`)).toString());
  structured.setLeastSignificantBits(BigInt.asIntN(64, BigInt(`0x${hex.slice(16)}`)).toString());
  return uuid.setStructured(structured);
}
