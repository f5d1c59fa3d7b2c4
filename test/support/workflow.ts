import {
  AGREEMENT,
  AREAS,
  BOARD_MEMBERS,
  CASE,
  CHAIR,
  DELEGATION_AMOUNT_LIMIT_ORE,
  DELEGATION_SCOPE_KINDS,
  HEALTH_COMMITTEE,
  OFFICIAL_REPORT,
  ORGANISATION,
  REGIONAL_BOARD,
} from '../../src/demo/seed-003.data';
import { DelegationRegister } from '../../src/delegations/delegation-register';
import { BodyDecisionRef } from '../../src/meetings/decision-authority';
import { MeetingCommand } from '../../src/meetings/meeting.commands';
import { meetingDecider } from '../../src/meetings/meeting.decider';
import { Actor } from '../../src/platform/actor';
import { CommandPipeline } from '../../src/platform/command-pipeline';
import { asCaseOfficer, asChair, asCommitteeSecretary, asRegistrar, call, expectRefusal, Headers, Reply, RunningApp } from './app';

/**
 * Setup steps of the decision workflow over HTTP, for the e2e suites whose subject comes after
 * them. Every step must answer with its usual status, or the suite stops at that step with the
 * problem it got. The seed-003 and demo suites spell the chain out on purpose and do not use these.
 */

export interface Member {
  userId: string;
  name: string;
  seat: 'ordinary' | 'deputy';
}

export interface BoardMeeting {
  startsAt: string;
  place: string;
  adjusterUserIds: string[];
  present: Array<{ userId: string; servingFor?: string }>;
}

/** A member of the board speaking for themself, e.g. an adjuster signing the protocol. */
export const asMember = (userId: string): Headers => ({ ...asCaseOfficer, 'x-user-id': userId });

/** The smallest board the delegation and agreement suites need: three ordinary members, Eva in the chair. */
export const THREE_MEMBER_BOARD: readonly Member[] = [
  { userId: 'eva.ordforande', name: 'Eva Ordförande', seat: 'ordinary' },
  { userId: 'lars.ledamot', name: 'Lars Ledamot', seat: 'ordinary' },
  { userId: 'karin.ledamot', name: 'Karin Ledamot', seat: 'ordinary' },
];

/** Its meeting on 15 March 2022: all three present (quorate), Lars adjusts with the chair. */
export const THREE_MEMBER_MEETING: BoardMeeting = {
  startsAt: '2022-03-15T13:00:00+01:00',
  place: 'Regionens hus, sal A',
  adjusterUserIds: ['lars.ledamot'],
  present: THREE_MEMBER_BOARD.map(({ userId }) => ({ userId })),
};

