import { ChildProcess, fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asRegistrar, call, RunningApp, startApp } from '../support/app';

/** Nothing acknowledged is lost: kill -9 the server mid-load, start it again, find every 201. */
describe('durability of acknowledged commands across a crash', () => {
  let child: ChildProcess | undefined;
  let restarted: RunningApp | undefined;
  afterEach(async () => {
    child?.kill('SIGKILL');
    await restarted?.close();
  });

  it('keeps every acknowledged registration and a gap-free diary after SIGKILL', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fordela-crash-'));
    child = fork(join(__dirname, '../support/server-process.ts'), [], {
      env: { ...process.env, DATA_DIR: dataDir },
      execArgv: ['-r', 'ts-node/register/transpile-only'],
      stdio: 'ignore',
    });
    const port = await new Promise<number>((resolve, reject) => {
      child!.once('message', (m: { port: number }) => resolve(m.port));
      child!.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
    });
    const url = `http://127.0.0.1:${port}`;

    const acknowledged: Array<{ caseId: string; diaryNumber: string }> = [];
    let killed = false;
    const send = async (i: number): Promise<void> => {
      const r = await call(url, 'POST', '/api/cases', {
        body: { registry: 'RS', title: `Ärende ${i}` },
        headers: { ...asRegistrar, 'idempotency-key': `crash-${i}` },
      }).catch(() => undefined); // requests in flight when the process dies fail: they were never acknowledged
      if (r?.status === 201) {
        acknowledged.push({ caseId: r.body.caseId as string, diaryNumber: r.body.diaryNumber as string });
        if (acknowledged.length >= 60 && !killed) {
          killed = true;
          child!.kill('SIGKILL');
        }
      }
    };
    // 20 clients, each sending one registration after another until the server is gone
    await Promise.all(
      Array.from({ length: 20 }, async (_, c) => {
        for (let i = c; !killed && i < 4000; i += 20) await send(i);
      }),
    );
    expect(killed).toBe(true);

    restarted = await startApp({ dataDir, now: new Date() });
    for (const { caseId, diaryNumber } of acknowledged) {
      const back = await call(restarted.url, 'GET', `/api/cases/by-diary-number/${encodeURIComponent(diaryNumber)}`, {
        headers: asRegistrar,
      });
      expect(back.status).toBe(200);
      expect(back.body.caseId).toBe(caseId);
    }
    const registry = (await restarted.allEvents()).filter((e) => e.type === 'DiaryNumberAssigned');
    expect(registry.map((e) => e.data.sequence)).toEqual(registry.map((_, i) => i + 1));
    // a command retried after the crash with its key completes with the number it had, or a new one if it never got one
    const retried = await call(restarted.url, 'POST', '/api/cases', {
      body: { registry: 'RS', title: 'Ärende 0' },
      headers: { ...asRegistrar, 'idempotency-key': 'crash-0' },
    });
    expect(retried.status).toBe(201);
  });
});
