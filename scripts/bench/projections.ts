import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_PROJECTIONS } from '../../src/projections/all-projections';
import { runPhase } from './children';
import { generateStore, GeneratedStore } from './history';
import type { PhaseResult } from './phase';

export const REBUILD_GOAL_RATIO = 0.5;
export const REBUILD_GOAL_RSS_MB = 300;

export interface RebuildResult extends PhaseResult {
  /** eventsPerSecond / the read-all ceiling of the same store */
  ratioToReadAll: number;
}

export interface ProjectionBench {
  database: 'sqlite' | 'postgres';
  /** where the read models went (PostgreSQL: URL without credentials, schema dropped afterwards) */
  target: string;
  store: { events: number; copies: number; templateEvents: number; generationSeconds: number; reused: boolean };
  /** raw read-all of the same store, before the rebuilds and after them */
  readAll: PhaseResult[];
  /** the faster read-all: the ceiling the rebuilds are compared to */
  readAllCeiling: number;
  rebuildAll: RebuildResult;
  /** each projection rebuilt alone (name → result), when BENCH_PER_PROJECTION is not 0 */
  perProjection: Array<{ name: string } & RebuildResult>;
  goalRatio: number;
  goalRssMb: number;
  goalRatioMet: boolean;
  goalRssMet: boolean;
}

export interface ProjectionBenchOptions {
  events: number;
  perProjection: boolean;
  /** events per rebuild transaction; the runner's default when absent */
  batchSize?: number;
  /** PostgreSQL for the read models; SQLite in the store's DATA_DIR when absent */
  databaseUrl?: string;
}

const safeUrl = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@');

/**
 * Generates the store, then measures, each in a child process of its own: the raw read-all, the
 * rebuild of every projection, the raw read-all again, and (optionally) each projection alone.
 */
export async function projectionBench(options: ProjectionBenchOptions): Promise<ProjectionBench> {
  const database = options.databaseUrl ? 'postgres' : 'sqlite';
  console.error(`${database}: generating ≥ ${options.events.toLocaleString('en-US')} events (seed-003 copies) …`);
  const store = await generateStore({ minEvents: options.events }, 'per-copy');
  try {
    const expectedEvents = store.events;
    const readAll = async (when: string) => {
      console.error(`${database}: raw read-all (${when}) …`);
      return runPhase({ kind: 'read-all', eventsFile: store.eventsFile, expectedEvents });
    };
    const rebuild = async (label: string, projections?: string[]) => {
      console.error(`${database}: rebuild ${label} …`);
      const dataDir = join(store.dataDir, `read-models-${label}`);
      const schema = `bench_${label.replace(/\W/g, '_')}_${process.pid}_${Date.now()}`;
      try {
        return await runPhase({
          kind: 'rebuild',
          eventsFile: store.eventsFile,
          dataDir,
          projections,
          expectedEvents,
          batchSize: options.batchSize,
          ...(options.databaseUrl ? { databaseUrl: options.databaseUrl, databaseSchema: schema } : {}),
        });
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    };
    const before = await readAll('before');
    const all = await rebuild('all');
    const after = await readAll('after');
    const ceiling = Math.max(before.eventsPerSecond, after.eventsPerSecond);
    const rated = (r: PhaseResult): RebuildResult => ({ ...r, ratioToReadAll: r.eventsPerSecond / ceiling });
    const perProjection: ProjectionBench['perProjection'] = [];
    if (options.perProjection) {
      for (const { name } of ALL_PROJECTIONS) perProjection.push({ name, ...rated(await rebuild(name, [name])) });
    }
    const rebuildAll = rated(all);
    return {
      database,
      target: options.databaseUrl ? `${safeUrl(options.databaseUrl)} (a fresh schema per rebuild, dropped afterwards)` : 'SQLite read-models.db in the store\'s DATA_DIR',
      store: summary(store),
      readAll: [before, after],
      readAllCeiling: ceiling,
      rebuildAll,
      perProjection,
      goalRatio: REBUILD_GOAL_RATIO,
      goalRssMb: REBUILD_GOAL_RSS_MB,
      goalRatioMet: rebuildAll.ratioToReadAll >= REBUILD_GOAL_RATIO,
      goalRssMet: rebuildAll.peakRssMb < REBUILD_GOAL_RSS_MB,
    };
  } finally {
    store.cleanup();
  }
}

function summary(store: GeneratedStore): ProjectionBench['store'] {
  return { events: store.events, copies: store.copies, templateEvents: store.templateEvents, generationSeconds: store.seconds, reused: store.reused };
}
