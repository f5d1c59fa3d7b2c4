import { MeetingCommand } from '../../src/meetings/meeting.commands';
import { body as MEETING_BOARD } from '../../src/meetings/meeting.spec-fixtures';
import { MeetingWriter } from '../../src/meetings/meetings.handlers';
import { asChair, asCommitteeSecretary, RunningApp, startApp } from '../support/app';
import { meetingSuite, setUpRegion } from '../support/workflow';

type Json = Record<string, unknown>;

/**
 * KL-6-40 under interleaving, over HTTP: the register's hold names the report that took it, so
 * another report's refusal cannot let it go, and a keyed retry takes its hold again after it was
 * let go. One report is paused at the meeting's append (the real code runs on when let through).
 */
describe('reports of delegated decisions racing (KL-6-40)', () => {
  let running: RunningApp;
  const { req, ok, refused, convene, three } = meetingSuite(() => running);
  const at = (iso: string) => running.clock.set(new Date(iso));
  /** the next report to reach the meeting's append waits there until let through */
  let paused: { arrived: Promise<void>; letThrough: () => void } | null;
  let arrive: () => void = () => undefined;

  beforeEach(async () => {
    running = await startApp({ now: new Date('2022-03-01T09:00:00Z') });
    await setUpRegion(running, { members: MEETING_BOARD.members });
    paused = null;
    const writer = running.app.get(MeetingWriter);
    const original = writer.execute.bind(writer);
    jest.spyOn(writer, 'execute').mockImplementation(async (meetingId: string, command: MeetingCommand, envelope) => {
      const gate = paused;
      if (gate && command.type === 'ReportDelegatedDecisions') {
        paused = null;
        let open: () => void = () => undefined;
        const opened = new Promise<void>((resolve) => (open = resolve));
        gate.letThrough = open;
        arrive();
        await opened;
      }
      return original(meetingId, command, envelope);
    });
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await running.close();
  });

  const pauseNextReport = () => {
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    const gate = { arrived, letThrough: () => undefined };
    paused = gate;
    return gate;
  };
  const urgentDecision = async () =>
    (await ok(req('POST', '/api/bodies/regionstyrelsen/urgent-decisions', asChair, { subject: 'Yttrande i brådskande remiss', decisionText: 'Tillstyrks.' }))).body
      .delegatedDecisionId as string;
  const registered = async (id: string) => {
    const all = await ok(req('GET', '/api/bodies/regionstyrelsen/delegated-decisions?status=all', asCommitteeSecretary), 200);
    return (all.body.items as Json[]).find((d) => d.delegatedDecisionId === id)!.reported;
  };
  const paragraphsOf = async (path: string) => (await ok(req('GET', path, asCommitteeSecretary), 200)).body.delegatedDecisionReports as Json[];
  const inSession = async () => {
    const meetings = [await convene(), await convene()];
    at('2022-03-22T13:05:00Z');
    for (const m of meetings) await ok(req('PUT', `${m.path}/attendance`, asCommitteeSecretary, { present: three }), 200);
    return meetings;
  };
  const reportAt = (path: string, decisionIds: string[], key?: string) =>
    req('POST', `${path}/delegated-decision-reports`, key ? { ...asCommitteeSecretary, 'idempotency-key': key } : asCommitteeSecretary, { decisionIds });

  it('KL-6-40: another report refused at the same meeting does not let go of a hold under way, so the decision is reported once', async () => {
    const id = await urgentDecision();
    const [m1, m2] = await inSession();
    const gate = pauseNextReport();
    const first = reportAt(m1.path, [id]);
    await gate.arrived;
    // the first report holds the decision for M1 and waits at the meeting's append
    await refused(() => reportAt(m1.path, [id, 'dd-okand']), 422, 'KL-6-40');
    await refused(() => reportAt(m2.path, [id]), 422, 'KL-6-40');
    gate.letThrough();
    expect((await first).status).toBe(201);
    expect(await registered(id)).toEqual({ meetingId: m1.meetingId, paragraph: 14, reportedOn: '2022-03-22' });
    expect(await paragraphsOf(m1.path)).toEqual([expect.objectContaining({ paragraph: 14, decisionIds: [id] })]);
    expect(await paragraphsOf(m2.path)).toEqual([]);
  });

  it('KL-6-40: a keyed retry takes the hold again after its first try was refused and let it go', async () => {
    const id = await urgentDecision();
    const [m1, m2] = await inSession();
    // the first try holds, then the meeting loses its quorum before the append: refused (KL-6-27) and let go
    const firstTry = pauseNextReport();
    const refusedTry = reportAt(m1.path, [id], 'report-race-2');
    await firstTry.arrived;
    await ok(req('PUT', `${m1.path}/attendance`, asCommitteeSecretary, { present: [{ userId: 'eva.ordforande' }] }), 200);
    firstTry.letThrough();
    expect((await refusedTry).body).toMatchObject({ status: 422, type: 'KL-6-27' });
    expect(await registered(id)).toBeNull();
    await ok(req('PUT', `${m1.path}/attendance`, asCommitteeSecretary, { present: three }), 200);
    // the retry holds the decision again: a report at another meeting meanwhile is refused
    const retry = pauseNextReport();
    const retried = reportAt(m1.path, [id], 'report-race-2');
    await retry.arrived;
    await refused(() => reportAt(m2.path, [id]), 422, 'KL-6-40');
    retry.letThrough();
    expect((await retried).status).toBe(201);
    expect(await registered(id)).toEqual({ meetingId: m1.meetingId, paragraph: 14, reportedOn: '2022-03-22' });
    expect(await paragraphsOf(m1.path)).toEqual([expect.objectContaining({ paragraph: 14, decisionIds: [id] })]);
    expect(await paragraphsOf(m2.path)).toEqual([]);
  });
});
