import fc from 'fast-check';
import { committeeSecretary, regionalDirector } from '../../test/support/given';
import { DelegableKind } from '../delegations/mandate';
import { Actor } from '../platform/actor';
import { Problem } from '../platform/errors';
import { AgreementEvent } from './agreements.events';
import { AgreementCommand, agreementDecider, AuthorityEvidence } from './agreement.decider';
import { APRIL, byBoard, delegation, fact, opened } from './agreement.fixtures';
import { activitiesIn, AgreementState, allocatedIn, budgetedTotal, OpenedAgreement } from './agreement.state';

/**
 * Random sequences of budget decisions, allocations, reallocations and outcomes, applied through
 * decide/evolve (refusals skipped), never break the ledger's invariants. Small amounts and few
 * areas and activities so that the limits are hit often.
 */
const TOTAL = 100_000;
const AREA_IDS = ['nara-vard', 'medarbetare', 'vision-ehalsa'];
const start = { ...opened, data: { ...opened.data, totalOre: TOTAL, areas: opened.data.areas.filter((a) => AREA_IDS.includes(a.areaId)) } };

const areaIndex = fc.nat({ max: AREA_IDS.length - 1 });
const areaId = areaIndex.map((i) => AREA_IDS[i]);
const amount = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 15_000 }) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 60_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: -10, max: 10 }) },
);
const ALL_KINDS: DelegableKind[] = ['decide_activities', 'reallocate_within_area', 'reallocate_between_areas'];
const kinds = fc.oneof({ weight: 3, arbitrary: fc.constant(ALL_KINDS) }, { weight: 2, arbitrary: fc.subarray(ALL_KINDS) });
const mostly = fc.constantFrom(true, true, true, false);

/** a body decision (§ n, sometimes not adjusted) or a delegation version with a random scope and limit */
const authority: fc.Arbitrary<{ evidence: AuthorityEvidence; actor: Actor; label: string }> = fc.oneof(
  fc.record({ paragraph: fc.integer({ min: 2, max: 50 }), adjusted: mostly }).map(({ paragraph, adjusted }) => ({
    evidence: byBoard(paragraph, { adjusted }),
    actor: committeeSecretary,
    label: `body § ${paragraph}${adjusted ? '' : ' (not adjusted)'}`,
  })),
  fc
    .record({
      kinds,
      areaIds: fc.oneof({ weight: 3, arbitrary: fc.constant(AREA_IDS) }, { weight: 1, arbitrary: fc.subarray(AREA_IDS, { minLength: 1 }) }),
      limit: fc.option(fc.integer({ min: 1, max: 40_000 })),
      id: fc.uuid(),
    })
    .map(({ kinds: k, areaIds, limit, id }) => ({
      evidence: {
        kind: 'delegated' as const,
        delegationId: 'd-rd',
        delegatedDecisionId: id,
        delegation: delegation({ scope: { agreementId: opened.data.agreementId, areaIds, kinds: k }, amountLimitOre: limit }),
      },
      actor: regionalDirector,
      label: `delegation ${k.join('+') || '(no kinds)'} in ${areaIds.join('+')} up to ${limit ?? '∞'}`,
    })),
);

/**
 * A step is drawn as an intention and resolved against the state it meets: "move from the n-th
 * activity of the area to the m-th", so that moves usually find both ends. Still deterministic.
 */
type Step = (state: OpenedAgreement) => { command: AgreementCommand; actor: Actor };
/** draws a step and shows what was drawn (not a function body) when fast-check reports a counterexample */
function intention<T extends object>(label: string, drawn: fc.Arbitrary<T>, toStep: (d: T) => Step): fc.Arbitrary<Step> {
  return drawn.map((d) => {
    const authority = 'authority' in d ? (d.authority as { label: string }).label : undefined;
    return Object.assign(toStep(d), { [fc.toStringMethod]: () => `${label} ${fc.stringify({ ...d, ...(authority ? { authority } : {}) })}` });
  });
}
const nth = (ids: string[], n: number) => (ids.length === 0 ? 'none' : ids[n % ids.length]);
const idsIn = (s: OpenedAgreement, area: string) => activitiesIn(s, area).map((a) => a.activityId);

