import { EventHandler, RecordedEvent, Subscription } from './event-store.port';

export interface PollingSubscriptionOptions {
  /** checkpoint, exclusive */
  after: number;
  /** the next page of events after a position, in global order; empty when caught up */
  readPage: (after: number) => Promise<RecordedEvent[]>;
  /** registers a wake-up for new commits; returns the unregister function */
  onCommit: (wake: () => void) => () => void;
  handler: EventHandler;
  /** how often to look for commits made by other processes */
  pollMs?: number;
}

/**
 * Catch-up-then-live subscription over a store that can read "all events after position p".
 * Because it always resumes from the last delivered position, catch-up and live delivery are one
 * loop and no event can be skipped or delivered twice.
 */
export function startPollingSubscription(options: PollingSubscriptionOptions): Subscription {
  let closed = false;
  let wakeUp: (() => void) | undefined;
  let dirty = false;
  const unregister = options.onCommit(() => {
    dirty = true;
    wakeUp?.();
  });

  const run = async (): Promise<void> => {
    let after = options.after;
    try {
      while (!closed) {
        dirty = false;
        const page = await options.readPage(after);
        for (const event of page) {
          if (closed) return;
          await options.handler(event);
          after = event.position;
        }
        if (page.length > 0 || dirty) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, options.pollMs ?? 500);
          wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wakeUp = undefined;
      }
    } finally {
      unregister();
    }
  };

  const done = run();
  // callers that never await `done` must not crash the process with an unhandled rejection
  done.catch(() => undefined);
  return {
    done,
    async close() {
      closed = true;
      wakeUp?.();
      await done.catch(() => undefined);
    },
  };
}
