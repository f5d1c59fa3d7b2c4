import {
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
import { BodyDecisionRef } from '../../src/meetings/decision-authority';
import { asCaseOfficer, asChair, asCommitteeSecretary, asRegistrar, call, Headers, RunningApp } from './app';

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
