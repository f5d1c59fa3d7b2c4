import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import {
  DuplicateEventIdError,
  EVENT_STORE,
  EventStore,
  EventToAppend,
  JsonObject,
  WrongExpectedRevisionError,
} from '../event-store/event-store.port';
import { Actor } from './actor';
import { CLOCK, Clock } from './clock';
import { Decider, DomainEvent } from './decider';
import { ConcurrencyConflict, Problem } from './errors';
import { eventHash } from './hash-chain';
import { deterministicId } from './ids';

/** Who asked, and why: recorded in the metadata of every event the command causes. */
export interface CommandEnvelope {
  commandId: string;
  /** true when the client chose the command id (Idempotency-Key) and so can retry with it */
  retryable?: boolean;
  commandType: string;
  actor: Actor;
  correlationId: string;
  causationId: string;
}

export interface Folded<State> {
  /** revision of the last event folded; -1 for a stream that does not exist */
  revision: number;
  state: State;
  lastHash: string | null;
}

export interface CommandResult<Event, State> {
  streamId: string;
  /** the events this command appended ([] when it changed nothing) */
  events: Event[];
  state: State;
  /** revision of the stream after the command */
  revision: number;
}

type AnyDecider = Decider<unknown, DomainEvent, unknown>;

interface Job {
  decider: AnyDecider;
  command: unknown;
  envelope: CommandEnvelope;
  resolve: (result: CommandResult<DomainEvent, unknown>) => void;
  reject: (error: unknown) => void;
}

export const PIPELINE_OPTIONS = Symbol('PIPELINE_OPTIONS');
export interface PipelineOptions {
  /** attempts on a conflict with another writer before answering 409 */
  maxAttempts: number;
  /** folded streams kept in memory; only durable state is ever cached */
  cachedStreams: number;
  /** most queued commands of one stream decided together and appended as one */
  maxBatch: number;
}
export const defaultPipelineOptions: PipelineOptions = { maxAttempts: 5, cachedStreams: 10_000, maxBatch: 500 };

/**
 * The one command pipeline: load the stream → fold with `evolve` → `decide` → append with the
 * expected revision. Commands for the same stream queue up in this process and are decided one
 * after another on the state each leaves; the queued batch is appended at once, guarded by the
 * revision the batch was decided on, so another process's write makes the whole batch retry.
 */
