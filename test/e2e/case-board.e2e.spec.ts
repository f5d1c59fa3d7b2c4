import { REGIONAL_BOARD } from '../../src/demo/seed-003.data';
import { asCaseOfficer, asCommitteeSecretary, asRegistrar, call, Headers, RunningApp, startApp } from '../support/app';
import { READ_DATABASES } from '../support/read-databases';
import { adjustedApprovals, Json, readyCase, registeredCase, setUpRegion, THREE_MEMBER_BOARD, THREE_MEMBER_MEETING } from '../support/workflow';

/**
 * The case board (GET /api/case-board) over HTTP on both read databases. The cases are built
 * through the API: one decided by the regional board, one on the agenda of its next meeting, one
 * in preparation, several only registered (four at the same instant, so the order needs its
 * tiebreak), and one in another registry, registered late on a Saturday evening UTC — already
 * Sunday in Sweden.
 */
const asRecipient: Headers = { 'x-user-id': 'ulla.mottagare', 'x-user-role': 'recipient', 'x-organisation-id': 'region-exempel' };

describe.each(READ_DATABASES)('case board on $name', (db) => {
  let running: RunningApp;
  const id: Record<'agreement' | 'annualReport' | 'tariff' | 'rsu', string> = { agreement: '', annualReport: '', tariff: '', rsu: '' };
  let others: string[] = [];
  let decidedIn = '';

  const board = (query = '', headers: Headers = asRegistrar) => call(running.url, 'GET', `/api/case-board${query}`, { headers });
  const ok = async (query = ''): Promise<Json> => {
    const r = await board(query);
    if (r.status !== 200) throw new Error(`${query}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const idsOf = (page: Json): string[] => (page.items as Json[]).map((row) => row.caseId as string);
  const at = (iso: string) => running.clock.set(new Date(iso));

  beforeAll(async () => {
    running = await startApp({ env: db.env(), now: new Date('2022-03-01T08:00:00Z') });
    await setUpRegion(running, { members: THREE_MEMBER_BOARD });
    id.agreement = await readyCase(running, { title: 'Fördelning överenskommelse God och nära vård 2022' });
    at('2022-03-02T08:00:00Z');
    id.annualReport = await registeredCase(running, 'Årsredovisning för Ölands vårdcentral');
    at('2022-03-03T08:00:00Z');
    id.tariff = await readyCase(running, { title: 'Ändrad taxa för ÄLDREOMSORG' });
    at('2022-03-04T10:00:00Z');
    others = [];
    for (const n of [1, 2, 3, 4]) others.push(await registeredCase(running, `Övrigt ärende ${n}`));
    at('2022-03-05T23:30:00Z');
    const rsu = await call(running.url, 'POST', '/api/cases', { headers: asRegistrar, body: { registry: 'RSU', title: 'Upphandling av ambulansflyg' } });
    id.rsu = rsu.body.caseId as string;
    // the board decides the agreement case on 15 March; the tariff goes on the agenda of 5 April
    at('2022-03-15T13:00:00+01:00');
    decidedIn = (await adjustedApprovals(running, [id.agreement], THREE_MEMBER_MEETING))[0].meetingId;
    const next = await call(running.url, 'POST', '/api/meetings', {
      headers: asCommitteeSecretary,
      body: { bodyId: REGIONAL_BOARD.bodyId, startsAt: '2022-04-05T13:00:00+02:00', place: 'Regionens hus, sal A', adjusterUserIds: ['lars.ledamot'] },
    });
    await call(running.url, 'POST', `/api/meetings/${next.body.meetingId as string}/items`, { headers: asCommitteeSecretary, body: { caseId: id.tariff } });
    // back in preparation: the annual report gets its official report written
    await call(running.url, 'PUT', `/api/cases/${id.annualReport}/report`, {
      headers: asCaseOfficer,
      body: { summary: 'Årsredovisningen.', caseDescription: 'Vårdcentralens årsredovisning.', decisionPoints: [{ number: 1, text: 'Godkänns.' }], extractRecipients: [], informBodies: [] },
    });
    await running.settled();
  }, 120_000);
  afterAll(() => running.close());

  it('given the cases, when the board is read, then each case is one row, newest registration first, ties broken by case id', async () => {
    const page = await ok();
    const sameInstant = [...others].sort().reverse();
    expect(idsOf(page)).toEqual([id.rsu, ...sameInstant, id.tariff, id.annualReport, id.agreement]);
    expect(page).toMatchObject({ total: 8, limit: 50, offset: 0 });
    const rows = new Map((page.items as Json[]).map((row) => [row.caseId as string, row]));
    expect(rows.get(id.agreement)).toEqual({
      caseId: id.agreement,
      organisationId: 'region-exempel',
      bodyId: 'regionstyrelsen',
      diaryNumber: 'RS 2022-00001',
      title: 'Fördelning överenskommelse God och nära vård 2022',
      status: 'decided',
      registeredAt: '2022-03-01T08:00:00.000Z',
      registeredOn: '2022-03-01',
      lastChangedAt: expect.stringMatching(/^2022-03-15T/),
      decision: { meetingId: decidedIn, paragraph: 1, outcome: 'approved' },
    });
    expect(rows.get(id.tariff)).toMatchObject({ status: 'on_agenda', bodyId: 'regionstyrelsen', decision: null });
    expect(rows.get(id.annualReport)).toMatchObject({ status: 'in_preparation', bodyId: null, diaryNumber: 'RS 2022-00002' });
    // 23:30 UTC on Saturday 5 March is already Sunday 6 March in Sweden
    expect(rows.get(id.rsu)).toMatchObject({ status: 'registered', diaryNumber: 'RSU 2022-00001', registeredOn: '2022-03-06' });
  });

  it('given the cases, when filtered by status, body and organisation, then only the matching cases are listed', async () => {
    expect(idsOf(await ok('?status=decided'))).toEqual([id.agreement]);
    expect(idsOf(await ok('?status=registered'))).toEqual(expect.arrayContaining([id.rsu, ...others]));
    expect((await ok('?status=registered')).total).toBe(5);
    expect(idsOf(await ok('?status=withdrawn'))).toEqual([]);
    expect(idsOf(await ok(`?bodyId=${REGIONAL_BOARD.bodyId}`))).toEqual([id.tariff, id.agreement]);
    expect(idsOf(await ok(`?bodyId=${REGIONAL_BOARD.bodyId}&status=on_agenda`))).toEqual([id.tariff]);
    expect((await ok('?organisationId=region-exempel')).total).toBe(8);
  });

  it('given diary numbers, when filtered by a whole number or its beginning, then a registry alone means exactly that registry', async () => {
    expect(idsOf(await ok(`?diaryNumber=${encodeURIComponent('RS 2022-00002')}`))).toEqual([id.annualReport]);
    expect((await ok(`?diaryNumber=${encodeURIComponent('RS 2022-0000')}`)).total).toBe(7);
    expect((await ok('?diaryNumber=rs')).total).toBe(7);
    expect(idsOf(await ok('?diaryNumber=RSU'))).toEqual([id.rsu]);
    expect(idsOf(await ok(`?diaryNumber=${encodeURIComponent('RS 2021')}`))).toEqual([]);
  });

  it('given Swedish titles, when searched in another letter case or Unicode form, then å, ä and ö match', async () => {
    const q = (text: string) => ok(`?q=${encodeURIComponent(text)}`);
    expect(idsOf(await q('ÅRSREDOVISNING'))).toEqual([id.annualReport]);
    expect(idsOf(await q('äldreomsorg'))).toEqual([id.tariff]);
    expect(idsOf(await q('ölands'))).toEqual([id.annualReport]);
    // "å" typed as a plus combining ring (NFD) is the same letter
    expect(idsOf(await q('a\u030Arsredovisning'))).toEqual([id.annualReport]);
    expect((await q('övrigt')).total).toBe(4);
    // a % is a character searched for, not a wildcard
    expect(idsOf(await q('%'))).toEqual([]);
    expect(idsOf(await q('nära vård'))).toEqual([id.agreement]);
  });

  it('given registration dates, when filtered by a range of Swedish dates, then both ends are included', async () => {
    expect(idsOf(await ok('?registeredFrom=2022-03-02&registeredTo=2022-03-03'))).toEqual([id.tariff, id.annualReport]);
    expect(idsOf(await ok('?registeredFrom=2022-03-06'))).toEqual([id.rsu]);
    expect((await ok('?registeredTo=2022-03-05')).total).toBe(7);
  });

  it('given eight cases, when read two at a time, then the pages neither overlap nor skip', async () => {
    const all = idsOf(await ok());
    const seen: string[] = [];
    for (let offset = 0; offset < 10; offset += 2) {
      const page = await ok(`?limit=2&offset=${offset}`);
      expect(page).toMatchObject({ total: 8, limit: 2, offset });
      seen.push(...idsOf(page));
    }
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(8);
  });

  it('REGISTER-ROLE: given a recipient of extracts, when the board is read, then it is refused', async () => {
    const r = await board('', asRecipient);
    expect(r.status).toBe(403);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(r.body).toMatchObject({ type: 'REGISTER-ROLE', status: 403 });
  });

  it('given a bad filter, when the board is read, then 400 problem+json names the field', async () => {
    for (const [query, field] of [
      ['?status=beslutad', 'status'],
      ['?registeredFrom=2022-02-30', 'registeredFrom'],
      ['?registeredFrom=2022-03-05&registeredTo=2022-03-01', 'registeredTo'],
      ['?diaryNumber=RS%25', 'diaryNumber'],
      ['?limit=0', 'limit'],
      ['?title=vård', 'title'],
    ]) {
      const r = await board(query);
      expect(r.status).toBe(400);
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(r.body).toMatchObject({ type: 'VALIDATION', errors: [expect.objectContaining({ field })] });
    }
  });

  it('given an unknown body or another organisation, when used as a filter, then 404 problem+json', async () => {
    expect((await board('?bodyId=kommunfullmaktige')).body).toMatchObject({ type: 'NOT-FOUND', status: 404 });
    expect((await board('?organisationId=kommun-annan')).body).toMatchObject({ type: 'NOT-FOUND', status: 404 });
  });
});
