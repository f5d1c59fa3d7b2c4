import { DEMO_CORRELATION_ID, loadSeed003Demo } from '../../src/demo/seed-003.demo';
import { MKR } from '../../src/demo/seed-003.data';
import { RecordedEvent } from '../../src/event-store/event-store.port';
import { SystemClock } from '../../src/platform/clock';
import { asAuditor, asRegistrar, call, RunningApp, startApp } from '../support/app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers read by path

const NOW = new Date('2026-11-23T09:00:00Z');
/** what a stored event says, without the store's own position and time, to compare two stores */
const fingerprint = (e: RecordedEvent) => `${e.streamId}#${e.revision} ${e.type} ${String(e.metadata.commandType)}`;

describe('demo data: an empty store gets the seed-003 case through the real API', () => {
  let running: RunningApp;
  beforeEach(async () => {
    running = await startApp({ now: NOW });
  });
  afterEach(() => running.close());
  const get = async (path: string): Promise<Json> => {
    const res = await call(running.url, 'GET', path, { headers: asAuditor });
    expect(res.status).toBe(200);
    return res.body;
  };

  it('loads the decided case, the delegation and the delegated decisions; a second start loads nothing', async () => {
    expect(await loadSeed003Demo(running.app)).toEqual({ loaded: true, resumed: false, diaryNumber: 'RS 2022-00001' });
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

    // every event the demo wrote says so
    const events = await running.allEvents();
    expect(events.every((e) => e.metadata.correlationId === DEMO_CORRELATION_ID)).toBe(true);
    expect(await loadSeed003Demo(running.app)).toEqual({ loaded: false });
    expect((await running.allEvents()).length).toBe(events.length);
    // the clock is the test's own here
    expect(running.clock.now().toISOString()).toBe('2022-05-02T09:00:00.000Z');
  });

  it('a load interrupted mid-way is finished by the next start, without doubling anything', async () => {
    await expect(loadSeed003Demo(running.app, { interruptAfterSteps: 20 })).rejects.toThrow('demo interrupted after 20 steps');
    const partial = (await running.allEvents()).length;
    expect(partial).toBeGreaterThan(0);

    expect(await loadSeed003Demo(running.app)).toEqual({ loaded: true, resumed: true, diaryNumber: 'RS 2022-00001' });
    const resumed = await running.allEvents();
    expect(resumed.length).toBeGreaterThan(partial);
    expect(await loadSeed003Demo(running.app)).toEqual({ loaded: false });
    expect((await running.allEvents()).length).toBe(resumed.length);

    // exactly what one uninterrupted load writes in a fresh store
    const fresh = await startApp({ now: NOW });
    try {
      await loadSeed003Demo(fresh.app);
      const oneShot = await fresh.allEvents();
      expect(resumed.length).toBe(oneShot.length);
      expect(resumed.map(fingerprint).sort()).toEqual(oneShot.map(fingerprint).sort());
    } finally {
      await fresh.close();
    }
    expect((await get('/api/bodies/regionstyrelsen/delegated-decisions?status=unreported')).items).toHaveLength(3);
  });

  it('a store someone else began is left alone', async () => {
    const created = await call(running.url, 'POST', '/api/organisations', {
      body: { organisationId: 'region-annan', name: 'Region Annan', kind: 'region' },
      headers: { ...asRegistrar, 'x-organisation-id': 'region-annan' },
    });
    expect(created.status).toBe(201);
    expect(await loadSeed003Demo(running.app)).toEqual({ loaded: false });
    expect(await running.allEvents()).toHaveLength(1);
  });
});

describe('demo data on the service clock', () => {
  it('tells the story at the seed’s dates and then gives the clock back to real time', async () => {
    const clock = new SystemClock();
    const running = await startApp({ clock });
    try {
      const before = Date.now();
      expect(await loadSeed003Demo(running.app)).toMatchObject({ loaded: true });
      const now = clock.now().getTime();
      expect(now).toBeGreaterThanOrEqual(before);
      expect(now).toBeLessThanOrEqual(Date.now());
      // and the story itself kept its dates
      const theCase = (await call(running.url, 'GET', `/api/cases/by-diary-number/${encodeURIComponent('RS 2022-00001')}`, { headers: asAuditor })).body;
      expect(theCase.registeredAt).toMatch(/^2022-03-01/);
    } finally {
      await running.close();
    }
  });
});
