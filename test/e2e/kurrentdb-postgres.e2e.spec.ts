import { loadSeed003Demo } from '../../src/demo/seed-003.demo';
import { asAuditor, call, RunningApp, startApp } from '../support/app';
import { READ_DATABASES } from '../support/read-databases';
import { STORES } from '../support/stores';
import { Json } from '../support/workflow';

/**
 * The production pairing — KurrentDB for the events (here the adapter against the protocol
 * stand-in) and PostgreSQL for the read models — telling the seed-003 story and reading it back
 * from the registers: the read models are fed by the KurrentDB subscription, not by the process.
 */
describe('read models fed by the KurrentDB adapter into PostgreSQL', () => {
  let running: RunningApp;
  let stopStore: () => Promise<void>;

  beforeAll(async () => {
    const kurrent = STORES.find((s) => s.name.startsWith('KurrentDB'))!;
    const store = await kurrent.open();
    stopStore = store.stop;
    const postgres = READ_DATABASES.find((d) => d.name === 'postgres')!;
    running = await startApp({ env: { ...store.env, ...postgres.env() } });
  });
  afterAll(async () => {
    await running.close();
    await stopStore();
  });

  it('given the seed-003 story told on KurrentDB, when the projections settle, then the board, the ledger, the registers and the audit log show it', async () => {
    await loadSeed003Demo(running.app);
    await running.settled();
    const get = async (path: string) => {
      const r = await call(running.url, 'GET', path, { headers: asAuditor });
      expect([path, r.status]).toEqual([path, 200]);
      return r.body as Json;
    };
    const board = await get('/api/case-board?diaryNumber=RS%202022-00001');
    expect(board.items).toHaveLength(1);
    expect(board.items[0]).toMatchObject({ diaryNumber: 'RS 2022-00001', title: 'Fördelning överenskommelse God och nära vård 2022' });

    const ledgers = await get('/api/ledgers');
    const agreementId = ledgers.items[0].agreementId as string;
    const live = await get(`/api/agreements/${agreementId}`);
    const { history: _history, ...liveSummary } = live;
    expect(await get(`/api/ledgers/${agreementId}`)).toEqual(liveSummary);

    const unreported = await get('/api/delegation-register/decisions?reported=false');
    expect(unreported.total).toBe(3);
    const decisions = await get('/api/decision-register?bodyId=regionstyrelsen');
    expect(decisions.items.some((row: Json) => row.paragraph === 1)).toBe(true);

    const events = (await running.allEvents()).filter((e) => !e.streamId.startsWith('$'));
    const log = await get('/api/audit-log?limit=1');
    expect(log.total).toBe(events.length);
  });
});
