import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { eventStoreContract } from './event-store.contract';

eventStoreContract({
  name: 'embedded SQLite (file, WAL, synchronous=FULL)',
  open: async () => new SqliteEventStore({ file: join(mkdtempSync(join(tmpdir(), 'fordela-')), 'events.db') }),
});
