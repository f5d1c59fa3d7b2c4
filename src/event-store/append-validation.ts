import { EventToAppend, ExpectedRevision } from './event-store.port';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks every adapter makes before it touches storage; a programming error, never a user error. */
export function validateAppend(streamId: string, events: EventToAppend[], expected: ExpectedRevision): void {
  if (!streamId || streamId.startsWith('$')) throw new TypeError(`invalid stream id: ${JSON.stringify(streamId)}`);
  if (events.length === 0) throw new TypeError('an append needs at least one event');
  if (typeof expected === 'number' && (!Number.isSafeInteger(expected) || expected < 0)) {
    throw new TypeError(`invalid expected revision: ${expected}`);
  }
  const ids = new Set<string>();
  for (const event of events) {
    if (!UUID.test(event.id)) throw new TypeError(`event id must be a uuid: ${event.id}`);
    if (ids.has(event.id)) throw new TypeError(`event id twice in one append: ${event.id}`);
    ids.add(event.id);
    if (!event.type) throw new TypeError('event type is required');
  }
}
