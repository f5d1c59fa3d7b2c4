/**
 * The stand-in's storage: one in-memory transaction log with KurrentDB's write rules.
 *
 * Positions are log offsets, not counters: each record advances the log by roughly its size, so
 * positions are strictly increasing but not dense, as on a real server. A record written by the
 * current server versions is its own commit (commit position = prepare position = its offset).
 */

export type Expected =
  | { kind: 'any' }
  | { kind: 'no_stream' }
  | { kind: 'stream_exists' }
  | { kind: 'revision'; revision: number };

export interface ProposedEvent {
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  metadata: Uint8Array;
}

export interface StoredEvent extends ProposedEvent {
  streamId: string;
  revision: number;
  position: number;
  /** .NET ticks (100 ns) since the Unix epoch, as the server puts it in the "created" metadata key */
  createdTicks: bigint;
}

export type AppendOutcome =
  | { ok: true; lastRevision: number; position: number }
  | { ok: false; current: number | 'no_stream' };

/** The first record of a fresh KurrentDB log does not sit at 0 either. */
const FIRST_POSITION = 1_024;
const RECORD_OVERHEAD = 128;
const TICKS_PER_MS = 10_000n;

export class InMemoryLog {
  private readonly all: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  /** event id -> where it was last written; the server keeps the same map (as a cache) for `any` retries */
  private readonly committed = new Map<string, { streamId: string; revision: number }>();
  private readonly listeners = new Set<() => void>();
  private nextPosition = FIRST_POSITION;

  get length(): number {
    return this.all.length;
  }

  at(index: number): StoredEvent {
    return this.all[index];
  }

  /** index of the first event at or after `position` (binary search: positions are sorted) */
  indexAtOrAfter(position: number): number {
    let lo = 0;
    let hi = this.all.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.all[mid].position < position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  stream(streamId: string): StoredEvent[] | undefined {
    return this.streams.get(streamId);
  }

  onCommit(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** `events` is never empty: the stand-in refuses empty appends before they get here */
  append(streamId: string, expected: Expected, events: ProposedEvent[]): AppendOutcome {
    const existing = this.streams.get(streamId);
    const current = existing ? existing.length - 1 : -1;
    const decision = this.checkCommit(streamId, expected, events, current);
    if (decision.kind === 'wrong') return { ok: false, current: current < 0 ? 'no_stream' : current };
    if (decision.kind === 'idempotent') {
      const last = existing![decision.lastRevision];
      return { ok: true, lastRevision: last.revision, position: last.position };
    }
    const stream = existing ?? [];
    this.streams.set(streamId, stream);
    const createdTicks = BigInt(Date.now()) * TICKS_PER_MS;
    let last!: StoredEvent;
    for (const event of events) {
      last = { ...event, streamId, revision: stream.length, position: this.nextPosition, createdTicks };
      this.nextPosition += RECORD_OVERHEAD + streamId.length + event.type.length + event.data.length + event.metadata.length;
      stream.push(last);
      this.all.push(last);
      this.committed.set(event.id, { streamId, revision: last.revision });
    }
    for (const listener of this.listeners) listener();
    return { ok: true, lastRevision: last.revision, position: last.position };
  }

  /**
   * The server's commit check (IndexWriter.CheckCommit): an exact expectation behind the head is a
   * retry if the same ids sit right after it; `any` / `stream_exists` is a retry if every id is
   * already in this stream. A half-matching retry is refused as a wrong expected version.
   */
  private checkCommit(
    streamId: string,
    expected: Expected,
    events: ProposedEvent[],
    current: number,
  ): { kind: 'ok' } | { kind: 'wrong' } | { kind: 'idempotent'; lastRevision: number } {
    if (expected.kind === 'stream_exists' && current < 0) return { kind: 'wrong' };
    if (expected.kind === 'any' || expected.kind === 'stream_exists') {
      let lastRevision = -1;
      for (const [i, event] of events.entries()) {
        const seen = this.committed.get(event.id);
        if (!seen || seen.streamId !== streamId) return i === 0 ? { kind: 'ok' } : { kind: 'wrong' };
        lastRevision = seen.revision;
      }
      return { kind: 'idempotent', lastRevision };
    }
    const expectedRevision = expected.kind === 'no_stream' ? -1 : expected.revision;
    if (expectedRevision > current) return { kind: 'wrong' };
    if (expectedRevision === current) return { kind: 'ok' };
    const stream = this.streams.get(streamId)!;
    for (const [i, event] of events.entries()) {
      if (stream[expectedRevision + 1 + i]?.id !== event.id) return { kind: 'wrong' };
    }
    return { kind: 'idempotent', lastRevision: expectedRevision + events.length };
  }
}
