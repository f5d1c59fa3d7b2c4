import { randomUUID } from 'node:crypto';
import { BOARD_MEMBERS, HEALTH_COMMITTEE, REGIONAL_BOARD } from '../../src/demo/seed-003.data';
import { loadSeed003Demo } from '../../src/demo/seed-003.demo';
import { asChair, asCommitteeSecretary, asRegistrar, call, Headers, RunningApp, startApp } from '../support/app';
import { READ_DATABASES } from '../support/read-databases';
import { asMember, Json, readyCases, setUpRegion, THREE_MEMBER_BOARD } from '../support/workflow';

/**
 * The decision register (GET /api/decision-register) over HTTP on both read databases. Legal force
 * depends on today: the tests move the ManualClock and read the register again.
 */
const asRecipient: Headers = { 'x-user-id': 'ulla.mottagare', 'x-user-role': 'recipient', 'x-organisation-id': 'region-exempel' };

async function step(running: RunningApp, method: string, path: string, body?: unknown, headers: Headers = asCommitteeSecretary): Promise<Json> {
  const r = await call(running.url, method, path, { body, headers });
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

function registerOf(running: () => RunningApp) {
  const read = (query = '', headers: Headers = asRegistrar) => call(running().url, 'GET', `/api/decision-register${query}`, { headers });
  const ok = async (query = ''): Promise<Json> => {
    const r = await read(query);
    if (r.status !== 200) throw new Error(`${query}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const titles = async (query = '') => ((await ok(query)).items as Json[]).map((row) => row.title as string);
  const today = (iso: string) => running().clock.set(new Date(iso));
  return { read, ok, titles, today };
}

/*
 * One describe per database with both suites inside: every SQLite app starts before any PostgreSQL
 * one. (An app's ConfigModule copies its config into process.env, and a later app without
 * DATABASE_URL of its own then finds the earlier one's there.)
 */
describe.each(READ_DATABASES)('decision register on $name', (db) => {
  describe('built through the API', () => builtThroughTheApi(db.env));
  describe('of the seed-003 demo', () => seed003Demo(db.env));
});

function builtThroughTheApi(env: () => Record<string, string>) {
  let running: RunningApp;
  const { read, ok, titles, today } = registerOf(() => running);
  const meetings = { first: '', appealed: '', cancelled: '' };
  const cases: Record<string, string> = {};
  const [A, B, C, D, E, F, G] = [
    'Fördelning överenskommelse God och nära vård 2022',
    'Ändrad taxa för äldreomsorg',
    'Översyn av vårdcentralernas öppettider',
    'Årsrapport patientsäkerhet',
    'Upphandling av ambulansflyg',
    'Utbyggnad av e-hälsotjänster',
    'Ny lokal för ungdomsmottagningen',
  ];

  /** a meeting of the board with all three present, its items decided as told (or struck) */
  async function meeting(startsAt: string, firstParagraph: number, items: Array<[string, object | 'strike']>): Promise<string> {
    const body = { bodyId: REGIONAL_BOARD.bodyId, startsAt, place: 'Regionens hus, sal A', firstParagraph, adjusterUserIds: ['lars.ledamot'] };
    const meetingId = (await step(running, 'POST', '/api/meetings', body)).meetingId as string;
    const path = `/api/meetings/${meetingId}`;
    const itemIds: string[] = [];
    for (const [title] of items) {
      const added = await step(running, 'POST', `${path}/items`, { caseId: cases[title] });
      itemIds.push((added.items as Json[]).find((i) => i.caseId === cases[title])!.itemId as string);
    }
    running.clock.set(new Date(startsAt));
    await step(running, 'PUT', `${path}/attendance`, { present: THREE_MEMBER_BOARD.map(({ userId }) => ({ userId })) });
    for (const [i, [, decision]] of items.entries()) {
      if (decision === 'strike') await step(running, 'POST', `${path}/items/${itemIds[i]}/strike`, { reason: 'Ärendet utgår; underlaget saknas.' });
      else await step(running, 'POST', `${path}/items/${itemIds[i]}/decision`, decision);
    }
    await step(running, 'POST', `${path}/close`);
    return meetingId;
  }

  async function adjustAndPost(meetingId: string, adjustedAt: string, postedOn: string): Promise<void> {
    const path = `/api/meetings/${meetingId}`;
    today(adjustedAt);
    await step(running, 'POST', `${path}/adjustment-signatures`, undefined, asChair);
    await step(running, 'POST', `${path}/adjustment-signatures`, undefined, asMember('lars.ledamot'));
    today(`${postedOn}T08:00:00Z`);
    await step(running, 'POST', `${path}/notice`, { postedOn });
  }

  beforeAll(async () => {
    running = await startApp({ env: env(), now: new Date('2022-03-01T08:00:00Z') });
    await setUpRegion(running, { members: THREE_MEMBER_BOARD, healthCommittee: true });
    const ids = await readyCases(running, [A, B, C, D, E, F, G]);
    [A, B, C, D, E, F, G].forEach((title, i) => (cases[title] = ids[i]));
    // 15 March from § 14: approval, rejection, referral back, postponement; one item struck
    meetings.first = await meeting('2022-03-15T13:00:00+01:00', 14, [
      [A, { outcome: 'approved' }],
      [B, { outcome: 'rejected' }],
      [C, { outcome: 'referred_back', completionRequired: 'Komplettera med konsekvensanalys för barn.' }],
      [D, 'strike'],
      [G, { outcome: 'postponed' }],
    ]);
    // adjusted Thursday 17 March, posted Friday 18 March: the appeal window ends Friday 8 April
    await adjustAndPost(meetings.first, '2022-03-17T10:00:00Z', '2022-03-18');
    // 22 March: an approval posted on 23 March (window ends 13 April), appealed on 1 April, dismissed on 5 April
    meetings.appealed = await meeting('2022-03-22T13:00:00+01:00', 1, [[F, { outcome: 'approved' }]]);
    await adjustAndPost(meetings.appealed, '2022-03-22T15:00:00Z', '2022-03-23');
    const item = ((await step(running, 'GET', `/api/meetings/${meetings.appealed}`)).items as Json[])[0].itemId as string;
    today('2022-04-01T09:00:00Z');
    await step(running, 'POST', `/api/meetings/${meetings.appealed}/items/${item}/appeals`, { lodgedOn: '2022-04-01', appellant: 'Kalle Kommuninvånare' });
    today('2022-04-05T09:00:00Z');
    await step(running, 'POST', `/api/meetings/${meetings.appealed}/items/${item}/appeal-ruling`, { ruledOn: '2022-04-05', outcome: 'dismissed' });
    // 5 April: a meeting cancelled before it was held, its one item struck with it
    const cancelled = { bodyId: REGIONAL_BOARD.bodyId, startsAt: '2022-04-05T13:00:00+02:00', place: 'Regionens hus, sal A', adjusterUserIds: ['lars.ledamot'] };
    meetings.cancelled = (await step(running, 'POST', '/api/meetings', cancelled)).meetingId as string;
    await step(running, 'POST', `/api/meetings/${meetings.cancelled}/items`, { caseId: cases[E] });
    await step(running, 'POST', `/api/meetings/${meetings.cancelled}/cancellation`, { reason: 'Sammanträdet ställs in.' });
    await running.settled();
  }, 120_000);
  afterAll(() => running.close());

  it('given three meetings, when the register is read, then the newest meeting comes first and each meeting § by §, struck items last', async () => {
    today('2022-04-05T12:00:00Z');
    const page = await ok();
    expect(page).toMatchObject({ total: 7, limit: 50, offset: 0 });
    expect((page.items as Json[]).map((r) => [r.title, r.paragraph])).toEqual([
      [E, null],
      [F, 1],
      [A, 14],
      [B, 15],
      [C, 16],
      [G, 17],
      [D, null],
    ]);
    const [cancelled, appealed, approved, rejected, referred, postponed, struck] = page.items as Json[];
    expect(approved).toEqual({
      meetingId: meetings.first,
      organisationId: 'region-exempel',
      bodyId: 'regionstyrelsen',
      bodyName: 'Regionstyrelsen',
      meetingDate: '2022-03-15',
      meetingStartsAt: expect.stringMatching(/^2022-03-15T/),
      meetingStatus: 'adjusted',
      cancellation: null,
      kind: 'item',
      itemId: expect.any(String),
      paragraph: 14,
      caseId: cases[A],
      diaryNumber: 'RS 2022-00001',
      title: A,
      outcome: 'approved',
      struck: null,
      adjustedOn: '2022-03-17',
      adjustedImmediately: false,
      noticePostedOn: '2022-03-18',
      noticeOverdue: false,
      appealWindow: { threeWeeksOn: '2022-04-08', endsOn: '2022-04-08', rules: ['KL-13-5'] },
      appeals: { lodged: 0, ruled: 0, latestRuling: null },
      legalForce: { status: 'appeal_window_open', legalForceOn: null, note: null },
    });
    expect(rejected).toMatchObject({ outcome: 'rejected', legalForce: { status: 'appeal_window_open', note: { en: expect.stringMatching(/^Rejection/) } } });
    expect(referred).toMatchObject({ outcome: 'referred_back', appealWindow: null, legalForce: { status: 'not_applicable' } });
    expect(postponed).toMatchObject({ outcome: 'postponed', legalForce: { status: 'not_applicable' } });
    expect(struck).toMatchObject({ outcome: null, paragraph: null, struck: { reason: 'Ärendet utgår; underlaget saknas.' }, legalForce: { status: 'not_applicable' } });
    expect(appealed).toMatchObject({
      appeals: { lodged: 1, ruled: 1, latestRuling: { ruledOn: '2022-04-05', outcome: 'dismissed' } },
      appealWindow: { endsOn: '2022-04-13' },
      legalForce: { status: 'appeal_window_open' },
    });
    expect(cancelled).toMatchObject({
      meetingId: meetings.cancelled,
      meetingStatus: 'cancelled',
      cancellation: { reason: 'Sammanträdet ställs in.' },
      struck: { reason: 'Sammanträdet ställs in.' },
      paragraph: null,
      legalForce: { status: 'not_applicable' },
    });
  });

  it('given the days passing, when filtered by legal force, then each paragraph moves from its appeal window to legal force', async () => {
    today('2022-04-05T12:00:00Z');
    expect(await titles('?legalForce=appeal_window_open')).toEqual([F, A, B]);
    expect(await titles('?legalForce=legal_force')).toEqual([]);
    expect(await titles('?legalForce=not_applicable')).toEqual([E, C, G, D]);
    // 20 April: the first meeting's window (8 April) has run; the dismissal can still be appealed until 26 April
    today('2022-04-20T12:00:00Z');
    expect(await titles('?legalForce=legal_force')).toEqual([A, B]);
    expect(await titles('?legalForce=ruling_appealable')).toEqual([F]);
    expect(((await ok('?legalForce=legal_force')).items as Json[])[0].legalForce).toEqual({ status: 'legal_force', legalForceOn: '2022-04-09', note: null });
    today('2022-04-27T12:00:00Z');
    expect(await titles('?legalForce=ruling_appealable')).toEqual([]);
    expect(((await ok(`?legalForce=legal_force&caseId=${cases[F]}`)).items as Json[])[0].legalForce).toMatchObject({ legalForceOn: '2022-04-27' });
  });

  it('given the meetings, when filtered by body, meeting, case, organisation and meeting dates, then only matching paragraphs are listed', async () => {
    expect((await ok(`?bodyId=${REGIONAL_BOARD.bodyId}`)).total).toBe(7);
    expect((await ok(`?bodyId=${HEALTH_COMMITTEE.bodyId}`)).total).toBe(0);
    expect(await titles(`?meetingId=${meetings.first}`)).toEqual([A, B, C, G, D]);
    expect(await titles(`?caseId=${cases[B]}`)).toEqual([B]);
    expect((await ok('?organisationId=region-exempel')).total).toBe(7);
    expect(await titles('?meetingFrom=2022-03-16')).toEqual([E, F]);
    expect(await titles('?meetingFrom=2022-03-22&meetingTo=2022-03-22')).toEqual([F]);
    expect(await titles('?meetingTo=2022-03-15&legalForce=not_applicable')).toEqual([C, G, D]);
  });

  it('given seven rows, when read three at a time, then the pages neither overlap nor skip', async () => {
    const all = ((await ok()).items as Json[]).map((r) => r.itemId as string);
    const seen: string[] = [];
    for (const offset of [0, 3, 6]) seen.push(...((await ok(`?limit=3&offset=${offset}`)).items as Json[]).map((r) => r.itemId as string));
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(7);
  });

  it('REGISTER-ROLE: given a recipient of extracts, when the decision register is read, then it is refused', async () => {
    const r = await read('', asRecipient);
    expect(r.status).toBe(403);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(r.body).toMatchObject({ type: 'REGISTER-ROLE', status: 403 });
  });

  it('given a bad filter, when the register is read, then 400 problem+json names the field', async () => {
    for (const [query, field] of [
      ['?legalForce=laga_kraft', 'legalForce'],
      ['?meetingId=sammantrade-1', 'meetingId'],
      ['?meetingFrom=2022-04-31', 'meetingFrom'],
      ['?meetingFrom=2022-04-01&meetingTo=2022-03-01', 'meetingTo'],
      ['?offset=-1', 'offset'],
      ['?paragraph=14', 'paragraph'],
    ]) {
      const r = await read(query);
      expect(r.status).toBe(400);
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(r.body).toMatchObject({ type: 'VALIDATION', errors: [expect.objectContaining({ field })] });
    }
  });

  it('given unknown ids, when used as filters, then 404 problem+json', async () => {
    for (const query of [`?meetingId=${randomUUID()}`, `?caseId=${randomUUID()}`, '?bodyId=kommunstyrelsen', '?organisationId=kommun-annan']) {
      expect((await read(query)).body).toMatchObject({ type: 'NOT-FOUND', status: 404 });
    }
  });
}

function seed003Demo(env: () => Record<string, string>) {
  let running: RunningApp;
  const { ok, today } = registerOf(() => running);
  beforeAll(async () => {
    running = await startApp({ env: env(), now: new Date('2022-03-01T08:00:00Z') });
    await loadSeed003Demo(running.app);
    await running.settled();
  }, 120_000);
  afterAll(() => running.close());

  it('given the notice of 25 March, when the appeal window ends after Easter on 19 April, then the § has legal force on the Swedish 20 April', async () => {
    // 23:00 in Sweden on Tuesday 19 April: the last day of the window
    today('2022-04-19T21:00:00Z');
    const [open] = (await ok('?legalForce=appeal_window_open')).items as Json[];
    expect(open).toMatchObject({
      title: 'Fördelning överenskommelse God och nära vård 2022',
      diaryNumber: 'RS 2022-00001',
      meetingDate: '2022-03-22',
      paragraph: 1,
      outcome: 'approved',
      adjustedOn: '2022-03-24',
      noticePostedOn: '2022-03-25',
      // three weeks end on Långfredagen; LAG-1930-173 moves the end past Easter
      appealWindow: { threeWeeksOn: '2022-04-15', endsOn: '2022-04-19', rules: ['KL-13-5', 'LAG-1930-173'] },
      legalForce: { status: 'appeal_window_open', legalForceOn: null },
    });
    expect((await ok('?legalForce=legal_force')).total).toBe(0);
    // half past midnight in Sweden: Wednesday 20 April
    today('2022-04-19T22:30:00Z');
    expect((await ok('?legalForce=appeal_window_open')).total).toBe(0);
    const [inForce] = (await ok('?legalForce=legal_force')).items as Json[];
    expect(inForce).toMatchObject({ itemId: open.itemId, legalForce: { status: 'legal_force', legalForceOn: '2022-04-20' } });
  });

  it('given the delegated decisions reported at the next meeting, when the register is read, then that § is listed first, without legal force', async () => {
    today('2022-05-17T08:00:00Z');
    const meeting = { bodyId: 'regionstyrelsen', startsAt: '2022-05-17T08:00:00Z', place: 'Regionens hus, sal A', adjusterUserIds: ['maria.justerare'] };
    const { meetingId } = await step(running, 'POST', '/api/meetings', meeting);
    const ordinary = BOARD_MEMBERS.filter((m) => m.seat === 'ordinary').map(({ userId }) => ({ userId }));
    await step(running, 'PUT', `/api/meetings/${meetingId as string}/attendance`, { present: ordinary });
    const unreported = await step(running, 'GET', '/api/bodies/regionstyrelsen/delegated-decisions?status=unreported');
    const decisionIds = (unreported.items as Json[]).map((d) => d.delegatedDecisionId as string);
    await step(running, 'POST', `/api/meetings/${meetingId as string}/delegated-decision-reports`, { decisionIds });
    await running.settled();
    const [report, decided] = (await ok()).items as Json[];
    expect(report).toMatchObject({ meetingId, kind: 'delegated_decisions_report', paragraph: 1, meetingStatus: 'open', caseId: null, itemId: null, legalForce: null });
    expect(decided).toMatchObject({ kind: 'item', legalForce: { status: 'legal_force' } });
  });
}

