import { EventStore, RecordedEvent, UnreadableEventError } from '../event-store/event-store.port';
import { eventHash } from '../platform/hash-chain';

/** The first link of the chain that does not hold: where, and what was expected and found. */
export interface BrokenLink {
  streamId: string;
  revision: number;
  position: number;
  /** hash: the stored hash is not the one recomputed; revision: a gap or repeat in the stream's revisions; unreadable: its JSON no longer parses */
  reason: 'hash' | 'revision' | 'unreadable';
  /** hash: the recomputed hash; revision: the revision that should come next */
  expected: string;
  /** hash: the stored hash (null when missing); revision: the revision found; unreadable: the parse error */
  found: string | null;
}

export interface VerifyResult {
  ok: boolean;
  streams: number;
  events: number;
  /** streams with a broken link (each counted once, at its first) */
  brokenStreams: number;
  firstBroken: BrokenLink | null;
}

interface Link {
  revision: number;
  /** null once the stream is broken: nothing after its first broken link can be checked */
  hash: string | null;
}

/**
 * Recomputes the hash chain of every stream in one pass over `readAll` (in store order each
 * stream's events come in revision order), keeping one last hash per stream: each event's hash
 * must be sha-256 over its predecessor's hash and its own type, data and metadata
 * (`eventHash`, as the pipeline wrote it), and revisions must run 0, 1, 2 … without a gap. An
 * event whose stored JSON no longer parses is a broken link too; the pass reads on after it.
 */
export async function verifyStore(store: EventStore, onProgress?: (events: number, position: number) => void): Promise<VerifyResult> {
  const chains = new Map<string, Link>();
  let events = 0;
  let brokenStreams = 0;
  let firstBroken: BrokenLink | null = null;
  const broken = (link: BrokenLink) => {
    chains.set(link.streamId, { revision: link.revision, hash: null });
    brokenStreams += 1;
    firstBroken ??= link;
  };
  const check = (event: RecordedEvent) => {
    const { streamId, revision, position } = event;
    const previous = chains.get(streamId);
    if (previous && previous.hash === null) {
      previous.revision = revision;
      return;
    }
    const expectedRevision = previous ? previous.revision + 1 : 0;
    if (revision !== expectedRevision) return broken({ streamId, revision, position, reason: 'revision', expected: String(expectedRevision), found: String(revision) });
    const expected = eventHash(previous?.hash ?? null, event.type, event.data, event.metadata);
    const found = typeof event.metadata.hash === 'string' ? event.metadata.hash : null;
    if (found !== expected) return broken({ streamId, revision, position, reason: 'hash', expected, found });
    chains.set(streamId, { revision, hash: expected });
  };

  let after: number | undefined;
  for (;;) {
    try {
      for await (const event of store.readAll({ after })) {
        events += 1;
        after = event.position;
        check(event);
        if (onProgress && events % 10_000 === 0) onProgress(events, event.position);
      }
      break;
    } catch (error) {
      if (!(error instanceof UnreadableEventError)) throw error;
      events += 1;
      after = error.position;
      const link = chains.get(error.streamId);
      if (link && link.hash === null) link.revision = error.revision;
      else broken({ streamId: error.streamId, revision: error.revision, position: error.position, reason: 'unreadable', expected: 'JSON', found: error.reason });
    }
  }
  return { ok: firstBroken === null, streams: chains.size, events, brokenStreams, firstBroken };
}
