import { MKR, REGIONAL_BOARD } from '../../src/demo/seed-003.data';
import { loadSeed003Demo } from '../../src/demo/seed-003.demo';
import { asAuditor, asCaseOfficer, asChair, asCommitteeSecretary, asRegionalDirector, asRegistrar, call, Headers, RunningApp, startApp } from '../support/app';
import { READ_DATABASES } from '../support/read-databases';
import { agreementSuite, asMember, JOURNAL, Json, readyCases, setUpRegion, THREE_MEMBER_BOARD, THREE_MEMBER_MEETING } from '../support/workflow';

/**
 * The deadlines (GET /api/deadlines) over HTTP on both read databases: each kind raised by the
 * event that creates the duty and met by the event that fulfils it; overdue by the test's clock.
 */
const asRecipient: Headers = { ...asRegistrar, 'x-user-id': 'ulla.mottagare', 'x-user-role': 'recipient' };

describe.each(READ_DATABASES)('deadlines on $name', (db) => {
  let running: RunningApp;

  const read = (query = '', headers: Headers = asRegistrar) => call(running.url, 'GET', `/api/deadlines${query}`, { headers });
  const list = async (query = ''): Promise<Json> => {
    await running.settled();
    const r = await read(query);
    if (r.status !== 200) throw new Error(`${query}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const rows = async (query = '') => (await list(query)).items as Json[];
  const row = async (key: string) => (await rows('?includeDone=true&limit=500')).find((r) => r.key === key);
  const step = async (method: string, path: string, body?: unknown, headers: Headers = asCommitteeSecretary): Promise<Json> => {
    const r = await call(running.url, method, path, { body, headers });
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const at = (iso: string) => running.clock.set(new Date(iso));
  const convene = async (startsAt: string) =>
    (await step('POST', '/api/meetings', { bodyId: REGIONAL_BOARD.bodyId, startsAt, place: 'Regionens hus, sal A', adjusterUserIds: ['lars.ledamot'] })).meetingId as string;

  describe('raised and met by the workflow', () => {
    afterEach(() => running.close());

    it('given a meeting, when it is held, adjusted (one § at once) and announced, then adjustment, notices and appeal windows appear and are met in turn', async () => {
      running = await startApp({ env: db.env(), now: new Date('2022-03-01T08:00:00Z') });
      await setUpRegion(running, { members: THREE_MEMBER_BOARD });
      const [first, second] = await readyCases(running, ['Ändrad taxa för äldreomsorg', 'Upphandling av ambulansflyg']);
      const meetingId = await convene('2022-03-15T13:00:00+01:00');
      const path = `/api/meetings/${meetingId}`;
      await step('POST', `${path}/items`, { caseId: first });
      const items = (await step('POST', `${path}/items`, { caseId: second })).items as Json[];
      const itemId = items.find((i) => i.caseId === second)!.itemId as string;
      // convened is not held: nothing to adjust yet
      expect(await rows('?kind=protocol-adjustment')).toEqual([]);

      at('2022-03-15T12:00:00Z');
      await step('PUT', `${path}/attendance`, { present: THREE_MEMBER_MEETING.present });
      const adjustment = (await rows())[0];
      expect(adjustment).toMatchObject({ key: `protocol-adjustment:${meetingId}`, kind: 'protocol-adjustment', dueOn: '2022-03-29', done: false, overdue: false });
      expect(adjustment).toMatchObject({ organisationId: 'region-exempel', bodyId: 'regionstyrelsen', subject: { meetingId, itemId: null, caseId: null } });
      expect(adjustment.description).toContain('fjorton dagar efter sammanträdet (KL 5 kap. 69 §, för nämnder genom 6 kap. 35 §');

      for (const item of (await step('GET', path)).items as Json[]) await step('POST', `${path}/items/${item.itemId as string}/decision`, { outcome: 'approved' });
      // the second § adjusted at once (omedelbar justering) and announced the next day
      await step('POST', `${path}/items/${itemId}/adjustment-signatures`, undefined, asChair);
      await step('POST', `${path}/items/${itemId}/adjustment-signatures`, undefined, asMember('lars.ledamot'));
      await step('POST', `${path}/close`);
      const paragraphNotice = await row(`notice:${meetingId}:${itemId}`);
      expect(paragraphNotice).toMatchObject({ dueOn: '2022-03-17', done: false, subject: { meetingId, itemId, paragraph: 2, caseId: second } });
      expect(paragraphNotice!.description).toContain('omedelbara justeringen av § 2');
      at('2022-03-16T08:00:00Z');
      await step('POST', `${path}/items/${itemId}/notice`, { postedOn: '2022-03-16' });
      expect(await row(`notice:${meetingId}:${itemId}`)).toMatchObject({ done: true, doneOn: '2022-03-16', doneBy: 'AdjustmentNoticePosted' });
      expect(await row(`appeal-window:${meetingId}:${itemId}`)).toMatchObject({ dueOn: '2022-04-06', done: false, subject: { itemId, paragraph: 2 } });

      // the protocol adjusted on Thursday 17 March: the notice is due on Saturday 19, moved to Monday 21 (LAG-1930-173)
      at('2022-03-17T10:00:00Z');
      await step('POST', `${path}/adjustment-signatures`, undefined, asChair);
      await step('POST', `${path}/adjustment-signatures`, undefined, asMember('lars.ledamot'));
      expect(await row(`protocol-adjustment:${meetingId}`)).toMatchObject({ done: true, doneOn: '2022-03-17', doneBy: 'ProtocolAdjusted', overdue: false });
      const notice = await row(`notice:${meetingId}`);
      expect(notice).toMatchObject({ kind: 'notice', dueOn: '2022-03-21', done: false, overdue: false });
      expect(notice!.description).toContain('lag (1930:173)');

      at('2022-03-22T08:00:00Z');
      expect(await row(`notice:${meetingId}`)).toMatchObject({ overdue: true });
      await step('POST', `${path}/notice`, { postedOn: '2022-03-22' });
      expect(await row(`notice:${meetingId}`)).toMatchObject({ done: true, doneOn: '2022-03-22', overdue: false });
      // what is left to watch: the two appeal windows, the paragraph's first
      expect((await rows()).map((r) => [r.key, r.dueOn])).toEqual([
        [`appeal-window:${meetingId}:${itemId}`, '2022-04-06'],
        [`appeal-window:${meetingId}`, '2022-04-12'],
      ]);
      // a window ends, it is never overdue
      at('2022-04-07T08:00:00Z');
      expect((await rows()).map((r) => r.key)).toEqual([`appeal-window:${meetingId}`]);
      expect(await row(`appeal-window:${meetingId}:${itemId}`)).toMatchObject({ done: true, doneOn: '2022-04-06', doneBy: null, overdue: false });
      at('2022-04-13T08:00:00Z');
      expect(await rows()).toEqual([]);
    });

    it('given delegated and urgent decisions and an agreement, when meetings are convened and cancelled, decisions reported and the agreement settled, then each deadline moves and is met', async () => {
      running = await startApp({ env: db.env(), now: new Date('2022-03-15T09:00:00Z') });
      const { post, budgetedAndDelegated, activity } = agreementSuite(() => running);
      const { agreementId, delegationId } = await budgetedAndDelegated();
      const agreementRows = async () => (await rows('?includeDone=true')).filter((r) => (r.kind as string).startsWith('agreement-'));
      expect((await agreementRows()).map((r) => [r.kind, r.dueOn, r.bodyId, r.done])).toEqual([
        ['agreement-use', '2022-12-31', 'regionstyrelsen', false],
        ['agreement-reporting', '2023-03-31', 'regionstyrelsen', false],
        ['agreement-repayment', '2023-06-30', 'regionstyrelsen', false],
      ]);

      const allocated = await step('POST', `/api/agreements/${agreementId}/activities`, activity(JOURNAL, 4 * MKR, { delegationId }), asRegionalDirector);
      const urgent = await step('POST', `/api/bodies/${REGIONAL_BOARD.bodyId}/urgent-decisions`, { subject: 'Yttrande över remiss', decisionText: 'Tillstyrks.' }, asChair);
      const decisionKeys = [allocated.delegatedDecisionId as string, urgent.delegatedDecisionId as string].map((id) => `delegated-decision-report:${id}`);
      const reports = async () => (await rows('?kind=delegated-decision-report&includeDone=true')).filter((r) => decisionKeys.includes(r.key as string));
      const delegated = (await reports()).find((r) => r.key === decisionKeys[0])!;
      // no meeting of the board after the decision: undated, and listed after every dated deadline
      expect(delegated).toMatchObject({ dueOn: null, dueMeetingId: null, done: false, overdue: false, subject: { agreementId, decisionId: allocated.delegatedDecisionId } });
      expect(delegated.subject.caseId).toEqual((await agreementRows())[0].subject.caseId);
      expect(delegated.description).toContain('inget sammanträde är kallat ännu');
      expect((await reports()).find((r) => r.key === decisionKeys[1])!.description).toContain('Ordförandebeslutet i brådskande ärende ”Yttrande över remiss”');
      const all = await rows();
      expect(all.slice(-2).map((r) => r.key).sort()).toEqual([...decisionKeys].sort());

      const later = await convene('2022-04-12T13:00:00+02:00');
      expect((await reports()).map((r) => [r.dueOn, r.dueMeetingId])).toEqual([
        ['2022-04-12', later],
        ['2022-04-12', later],
      ]);
      const sooner = await convene('2022-04-05T13:00:00+02:00');
      expect((await reports()).every((r) => r.dueMeetingId === sooner && r.dueOn === '2022-04-05')).toBe(true);
      expect((await reports())[0].description).toContain('vid nästa sammanträde 2022-04-05');
      await step('POST', `/api/meetings/${sooner}/cancellation`, { reason: 'Sammanträdet ställs in.' });
      expect((await reports()).every((r) => r.dueMeetingId === later && r.dueOn === '2022-04-12')).toBe(true);

      at('2022-04-12T11:30:00Z');
      await step('PUT', `/api/meetings/${later}/attendance`, { present: THREE_MEMBER_MEETING.present });
      await step('POST', `/api/meetings/${later}/delegated-decision-reports`, { decisionIds: [allocated.delegatedDecisionId, urgent.delegatedDecisionId] });
      expect((await reports()).map((r) => [r.done, r.doneOn, r.doneBy])).toEqual([
        [true, '2022-04-12', 'DelegatedDecisionsReported'],
        [true, '2022-04-12', 'DelegatedDecisionsReported'],
      ]);

      // the agreement: its use deadline passes before the repayment is computed
      at('2022-12-30T09:00:00Z');
      await post(agreementId, 'outcomes', { activityId: allocated.activityId, spentOre: 3 * MKR, reportedOn: '2022-12-30' }, asCaseOfficer);
      at('2023-01-10T09:00:00Z');
      expect((await agreementRows()).map((r) => [r.kind, r.overdue])).toEqual([
        ['agreement-use', true],
        ['agreement-reporting', false],
        ['agreement-repayment', false],
      ]);
      await step('POST', `/api/agreements/${agreementId}/repayment`);
      expect((await agreementRows()).map((r) => [r.kind, r.done, r.doneOn, r.doneBy, r.overdue])).toEqual([
        ['agreement-use', true, '2023-01-10', 'RepaymentComputed', false],
        ['agreement-reporting', false, null, null, false],
        ['agreement-repayment', true, '2023-01-10', 'RepaymentComputed', false],
      ]);
      at('2023-03-28T09:00:00Z');
      await step('POST', `/api/agreements/${agreementId}/reporting-back`, { submittedOn: '2023-03-28', reference: 'RS 2023-00017' });
      expect((await agreementRows())[1]).toMatchObject({ kind: 'agreement-reporting', done: true, doneOn: '2023-03-28', doneBy: 'ReportingBackRecorded' });
      expect((await rows()).filter((r) => (r.kind as string).startsWith('agreement-'))).toEqual([]);
    });

  });

  describe('the seed-003 demo', () => {
    beforeAll(async () => {
      running = await startApp({ env: db.env(), now: new Date('2026-11-23T09:00:00Z') });
      await loadSeed003Demo(running.app);
    }, 120_000);
    beforeEach(() => at('2026-11-23T09:00:00Z'));
    afterAll(() => running.close());
    const kinds = (items: Json[]) => items.map((r) => r.kind as string);

    it('given the demo, when listed with and without what is done, then earliest first, undated last, overdue by today', async () => {
      expect(kinds(await rows('?includeDone=true'))).toEqual([
        'notice',
        'protocol-adjustment',
        'appeal-window',
        'agreement-use',
        'agreement-reporting',
        'agreement-repayment',
        'delegated-decision-report',
        'delegated-decision-report',
        'delegated-decision-report',
      ]);
      expect((await rows('?includeDone=true')).slice(0, 3).map((r) => [r.dueOn, r.done, r.doneOn])).toEqual([
        ['2022-03-28', true, '2022-03-25'],
        ['2022-04-05', true, '2022-03-24'],
        ['2022-04-19', true, '2022-04-19'],
      ]);
      const open = await rows();
      expect(kinds(open)).toEqual(kinds(await rows('?includeDone=true')).slice(3));
      expect(open.map((r) => r.overdue)).toEqual([true, true, true, false, false, false]);
      // overdue is today's question, not the row's
      at('2022-04-25T12:00:00Z');
      expect((await rows()).map((r) => r.overdue)).toEqual([false, false, false, false, false, false]);
    });

    it('given the demo, when filtered by kind, body, organisation and due dates, then only the matching deadlines', async () => {
      expect((await list('?kind=delegated-decision-report')).total).toBe(3);
      expect(kinds(await rows('?kind=appeal-window&includeDone=true'))).toEqual(['appeal-window']);
      expect((await list('?bodyId=regionstyrelsen')).total).toBe(6);
      expect((await list('?bodyId=halso-och-sjukvardsnamnden')).total).toBe(0);
      expect((await list('?organisationId=region-exempel')).total).toBe(6);
      expect(kinds(await rows('?dueBefore=2023-01-01'))).toEqual(['agreement-use']);
      expect(kinds(await rows('?dueFrom=2023-01-01'))).toEqual(['agreement-reporting', 'agreement-repayment']);
      expect(kinds(await rows('?dueFrom=2022-03-29&dueBefore=2023-03-31&includeDone=true'))).toEqual(['protocol-adjustment', 'appeal-window', 'agreement-use']);
    });

    it('given the demo, when paged, then pages follow the order without overlap and count every match', async () => {
      const all = (await rows('?includeDone=true')).map((r) => r.key);
      const pages = [await list('?includeDone=true&limit=4'), await list('?includeDone=true&limit=4&offset=4'), await list('?includeDone=true&limit=4&offset=8')];
      expect(pages.map((p) => [p.total, p.limit, p.offset, (p.items as Json[]).length])).toEqual([
        [9, 4, 0, 4],
        [9, 4, 4, 4],
        [9, 4, 8, 1],
      ]);
      expect(pages.flatMap((p) => (p.items as Json[]).map((r) => r.key))).toEqual(all);
    });

    it('REGISTER-ROLE: given the deadlines, when a recipient of extracts asks, then 403 problem+json; an auditor reads them', async () => {
      const refused = await read('', asRecipient);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ type: 'REGISTER-ROLE' });
      expect((await read('', asAuditor)).status).toBe(200);
    });

    it.each([
      ['an unknown kind', '?kind=meeting', 400, 'VALIDATION'],
      ['a day that does not exist', '?dueBefore=2022-02-30', 400, 'VALIDATION'],
      ['a date and time', '?dueFrom=2022-03-01T00:00:00Z', 400, 'VALIDATION'],
      ['a range that is empty', '?dueFrom=2022-04-01&dueBefore=2022-04-01', 400, 'VALIDATION'],
      ['includeDone neither true nor false', '?includeDone=yes', 400, 'VALIDATION'],
      ['a page too large', '?limit=501', 400, 'VALIDATION'],
      ['an unknown filter', '?overdue=true', 400, 'VALIDATION'],
      ['a body id that is no slug', '?bodyId=Regionstyrelsen', 400, 'VALIDATION'],
      ['a body the organisation does not have', '?bodyId=kommunfullmaktige', 404, 'NOT-FOUND'],
      ['another organisation', '?organisationId=region-annan', 404, 'NOT-FOUND'],
    ])('given %s (%s), when the deadlines are asked for, then %i problem+json', async (_what, query, status, type) => {
      const r = await read(query);
      expect(r.status).toBe(status);
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(r.body).toMatchObject({ type, status });
    });
  });
});