const setBudgets = intention(
  'setBudgets',
  fc.record({
    paragraph: fc.integer({ min: 2, max: 50 }),
    budgets: fc.uniqueArray(fc.record({ areaId, amountOre: fc.integer({ min: 0, max: 60_000 }) }), { selector: (b) => b.areaId, minLength: 1 }),
  }),
  ({ paragraph, budgets }) => () => ({
    actor: committeeSecretary,
    command: {
      type: 'SetAreaBudgets',
      decision: { meetingId: 'm-2022-03-22', paragraph },
      fact: fact(paragraph),
      budgets: budgets.map((b) => ({ ...b, responsibleUserId: 'ansvarig', responsibleName: 'Ansvarig' })),
    },
  }));

/** a few activity ids, so that an id is now and then used again (AGREEMENT-DUPLICATE or a retry) */
const allocate = intention(
  'allocate',
  fc.record({ n: fc.nat({ max: 15 }), areaId, amountOre: amount, authority }),
  ({ n, areaId: area, amountOre, authority: a }) => () => ({
    actor: a.actor,
    command: {
      type: 'AllocateActivity',
      activityId: `a${n}`,
      areaId: area,
      amountOre,
      title: 'Aktivitet',
      owner: null,
      recipientOrganisationIds: [],
      authority: a.evidence,
    },
  }));

/** usually in an area with two activities or more, between two different ones */
const within = intention(
  'within',
  fc.record({
    id: fc.uuid(),
    pick: fc.nat(),
    from: fc.nat(),
    gap: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 5 }) }, fc.constant(0)),
    amountOre: amount,
    authority,
  }),
  ({ id, pick, from, gap, amountOre, authority: a }) => (s: OpenedAgreement) => {
    const busy = AREA_IDS.filter((x) => idsIn(s, x).length >= 2);
    const area = nth(busy.length > 0 ? busy : AREA_IDS, pick);
    const ids = idsIn(s, area);
    return {
      actor: a.actor,
      command: {
        type: 'ReallocateWithinArea',
        reallocationId: id,
        areaId: area,
        fromActivityId: nth(ids, from),
        // gap 0 names the same activity twice (refused); any other gap a different one
        toActivityId: ids.length < 2 || gap === 0 ? nth(ids, from) : nth(ids, (from % ids.length) + 1 + (gap % (ids.length - 1))),
        amountOre,
        authority: a.evidence,
      },
    };
  });

const between = intention(
  'between',
  fc.record({ id: fc.uuid(), from: areaIndex, shift: fc.constantFrom(1, 1, 1, 2, 0), amountOre: amount, authority }),
  ({ id, from, shift, amountOre, authority: a }) => () => ({
    actor: a.actor,
    command: {
      type: 'ReallocateBetweenAreas',
      reallocationId: id,
      fromAreaId: AREA_IDS[from],
      toAreaId: AREA_IDS[(from + shift) % AREA_IDS.length],
      amountOre,
      authority: a.evidence,
    },
  }));

/** spent as a share of the allocation, sometimes above it (refused) */
const outcome = intention(
  'outcome',
  fc.record({ pick: fc.nat(), percent: fc.integer({ min: -1, max: 120 }) }),
  ({ pick, percent }) => (s: OpenedAgreement) => {
    const activityId = nth(Object.keys(s.activities), pick);
    const allocatedOre = s.activities[activityId]?.allocatedOre ?? 0;
    return {
      actor: committeeSecretary,
      command: { type: 'ReportOutcome', activityId, spentOre: Math.floor((allocatedOre * percent) / 100), reportedOn: '2022-10-01' },
    };
  });

const step = fc.oneof(
  { weight: 1, arbitrary: setBudgets },
  { weight: 4, arbitrary: allocate },
  { weight: 3, arbitrary: within },
  { weight: 2, arbitrary: between },
  { weight: 2, arbitrary: outcome },
);

const firstBudgets: Step = () => ({
  actor: committeeSecretary,
  command: {
    type: 'SetAreaBudgets',
    decision: { meetingId: 'm-2022-03-22', paragraph: 1 },
    fact: fact(1),
    budgets: AREA_IDS.map((areaId) => ({ areaId, amountOre: 30_000, responsibleUserId: 'ansvarig', responsibleName: 'Ansvarig' })),
  },
});
/** two activities in each of two areas under the delegation, so that moves and outcomes have somewhere to go */
const firstActivities: Step[] = ['nara-vard', 'nara-vard', 'vision-ehalsa', 'vision-ehalsa'].map((areaId, i) => () => ({
  actor: regionalDirector,
  command: {
    type: 'AllocateActivity',
    activityId: `a${i}`,
    areaId,
    amountOre: 6_000,
    title: 'Aktivitet',
    owner: 'joint',
    recipientOrganisationIds: ['linkopings-kommun'],
    authority: { kind: 'delegated', delegationId: 'd-rd', delegatedDecisionId: `dd-a${i}`, delegation: delegation() },
  },
}));

