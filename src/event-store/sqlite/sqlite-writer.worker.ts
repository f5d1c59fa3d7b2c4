import { parentPort, workerData } from 'node:worker_threads';
import { AppendOutcome, AppendRequest, SqliteSynchronous, SqliteWriter } from './sqlite-writer';

/** Main thread → writer thread. */
export type WriterRequest = ({ type: 'append'; id: number } & AppendRequest) | { type: 'close' };
/** Writer thread → main thread: one message per committed (or failed) transaction. */
export type WriterReply =
  | { type: 'ready' }
  | { type: 'committed'; ids: number[]; outcomes: AppendOutcome[] }
  | { type: 'failed'; ids: number[]; message: string }
  | { type: 'closed' };

export interface WriterOptions {
  file: string;
  synchronous: SqliteSynchronous;
  maxBatch: number;
}

/**
 * The writer thread: appends arriving while a transaction (and its fsync) is in flight wait on
 * this thread's message port and are committed together in the next transaction.
 */
function run(port: NonNullable<typeof parentPort>, options: WriterOptions): void {
  const writer = new SqliteWriter(options.file, options.synchronous);
  let queue: Array<{ type: 'append'; id: number } & AppendRequest> = [];
  let scheduled = false;

  const flush = (): void => {
    scheduled = false;
    const batch = queue.slice(0, options.maxBatch);
    queue = queue.slice(batch.length);
    if (queue.length > 0) schedule();
    if (batch.length === 0) return;
    const ids = batch.map((request) => request.id);
    try {
      const outcomes = writer.commit(batch);
      port.postMessage({ type: 'committed', ids, outcomes } satisfies WriterReply);
    } catch (error) {
      port.postMessage({ type: 'failed', ids, message: error instanceof Error ? error.message : String(error) } satisfies WriterReply);
    }
  };
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  };

  port.on('message', (request: WriterRequest) => {
    if (request.type === 'append') {
      queue.push(request);
      schedule();
      return;
    }
    while (queue.length > 0) flush();
    writer.close();
    port.postMessage({ type: 'closed' } satisfies WriterReply);
    port.close();
  });
  port.postMessage({ type: 'ready' } satisfies WriterReply);
}

if (parentPort && workerData?.fordelaSqliteWriter) run(parentPort, workerData.fordelaSqliteWriter as WriterOptions);
