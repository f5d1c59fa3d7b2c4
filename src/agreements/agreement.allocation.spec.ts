import { caseOfficer, chair, committeeSecretary, given, regionalDirector } from '../../test/support/given';
import { DelegationRules } from '../delegations/delegation.rules';
import { DecisionAuthorityRules } from '../meetings/decision-authority';
import { Actor } from '../platform/actor';
import { AgreementRules as R } from './agreements.rules';
import { AgreementEvent } from './agreements.events';
import { AllocateActivity, agreementDecider, AuthorityEvidence, ReallocateBetweenAreas, ReallocateWithinArea } from './agreement.decider';
import {
  allocated,
  APRIL,
  boardAuthority,
  budgetsSet,
  byBoard,
  delegatedAuthority,
  delegation,
  MKR,
  opened,
  outcomeReported,
  underDelegation,
} from './agreement.fixtures';

const by = (actor: Actor, now = APRIL) => ({ actor, now });
const director = by(regionalDirector);
const agreement = (...history: AgreementEvent[]) => given(agreementDecider, opened, budgetsSet(), ...history);

const allocate = (amountOre: number, authority: AuthorityEvidence = underDelegation('dd-1'), areaId = 'vision-ehalsa'): AllocateActivity => ({
  type: 'AllocateActivity',
  activityId: 'act-1',
  areaId,
  title: 'Strukturerad vårdinformation i journalen',
  amountOre,
  owner: 'region',
  recipientOrganisationIds: [],
  authority,
});
const within = (amountOre: number, authority: AuthorityEvidence = underDelegation('dd-r')): ReallocateWithinArea => ({
  type: 'ReallocateWithinArea',
  reallocationId: 'r-1',
  areaId: 'vision-ehalsa',
  fromActivityId: 'x',
  toActivityId: 'y',
  amountOre,
  authority,
});
const between = (amountOre: number, authority: AuthorityEvidence = byBoard(5)): ReallocateBetweenAreas => ({
  type: 'ReallocateBetweenAreas',
  reallocationId: 'r-2',
  fromAreaId: 'vision-ehalsa',
  toAreaId: 'ambulans',
  amountOre,
  authority,
});
const stamp = (actor: Actor) => ({ recordedAt: APRIL.toISOString(), recordedBy: actor.userId });
const twoActivities = [allocated('x', 'vision-ehalsa', 4 * MKR), allocated('y', 'vision-ehalsa', 3 * MKR)];

