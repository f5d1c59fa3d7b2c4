import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EventToAppend, WrongExpectedRevisionError } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';

const event = (type = 'E'): EventToAppend => ({ id: randomUUID(), type, data: { at: type }, metadata: {} });
const tempFile = () => join(mkdtempSync(join(tmpdir(), 'fordela-sqlite-')), 'events.db');

describe('embedded SQLite store: group commit', () => {
  it('commits appends that arrive together in a few transactions, not one each', async () => {
    const file = tempFile();
    const store = new SqliteEventStore({ file });
    await Promise.all(Array.from({ length: 100 }, (_, i) => store.append(`s-${i}`, [event()], 'no_stream')));
    await store.close();
    // every event of one transaction carries the same recorded_at. The writer thread may wake while
    // the appends are still being posted, so the first commit can be a small one: a few, not 100.
    const db = new Database(file, { readonly: true });
    const { commits } = db.prepare('SELECT COUNT(DISTINCT recorded_at) AS commits FROM events').get() as { commits: number };
    const { n } = db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number };
    db.close();
    expect(n).toBe(100);
    expect(commits).toBeLessThanOrEqual(5);
  });

  it('decides conflicts per stream inside one batch, exactly as if each append ran alone', async () => {
    const store = new SqliteEventStore({ file: tempFile() });
    const winner = store.append('contested', [event('first')], 'no_stream');
    const loser = store.append('contested', [event('second')], 'no_stream');
    const chained = store.append('contested', [event('third')], 0);
    const bystander = store.append('other', [event('other')], 'no_stream');
    await expect(winner).resolves.toMatchObject({ nextExpectedRevision: 0 });
    await expect(loser).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    await expect(chained).resolves.toMatchObject({ nextExpectedRevision: 1 });
    await expect(bystander).resolves.toMatchObject({ nextExpectedRevision: 0 });
    expect((await store.readStream('contested')).map((e) => e.type)).toEqual(['first', 'third']);
    await store.close();
  });

  it('keeps acknowledged events after the store is closed and reopened', async () => {
    const file = tempFile();
    const first = new SqliteEventStore({ file });
    await first.append('durable', [event('a'), event('b')], 'no_stream');
    await first.close();
    const second = new SqliteEventStore({ file });
    expect((await second.readStream('durable')).map((e) => e.type)).toEqual(['a', 'b']);
    await second.close();
  });

  it('refuses to append after close', async () => {
    const store = new SqliteEventStore({ file: tempFile() });
    await store.close();
    await expect(store.append('late', [event()], 'any')).rejects.toThrow('closed');
  });
});
