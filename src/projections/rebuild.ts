import { EventStore } from '../event-store/event-store.port';
import { AnyProjection } from './projection';
import { ProjectionRunner, RunnerOptions } from './projection-runner';
import { ReadDatabase } from './read-database';

export interface RebuildProgress {
  /** events applied so far */
  events: number;
  /** the last position applied, and the store's last position when the rebuild began (if known) */
  position: number;
  target: number | undefined;
}

/**
 * Drops the named projections (all when none are named), replays the whole store into them and
 * returns once they have caught up with what was stored when it began. Safe while the service
 * runs: its runner's next batch finds the checkpoint moved and resumes from ours.
 */
export async function rebuildProjections(
  store: EventStore,
  db: ReadDatabase,
  projections: AnyProjection[],
  options: { names?: string[]; onProgress?: (progress: RebuildProgress) => void; batchSize?: number; logger?: RunnerOptions['logger'] } = {},
): Promise<{ events: number; seconds: number }> {
  const started = process.hrtime.bigint();
  const target = await store.lastPosition?.();
  let events = 0;
  const chosen = options.names && options.names.length > 0 ? options.names : projections.map((p) => p.name);
  const runner = new ProjectionRunner(store, db, projections, {
    batchSize: options.batchSize,
    logger: options.logger,
    onBatch: (position, count) => {
      events += count;
      options.onProgress?.({ events, position, target });
    },
  });
  runner.select(chosen); // unknown names fail before anything is dropped
  await runner.prepare();
  await runner.reset(chosen);
  runner.start();
  try {
    await runner.settled();
  } finally {
    await runner.stop();
  }
  return { events, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