describe('agreement decider: allocating activities', () => {
  it('the regional director allocates inside the mandate; the event names the delegation and its version', () => {
    agreement()
      .when(allocate(4 * MKR), director)
      .then([
        {
          type: 'ActivityAllocated',
          data: {
            activityId: 'act-1',
            areaId: 'vision-ehalsa',
            title: 'Strukturerad vårdinformation i journalen',
            amountOre: 4 * MKR,
            owner: 'region',
            recipientOrganisationIds: [],
            authority: { kind: 'delegated', delegatedDecisionId: 'dd-1', delegationId: 'd-rd', delegationVersion: 1, bodyId: 'regionstyrelsen', decidedBy: 'anders.bystrom' },
            ...stamp(regionalDirector),
          },
        },
      ]);
  });

  it('an amended delegation: the decision names the version it was taken under', () => {
    const [event] = agreementDecider.decide(allocate(MKR, underDelegation('dd-1', delegation({ version: 3 }))), agreement().state, director);
    expect(event.data).toMatchObject({ authority: { delegationVersion: 3 } });
  });

  it('the body itself allocates by its decision (§), recorded by the committee secretary', () => {
    const [event] = agreementDecider.decide(allocate(6 * MKR, byBoard(2)), agreement().state, by(committeeSecretary));
    expect(event.data).toMatchObject({ amountOre: 6 * MKR, authority: boardAuthority(2) });
  });

  it('a retried allocation changes nothing; the same activity id with other content is AGREEMENT-DUPLICATE', () => {
    const first = agreementDecider.decide(allocate(4 * MKR), agreement().state, director);
    agreement(...first).when(allocate(4 * MKR), director).then([]);
    agreement(...first).when(allocate(3 * MKR), director).thenRefuses(R.AGREEMENT_DUPLICATE);
  });

  it(`BUDGET-ALLOCATION-WITHIN-AREA: the activities of an area never exceed its budget`, () => {
    expect(agreementDecider.decide(allocate(3 * MKR), agreement(...twoActivities).state, director)).toHaveLength(1);
    agreement(...twoActivities).when(allocate(3 * MKR + 1), director).thenRefuses(R.BUDGET_ALLOCATION_WITHIN_AREA);
  });

  it(`BUDGET-AMOUNT-POSITIVE: an allocation is a positive whole number of öre`, () => {
    agreement().when(allocate(0), director).thenRefuses(R.BUDGET_AMOUNT_POSITIVE);
    agreement().when(allocate(-100), director).thenRefuses(R.BUDGET_AMOUNT_POSITIVE);
    agreement().when(allocate(99.5), director).thenRefuses(R.BUDGET_AMOUNT_POSITIVE);
  });

  it(`BUDGET-DEADLINE-PASSED: nothing is allocated after the use deadline (a Swedish date)`, () => {
    agreement().when(allocate(MKR), by(regionalDirector, new Date('2022-12-31T23:30:00Z'))).thenRefuses(R.BUDGET_DEADLINE_PASSED);
    agreement().when(allocate(MKR, byBoard(2)), by(committeeSecretary, new Date('2023-01-02T09:00:00Z'))).thenRefuses(R.BUDGET_DEADLINE_PASSED);
  });

  it(`BUDGET-UNKNOWN-AREA: an activity in an area the agreement does not have`, () => {
    agreement().when(allocate(MKR, underDelegation('dd-1'), 'tandvard'), director).thenRefuses(R.BUDGET_UNKNOWN_AREA);
  });

  it(`AGREEMENT-ROLE: the regional director cannot record a body decision as the authority`, () => {
    agreement().when(allocate(MKR, byBoard(2)), director).thenRefuses(R.AGREEMENT_ROLE);
  });

  it(`DECISION-AUTHORITY: a body decision of another body than the agreement's`, () => {
    agreement().when(allocate(MKR, byBoard(2, { bodyId: 'halso-och-sjukvardsnamnden' })), by(caseOfficer)).thenRefuses(DecisionAuthorityRules.DECISION_AUTHORITY);
  });

  it(`AGREEMENT-DECISION-CASE: before the budgets are set, only a decision on the agreement's case decides on its money`, () => {
    given(agreementDecider, opened).when(allocate(MKR, byBoard(2, { caseId: 'c-annat-arende' })), by(caseOfficer)).thenRefuses(R.AGREEMENT_DECISION_CASE);
  });

  it(`AGREEMENT-DECISION-CASE: after the budgets, the deciding body allocates by a § on any case`, () => {
    const [event] = agreementDecider.decide(allocate(MKR, byBoard(2, { caseId: 'c-omfordelning' })), agreement().state, by(caseOfficer));
    expect(event.data).toMatchObject({ amountOre: MKR, authority: boardAuthority(2) });
  });

  it(`AGREEMENT-DECISION-REUSED: a § authorises one act — the budgets' § allocates nothing, nor does a § that allocated once allocate again`, () => {
    agreement().when(allocate(MKR, byBoard(1)), by(caseOfficer)).thenRefuses(R.AGREEMENT_DECISION_REUSED);
    const first = agreementDecider.decide(allocate(MKR, byBoard(2)), agreement().state, by(caseOfficer));
    agreement(...first).when({ ...allocate(MKR, byBoard(2)), activityId: 'act-2' }, by(caseOfficer)).thenRefuses(R.AGREEMENT_DECISION_REUSED);
    // the same allocation retried is still a no-op
    agreement(...first).when(allocate(MKR, byBoard(2)), by(caseOfficer)).then([]);
  });
});

