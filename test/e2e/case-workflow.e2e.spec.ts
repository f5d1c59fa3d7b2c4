import { CaseFacts } from '../../src/cases/case-facts';
import { caseDecider } from '../../src/cases/case.decider';
import { OFFICIAL_REPORT as REPORT } from '../../src/demo/seed-003.data';
import { CommandEnvelope, CommandPipeline } from '../../src/platform/command-pipeline';
import { deterministicId } from '../../src/platform/ids';
import { asCaseOfficer, asChair, asCommitteeSecretary, asRegistrar, call, expectRefusal, Headers, Reply, RunningApp, startApp } from '../support/app';
import { registeredCase, setUpRegion } from '../support/workflow';

const OFFICIAL_REPORT_DOCUMENT = { title: 'Tjänsteskrivelse God och nära vård 2022', kind: 'official_report', sha256: 'a'.repeat(64) };
const PREPARATION = { bodyId: 'halso-och-sjukvardsnamnden', date: '2022-03-15', statement: 'Beredd i arbetsutskottet utan erinran.' };
const secretaryActor = { userId: 'sara.sekreterare', role: 'committee_secretary' as const, organisationId: 'region-exempel' };
const meetingEnvelope = (commandId: string): CommandEnvelope => ({
  commandId,
  commandType: 'AddAgendaItem',
  actor: secretaryActor,
  correlationId: commandId,
  causationId: commandId,
});

