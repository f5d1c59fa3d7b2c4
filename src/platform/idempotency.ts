import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { JsonObject } from '../event-store/event-store.port';
import { CommandEnvelope, CommandPipeline } from './command-pipeline';
import { Decider, DomainEvent } from './decider';
import { Problem } from './errors';

type CommandCompleted = DomainEvent<'CommandCompleted', { commandType: string; requestHash: string; result: JsonObject }>;
interface Completion {
  completed?: CommandCompleted['data'];
}

/** One stream per command id, holding the first result; a retry reads it instead of acting again. */
export const idempotencyDecider: Decider<CommandCompleted['data'], CommandCompleted, Completion> = {
  name: 'idempotency',
  initialState: {},
  evolve: (_state, event) => ({ completed: event.data }),
  decide: (command, state) => (state.completed ? [] : [{ type: 'CommandCompleted', data: command }]),
};

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export interface Outcome<R> {
  result: R;
  /** true when this is the stored answer to an earlier try of the same command */
  replayed: boolean;
}

@Injectable()
export class Idempotency {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(private readonly pipeline: CommandPipeline) {}

  /**
   * Runs `work` once per command id (scoped to the caller's organisation). A retry with the same
   * id and the same request gets the first result; the same id with another request is refused.
   * Only client-chosen ids (Idempotency-Key) are kept: only those can come back.
   */
  async run<R extends object>(envelope: CommandEnvelope, request: unknown, work: () => Promise<R>): Promise<Outcome<R>> {
    // a command id the client never saw cannot be retried: nothing to look up, nothing to keep
    if (!envelope.retryable) return { result: await work(), replayed: false };
    const streamId = `idempotency-${sha256(`${envelope.actor.organisationId}\u001f${envelope.commandId}`)}`;
    // a duplicate arriving while the first is still running waits for it
    for (let running = this.inFlight.get(streamId); running; running = this.inFlight.get(streamId)) {
      await running.catch(() => undefined);
    }
    const attempt = this.runOnce(streamId, envelope, request, work);
    this.inFlight.set(streamId, attempt);
    try {
      return await attempt;
    } finally {
      this.inFlight.delete(streamId);
    }
  }

  private async runOnce<R extends object>(
    streamId: string,
    envelope: CommandEnvelope,
    request: unknown,
    work: () => Promise<R>,
  ): Promise<Outcome<R>> {
    // the key belongs to whoever used it first: the same key from another user is another request
    const { userId, role } = envelope.actor;
    const requestHash = sha256(canonicalize({ commandType: envelope.commandType, request, by: { userId, role } }) ?? '');
    const { state } = await this.pipeline.load(idempotencyDecider, streamId);
    if (state.completed) {
      if (state.completed.requestHash !== requestHash) {
        throw new Problem(
          'IDEMPOTENCY-KEY-REUSED',
          422,
          'Idempotency-Key har redan använts för en annan begäran.',
          'This Idempotency-Key was already used for a different request.',
          { commandId: envelope.commandId },
        );
      }
      return { result: state.completed.result as R, replayed: true };
    }
    const result = await work();
    const data = { commandType: envelope.commandType, requestHash, result: result as unknown as JsonObject };
    await this.pipeline.execute(idempotencyDecider, streamId, data, envelope);
    return { result, replayed: false };
  }
}