describe('agreement decider: every refusal of checkMandate reaches the delegate', () => {
  const refusals: Array<[string, AuthorityEvidence, Actor]> = [
    ['DELEGATION-NOT-FOUND', underDelegation('dd-1', null), regionalDirector],
    ['DELEGATION-REVOKED', underDelegation('dd-1', delegation({ revokedAt: '2022-04-01T10:00:00.000Z' })), regionalDirector],
    ['DELEGATION-VALIDITY', underDelegation('dd-1', delegation({ validUntil: '2022-04-24' })), regionalDirector],
    ['DELEGATION-DELEGATE', underDelegation('dd-1'), chair],
    ['DELEGATION-SCOPE', underDelegation('dd-1', delegation({ scope: { ...delegation().scope, areaIds: ['nara-vard'] } })), regionalDirector],
    ['DELEGATION-SCOPE', underDelegation('dd-1', delegation({ scope: { ...delegation().scope, agreementId: 'a-other' } })), regionalDirector],
    ['DELEGATION-KIND', underDelegation('dd-1', delegation({ scope: { ...delegation().scope, kinds: ['reallocate_within_area'] } })), regionalDirector],
    ['DELEGATION-AMOUNT-LIMIT', underDelegation('dd-1', delegation({ amountLimitOre: 2 * MKR })), regionalDirector],
  ];
  it.each(refusals)('%s: a delegated allocation outside the mandate is refused and records nothing', (ruleId, authority, actor) => {
    agreement().when(allocate(3 * MKR, authority), by(actor)).thenRefuses(ruleId);
  });

  it(`BUDGET-BETWEEN-AREAS-MANDATE: seed 003's delegation covers activities and moves inside an area, not between areas`, () => {
    agreement().when(between(MKR, underDelegation('dd-2')), director).thenRefuses(DelegationRules.BUDGET_BETWEEN_AREAS_MANDATE);
  });

  it(`AGREEMENT-DECIDING-BODY: a delegation of another body does not move this agreement's money`, () => {
    const foreign = delegation({ bodyId: 'halso-och-sjukvardsnamnden' });
    agreement().when(allocate(MKR, underDelegation('dd-1', foreign)), director).thenRefuses(R.AGREEMENT_DECIDING_BODY);
  });
});

describe('agreement decider: reallocation within an area', () => {
  it('moves money between two activities of the area under the delegation', () => {
    agreement(...twoActivities)
      .when(within(MKR), director)
      .then([
        {
          type: 'FundsReallocatedWithinArea',
          data: {
            reallocationId: 'r-1',
            areaId: 'vision-ehalsa',
            fromActivityId: 'x',
            toActivityId: 'y',
            amountOre: MKR,
            authority: delegatedAuthority('dd-r'),
            ...stamp(regionalDirector),
          },
        },
      ]);
  });

  it('a retried reallocation changes nothing', () => {
    const moved = agreementDecider.decide(within(MKR), agreement(...twoActivities).state, director);
    agreement(...twoActivities, ...moved).when(within(MKR), director).then([]);
    agreement(...twoActivities, ...moved).when(within(2 * MKR), director).thenRefuses(R.AGREEMENT_DUPLICATE);
  });

  const spentX = outcomeReported('x', 'vision-ehalsa', 3 * MKR);

  it(`BUDGET-NOT-BELOW-SPENT: no activity below what it has spent, nor below zero`, () => {
    expect(agreementDecider.decide(within(MKR), agreement(...twoActivities, spentX).state, director)).toHaveLength(1);
    agreement(...twoActivities, spentX).when(within(MKR + 1), director).thenRefuses(R.BUDGET_NOT_BELOW_SPENT);
    agreement(...twoActivities).when(within(4 * MKR + 1, underDelegation('dd-r', delegation({ amountLimitOre: null }))), director).thenRefuses(R.BUDGET_NOT_BELOW_SPENT);
  });

  it(`BUDGET-UNKNOWN-ACTIVITY: both activities must be in the named area`, () => {
    const elsewhere = allocated('z', 'ambulans', MKR);
    agreement(...twoActivities, elsewhere).when({ ...within(MKR), toActivityId: 'z' }, director).thenRefuses(R.BUDGET_UNKNOWN_ACTIVITY);
    agreement(...twoActivities).when({ ...within(MKR), fromActivityId: 'nope' }, director).thenRefuses(R.BUDGET_UNKNOWN_ACTIVITY);
  });

  it(`BUDGET-REALLOCATION-DISTINCT: from and to are two different activities`, () => {
    agreement(...twoActivities).when({ ...within(MKR), toActivityId: 'x' }, director).thenRefuses(R.BUDGET_REALLOCATION_DISTINCT);
  });

  it(`DELEGATION-KIND: a delegation for activities only does not reallocate`, () => {
    const activitiesOnly = delegation({ scope: { ...delegation().scope, kinds: ['decide_activities'] } });
    agreement(...twoActivities).when(within(MKR, underDelegation('dd-r', activitiesOnly)), director).thenRefuses(DelegationRules.DELEGATION_KIND);
  });
});

