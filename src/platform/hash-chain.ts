import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { JsonObject } from '../event-store/event-store.port';

/**
 * Each event's `metadata.hash` is sha-256 over the canonical JSON (RFC 8785) of the previous
 * event's hash in the same stream (null for the first) and this event's type, data and metadata
 * (without the hash itself). Changing any byte of any earlier event breaks every later link.
 */
export function eventHash(previousHash: string | null, type: string, data: JsonObject, metadata: JsonObject): string {
  const { hash: _ignored, ...rest } = metadata;
  const canonical = canonicalize({ previousHash, type, data, metadata: rest });
  if (canonical === undefined) throw new TypeError('event is not JSON');
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export interface ChainedEvent {
  streamId: string;
  revision: number;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
}

export type ChainCheck = { ok: true } | { ok: false; revision: number; expected: string; found: string | undefined };

/** Recomputes a stream's chain; names the first broken link. */
export function verifyChain(events: ChainedEvent[]): ChainCheck {
  let previous: string | null = null;
  for (const event of events) {
    const expected = eventHash(previous, event.type, event.data, event.metadata);
    const found = typeof event.metadata.hash === 'string' ? event.metadata.hash : undefined;
    if (found !== expected) return { ok: false, revision: event.revision, expected, found };
    previous = expected;
  }
  return { ok: true };
}
