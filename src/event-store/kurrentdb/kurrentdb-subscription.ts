import { AllStreamSubscription, KurrentDBClient, excludeSystemEvents } from '@kurrent/kurrentdb-client';
import { EventHandler, Subscription } from '../event-store.port';
import { fromPosition, isSystemEvent, toRecorded } from './kurrentdb-mapping';

/**
 * A catch-up-then-live subscription to $all. The server does catch-up, the switch to live and
 * system-event filtering; this loop adds the port's guarantees on top:
 *
 * - backpressure: events are pulled from the stream one at a time, after the handler's promise
 *   resolves, so the client's buffer fills and the server stops sending while a handler is slow;
 * - exactly once after the checkpoint: anything at or before the last delivered position is
 *   dropped, whatever the server resends;
 * - a throwing handler, or the server dropping the subscription, rejects `done`.
 */
export function subscribeToAll(client: KurrentDBClient, after: number | undefined, handler: EventHandler): Subscription {
  let closed = false;
  const source: AllStreamSubscription = client.subscribeToAll({
    fromPosition: fromPosition(after),
    filter: excludeSystemEvents(),
  });
  // the loop below sees every error while it runs; this keeps one that arrives after teardown
  // (the client emits them directly) from becoming an uncaught exception
  source.on('error', () => undefined);

  const run = async (): Promise<void> => {
    let checkpoint = after ?? -1;
    try {
      for await (const resolved of source) {
        if (closed) return;
        const event = toRecorded(resolved.event);
        if (event.position <= checkpoint) continue;
        checkpoint = event.position;
        if (isSystemEvent(event)) continue;
        await handler(event);
      }
      if (!closed) throw new Error('KurrentDB ended the $all subscription');
    } catch (error) {
      // after close() the stream is torn down under the loop; that is the expected way out
      if (!closed) throw error;
    } finally {
      // without this the server keeps streaming to a subscription nobody reads
      await source.unsubscribe().catch(() => undefined);
    }
  };

  const done = run();
  // callers that never await `done` must not crash the process with an unhandled rejection
  done.catch(() => undefined);
  return {
    done,
    async close() {
      if (!closed) {
        closed = true;
        // the client does not end the stream when its call is cancelled, so end it here
        source.destroy();
      }
      await done.catch(() => undefined);
    },
  };
}