describe('agreement decider: reallocation between areas', () => {
  it('the body moves unallocated money from one area to another by its decision', () => {
    agreement(...twoActivities)
      .when(between(3 * MKR), by(committeeSecretary))
      .then([
        {
          type: 'FundsReallocatedBetweenAreas',
          data: { reallocationId: 'r-2', fromAreaId: 'vision-ehalsa', toAreaId: 'ambulans', amountOre: 3 * MKR, authority: boardAuthority(5), ...stamp(committeeSecretary) },
        },
      ]);
  });

  it('a delegation that explicitly grants reallocate_between_areas allows it', () => {
    const explicit = delegation({ scope: { ...delegation().scope, kinds: ['reallocate_between_areas'] } });
    const [event] = agreementDecider.decide(between(MKR, underDelegation('dd-2', explicit)), agreement().state, director);
    expect(event.data).toMatchObject({ amountOre: MKR, authority: delegatedAuthority('dd-2') });
  });

  it(`BUDGET-AREA-AVAILABLE: only what is not allocated to activities can leave an area`, () => {
    agreement(...twoActivities).when(between(3 * MKR + 1), by(committeeSecretary)).thenRefuses(R.BUDGET_AREA_AVAILABLE);
  });

  it(`BUDGET-REALLOCATION-DISTINCT and BUDGET-UNKNOWN-AREA: two different, existing areas`, () => {
    agreement().when({ ...between(MKR), toAreaId: 'vision-ehalsa' }, by(committeeSecretary)).thenRefuses(R.BUDGET_REALLOCATION_DISTINCT);
    agreement().when({ ...between(MKR), toAreaId: 'tandvard' }, by(committeeSecretary)).thenRefuses(R.BUDGET_UNKNOWN_AREA);
  });

  it(`DECISION-AUTHORITY: an unadjusted decision moves nothing`, () => {
    agreement().when(between(MKR, byBoard(5, { adjusted: false })), by(committeeSecretary)).thenRefuses(DecisionAuthorityRules.DECISION_AUTHORITY);
  });

  it(`AGREEMENT-DECISION-CASE: after the budgets, a § approving a separate case "Omfördelning…" moves money between areas`, () => {
    const [event] = agreementDecider.decide(between(MKR, byBoard(5, { caseId: 'c-omfordelning' })), agreement().state, by(committeeSecretary));
    expect(event.data).toMatchObject({ amountOre: MKR, authority: boardAuthority(5) });
  });

  it(`AGREEMENT-DECISION-REUSED: the budgets' § is no standing authority — it moves nothing between areas, and a § that moved once moves nothing more`, () => {
    agreement().when(between(MKR, byBoard(1)), by(committeeSecretary)).thenRefuses(R.AGREEMENT_DECISION_REUSED);
    const moved = agreementDecider.decide(between(MKR), agreement().state, by(committeeSecretary));
    agreement(...moved).when({ ...between(MKR), reallocationId: 'r-3' }, by(committeeSecretary)).thenRefuses(R.AGREEMENT_DECISION_REUSED);
    agreement(...moved).when(between(MKR), by(committeeSecretary)).then([]);
  });
});