async function step(running: RunningApp, method: string, path: string, headers: Headers, body: unknown, status: number): Promise<Record<string, unknown>> {
  const reply = await call(running.url, method, path, { body, headers });
  if (reply.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/**
 * Seed 003's region and its regional board with the members (seed 003's seven unless told) and
 * Eva in the chair; with `healthCommittee`, also the committee that prepares cases.
 */
export async function setUpRegion(running: RunningApp, options: { members?: readonly Member[]; healthCommittee?: boolean } = {}): Promise<void> {
  const { members = BOARD_MEMBERS, healthCommittee = false } = options;
  const board = `/api/bodies/${REGIONAL_BOARD.bodyId}`;
  await step(running, 'POST', '/api/organisations', asRegistrar, ORGANISATION, 201);
  await step(running, 'POST', '/api/bodies', asCommitteeSecretary, REGIONAL_BOARD, 201);
  if (healthCommittee) await step(running, 'POST', '/api/bodies', asCommitteeSecretary, HEALTH_COMMITTEE, 201);
  for (const { userId, name, seat } of members) await step(running, 'PUT', `${board}/members/${userId}`, asCommitteeSecretary, { name, seat }, 200);
  await step(running, 'PUT', `${board}/chair`, asCommitteeSecretary, { userId: CHAIR }, 200);
}

/** A case registered by the registrar in the RS registry (seed 003's title unless told). */
export async function registeredCase(running: RunningApp, title: string = CASE.title): Promise<string> {
  return (await step(running, 'POST', '/api/cases', asRegistrar, { ...CASE, title }, 201)).caseId as string;
}

/** A registered case with seed 003's official report (or the given one), ready for the agenda. */
export async function readyCase(running: RunningApp, options: { title?: string; report?: object } = {}): Promise<string> {
  const caseId = await registeredCase(running, options.title);
  await step(running, 'PUT', `/api/cases/${caseId}/report`, asCaseOfficer, options.report ?? OFFICIAL_REPORT, 200);
  await step(running, 'POST', `/api/cases/${caseId}/ready`, asCaseOfficer, {}, 200);
  return caseId;
}

/** One ready case per title, registered in that order. */
export async function readyCases(running: RunningApp, titles: string[]): Promise<string[]> {
  const caseIds: string[] = [];
  for (const title of titles) caseIds.push(await readyCase(running, { title }));
  return caseIds;
}

/**
 * A meeting of the regional board that approves each case under its own §, closes, and is adjusted
 * by the chair and the adjusters: the decisions a budget or a delegation can rest on (DECISION-AUTHORITY).
 */
export async function adjustedApprovals(running: RunningApp, caseIds: string[], meeting: BoardMeeting): Promise<BodyDecisionRef[]> {
  const { present, ...convene } = meeting;
  const meetingId = (await step(running, 'POST', '/api/meetings', asCommitteeSecretary, { bodyId: REGIONAL_BOARD.bodyId, ...convene }, 201)).meetingId as string;
  const path = `/api/meetings/${meetingId}`;
  await step(running, 'PUT', `${path}/attendance`, asCommitteeSecretary, { present }, 200);
  type Item = { itemId: string; caseId: string; paragraph: number | null };
  const refs: BodyDecisionRef[] = [];
  for (const caseId of caseIds) {
    const agenda = await step(running, 'POST', `${path}/items`, asCommitteeSecretary, { caseId }, 201);
    const { itemId } = (agenda.items as Item[]).find((i) => i.caseId === caseId)!;
    const decided = await step(running, 'POST', `${path}/items/${itemId}/decision`, asCommitteeSecretary, { outcome: 'approved' }, 201);
    refs.push({ meetingId, paragraph: (decided.items as Item[]).find((i) => i.itemId === itemId)!.paragraph! });
  }
  await step(running, 'POST', `${path}/close`, asCommitteeSecretary, undefined, 201);
  await step(running, 'POST', `${path}/adjustment-signatures`, asChair, undefined, 201);
  for (const adjuster of meeting.adjusterUserIds) await step(running, 'POST', `${path}/adjustment-signatures`, asMember(adjuster), undefined, 201);
  return refs;
}

/**
 * Decision point 2 of seed 003 as the terms of a delegation: the regional director decides
 * activities and moves inside each area of the agreement, up to 5 000 000 kr a decision, in 2022.
 */
export const seedDelegationTerms = (agreementId: string, decision: BodyDecisionRef, validFrom = '2022-03-15') => ({
  bodyId: REGIONAL_BOARD.bodyId,
  decision,
  delegates: [{ role: 'regional_director' }],
  scope: { agreementId, areaIds: AREAS.map((a) => a.areaId), kinds: DELEGATION_SCOPE_KINDS },
  amountLimitOre: DELEGATION_AMOUNT_LIMIT_ORE,
  validFrom,
  validUntil: '2022-12-31',
});

/*
 * What the two suites of one capability share. Each takes the suite's app as a function, because
 * every test starts a fresh one; the tests read these under the names they had in one file.
 */

/** The board of the meeting decider specs meets on Tuesday 22 March 2022, from § 14, with Maria as adjuster. */
export const MEETING_CONVENE = {
  bodyId: 'regionstyrelsen',
  startsAt: '2022-03-22T13:00:00.000Z',
  place: 'Regionens hus, sammanträdesrum Vättern',
  firstParagraph: 14,
  adjusterUserIds: ['maria.justerare'],
};

export interface MeetingItemBody {
  itemId: string;
  paragraph: number;
  participants: string[];
  quorum: { serving: number; quorate: boolean };
  notice: { postedOn: string; overdue: boolean } | null;
  appealEndsOn: string | null;
  legalForce: { status: string; legalForceOn: string | null };
}

/** The meetings and meeting-protocol suites: requests, the board's meeting, a ready case on its agenda, and crashed commands. */
export function meetingSuite(app: () => RunningApp) {
  const req = (method: string, path: string, headers: Headers, body?: unknown) => call(app().url, method, path, { headers, body });
  const ok = async (response: Promise<Reply>, status = 201): Promise<Reply> => {
    const r = await response;
    if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
    return r;
  };
  /** a refusal is problem+json naming the rule, and the store is exactly as before */
  const refused = (request: () => Promise<Reply>, status: number, type: string) => expectRefusal(app(), request, status, type);
  const item = (r: Reply, index = 0) => (r.body.items as MeetingItemBody[])[index];

  async function convene(headers: Headers = asCommitteeSecretary): Promise<{ meetingId: string; path: string; reply: Reply }> {
    const reply = await ok(req('POST', '/api/meetings', headers, MEETING_CONVENE));
    const meetingId = reply.body.meetingId as string;
    return { meetingId, path: `/api/meetings/${meetingId}`, reply };
  }

  const caseOf = async (caseId: string) => (await req('GET', `/api/cases/${caseId}`, asRegistrar, undefined)).body;
  /** a command appended as if its request had crashed before answering: the meeting has it, the key's answer is not stored */
  const crashedBefore = (meetingId: string, key: string, actor: Actor, command: MeetingCommand) =>
    app().app.get(CommandPipeline).execute(meetingDecider, `meeting-${meetingId}`, command, {
      commandId: key,
      retryable: true,
      commandType: command.type,
      actor,
      correlationId: key,
      causationId: key,
    });
  const secretary: Actor = { userId: 'sara.sekreterare', role: 'committee_secretary', organisationId: 'region-exempel' };

  /** a ready case on the agenda of a new meeting, attendance recorded once the meeting has started */
  async function meetingWithItem(present: Array<{ userId: string; servingFor?: string }>) {
    const caseId = await readyCase(app());
    const meeting = await convene();
    const added = await ok(req('POST', `${meeting.path}/items`, asCommitteeSecretary, { caseId }));
    app().clock.set(new Date('2022-03-22T13:05:00Z'));
    await ok(req('PUT', `${meeting.path}/attendance`, asCommitteeSecretary, { present }), 200);
    return { ...meeting, caseId, itemId: item(added).itemId, itemPath: `${meeting.path}/items/${item(added).itemId}` };
  }
  const three = [{ userId: 'eva.ordforande' }, { userId: 'lars.ledamot' }, { userId: 'maria.justerare' }];
  const asMaria = asMember('maria.justerare');
  return { req, ok, refused, item, convene, caseOf, crashedBefore, secretary, meetingWithItem, three, asMaria };
}

/** The delegations and delegation-versions suites: requests, seed 003's terms, and the board in session. */
export function delegationSuite(app: () => RunningApp) {
  const send = (method: string, path: string, body?: unknown, headers: Headers = asCommitteeSecretary) =>
    call(app().url, method, path, { body, headers });
  const ok = async (response: Promise<Reply>, status = [200, 201]): Promise<Record<string, unknown>> => {
    const r = await response;
    if (!status.includes(r.status)) throw new Error(`${r.status}: ${JSON.stringify(r.body)}`);
    return r.body;
  };
  /** the agreement the terms delegate over: a delegation names an agreement that exists (DELEGATION-AGREEMENT) */
  let agreementId = '';
  const openAgreement = async (caseId: string): Promise<string> => {
    agreementId = (await ok(send('POST', '/api/agreements', { caseId, ...AGREEMENT }, asCaseOfficer))).agreementId as string;
    return agreementId;
  };
  const terms = (decision: BodyDecisionRef, over: Record<string, unknown> = {}) => ({ ...seedDelegationTerms(agreementId, decision), ...over });
  /** the board's meeting under way at `at`, all three members present: delegated decisions are reported to a quorate body */
  const inSession = async (meetingId: string, at: Date) => {
    app().clock.set(at);
    await ok(send('PUT', `/api/meetings/${meetingId}/attendance`, { present: THREE_MEMBER_MEETING.present }));
  };
  /** a refusal is problem+json naming the rule, and the store is exactly as before */
  const refused = (request: () => Promise<Reply>, status: number, type: string) => expectRefusal(app(), request, status, type);
  return { send, ok, terms, openAgreement, inSession, refused };
}

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON answers read by path
const NBSP = '\u00a0';
/** an amount as the ledger formats it, with no-break spaces */
export const kr = (text: string) => text.replaceAll(' ', NBSP);
export const JOURNAL = 'Strukturerad vårdinformation i journalen';
export const AGREEMENT_CASE = 'Fördelning överenskommelse God och nära vård 2022';

/** The agreements and agreement-settlement suites: requests, the board, budgets and the regional director's delegation. */
export function agreementSuite(app: () => RunningApp) {
  const send = (method: string, path: string, body?: unknown, headers: Headers = asCommitteeSecretary) => call(app().url, method, path, { body, headers });
  const ok = async (response: Promise<Reply>): Promise<Json> => {
    const r = await response;
    if (r.status !== 200 && r.status !== 201) throw new Error(`${r.status}: ${JSON.stringify(r.body)}`);
    return r.body;
  };
  /** a refusal is problem+json naming the rule, and the store is exactly as before */
  const refused = (request: () => Promise<Reply>, status: number, type: string) => expectRefusal(app(), request, status, type);
  const post = (agreementId: string, what: string, body?: unknown, headers: Headers = asCommitteeSecretary) =>
    send('POST', `/api/agreements/${agreementId}/${what}`, body, headers);
  const at = (iso: string) => app().clock.set(new Date(iso));
  /** the board's delegation register, through the service the meetings read it with (its HTTP list is the delegations suite's) */
  const registerService = () => app().app.get(DelegationRegister);
  const registerOf = () => registerService().decisions('region-exempel', REGIONAL_BOARD.bodyId);

  /** The region and its board (three ordinary members, Eva in the chair). */
  const setUpBoard = () => setUpRegion(app(), { members: THREE_MEMBER_BOARD });
  /** the agreement opened by the case officer in its case */
  const openAgreement = async (caseId: string): Promise<string> =>
    (await ok(send('POST', '/api/agreements', { caseId, ...AGREEMENT }, asCaseOfficer))).agreementId as string;

  const budgets = (decision: BodyDecisionRef) => ({
    decision,
    budgets: AREAS.map((a, i) => ({
      areaId: a.areaId,
      amountOre: a.budgetOre,
      responsibleUserId: `ansvarig.${i + 1}`,
      responsibleName: `Ansvarig tjänsteperson ${i + 1}`,
    })),
  });
  /** decision point 2 of seed 003: activities, and reallocation inside each area, up to 5 000 000 kr a decision */
  const delegate = async (agreementId: string, decision: BodyDecisionRef): Promise<string> =>
    (await ok(send('POST', '/api/delegations', seedDelegationTerms(agreementId, decision)))).delegationId as string;
  /**
   * The agreement handled in its case, which the board approves (with one case per other title,
   * each under its own §, at the same meeting), its budgets set on 25 March by the agreement
   * case's § and the regional director's delegation.
   */
  async function budgetedAndDelegated(otherTitles: string[] = []) {
    await setUpBoard();
    const caseIds = await readyCases(app(), [AGREEMENT_CASE, ...otherTitles]);
    const agreementId = await openAgreement(caseIds[0]);
    // the board meets on 15 March at 13:00
    at('2022-03-15T13:00:00+01:00');
    const decisions = await adjustedApprovals(app(), caseIds, THREE_MEMBER_MEETING);
    at('2022-03-25T10:00:00Z');
    const budgeted = await ok(send('PUT', `/api/agreements/${agreementId}/area-budgets`, budgets(decisions[0])));
    return { agreementId, decisions, budgeted, delegationId: await delegate(agreementId, decisions[0]) };
  }
  const activity = (title: string, amountOre: number, authority: object, extra: object = {}) => ({ areaId: 'vision-ehalsa', title, amountOre, authority, ...extra });
  const area = (ledger: Json, areaId: string) => (ledger.areas as Json[]).find((a) => a.areaId === areaId)!;
  return { send, ok, refused, post, at, registerService, registerOf, setUpBoard, budgets, budgetedAndDelegated, activity, area };
}