const open = (state: AgreementState): OpenedAgreement => {
  if (state.status !== 'open') throw new Error('agreement not open');
  return state;
};
const allocatedPerArea = (s: OpenedAgreement) => AREA_IDS.map((a) => allocatedIn(s, a)).join();
const MONEY_MOVES: ReadonlyArray<string> = ['AreaBudgetsSet', 'ActivityAllocated', 'FundsReallocatedWithinArea', 'FundsReallocatedBetweenAreas'];

/** plain checks, not expect(): thousands of steps per run, and fast-check reports the failing sequence */
function check(holds: boolean, broken: string): void {
  if (!holds) throw new Error(broken);
}

function invariants(s: OpenedAgreement): void {
  check(budgetedTotal(s) <= s.totalOre, 'area budgets above the total');
  for (const a of s.areas) check(allocatedIn(s, a.areaId) <= a.budgetOre, `activities above the budget of ${a.areaId}`);
  for (const x of Object.values(s.activities)) {
    check(x.spentOre >= 0, `${x.activityId} spent below zero`);
    check(x.allocatedOre >= x.spentOre, `${x.activityId} allocated below spent (or below zero)`);
  }
}

function namesItsAuthority(event: AgreementEvent): void {
  if (!MONEY_MOVES.includes(event.type)) return;
  const authority = 'authority' in event.data ? event.data.authority : undefined;
  check(authority !== undefined && authority.bodyId === 'regionstyrelsen', `${event.type} without its authority`);
  if (authority!.kind === 'delegated') {
    check(authority!.delegationId === 'd-rd' && authority!.delegationVersion === 1 && authority!.delegatedDecisionId !== '', `${event.type}: delegation not named`);
  } else {
    check(authority!.meetingId !== '' && Number.isInteger(authority!.paragraph), `${event.type}: body decision not named`);
  }
}

describe('agreement properties: random sequences never break the ledger', () => {
  it('budgets ≤ total, activities ≤ area budget, spent ≤ allocated; moves keep their sums; every move names its authority', () => {
    const seen = new Map<string, number>();
    const count = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);
    fc.assert(
      fc.property(fc.array(step, { minLength: 10, maxLength: 40 }), (random) => {
        // every sequence starts from a budget decision and a few activities, so that money can move at all
        const steps = [firstBudgets, ...firstActivities, ...random];
        let state = agreementDecider.evolve(agreementDecider.initialState, start);
        for (const next of steps) {
          const before = open(state);
          const { command, actor } = next(before);
          let events: AgreementEvent[];
          try {
            events = agreementDecider.decide(command, before, { actor, now: APRIL });
          } catch (error) {
            // a refusal is always a rule the user can read, never a crash
            check(error instanceof Problem, `${command.type} crashed: ${String(error)}`);
            count((error as Problem).ruleId);
            continue;
          }
          for (const event of events) {
            count(event.type);
            namesItsAuthority(event);
            state = agreementDecider.evolve(state, event);
          }
          const after = open(state);
          invariants(after);
          if (events.some((e) => e.type === 'FundsReallocatedWithinArea')) {
            check(allocatedPerArea(after) === allocatedPerArea(before), 'a move within an area changed an area total');
            check(budgetedTotal(after) === budgetedTotal(before), 'a move within an area changed a budget');
          }
          if (events.some((e) => e.type === 'FundsReallocatedBetweenAreas')) {
            check(budgetedTotal(after) === budgetedTotal(before), 'a move between areas changed the sum of budgets');
          }
        }
      }),
      { seed: 20_220_322, numRuns: 200 },
    );
    // the sequences reach every kind of move and the rules that guard them, not only refusals
    for (const type of [...MONEY_MOVES, 'OutcomeReported']) expect(seen.get(type)).toBeGreaterThan(50);
    for (const rule of ['BUDGET-AREAS-WITHIN-TOTAL', 'BUDGET-ALLOCATION-WITHIN-AREA', 'BUDGET-NOT-BELOW-SPENT', 'BUDGET-AREA-AVAILABLE', 'BUDGET-BETWEEN-AREAS-MANDATE']) {
      expect(seen.get(rule)).toBeGreaterThan(10);
    }
  });
});
