/**
 * Streams.Append, the client-streaming append: one call per append, options first, then one
 * message per event. The client uses it when the server does not list BatchAppend.
 */
import { ServerReadableStream, sendUnaryData, status } from '@grpc/grpc-js';
import { AppendReq, AppendResp } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb';
import { Empty } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb';
import { Expected, InMemoryLog, ProposedEvent } from './in-memory-log';
import { BadRequest, fail, proposed, streamName } from './protocol';

export function append(
  log: InMemoryLog,
  call: ServerReadableStream<AppendReq, AppendResp>,
  callback: sendUnaryData<AppendResp>,
): void {
  let header: AppendReq.Options | undefined;
  const events: ProposedEvent[] = [];
  let broken: string | undefined;
  call.on('data', (request: AppendReq) => {
    if (request.hasOptions()) header = request.getOptions();
    else if (request.hasProposedMessage() && header) {
      try {
        events.push(proposed(request.getProposedMessage()!));
      } catch (error) {
        if (!(error instanceof BadRequest)) throw error;
        broken ??= error.message;
      }
    } else broken ??= 'an append must start with its options';
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
