import { DelegationVersion } from '../delegations/mandate';
import { BodyDecisionFact } from '../meetings/decision-authority';
import { ActivityAllocated, AgreementOpened, AreaBudgetsSet, OutcomeReported } from './agreements.events';
import { AuthorityEvidence } from './agreement.allocation';

/**
 * The reference agreement of seed 003 for the specs (amounts illustrative: the seed gives none).
 * Pure data; the actors are those of test/support/given.ts.
 */
export const MKR = 1_000_000_00;
export const ORG = 'region-exempel';
export const BOARD = 'regionstyrelsen';
export const AGREEMENT_ID = 'a-gonv-2022';
export const AREAS = [
  { areaId: 'nara-vard', name: 'Utvecklingen av den nära vården med primärvården som nav' },
  { areaId: 'medarbetare', name: 'Goda förutsättningar för vårdens medarbetare' },
  { areaId: 'vision-ehalsa', name: 'Insatser inom ramen för Vision e-hälsa 2025' },
  { areaId: 'ambulans', name: 'En förstärkt ambulanssjukvård' },
];
export const BUDGETS: Record<string, number> = { 'nara-vard': 30 * MKR, medarbetare: 12 * MKR, 'vision-ehalsa': 10 * MKR, ambulans: 8 * MKR };

/** inside the delegation's validity and before the use deadline */
export const APRIL = new Date('2022-04-25T09:00:00Z');
export const JANUARY_AFTER = new Date('2023-01-10T09:00:00Z');

export const opened: AgreementOpened = {
  type: 'AgreementOpened',
  data: {
    agreementId: AGREEMENT_ID,
    caseId: 'c-gonv',
    name: 'God och nära vård 2022',
    stateReference: 'S2022/00042',
    year: 2022,
    totalOre: 60 * MKR,
    areas: AREAS,
    useDeadline: '2022-12-31',
    reportingDate: '2023-03-31',
    repaymentDate: '2023-06-30',
    organisationId: ORG,
    recordedAt: '2022-03-15T09:00:00.000Z',
    recordedBy: 'per.handlaggare',
  },
};

export const fact = (paragraph = 1, overrides: Partial<BodyDecisionFact> = {}): BodyDecisionFact => ({
  meetingId: 'm-2022-03-22',
  paragraph,
  organisationId: ORG,
  bodyId: BOARD,
  caseId: 'c-gonv',
  outcome: 'approved',
  decidedOn: '2022-03-22',
  adjusted: true,
  ...overrides,
});

export const boardAuthority = (paragraph = 1) => ({ kind: 'body' as const, meetingId: 'm-2022-03-22', paragraph, bodyId: BOARD });

export const budgetLines = (budgets: Record<string, number> = BUDGETS) =>
  Object.entries(budgets).map(([areaId, amountOre], i) => ({
    areaId,
    amountOre,
    responsibleUserId: `ansvarig.${i + 1}`,
    responsibleName: `Ansvarig tjänsteperson ${i + 1}`,
  }));

export const budgetsSet = (budgets: Record<string, number> = BUDGETS, paragraph = 1, previous: Record<string, number> = {}): AreaBudgetsSet => ({
  type: 'AreaBudgetsSet',
  data: {
    authority: boardAuthority(paragraph),
    decidedOn: '2022-03-22',
    budgets: budgetLines(budgets).map((b) => ({ ...b, previousOre: previous[b.areaId] ?? 0 })),
    recordedAt: '2022-03-25T09:00:00.000Z',
    recordedBy: 'sara.sekreterare',
  },
});

/** decision point 2 of seed 003: the regional director decides activities and reallocates inside each area */
export const delegation = (overrides: Partial<DelegationVersion> = {}): DelegationVersion => ({
  delegationId: 'd-rd',
  version: 1,
  organisationId: ORG,
  bodyId: BOARD,
  delegate: { kind: 'role', role: 'regional_director' },
  scope: { agreementId: AGREEMENT_ID, areaIds: AREAS.map((a) => a.areaId), kinds: ['decide_activities', 'reallocate_within_area'] },
  amountLimitOre: 5 * MKR,
  validFrom: '2022-03-24',
  validUntil: '2022-12-31',
  decision: { meetingId: 'm-2022-03-22', paragraph: 1 },
  revokedAt: null,
  ...overrides,
});

export const underDelegation = (delegatedDecisionId: string, version: DelegationVersion | null = delegation()): AuthorityEvidence => ({
  kind: 'delegated',
  delegationId: 'd-rd',
  delegation: version,
  delegatedDecisionId,
});

export const byBoard = (paragraph = 2, overrides: Partial<BodyDecisionFact> = {}): AuthorityEvidence => ({
  kind: 'body',
  decision: { meetingId: 'm-2022-03-22', paragraph },
  fact: fact(paragraph, overrides),
});

export const delegatedAuthority = (delegatedDecisionId: string, decidedBy = 'anders.bystrom') => ({
  kind: 'delegated' as const,
  delegatedDecisionId,
  delegationId: 'd-rd',
  delegationVersion: 1,
  bodyId: BOARD,
  decidedBy,
});

export const allocated = (activityId: string, areaId: string, amountOre: number, title = `Aktivitet ${activityId}`): ActivityAllocated => ({
  type: 'ActivityAllocated',
  data: {
    activityId,
    areaId,
    title,
    amountOre,
    owner: 'region',
    recipientOrganisationIds: [],
    authority: delegatedAuthority(`dd-${activityId}`),
    recordedAt: APRIL.toISOString(),
    recordedBy: 'anders.bystrom',
  },
});

export const outcomeReported = (activityId: string, areaId: string, spentOre: number, reportedOn = '2022-11-30'): OutcomeReported => ({
  type: 'OutcomeReported',
  data: { activityId, areaId, spentOre, previousSpentOre: 0, reportedOn, correction: false, recordedAt: APRIL.toISOString(), recordedBy: 'per.handlaggare' },
});
