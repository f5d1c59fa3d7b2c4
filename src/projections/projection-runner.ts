import { Logger } from '@nestjs/common';
import { Kysely, Transaction } from 'kysely';
import { EventStore, RecordedEvent, Subscription } from '../event-store/event-store.port';
import { AnyProjection } from './projection';
import { ReadDatabase } from './read-database';

interface CheckpointTables {
  projection_checkpoints: { name: string; version: number; position: number | null };
}
const CHECKPOINTS = 'projection_checkpoints';

export interface ProjectionStatus {
  name: string;
  version: number;
  /** the last store position applied; null before the first event */
  position: number | null;
  state: 'running' | 'stopped' | 'retrying';
  lastError: string | null;
}

export interface RunnerOptions {
  /** most events applied in one transaction */
  batchSize?: number;
  /** how long live events wait for more to share their batch (default 20 ms) */
  lingerMs?: number;
  /** called after each committed batch (the rebuild command's progress bar) */
  onBatch?: (position: number, events: number) => void;
  logger?: Pick<Logger, 'log' | 'warn' | 'error'>;
}

/** Another process (a rebuild, a second instance) moved a checkpoint: our batch was rolled back. */
export class CheckpointMoved extends Error {
  constructor(readonly projection: string) {
    super(`checkpoint of projection ${projection} was moved by another process`);
  }
}

/**
 * Feeds every projection from one subscription to all events. A batch is applied to all the
 * projections that have not yet seen it in ONE transaction that also moves each one's checkpoint
 * — with a compare-and-set on the checkpoint first, so two processes can never both apply the
 * same events: the loser rolls back and resumes from what the winner committed.
 */
export class ProjectionRunner {
  private readonly checkpoints = new Map<string, number | null>();
  private subscription: Subscription | undefined;
  private buffer: RecordedEvent[] = [];
  private chain: Promise<void> = Promise.resolve();
  private flushScheduled = false;
  private lingerTimer: NodeJS.Timeout | undefined;
  private running = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryDelayMs = 0;
  private lastError: Error | undefined;
  private readonly waiters = new Set<() => void>();
  private readonly batchSize: number;

  constructor(
    private readonly store: EventStore,
    private readonly db: ReadDatabase,
    readonly projections: AnyProjection[],
    private readonly options: RunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 2000;
  }

  private get writer(): Kysely<CheckpointTables> {
    return this.db.writer as Kysely<CheckpointTables>;
  }

  /** Creates what is missing and rebuilds from zero every projection whose version changed. */
  async prepare(): Promise<void> {
    await this.writer.schema
      .createTable(CHECKPOINTS)
      .ifNotExists()
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('position', 'bigint')
      .execute();
    const rows = await this.writer.selectFrom(CHECKPOINTS).selectAll().execute();
    const stale = this.projections.filter((p) => {
      const row = rows.find((r) => r.name === p.name);
      return !row || row.version !== p.version;
    });
    if (stale.length > 0) {
      for (const p of stale) {
        const row = rows.find((r) => r.name === p.name);
        this.options.logger?.log(
          row ? `projection ${p.name}: version ${row.version} → ${p.version}, rebuilding from zero` : `projection ${p.name}: new, building from zero`,
        );
      }
      await this.reset(stale.map((p) => p.name));
    }
    await this.loadCheckpoints();
  }

  /** Drops the named projections' tables (all when none named) and starts them again from zero. */
  async reset(names?: string[]): Promise<void> {
    const chosen = this.select(names);
    await this.writer.transaction().execute(async (tx) => {
      for (const p of chosen) {
        for (const table of p.tables) await tx.schema.dropTable(table).ifExists().execute();
        await p.createSchema(tx as unknown as Kysely<unknown>);
        await tx
          .insertInto(CHECKPOINTS)
          .values({ name: p.name, version: p.version, position: null })
          .onConflict((oc) => oc.column('name').doUpdateSet({ version: p.version, position: null }))
          .execute();
      }
    });
    for (const p of chosen) this.checkpoints.set(p.name, null);
  }