@Injectable()
export class CommandPipeline {
  private readonly queues = new Map<string, Job[]>();
  private readonly cache: LRUCache<string, Folded<unknown> & { decider: string }>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PIPELINE_OPTIONS) private readonly options: PipelineOptions,
  ) {
    this.cache = new LRUCache({ max: options.cachedStreams });
  }

  execute<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    command: C,
    envelope: CommandEnvelope,
  ): Promise<CommandResult<E, S>> {
    return new Promise((resolve, reject) => {
      const job: Job = {
        decider: decider as unknown as AnyDecider,
        command,
        envelope,
        resolve: resolve as Job['resolve'],
        reject,
      };
      const queue = this.queues.get(streamId);
      if (queue) {
        queue.push(job);
        return;
      }
      this.queues.set(streamId, [job]);
      void this.drain(streamId);
    });
  }

  /** The stream folded as it is durably stored now (reads whatever the cache has not seen). */
  async load<S>(decider: Decider<unknown, DomainEvent, S> | Decider<never, DomainEvent, S>, streamId: string): Promise<Folded<S>> {
    const base: Folded<S> = this.cached(decider, streamId) ?? { revision: -1, state: decider.initialState, lastHash: null };
    const events = await this.store.readStream(streamId, { fromRevision: base.revision + 1 });
    let state = base.state;
    for (const event of events) {
      const version = typeof event.metadata.schemaVersion === 'number' ? event.metadata.schemaVersion : 1;
      const data = decider.upcast ? decider.upcast(event.type, version, event.data) : event.data;
      state = (decider.evolve as (s: S, e: DomainEvent) => S)(state, { type: event.type, data });
    }
    const last = events[events.length - 1];
    const folded: Folded<S> = last
      ? { revision: last.revision, state, lastHash: typeof last.metadata.hash === 'string' ? last.metadata.hash : null }
      : base;
    this.cache.set(streamId, { ...(folded as Folded<unknown>), decider: decider.name });
    return folded;
  }

  private cached<S>(decider: { name: string }, streamId: string): Folded<S> | undefined {
    const cached = this.cache.get(streamId);
    return cached && cached.decider === decider.name ? (cached as unknown as Folded<S>) : undefined;
  }

  private async drain(streamId: string): Promise<void> {
    const queue = this.queues.get(streamId)!;
    while (queue.length > 0) {
      const batch = queue.splice(0, this.options.maxBatch);
      // runBatch settles every job itself; this only keeps a bug from leaving the stream's queue stuck
      await this.runBatch(streamId, batch).catch((error: unknown) => batch.forEach((job) => job.reject(error)));
    }
    this.queues.delete(streamId);
  }

  private async runBatch(streamId: string, jobs: Job[]): Promise<void> {
    const decider = jobs[0].decider;
    let batch = jobs;
    let readFirst = false;
    for (let attempt = 1; ; attempt++) {
      // Optimistic: decide on the cached state without reading; the expected revision of the
      // append catches a stale cache (another process wrote), and then we re-read and retry.
      const cached = readFirst ? undefined : this.cached<unknown>(decider, streamId);
      let folded: Folded<unknown>;
      try {
        folded = cached ?? (await this.load(decider, streamId));
      } catch (error) {
        batch.forEach((job) => job.reject(error));
        return;
      }
      const now = this.clock.now();
      let { state, lastHash } = folded;
      const toAppend: EventToAppend[] = [];
      const outcomes: Array<{ job: Job; events: DomainEvent[]; state: unknown; revision: number } | { job: Job; error: unknown }> = [];
      for (const job of batch) {
        try {
          if (job.decider.name !== decider.name) throw new Error(`stream ${streamId} belongs to ${decider.name}`);
          const events = job.decider.decide(job.command, state, { actor: job.envelope.actor, now });
          events.forEach((event, i) => {
            const stored = this.toStored(decider, streamId, event, i, job.envelope, now, lastHash);
            lastHash = stored.metadata.hash as string;
            toAppend.push(stored);
            state = decider.evolve(state, event);
          });
          outcomes.push({ job, events, state, revision: folded.revision + toAppend.length });
        } catch (error) {
          outcomes.push({ job, error });
        }
      }
      // a refusal or a no-op appends nothing, so no revision check guards it: never answer one from the cache alone
      if (cached && outcomes.some((o) => 'error' in o || o.events.length === 0)) {
        readFirst = true;
        attempt--;
        continue;
      }
      try {
        if (toAppend.length > 0) {
          const expected = folded.revision === -1 ? 'no_stream' : folded.revision;
          const result = await this.store.append(streamId, toAppend, expected);
          this.cache.set(streamId, { revision: result.nextExpectedRevision, state, lastHash, decider: decider.name });
        }
      } catch (error) {
        this.cache.delete(streamId);
        if (error instanceof WrongExpectedRevisionError || error instanceof DuplicateEventIdError) {
          const replayed = await this.resolveReplays(decider, streamId, batch).catch((): Job[] => []);
          if (replayed.length > 0) {
            batch = batch.filter((job) => !replayed.includes(job));
            if (batch.length === 0) return;
            readFirst = true;
            continue;
          }
        }
        if (error instanceof WrongExpectedRevisionError && attempt < this.options.maxAttempts) continue;
        const failure =
          error instanceof WrongExpectedRevisionError
            ? new ConcurrencyConflict(streamId, attempt)
            : error instanceof DuplicateEventIdError
              ? new Problem(
                  'COMMAND-ALREADY-APPLIED',
                  409,
                  'Kommandot är redan utfört med ett annat resultat.',
                  'This command was already applied with a different outcome.',
                  { streamId },
                )
              : error;
        for (const outcome of outcomes) outcome.job.reject('error' in outcome ? outcome.error : failure);
        return;
      }
      for (const outcome of outcomes) {
        if ('error' in outcome) outcome.job.reject(outcome.error);
        else outcome.job.resolve({ streamId, events: outcome.events, state: outcome.state, revision: outcome.revision });
      }
      return;
    }
  }

  /**
   * A retried command (client-chosen id) whose events are already in the stream — it succeeded
   * before a crash took its answer away, and the stream has moved on since — is answered with the
   * stream as it is now instead of being decided again (which would conflict forever, its event
   * ids being taken). Its first event's id, derived from the command id, is the proof.
   */
  private async resolveReplays(decider: AnyDecider, streamId: string, batch: Job[]): Promise<Job[]> {
    const retryable = batch.filter((job) => job.envelope.retryable);
    if (retryable.length === 0) return [];
    const stored = new Set((await this.store.readStream(streamId)).map((event) => event.id));
    const applied = retryable.filter((job) => stored.has(deterministicId(job.envelope.commandId, streamId, '0')));
    if (applied.length === 0) return [];
    const fresh = await this.load(decider, streamId);
    for (const job of applied) job.resolve({ streamId, events: [], state: fresh.state, revision: fresh.revision });
    return applied;
  }

  private toStored(
    decider: AnyDecider,
    streamId: string,
    event: DomainEvent,
    index: number,
    envelope: CommandEnvelope,
    now: Date,
    previousHash: string | null,
  ): EventToAppend {
    const data = event.data as JsonObject;
    const metadata: JsonObject = {
      schemaVersion: decider.schemaVersions?.[event.type] ?? 1,
      commandId: envelope.commandId,
      commandType: envelope.commandType,
      correlationId: envelope.correlationId,
      causationId: envelope.causationId,
      actor: { ...envelope.actor },
      occurredAt: now.toISOString(),
    };
    metadata.hash = eventHash(previousHash, event.type, data, metadata);
    return { id: deterministicId(envelope.commandId, streamId, String(index)), type: event.type, data, metadata };
  }
}
