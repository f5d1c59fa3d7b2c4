import { eventHash, verifyChain } from '../../platform/hash-chain';
import { IncludedStream, StreamScope } from './case-history';

/** What re-verifying one included stream from the package's own bytes found (done at export, recorded in PREMIS and the report). */
export interface ChainResult {
  streamId: string;
  scope: StreamScope;
  count: number;
  firstRevision: number;
  lastRevision: number;
  ok: boolean;
  /** the first link that did not verify */
  broken: { revision: number; expected: string; found: string | undefined } | null;
}

/**
 * A whole stream is verified as a chain from its first event. An excerpt is verified link by link:
 * each event's hash against its own content and the hash of the event before it in the stream,
 * which the package carries (`previousHashes`); what lies between two excerpted events is not in the
 * package, so the excerpt proves each event unaltered but not that none is missing between them.
 */
export function checkStream(stream: IncludedStream): ChainResult {
  const { streamId, scope, events } = stream;
  const base = { streamId, scope, count: events.length, firstRevision: events[0]?.revision ?? -1, lastRevision: events[events.length - 1]?.revision ?? -1 };
  if (scope === 'whole') {
    const startsAtZero = events[0]?.revision === 0;
    const check = verifyChain(events);
    if (check.ok && startsAtZero) return { ...base, ok: true, broken: null };
    const broken = check.ok ? { revision: events[0]?.revision ?? 0, expected: 'revision 0', found: `revision ${events[0]?.revision}` } : check;
    return { ...base, ok: false, broken: { revision: broken.revision, expected: broken.expected, found: broken.found } };
  }
  for (const event of events) {
    const previous = stream.previousHashes[String(event.revision)] ?? null;
    const expected = eventHash(previous, event.type, event.data, event.metadata);
    const found = typeof event.metadata.hash === 'string' ? event.metadata.hash : undefined;
    if (found !== expected) return { ...base, ok: false, broken: { revision: event.revision, expected, found } };
  }
  return { ...base, ok: true, broken: null };
}