  select(names?: string[]): AnyProjection[] {
    if (!names || names.length === 0) return this.projections;
    return names.map((name) => {
      const p = this.projections.find((x) => x.name === name);
      if (!p) throw new Error(`no projection named "${name}"; known: ${this.projections.map((x) => x.name).join(', ')}`);
      return p;
    });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.subscribe();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.retryTimer);
    clearTimeout(this.lingerTimer);
    this.flushScheduled = false;
    await this.subscription?.close();
    this.subscription = undefined;
    await this.chain.catch(() => undefined);
  }

  status(): ProjectionStatus[] {
    return this.projections.map((p) => ({
      name: p.name,
      version: p.version,
      position: this.checkpoints.get(p.name) ?? null,
      state: this.running ? (this.retryTimer ? 'retrying' : 'running') : 'stopped',
      lastError: this.lastError?.message ?? null,
    }));
  }

  /** The lowest checkpoint: where the subscription must resume (undefined: from the start). */
  private resumeFrom(): number | undefined {
    let lowest: number | undefined;
    for (const p of this.projections) {
      const position = this.checkpoints.get(p.name);
      if (position === null || position === undefined) return undefined;
      lowest = lowest === undefined ? position : Math.min(lowest, position);
    }
    return lowest;
  }

  /** Resolves once every projection has applied every event stored when it was called. */
  async settled(): Promise<void> {
    let head = await this.store.lastPosition?.();
    if (head === undefined) for await (const event of this.store.readAll({ after: this.resumeFrom() })) head = event.position;
    if (head === undefined) return;
    const target = head;
    while (!this.projections.every((p) => (this.checkpoints.get(p.name) ?? -1) >= target)) {
      if (!this.running) throw new Error('projections are not running');
      await new Promise<void>((resolve) => {
        this.waiters.add(resolve);
        setTimeout(resolve, 50).unref();
      });
    }
  }

  private subscribe(): void {
    const subscription = this.store.subscribeToAll({ after: this.resumeFrom() }, (event) => this.onEvent(event));
    this.subscription = subscription;
    subscription.done.then(
      () => undefined,
      (error: unknown) => this.fail(error, subscription),
    );
  }

  private async onEvent(event: RecordedEvent): Promise<void> {
    this.buffer.push(event);
    if (this.buffer.length >= this.batchSize) return this.flush();
    if (!this.flushScheduled) {
      this.flushScheduled = true;

      const subscription = this.subscription;
      // a short wait gathers the events of concurrent commands into one batch: under load the
      // per-batch cost (a transaction, a checkpoint per projection) is paid once for many events
      this.lingerTimer = setTimeout(() => {
        this.flushScheduled = false;
        this.lingerTimer = undefined;
        this.flush().catch((error: unknown) => subscription && this.fail(error, subscription));
      }, this.options.lingerMs ?? 20);
    }
  }

  private flush(): Promise<void> {
    const events = this.buffer;
    this.buffer = [];
    if (events.length > 0) this.chain = this.chain.then(() => this.applyBatch(events));
    return this.chain;
  }

  private async applyBatch(events: RecordedEvent[]): Promise<void> {
    const advanced = new Map<string, number>();
    await this.writer.transaction().execute(async (tx) => {
      for (const p of this.projections) {
        const from = this.checkpoints.get(p.name) ?? null;
        const mine = from === null || events[0].position > from ? events : events.filter((e) => e.position > from);
        if (mine.length === 0) continue;
        const to = mine[mine.length - 1].position;
        // the checkpoint first: it locks the row, so a competing process waits here, before writing anything
        await this.moveCheckpoint(tx, p, from, to);
        await p.apply(mine, tx as unknown as Transaction<unknown>);
        advanced.set(p.name, to);
      }
    });
    for (const [name, position] of advanced) this.checkpoints.set(name, position);
    this.retryDelayMs = 0;
    this.lastError = undefined;
    this.options.onBatch?.(events[events.length - 1].position, events.length);
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }

  private async moveCheckpoint(tx: Transaction<CheckpointTables>, p: AnyProjection, from: number | null, to: number): Promise<void> {
    let update = tx.updateTable(CHECKPOINTS).set({ position: to }).where('name', '=', p.name).where('version', '=', p.version);
    update = from === null ? update.where('position', 'is', null) : update.where('position', '=', from);
    const result = await update.executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new CheckpointMoved(p.name);
  }

  private async loadCheckpoints(): Promise<void> {
    const rows = await this.writer.selectFrom(CHECKPOINTS).selectAll().execute();
    for (const p of this.projections) {
      const row = rows.find((r) => r.name === p.name && r.version === p.version);
      this.checkpoints.set(p.name, row ? row.position : null);
    }
  }

  /**
   * A batch failed (the database is away, a projection threw, another process moved a checkpoint):
   * nothing of it was committed. Start over from the committed checkpoints after a pause.
   */
  private fail(error: unknown, subscription: Subscription): void {
    if (subscription !== this.subscription || !this.running) return;
    this.subscription = undefined;
    this.buffer = [];
    void subscription.close().then(async () => {
      await this.chain.catch(() => undefined);
      this.chain = Promise.resolve();
      this.restart(error);
    });
  }

  private restart(error: unknown): void {
    if (!this.running) return;
    this.lastError = error instanceof Error ? error : new Error(String(error));
    const moved = error instanceof CheckpointMoved;
    this.retryDelayMs = moved ? 0 : Math.min(30_000, Math.max(250, this.retryDelayMs * 2));
    if (!moved) this.options.logger?.error(`projections stopped: ${this.lastError.message}; retrying in ${this.retryDelayMs} ms`);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.running) return;
      this.prepare().then(
        () => (this.running ? this.subscribe() : undefined),
        (e: unknown) => this.restart(e),
      );
    }, this.retryDelayMs);
    this.retryTimer.unref();
  }
}
