import { ChildProcess, fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { ALL_PROJECTIONS } from '../../src/projections/all-projections';
import { rebuildProjections } from '../../src/projections/rebuild';
import { openReadDatabase } from '../../src/projections/read-database';
import { appendCopies, recordSeed003Template } from '../support/generated-history';
import { READ_DATABASES } from '../support/read-databases';
import { dumpTables } from './test-projection';

jest.setTimeout(120_000);

const TABLES = ['projection_checkpoints', ...ALL_PROJECTIONS.flatMap((p) => p.tables)];

function startRunner(env: Record<string, string>): ChildProcess {
  return fork(join(__dirname, 'projection-process.ts'), [], {
    env: { ...process.env, ...env },
    execArgv: ['-r', 'ts-node/register/transpile-only'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
}

function until(child: ChildProcess, done: (message: { position?: number; settled?: boolean }) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    child.on('message', (message: { position?: number; settled?: boolean }) => done(message) && resolve());
    child.once('exit', (code) => reject(new Error(`runner exited (${code}) before the condition`)));
  });
}

describe.each(READ_DATABASES)('read models after a kill on %s', (database) => {
  it('given a runner killed (SIGKILL) in the middle of catching up, when it restarts, then the read models equal a full rebuild', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fordela-kill-'));
    const store = new SqliteEventStore({ file: join(dataDir, 'events.db'), synchronous: 'NORMAL' });
    const template = await recordSeed003Template();
    await appendCopies(store, template, 0, 120);
    const head = (await store.lastPosition())!;
    await store.close();
    const env = { DATA_DIR: dataDir, ...database.env() };

    // killed once a third of the history is in, while batches are being committed
    const first = startRunner(env);
    await until(first, (m) => (m.position ?? 0) >= head / 3);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));

    const killed = await openReadDatabase(env);
    const [checkpoint] = (await dumpTables(killed.reader, ['projection_checkpoints'])).projection_checkpoints;
    await killed.close();
    const stoppedAt = Number((JSON.parse(checkpoint) as { position: number }).position);
    expect(stoppedAt).toBeGreaterThan(0);
    expect(stoppedAt).toBeLessThan(head);

    const second = startRunner(env);
    await until(second, (m) => m.settled === true);
    second.kill();

    const restarted = await openReadDatabase(env);
    const afterRestart = await dumpTables(restarted.reader, TABLES);
    await restarted.close();

    // the reference: a clean build of the same history into a database of its own
    const cleanEnv = { DATA_DIR: mkdtempSync(join(tmpdir(), 'fordela-clean-')), ...database.env() };
    const reader = new SqliteEventStore({ file: join(dataDir, 'events.db'), synchronous: 'NORMAL' });
    const clean = await openReadDatabase(cleanEnv);
    await rebuildProjections(reader, clean, ALL_PROJECTIONS);
    const rebuilt = await dumpTables(clean.reader, TABLES);
    await clean.close();
    await reader.close();

    expect(Object.values(afterRestart).reduce((n, rows) => n + rows.length, 0)).toBeGreaterThan(ALL_PROJECTIONS.length);
    expect(afterRestart).toEqual(rebuilt);
  });
});