describe('the case workflow over HTTP (seed 003)', () => {
  let running: RunningApp;
  const send = (method: string, path: string, body: unknown, headers: Headers) => call(running.url, method, path, { body, headers });
  const get = (path: string, headers: Headers = asCaseOfficer) => call(running.url, 'GET', path, { headers });
  const count = async () => (await running.allEvents()).length;
  /** a refusal is problem+json naming the rule, and the store is exactly as before */
  const refused = (request: () => Promise<Reply>, status: number, type: string) => expectRefusal(running, request, status, type);

  /** seed 003's region with the committee that prepares the case, and the case registered */
  const setUp = async () => {
    await setUpRegion(running, { healthCommittee: true });
    return registeredCase(running);
  };
  const prepareAndReady = async (caseId: string) => {
    await send('POST', `/api/cases/${caseId}/documents`, OFFICIAL_REPORT_DOCUMENT, asCaseOfficer);
    await send('PUT', `/api/cases/${caseId}/report`, REPORT, asCaseOfficer);
    await send('POST', `/api/cases/${caseId}/preparations`, PREPARATION, asCaseOfficer);
    const ready = await send('POST', `/api/cases/${caseId}/ready`, undefined, asCaseOfficer);
    expect(ready.body.status).toBe('ready_for_agenda');
  };

  beforeEach(async () => {
    running = await startApp();
  });
  afterEach(() => running.close());

  it('documents, the official report, preparation and ready; then the meeting’s agenda and outcomes; then closing', async () => {
    const caseId = await setUp();

    const attached = await send('POST', `/api/cases/${caseId}/documents`, OFFICIAL_REPORT_DOCUMENT, { ...asCaseOfficer, 'idempotency-key': 'doc-1' });
    expect(attached.status).toBe(201);
    expect(attached.body.documents).toEqual([
      {
        documentId: deterministicId('region-exempel', 'doc-1', 'document'),
        ...OFFICIAL_REPORT_DOCUMENT,
        secrecy: null,
        attachedAt: '2022-03-15T09:00:00.000Z',
        attachedBy: 'per.handlaggare',
      },
    ]);
    const secret = await send(
      'POST',
      `/api/cases/${caseId}/documents`,
      { title: 'Underlag med personuppgifter', kind: 'decision_basis', sha256: 'b'.repeat(64), secrecy: { legalGround: 'OSL 25 kap. 1 §' } },
      asRegistrar,
    );
    expect((secret.body.documents as Array<{ secrecy: unknown }>)[1].secrecy).toEqual({
      legalGround: 'OSL 25 kap. 1 §',
      markedBy: 'anna.registrator',
      markedAt: '2022-03-15T09:00:00.000Z',
    });

    const written = await send('PUT', `/api/cases/${caseId}/report`, REPORT, asCaseOfficer);
    expect(written.status).toBe(200);
    expect(written.body).toMatchObject({
      status: 'in_preparation',
      report: { revision: 1, ...REPORT, assessment: null, followUp: null, writtenBy: 'per.handlaggare' },
    });

    const prepared = await send('POST', `/api/cases/${caseId}/preparations`, PREPARATION, asCaseOfficer);
    expect(prepared.status).toBe(201);
    expect(prepared.body.preparations).toEqual([{ ...PREPARATION, bodyName: 'Hälso- och sjukvårdsnämnden', recordedAt: '2022-03-15T09:00:00.000Z', recordedBy: 'per.handlaggare' }]);

    const ready = await send('POST', `/api/cases/${caseId}/ready`, undefined, asCaseOfficer);
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready_for_agenda');

    // the meetings capability reads the case and writes its side of the agenda and the decision
    const facts = running.app.get(CaseFacts);
    expect(await facts.get(caseId)).toEqual({
      caseId,
      organisationId: 'region-exempel',
      diaryNumber: 'RS 2022-00001',
      title: 'Fördelning överenskommelse God och nära vård 2022',
      status: 'ready_for_agenda',
      decisionPoints: REPORT.decisionPoints,
      extractRecipients: REPORT.extractRecipients,
      informBodies: ['Hälso- och sjukvårdsnämnden'],
      agenda: null,
    });
    const placement = { caseId, meetingId: 'meeting-1', itemId: 'item-1', bodyId: 'regionstyrelsen' };
    await facts.placeOnAgenda(meetingEnvelope('add-item-1'), placement);
    const afterPlacement = await count();
    await facts.placeOnAgenda(meetingEnvelope('add-item-1'), placement);
    expect(await count()).toBe(afterPlacement);
    expect((await facts.get(caseId))?.agenda).toEqual({ meetingId: 'meeting-1', itemId: 'item-1' });

    const referral = { caseId, meetingId: 'meeting-1', itemId: 'item-1', paragraph: 12, outcome: 'referred_back' as const, completionRequired: 'Komplettera med ekonomiska konsekvenser.', postponedToMeetingId: null };
    await facts.recordItemOutcome(meetingEnvelope('decide-1'), referral);
    await facts.recordItemOutcome(meetingEnvelope('decide-1'), referral);
    const referred = await get(`/api/cases/${caseId}`);
    expect(referred.body).toMatchObject({
      status: 'in_preparation',
      agenda: null,
      completionRequired: 'Komplettera med ekonomiska konsekvenser.',
      decisions: [{ meetingId: 'meeting-1', itemId: 'item-1', paragraph: 12, outcome: 'referred_back' }],
    });

    const revised = await send('PUT', `/api/cases/${caseId}/report`, { ...REPORT, consequences: { economy: 'Ryms inom statsbidraget.' } }, asCaseOfficer);
    expect(revised.body).toMatchObject({ report: { revision: 2, consequences: { economy: 'Ryms inom statsbidraget.', environment: null } } });
    await send('POST', `/api/cases/${caseId}/ready`, undefined, asCommitteeSecretary);
    await facts.placeOnAgenda(meetingEnvelope('add-item-2'), { ...placement, meetingId: 'meeting-2', itemId: 'item-2' });
    await facts.recordItemOutcome(meetingEnvelope('decide-2'), { ...referral, meetingId: 'meeting-2', itemId: 'item-2', paragraph: 4, outcome: 'approved', completionRequired: null });
    const decided = await get(`/api/cases/${caseId}`, asChair);
    expect(decided.body).toMatchObject({ status: 'decided', completionRequired: null });
    expect((decided.body.decisions as Array<{ paragraph: number; outcome: string }>).map((d) => [d.paragraph, d.outcome])).toEqual([
      [12, 'referred_back'],
      [4, 'approved'],
    ]);

    const closed = await send('POST', `/api/cases/${caseId}/close`, { reason: 'Beslutet är verkställt.' }, asRegistrar);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closing: { reason: 'Beslutet är verkställt.', by: 'anna.registrator' } });
  });

  it('a case is withdrawn before a decision and then closed', async () => {
    const caseId = await setUp();
    const withdrawn = await send('POST', `/api/cases/${caseId}/withdraw`, { reason: 'Ärendet har ersatts av ett nytt ärende.' }, asCaseOfficer);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawal: { reason: 'Ärendet har ersatts av ett nytt ärende.', by: 'per.handlaggare' } });
    expect((await send('POST', `/api/cases/${caseId}/close`, { reason: 'Återkallat.' }, asRegistrar)).body.status).toBe('closed');
  });

  it('a retried command with the same Idempotency-Key has effect once, also after a crash before its answer was kept', async () => {
    const caseId = await setUp();
    const headers = { ...asCaseOfficer, 'idempotency-key': 'report-1' };
    await send('POST', `/api/cases/${caseId}/documents`, OFFICIAL_REPORT_DOCUMENT, asCaseOfficer);
    const first = await send('PUT', `/api/cases/${caseId}/report`, REPORT, headers);
    const afterFirst = await count();
    const second = await send('PUT', `/api/cases/${caseId}/report`, REPORT, headers);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await count()).toBe(afterFirst);

    // the crash: the document reached the case stream, the stored answer did not
    const key = 'crashed-doc';
    const envelope = { ...meetingEnvelope(key), commandType: 'AttachDocument', actor: { ...secretaryActor, userId: 'per.handlaggare', role: 'case_officer' as const } };
    const documentId = deterministicId('region-exempel', key, 'document');
    await running.app
      .get(CommandPipeline)
      .execute(caseDecider, `case-${caseId}`, { type: 'AttachDocument', documentId, ...OFFICIAL_REPORT_DOCUMENT, kind: 'official_report', secrecy: null }, envelope);
    const beforeRetry = await count();
    const retried = await send('POST', `/api/cases/${caseId}/documents`, OFFICIAL_REPORT_DOCUMENT, { ...asCaseOfficer, 'idempotency-key': key });
    expect(retried.status).toBe(201);
    expect((retried.body.documents as Array<{ documentId: string }>).filter((d) => d.documentId === documentId)).toHaveLength(1);
    // only the kept answer was added, nothing on the case
    expect((await running.allEvents()).slice(beforeRetry).map((e) => e.type)).toEqual(['CommandCompleted']);
  });

  describe('refusals are problem+json, name the rule, and write nothing', () => {
    it('CASE-REPORT-REQUIRED, CASE-OFFICER-ROLE, CASE-DECISION-POINTS', async () => {
      const caseId = await setUp();
      await refused(() => send('POST', `/api/cases/${caseId}/ready`, undefined, asCaseOfficer), 422, 'CASE-REPORT-REQUIRED');
      await refused(() => send('PUT', `/api/cases/${caseId}/report`, REPORT, asRegistrar), 422, 'CASE-OFFICER-ROLE');
      const gap = { ...REPORT, decisionPoints: [REPORT.decisionPoints[0], { ...REPORT.decisionPoints[2], number: 3 }] };
      await refused(() => send('PUT', `/api/cases/${caseId}/report`, gap, asCaseOfficer), 422, 'CASE-DECISION-POINTS');
      await refused(() => send('PUT', `/api/cases/${caseId}/report`, { ...REPORT, decisionPoints: [] }, asCaseOfficer), 422, 'CASE-DECISION-POINTS');
    });

    it('CASE-SECRECY-GROUND and CASE-DOCUMENT-ROLE', async () => {
      const caseId = await setUp();
      for (const secrecy of [{}, { legalGround: 'hemligt' }]) {
        await refused(() => send('POST', `/api/cases/${caseId}/documents`, { ...OFFICIAL_REPORT_DOCUMENT, secrecy }, asCaseOfficer), 422, 'CASE-SECRECY-GROUND');
      }
      await refused(() => send('POST', `/api/cases/${caseId}/documents`, OFFICIAL_REPORT_DOCUMENT, asChair), 422, 'CASE-DOCUMENT-ROLE');
    });

    it('CASE-PREPARATION-BODY, CASE-PREPARATION-DATE, CASE-PREPARATION-ROLE', async () => {
      const caseId = await setUp();
      await send('PUT', `/api/cases/${caseId}/report`, REPORT, asCaseOfficer);
      await refused(() => send('POST', `/api/cases/${caseId}/preparations`, { ...PREPARATION, bodyId: 'okant-rad' }, asCaseOfficer), 422, 'CASE-PREPARATION-BODY');
      await refused(() => send('POST', `/api/cases/${caseId}/preparations`, { ...PREPARATION, date: '2022-03-16' }, asCaseOfficer), 422, 'CASE-PREPARATION-DATE');
      await refused(() => send('POST', `/api/cases/${caseId}/preparations`, PREPARATION, asRegistrar), 422, 'CASE-PREPARATION-ROLE');
    });

    it('CASE-STATUS names the status the case is in; CASE-CLOSE-ROLE; CASE-WITHDRAW-ROLE', async () => {
      const caseId = await setUp();
      await prepareAndReady(caseId);
      const body = await refused(() => send('POST', `/api/cases/${caseId}/close`, { reason: 'Klart.' }, asRegistrar), 422, 'CASE-STATUS');
      expect(body.title).toBe('Det går inte att avsluta ärendet när ärendet är klart för föredragningslistan (ready_for_agenda).');
      await refused(() => send('PUT', `/api/cases/${caseId}/report`, { ...REPORT, summary: 'Ny.' }, asCaseOfficer), 422, 'CASE-STATUS');
      await refused(() => send('POST', `/api/cases/${caseId}/close`, { reason: 'Klart.' }, asCaseOfficer), 422, 'CASE-CLOSE-ROLE');
      await refused(() => send('POST', `/api/cases/${caseId}/withdraw`, { reason: 'Ersatt.' }, asChair), 422, 'CASE-WITHDRAW-ROLE');
    });

    it('NOT-FOUND: an unknown case, and another organisation’s case', async () => {
      const caseId = await setUp();
      await refused(() => send('POST', '/api/cases/0b8e7c1e-0000-4000-8000-000000000000/ready', undefined, asCaseOfficer), 404, 'NOT-FOUND');
      const elsewhere = { ...asCaseOfficer, 'x-organisation-id': 'goteborgs-stad' };
      await refused(() => send('POST', `/api/cases/${caseId}/documents`, OFFICIAL_REPORT_DOCUMENT, elsewhere), 404, 'NOT-FOUND');
      await refused(() => get(`/api/cases/${caseId}`, elsewhere), 404, 'NOT-FOUND');
    });

    it('VALIDATION: a fingerprint that is no SHA-256, an unknown document kind, a date that is no date', async () => {
      const caseId = await setUp();
      const body = await refused(
        () => send('POST', `/api/cases/${caseId}/documents`, { title: 'Handling', kind: 'memo', sha256: 'abc' }, asCaseOfficer),
        400,
        'VALIDATION',
      );
      expect((body.errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual(['kind', 'sha256']);
      await refused(() => send('POST', `/api/cases/${caseId}/preparations`, { ...PREPARATION, date: '2022-02-30' }, asCaseOfficer), 400, 'VALIDATION');
    });
  });
});
