import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
} from '@kurrent/kurrentdb-client';
import {
  AppendResult,
  EventHandler,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  WrongExpectedRevisionError,
} from '../event-store.port';
import { validateAppend } from '../append-validation';
import { OpenSubscriptions } from '../open-subscriptions';
import { fromPosition, isSystemEvent, toRecorded, toSafeNumber, toStreamState } from './kurrentdb-mapping';
import { subscribeToAll } from './kurrentdb-subscription';

export interface KurrentDbEventStoreOptions {
  /** events per $all read request */
  pageSize?: number;
}

/**
 * The event store on a KurrentDB server. Streams, revisions, ids, types, JSON data and metadata
 * map 1:1; `position` is the event's commit position in $all and `recordedAt` its `created` time.
 *
 * Concurrency checks and retries are the server's: it refuses a wrong expected revision, and it
 * answers a re-sent append (same ids, same stream, an expectation that would have put them where
 * they are) with the original result instead of writing twice.
 *
 * Differences from the SQLite adapter, all from the server:
 * - an event id already used in another stream is not refused (KurrentDB has no global id
 *   index), so DuplicateEventIdError is never thrown; a re-append that matches only partly is
 *   refused as a WrongExpectedRevisionError;
 * - a retry with `any` / `stream_exists` is recognised from the server's cache of recent ids, so a
 *   very late retry with those expectations can write the events a second time.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly client: KurrentDBClient;
  private readonly pageSize: number;
  private readonly subscriptions = new OpenSubscriptions();
  private closed = false;

  /** @param connectionString e.g. `kurrentdb://kurrentdb:2113?tls=false` (env KURRENTDB_URL) */
  constructor(connectionString: string, options: KurrentDbEventStoreOptions = {}) {
    this.client = KurrentDBClient.connectionString(connectionString);
    this.pageSize = options.pageSize ?? 1000;
  }

  async append(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.closed) throw new Error('event store is closed');
    validateAppend(streamId, events, expected);
    const proposed = events.map(({ id, type, data, metadata }) => jsonEvent({ id, type, data, metadata }));
    const result = await this.client
      .appendToStream(streamId, proposed, { streamState: toStreamState(expected) })
      .catch((error: unknown) => {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        const actual = error.actualState;
        throw new WrongExpectedRevisionError(
          streamId,
          expected,
          typeof actual === 'bigint' ? toSafeNumber(actual, 'revision') : 'no_stream',
        );
      });
    const nextExpectedRevision = toSafeNumber(result.nextExpectedRevision, 'revision');
    // a server may answer a recognised retry without a position (older versions always do)
    const position = result.position
      ? toSafeNumber(result.position.commit, 'position')
      : (await this.readStream(streamId, { direction: 'backwards', fromRevision: nextExpectedRevision, maxCount: 1 }))[0]
          .position;
    return { nextExpectedRevision, position };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const out: RecordedEvent[] = [];
    if (options.maxCount === 0) return out;
    try {
      for await (const resolved of this.client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision),
        maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
      })) {
        out.push(toRecorded(resolved.event));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return out;
  }

  /**
   * Pages through $all with the server filtering out system events. A read from a position
   * includes the event at that position, so each page after the first asks for one more event
   * and drops the one it resumed from.
   */
  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    let after = options.after;
    let remaining = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    while (remaining > 0) {
      const requested = Math.min(this.pageSize, remaining) + (after === undefined ? 0 : 1);
      let received = 0;
      for await (const resolved of this.client.readAll({
        fromPosition: fromPosition(after),
        maxCount: requested,
        filter: excludeSystemEvents(),
      })) {
        received++;
        const event = toRecorded(resolved.event);
        if (after !== undefined && event.position <= after) continue;
        after = event.position;
        if (isSystemEvent(event)) continue;
        yield event;
        if (--remaining === 0) return;
      }
      if (received < requested) return;
    }
  }

  subscribeToAll(options: SubscribeOptions, handler: EventHandler): Subscription {
    if (this.closed) throw new Error('event store is closed');
    const subscription = subscribeToAll(this.client, options.after, handler);
    return this.subscriptions.track(subscription);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.subscriptions.closeAll();
    await this.client.dispose();
  }
}
