import {
  BOARD_MEMBERS as MEMBERS,
  HEALTH_COMMITTEE,
  REGIONAL_BOARD as BOARD,
  ORGANISATION as REGION,
} from '../../src/demo/seed-003.data';
import { Organisations } from '../../src/organisations/organisations.service';
import { asCaseOfficer, asChair, asCommitteeSecretary, asRegistrar, call, expectRefusal, Headers, Reply, RunningApp, startApp } from '../support/app';
import { setUpRegion } from '../support/workflow';

const otherOrganisation = (headers: Headers, organisationId = 'goteborgs-stad'): Headers => ({ ...headers, 'x-organisation-id': organisationId });

describe('organisations and bodies over HTTP', () => {
  let running: RunningApp;
  const send = (method: string, path: string, body?: unknown, headers: Headers = asCommitteeSecretary) =>
    call(running.url, method, path, { body, headers });
  const get = (path: string, headers: Headers = asCommitteeSecretary) => call(running.url, 'GET', path, { headers });
  const count = async () => (await running.allEvents()).length;

  /** a refusal is problem+json naming the rule, and the store is exactly as before */
  const refused = (request: () => Promise<Reply>, status: number, type: string) => expectRefusal(running, request, status, type);

  beforeEach(async () => {
    running = await startApp({ now: new Date('2022-03-01T08:00:00Z') });
  });
  afterEach(() => running.close());

  it('registers the region, establishes its regional board with members and chair, and reads them back', async () => {
    const registered = await send('POST', '/api/organisations', REGION, asRegistrar);
    expect(registered.status).toBe(201);
    expect(registered.headers.get('location')).toBe('/api/organisations/region-exempel');
    expect(registered.body).toMatchObject({
      ...REGION,
      regionId: null,
      registeredAt: '2022-03-01T08:00:00.000Z',
      registeredBy: 'anna.registrator',
      bodies: [],
    });

    const established = await send('POST', '/api/bodies', BOARD);
    expect(established.status).toBe(201);
    expect(established.headers.get('location')).toBe('/api/bodies/regionstyrelsen');
    expect(established.body).toMatchObject({ organisationId: 'region-exempel', ...BOARD, members: [], chairUserId: null, establishedBy: 'sara.sekreterare' });

    for (const { userId, name, seat } of MEMBERS) await send('PUT', `/api/bodies/regionstyrelsen/members/${userId}`, { name, seat });
    const chaired = await send('PUT', '/api/bodies/regionstyrelsen/chair', { userId: 'eva.ordforande' });
    expect(chaired.status).toBe(200);
    expect(chaired.body).toMatchObject({ chairUserId: 'eva.ordforande', members: MEMBERS });

    const board = await get('/api/bodies/regionstyrelsen', asChair);
    expect(board.status).toBe(200);
    expect(board.body).toEqual(chaired.body);
    const members = board.body.members as Array<{ seat: string }>;
    expect(members.filter((m) => m.seat === 'ordinary')).toHaveLength(5);
    expect(members.filter((m) => m.seat === 'deputy')).toHaveLength(2);

    await send('POST', '/api/bodies', HEALTH_COMMITTEE);
    const organisation = await get('/api/organisations/region-exempel', asCaseOfficer);
    expect(organisation.status).toBe(200);
    expect((organisation.body.bodies as Array<{ bodyId: string }>).map((b) => b.bodyId)).toEqual(['regionstyrelsen', 'halso-och-sjukvardsnamnden']);

    // what the meetings capability sees
    expect(await running.app.get(Organisations).body('region-exempel', 'regionstyrelsen')).toEqual({
      organisationId: 'region-exempel',
      bodyId: 'regionstyrelsen',
      name: 'Regionstyrelsen',
      kind: 'regional_board',
      members: MEMBERS,
      chairUserId: 'eva.ordforande',
    });
    expect(await running.app.get(Organisations).body('region-exempel', 'finns-inte')).toBeNull();
    expect(await running.app.get(Organisations).body('goteborgs-stad', 'regionstyrelsen')).toBeNull();
  });

  it('appointing again with the same data changes nothing; a new seat is recorded; removal is idempotent', async () => {
    await setUpRegion(running);
    const before = await count();
    const again = await send('PUT', '/api/bodies/regionstyrelsen/members/lars.ersattare', { name: 'Lars Ersättare', seat: 'deputy' });
    expect(again.status).toBe(200);
    expect(await count()).toBe(before);

    const moved = await send('PUT', '/api/bodies/regionstyrelsen/members/lars.ersattare', { name: 'Lars Ersättare', seat: 'ordinary' });
    expect((moved.body.members as Array<{ userId: string; seat: string }>).find((m) => m.userId === 'lars.ersattare')?.seat).toBe('ordinary');

    const removed = await send('DELETE', '/api/bodies/regionstyrelsen/members/sofia.ersattare');
    expect(removed.status).toBe(200);
    expect((removed.body.members as Array<{ userId: string }>).map((m) => m.userId)).not.toContain('sofia.ersattare');
    const afterRemoval = await count();
    expect((await send('DELETE', '/api/bodies/regionstyrelsen/members/sofia.ersattare')).status).toBe(200);
    expect(await count()).toBe(afterRemoval);
  });

  it('a municipality names the region it lies in', async () => {
    await send('POST', '/api/organisations', REGION, asRegistrar);
    const municipalRegistrar = otherOrganisation(asRegistrar, 'exempelby-kommun');
    const municipality = { organisationId: 'exempelby-kommun', name: 'Exempelby kommun', kind: 'municipality', regionId: 'region-exempel' };
    const registered = await send('POST', '/api/organisations', municipality, municipalRegistrar);
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ kind: 'municipality', regionId: 'region-exempel' });
    const council = { bodyId: 'kommunfullmaktige', name: 'Kommunfullmäktige', kind: 'municipal_council' };
    expect((await send('POST', '/api/bodies', council, otherOrganisation(asCommitteeSecretary, 'exempelby-kommun'))).status).toBe(201);
  });

  it('a retried command with the same Idempotency-Key has effect once and returns the first answer', async () => {
    await send('POST', '/api/organisations', REGION, asRegistrar);
    const headers = { ...asCommitteeSecretary, 'idempotency-key': 'establish-rs' };
    const first = await send('POST', '/api/bodies', BOARD, headers);
    const afterFirst = await count();
    const second = await send('POST', '/api/bodies', BOARD, headers);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await count()).toBe(afterFirst);
    await refused(() => send('POST', '/api/bodies', { ...BOARD, name: 'Regionstyrelsen 2' }, headers), 422, 'IDEMPOTENCY-KEY-REUSED');
  });

  describe('refusals are problem+json, name the rule, and write nothing', () => {
    it('ORGANISATION-NOT-REGISTERED: no body before the organisation is registered', async () => {
      await refused(() => send('POST', '/api/bodies', BOARD), 422, 'ORGANISATION-NOT-REGISTERED');
    });

    it('ORGANISATION-ROLE and ORGANISATION-OWN: who may register which organisation', async () => {
      await refused(() => send('POST', '/api/organisations', REGION, asCaseOfficer), 422, 'ORGANISATION-ROLE');
      const gothenburg = { organisationId: 'goteborgs-stad', name: 'Göteborgs stad', kind: 'municipality' };
      await refused(() => send('POST', '/api/organisations', gothenburg, asRegistrar), 422, 'ORGANISATION-OWN');
    });

    it('ORGANISATION-ALREADY-REGISTERED and ORGANISATION-REGION', async () => {
      await send('POST', '/api/organisations', REGION, asRegistrar);
      await refused(() => send('POST', '/api/organisations', { ...REGION, name: 'Region Annan' }, asRegistrar), 422, 'ORGANISATION-ALREADY-REGISTERED');
      const municipality = { organisationId: 'exempelby-kommun', name: 'Exempelby kommun', kind: 'municipality', regionId: 'region-okand' };
      await refused(() => send('POST', '/api/organisations', municipality, otherOrganisation(asRegistrar, 'exempelby-kommun')), 422, 'ORGANISATION-REGION');
    });

    it('BODY-SECRETARY-ROLE, BODY-ALREADY-ESTABLISHED, BODY-KIND', async () => {
      await setUpRegion(running);
      await refused(() => send('POST', '/api/bodies', { ...BOARD, bodyId: 'nytt-organ' }, asRegistrar), 422, 'BODY-SECRETARY-ROLE');
      await refused(() => send('PUT', '/api/bodies/regionstyrelsen/members/ny.ledamot', { name: 'Ny Ledamot', seat: 'ordinary' }, asChair), 422, 'BODY-SECRETARY-ROLE');
      await refused(() => send('POST', '/api/bodies', { ...BOARD, name: 'Annan styrelse', kind: 'committee' }), 422, 'BODY-ALREADY-ESTABLISHED');
      await refused(() => send('POST', '/api/bodies', { bodyId: 'kf', name: 'Kommunfullmäktige', kind: 'municipal_council' }), 422, 'BODY-KIND');
    });

    it('BODY-CHAIR-MEMBER: a deputy cannot chair; the chair cannot be removed', async () => {
      await setUpRegion(running);
      await refused(() => send('PUT', '/api/bodies/regionstyrelsen/chair', { userId: 'lars.ersattare' }), 422, 'BODY-CHAIR-MEMBER');
      await refused(() => send('DELETE', '/api/bodies/regionstyrelsen/members/eva.ordforande'), 422, 'BODY-CHAIR-MEMBER');
    });

    it('NOT-FOUND: an unknown body, and another organisation’s organisation and bodies', async () => {
      await setUpRegion(running);
      await refused(() => get('/api/bodies/finns-inte'), 404, 'NOT-FOUND');
      await refused(() => send('PUT', '/api/bodies/finns-inte/members/eva.ordforande', { name: 'Eva Ordförande', seat: 'ordinary' }), 404, 'NOT-FOUND');
      await refused(() => get('/api/organisations/region-exempel', otherOrganisation(asCommitteeSecretary)), 404, 'NOT-FOUND');
      await refused(() => get('/api/bodies/regionstyrelsen', otherOrganisation(asCommitteeSecretary)), 404, 'NOT-FOUND');
    });

    it('VALIDATION: unknown kinds and seats, bad ids', async () => {
      await send('POST', '/api/organisations', REGION, asRegistrar);
      const body = await refused(() => send('POST', '/api/bodies', { bodyId: 'Region Styrelsen', name: 'R', kind: 'parliament' }), 400, 'VALIDATION');
      expect((body.errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual(['bodyId', 'kind', 'name']);
      await refused(() => send('PUT', '/api/bodies/regionstyrelsen/members/eva.ordforande', { name: 'Eva Ordförande', seat: 'chair' }), 400, 'VALIDATION');
      await refused(() => send('PUT', `/api/bodies/regionstyrelsen/members/${encodeURIComponent('eva ordforande')}`, { name: 'Eva', seat: 'ordinary' }), 400, 'VALIDATION');
    });
  });
});
