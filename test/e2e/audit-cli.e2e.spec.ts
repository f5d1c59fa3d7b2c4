import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSeed003Demo } from '../../src/demo/seed-003.demo';
import { MKR } from '../../src/demo/seed-003.data';
import { verifyStore } from '../../src/audit/verify';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { RunningApp, startApp } from '../support/app';
import { STORES } from '../support/stores';
import { AREA3, Demo, demoIds } from '../support/audit-demo';
import { Json } from '../support/workflow';

/**
 * `npm run audit` as an auditor runs it: a process of its own on the DATA_DIR the service wrote
 * (from the TypeScript sources here; `npm run audit` runs the same file built). The store is opened
 * read-only, so it runs next to the service.
 */
jest.setTimeout(120_000);
const NOW = new Date('2026-11-23T09:00:00Z');
const ROOT = join(__dirname, '../..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run audit -- …args` on DATA_DIR `dataDir` (or on KurrentDB, given `KURRENTDB_URL` in `env`). */
function audit(dataDir: string, ...args: string[]): Promise<Run> {
  return auditWith({ DATA_DIR: dataDir, KURRENTDB_URL: '' }, ...args);
}

function auditWith(env: Record<string, string>, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli/audit.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
const json = (run: Run): Json => JSON.parse(run.stdout) as Json;

describe('the auditor’s CLI next to the running service, on the demo from a fresh start', () => {
  let running: RunningApp;
  let demo: Demo;
  beforeAll(async () => {
    running = await startApp({ now: NOW });
    await loadSeed003Demo(running.app);
    demo = await demoIds(running);
  });
  afterAll(() => running.close());

  it('given the demo, when verify runs, then it exits 0 with the number of streams and events', async () => {
    const events = await running.allEvents();
    const streams = new Set(events.map((e) => e.streamId)).size;
    const run = await audit(running.dataDir, 'verify');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`ok: ${streams} streams, ${events.length} events`);
  });

  it('given the demo, when as-of asks for the agreement the day before the activities and the day before the reallocation in area 3, then the ledger shows the budgets alone, then the two activities as first decided', async () => {
    const run = await audit(running.dataDir, 'as-of', 'agreement', demo.agreementId, '2022-04-24', '--json');
    expect(run.code).toBe(0);
    const result = json(run);
    expect(result).toMatchObject({ at: '2022-04-24T21:59:59.999Z', standsOn: { type: 'AreaBudgetsSet' }, eventsAfter: 3 });
    expect(result.state.areas.find((a: Json) => a.areaId === AREA3)).toMatchObject({ budgetOre: 10 * MKR, allocatedOre: 0, activities: [] });
    const text = await audit(running.dataDir, 'as-of', 'agreement', demo.agreementId, '2022-04-24');
    expect(text.stdout).toContain('metadata.occurredAt');
    expect(text.stdout).toMatch(/står på: agreement-\S+ revision 1 AreaBudgetsSet \(2022-03-25T07:00:00.000Z\)/);

    // the reallocation of 1 000 000 kr between the two activities came on 2 May
    const before = json(await audit(running.dataDir, 'as-of', 'agreement', demo.agreementId, '2022-05-01', '--json'));
    expect(before).toMatchObject({ standsOn: { type: 'ActivityAllocated', revision: 3 }, eventsAfter: 1 });
    const area3 = before.state.areas.find((a: Json) => a.areaId === AREA3);
    expect(area3.activities.map((a: Json) => a.allocatedOre)).toEqual([4 * MKR, 3 * MKR]);
  });

  it('given the demo, when explain asks for area 3’s available money, then it names § 1 of the board and the two delegated decisions, and the reallocation as leaving it unchanged', async () => {
    const run = await audit(running.dataDir, 'explain', demo.agreementId, 'area-available', '--area', AREA3);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('= 3\u00a0000\u00a0000\u00a0kr');
    expect(run.stdout).toContain(`grund: Regionstyrelsen 2022-03-22 § ${demo.paragraph} (justerat 2022-03-24)`);
    // the two activities on 25 April change it; the reallocation on 2 May leaves it as it was
    expect(run.stdout.match(/grund: Delegationsbeslut om .+? av anders\.bystrom 2022-04-25 enligt delegation/g)).toHaveLength(2);
    expect(run.stdout).toMatch(/oförändrad:[\s\S]*Delegationsbeslut om 1\u00a0000\u00a0000\u00a0kr av anders\.bystrom 2022-05-02/);
    expect(run.stdout).toMatch(/lämnade siffran oförändrad:\n\s+agreement-\S+ revision 4 FundsReallocatedWithinArea/);
  });

  it('given the demo, when mandate asks for a delegated decision without naming the organisation, then it finds it and shows every check passed', async () => {
    const run = await audit(running.dataDir, 'mandate', demo.decisionIds[2], '--json');
    expect(run.code).toBe(0);
    const m = json(run);
    expect(m).toMatchObject({ organisationId: 'region-exempel', inside: true, decision: { kind: 'reallocate_within_area', amountOre: 1 * MKR }, delegation: { version: 1 } });
    expect(m.checks).toHaveLength(7);
  });

  it('given bad input, when a command runs, then it exits 2 with the reason', async () => {
    const instant = await audit(running.dataDir, 'as-of', 'agreement', demo.agreementId, 'yesterday');
    expect(instant.code).toBe(2);
    expect(instant.stderr).toContain('not an instant: yesterday');
    const figure = await audit(running.dataDir, 'explain', demo.agreementId, 'area-magic');
    expect(figure.code).toBe(2);
    const unknown = await audit(running.dataDir, 'mandate', '00000000-0000-4000-8000-000000000000');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('NOT-FOUND');
    const nowhere = await audit(join(tmpdir(), 'fordela-no-such-dir'), 'verify');
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('no event store at');
  });

  it('given the running service, when the store is opened read-only, then it reads everything and refuses to append, and the service still writes', async () => {
    const readonly = new SqliteEventStore({ file: join(running.dataDir, 'events.db'), readonly: true });
    try {
      expect((await readonly.readStream(`agreement-${demo.agreementId}`)).length).toBe(5);
      await expect(readonly.append('audit-probe', [{ id: '9b2f3c1e-0000-4000-8000-000000000001', type: 'Probe', data: {}, metadata: {} }], 'no_stream')).rejects.toThrow(/read-only/);
      await running.store.append('audit-probe', [{ id: '9b2f3c1e-0000-4000-8000-000000000002', type: 'Probe', data: {}, metadata: {} }], 'no_stream');
      expect(await readonly.readStream('audit-probe')).toHaveLength(1);
    } finally {
      await readonly.close();
    }
  });
});

/** A copy of a closed store's file, every committed event in the main file (the WAL checkpointed). */
function copyStore(from: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'fordela-audit-'));
  copyFileSync(join(from, 'events.db'), join(dir, 'events.db'));
  return dir;
}

