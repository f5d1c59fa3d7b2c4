import { loadSeed003Demo } from '../../src/demo/seed-003.demo';
import { MKR } from '../../src/demo/seed-003.data';
import { asAuditor, call, RunningApp, startApp } from '../support/app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers read by path

describe('demo data: an empty store gets the seed-003 case through the real API', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp({ now: new Date('2026-11-23T09:00:00Z') });
  });
  afterAll(() => running.close());
  const get = async (path: string): Promise<Json> => {
    const res = await call(running.url, 'GET', path, { headers: asAuditor });
    expect(res.status).toBe(200);
    return res.body;
  };

  it('loads the decided case, the delegation and the delegated decisions; a second start loads nothing', async () => {
    expect(await loadSeed003Demo(running.app)).toEqual({ loaded: true, diaryNumber: 'RS 2022-00001' });
    const theCase = await get(`/api/cases/by-diary-number/${encodeURIComponent('RS 2022-00001')}`);
    expect(theCase.status).toBe('decided');
    const [decision] = theCase.decisions as Json[];
    const meeting = await get(`/api/meetings/${decision.meetingId}`);
    expect(meeting.items[0].legalForce).toMatchObject({ status: 'legal_force', legalForceOn: '2022-04-20' });
    const unreported = await get('/api/bodies/regionstyrelsen/delegated-decisions?status=unreported');
    expect(unreported.items).toHaveLength(3);
    const agreementId = unreported.items[0].agreementId as string;
    const ledger = await get(`/api/agreements/${agreementId}`);
    expect(ledger.areas.find((a: Json) => a.areaId === 'vision-ehalsa')).toMatchObject({ budgetOre: 10 * MKR, allocatedOre: 7 * MKR });

    const count = (await running.allEvents()).length;
    expect(await loadSeed003Demo(running.app)).toEqual({ loaded: false });
    expect((await running.allEvents()).length).toBe(count);
    // the clock is the test's own here; the service's real clock is released after loading
    expect(running.clock.now().toISOString()).toBe('2022-04-25T09:00:00.000Z');
  });
});
