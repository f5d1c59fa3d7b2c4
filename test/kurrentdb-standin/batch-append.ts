/**
 * Streams.BatchAppend, the append the client prefers whenever the server lists it. One long-lived
 * bidirectional call per client carries all of that client's appends, interleaved: each append is
 * tagged with a correlation id and sent as one or more chunks (options on the first, `is_final` on
 * the last), and gets exactly one answer with the same id. Answers are shaped as the server's
 * (Streams.BatchAppend.cs): a success with revision and position, or an `error` google.rpc.Status
 * whose packed details the client turns into its own error classes.
 */
import { ServerDuplexStream } from '@grpc/grpc-js';
import { Message } from 'google-protobuf';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty } from 'google-protobuf/google/protobuf/empty_pb';
import { BatchAppendReq, BatchAppendResp } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb';
import {
  AllStreamPosition,
  BadRequest as BadRequestDetails,
  Timeout,
  UUID,
  WrongExpectedVersion,
} from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb';
import { Status } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/status_pb';
import { Code } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/code_pb';
import { Expected, InMemoryLog, ProposedEvent } from './in-memory-log';
import { BadRequest, proposed, streamIdentifier, streamName, uuidString } from './protocol';

interface PendingAppend {
  streamId: string;
  expected: Expected;
  /** ms since the epoch; an append not finished before it is answered with Timeout, not written */
  deadline: number;
  events: ProposedEvent[];
}

export function batchAppend(log: InMemoryLog, call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void {
  const pending = new Map<string, PendingAppend>();
  const answer = (correlationId: UUID | undefined, streamId: string, result: BatchAppendResp.Success | Status) => {
    // the client cancels its call on dispose while an answer may still be on its way
    if (call.cancelled) return;
    const response = new BatchAppendResp();
    response.setCorrelationId(correlationId);
    // the client reads the stream name off every error answer without checking it is there
    response.setStreamIdentifier(streamIdentifier(streamId));
    if (result instanceof Status) response.setError(result);
    else response.setSuccess(result);
    call.write(response);
  };
  call.on('data', (request: BatchAppendReq) => {
    const correlationId = request.getCorrelationId();
    const key = uuidString(correlationId);
    let write = pending.get(key);
    try {
      if (!write) {
        const options = request.getOptions();
        // a real node drops such a chunk silently; answering it keeps a broken client from hanging
        if (!options) throw new BadRequest(`append ${key} did not start with its options`);
        write = started(options);
        pending.set(key, write);
      }
      write.events.push(...request.getProposedMessagesList().map(proposed));
    } catch (error) {
      if (!(error instanceof BadRequest)) throw error;
      pending.delete(key);
      answer(correlationId, write?.streamId ?? streamName(request.getOptions()?.getStreamIdentifier()), badRequest(error.message));
      return;
    }
    if (!request.getIsFinal()) return;
    pending.delete(key);
    answer(correlationId, write.streamId, commit(log, write));
  });
  call.on('error', () => undefined);
  // appends whose final chunk never came are dropped, as on a real node
  call.on('end', () => call.end());
}

function started(options: BatchAppendReq.Options): PendingAppend {
  if (!options.hasStreamIdentifier()) throw new BadRequest('Required field StreamIdentifier not set.');
  return {
    streamId: streamName(options.getStreamIdentifier()),
    expected: expectedOf(options),
    deadline: deadlineOf(options),
    events: [],
  };
}

function commit(log: InMemoryLog, write: PendingAppend): BatchAppendResp.Success | Status {
  if (Date.now() >= write.deadline) return status(Code.DEADLINE_EXCEEDED, 'Timeout', 'event_store.client.Timeout', new Timeout());
  if (write.events.length === 0) {
    // unrecognised details make the client raise UnknownError quoting this message
    const what = 'the KurrentDB stand-in does not implement empty appends';
    return status(Code.UNIMPLEMENTED, what, 'google.protobuf.Empty', new Empty());
  }
  const outcome = log.append(write.streamId, write.expected, write.events);
  if (!outcome.ok) return wrongExpectedVersion(outcome.current, write.expected);
  const success = new BatchAppendResp.Success();
  success.setCurrentRevision(String(outcome.lastRevision));
  success.setPosition(
    new AllStreamPosition().setCommitPosition(String(outcome.position)).setPreparePosition(String(outcome.position)),
  );
  return success;
}

/** The client unpacks these details into WrongExpectedVersionError (streamName, expectedState, actualState). */
function wrongExpectedVersion(current: number | 'no_stream', expected: Expected): Status {
  const details = new WrongExpectedVersion();
  if (current === 'no_stream') details.setCurrentNoStream(new Empty());
  else details.setCurrentStreamRevision(String(current));
  if (expected.kind === 'revision') details.setExpectedStreamPosition(String(expected.revision));
  else if (expected.kind === 'no_stream') details.setExpectedNoStream(new Empty());
  else if (expected.kind === 'stream_exists') details.setExpectedStreamExists(new Empty());
  else details.setExpectedAny(new Empty());
  return status(Code.ALREADY_EXISTS, 'WrongExpectedVersion', 'event_store.client.WrongExpectedVersion', details);
}

/**
 * The node's status message is just "BadRequest"; the stand-in puts the reason there too, because
 * the client reports only the status message (as UnknownError) for details it does not know.
 */
function badRequest(reason: string): Status {
  return status(Code.INVALID_ARGUMENT, reason, 'event_store.client.BadRequest', new BadRequestDetails().setMessage(reason));
}

function status(code: Code, message: string, typeName: string, details: Message): Status {
  const any = new Any();
  any.pack(details.serializeBinary(), typeName);
  return new Status().setCode(code).setMessage(message).setDetails(any);
}

function expectedOf(options: BatchAppendReq.Options): Expected {
  const Case = BatchAppendReq.Options.ExpectedStreamPositionCase;
  switch (options.getExpectedStreamPositionCase()) {
    case Case.STREAM_POSITION:
      return { kind: 'revision', revision: Number(options.getStreamPosition()) };
    case Case.NO_STREAM:
      return { kind: 'no_stream' };
    case Case.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    case Case.ANY:
      return { kind: 'any' };
    default:
      throw new BadRequest('expected_stream_position not set');
  }
}

/** 21.10 clients send an absolute deadline; later ones may send a duration ("deadline_duration"). */
function deadlineOf(options: BatchAppendReq.Options): number {
  const Case = BatchAppendReq.Options.DeadlineOptionCase;
  switch (options.getDeadlineOptionCase()) {
    case Case.DEADLINE: {
      const duration = options.getDeadline()!;
      return Date.now() + duration.getSeconds() * 1_000 + duration.getNanos() / 1e6;
    }
    case Case.DEADLINE_21_10_0:
      return options.getDeadline21100()!.toDate().getTime();
    default:
      return Infinity;
  }
}