/**
 * Changes one byte of the file where `text` is stored, at the first place that is a live event
 * (the file may hold stale copies in free space), and says which event it now is.
 */
function alterOneByte(dataDir: string, text: string, offset: number, byte: string): { streamId: string; revision: number } {
  const file = join(dataDir, 'events.db');
  const original = readFileSync(file);
  const altered = Buffer.from(text);
  altered[offset] = byte.charCodeAt(0);
  for (let at = original.indexOf(text); at !== -1; at = original.indexOf(text, at + 1)) {
    const copy = Buffer.from(original);
    copy[at + offset] = byte.charCodeAt(0);
    writeFileSync(file, copy);
    const db = new Database(file, { readonly: true });
    const rows = db.prepare<[Buffer], { stream_id: string; revision: number }>('SELECT stream_id, revision FROM events WHERE instr(CAST(data AS BLOB), ?) > 0').all(altered);
    db.close();
    if (rows.length === 1) return { streamId: rows[0].stream_id, revision: rows[0].revision };
  }
  writeFileSync(file, original);
  throw new Error(`no live event holds ${text}`);
}

describe('verify on a store altered by one byte', () => {
  let written: string;
  let events: number;
  beforeAll(async () => {
    const running = await startApp({ now: NOW });
    await loadSeed003Demo(running.app);
    events = (await running.allEvents()).length;
    written = running.dataDir;
    await running.close();
    const db = new Database(join(written, 'events.db'));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
  });

  it('given the untouched copy, when verify runs, then it exits 0', async () => {
    const run = await audit(copyStore(written), 'verify', '--json');
    expect(run.code).toBe(0);
    expect(json(run)).toMatchObject({ ok: true, events });
  });

  it('given one character of an activity’s title changed in the file, when verify runs, then it exits 1 naming that stream and revision, the hash expected and the one found', async () => {
    const dir = copyStore(written);
    const altered = alterOneByte(dir, 'Gemensam till', 0, 'H');
    const run = await audit(dir, 'verify');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`first broken link: stream ${altered.streamId} revision ${altered.revision}`);
    const result = json(await audit(dir, 'verify', '--json'));
    expect(result).toMatchObject({ ok: false, events, brokenStreams: 1, firstBroken: { ...altered, reason: 'hash' } });
    expect(result.firstBroken.expected).toMatch(/^[0-9a-f]{64}$/);
    expect(result.firstBroken.found).toMatch(/^[0-9a-f]{64}$/);
    expect(result.firstBroken.found).not.toBe(result.firstBroken.expected);
  });

  it('given one byte that leaves an event’s JSON unreadable, when verify runs, then it exits 1 naming that event and still reads every other', async () => {
    const dir = copyStore(written);
    const altered = alterOneByte(dir, '"Gemensam till', 0, 'x');
    const run = await audit(dir, 'verify', '--json');
    expect(run.code).toBe(1);
    expect(json(run)).toMatchObject({ ok: false, events, brokenStreams: 1, firstBroken: { ...altered, reason: 'unreadable', expected: 'JSON' } });
  });

  it('given one event deleted from the middle of a stream, when verify runs, then the next revision is named as the broken link', async () => {
    const dir = copyStore(written);
    const db = new Database(join(dir, 'events.db'));
    const { stream_id: streamId } = db.prepare<[], { stream_id: string }>("SELECT stream_id FROM events WHERE stream_id LIKE 'agreement-%' LIMIT 1").get()!;
    db.prepare('DELETE FROM events WHERE stream_id = ? AND revision = 2').run(streamId);
    db.close();
    const store = new SqliteEventStore({ file: join(dir, 'events.db'), readonly: true });
    try {
      expect(await verifyStore(store)).toMatchObject({ ok: false, events: events - 1, firstBroken: { streamId, revision: 3, reason: 'revision', expected: '2', found: '3' } });
    } finally {
      await store.close();
    }
  });
});

describe('the auditor’s CLI on KURRENTDB_URL (the KurrentDB adapter on the protocol stand-in)', () => {
  it('given the demo written through the KurrentDB adapter, when verify and mandate run on KURRENTDB_URL, then every chain holds and the mandate is found', async () => {
    const opened = await STORES[1].open();
    const running = await startApp({ now: NOW, env: opened.env });
    try {
      await loadSeed003Demo(running.app);
      const demo = await demoIds(running);
      const events = await running.allEvents();
      const verify = await auditWith(opened.env, 'verify', '--json');
      expect(verify.code).toBe(0);
      expect(json(verify)).toMatchObject({ ok: true, events: events.length, streams: new Set(events.map((e) => e.streamId)).size });
      const mandate = await auditWith(opened.env, 'mandate', demo.decisionIds[0], '--organisation', 'region-exempel', '--json');
      expect(json(mandate)).toMatchObject({ inside: true, delegation: { delegationId: demo.delegationId, version: 1 } });
    } finally {
      await running.close();
      await opened.stop();
    }
  });
});
